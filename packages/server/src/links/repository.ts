import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, LinkCheckRun, LinkResult } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Link-check runs and their results. Reads here are not filtered by actor: the OIT service
 * applies the checklist and task policies and passes only the URLs the actor may see.
 */
export class LinkRepository {
  constructor(private readonly db: Executor) {}

  insertRun(row: LinkCheckRun): Promise<LinkCheckRun> {
    return this.db.insertInto('link_check_runs').values(row).returningAll().executeTakeFirstOrThrow();
  }

  findRun(id: string): Promise<LinkCheckRun | undefined> {
    return this.db.selectFrom('link_check_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The newest run of an agency's year that is queued or running, or finished after `since`. */
  recentRun(agencyId: number, fiscalYear: number, since: string): Promise<LinkCheckRun | undefined> {
    return this.db
      .selectFrom('link_check_runs')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .where((eb) => eb.or([eb('status', 'in', ['queued', 'running']), eb('created_at', '>=', since)]))
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  latestRun(agencyId: number, fiscalYear: number): Promise<LinkCheckRun | undefined> {
    return this.db
      .selectFrom('link_check_runs')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async insertResult(row: Omit<LinkResult, 'id'>): Promise<void> {
    await this.db.insertInto('link_results').values(row).execute();
  }

  /** Every result of the given URLs of an agency's year, newest first: the latest and the history of each. */
  results(agencyId: number, fiscalYear: number, urls: readonly string[]): Promise<LinkResult[]> {
    if (!urls.length) return Promise.resolve([]);
    return this.db
      .selectFrom('link_results')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .where('url', 'in', [...new Set(urls)])
      .orderBy('id', 'desc')
      .execute();
  }

  /**
   * Per agency and year, the newest run created since `since` and whether one is queued or running
   * (those whatever their age): what the schedule needs to know which checks are due. Each half reads
   * along its own index (migration 0032), not every run kept.
   */
  async runsSince(since: string): Promise<{ agency_id: number; fiscal_year: number; last_run_at: string; pending: boolean }[]> {
    const rows = await sql<{ agency_id: number; fiscal_year: number; last_run_at: string; pending: number | string }>`
      select agency_id, fiscal_year, max(created_at) as last_run_at, max(pending) as pending from (
        select agency_id, fiscal_year, created_at, 0 as pending from link_check_runs where created_at >= ${since}
        union all
        select agency_id, fiscal_year, created_at, 1 as pending from link_check_runs
        where status = 'queued' or status = 'running'
      ) runs
      group by agency_id, fiscal_year`.execute(this.db);
    return rows.rows.map((r) => ({
      agency_id: r.agency_id,
      fiscal_year: r.fiscal_year,
      last_run_at: r.last_run_at,
      pending: Number(r.pending) === 1,
    }));
  }
}
