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
      .executeTakeFirst();
  }

  latestRun(agencyId: number, fiscalYear: number): Promise<LinkCheckRun | undefined> {
    return this.db
      .selectFrom('link_check_runs')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .orderBy('created_at', 'desc')
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
   * (those whatever their age): what the schedule needs to know which checks are due.
   */
  async runsSince(since: string): Promise<{ agency_id: number; fiscal_year: number; last_run_at: string; pending: boolean }[]> {
    const rows = await this.db
      .selectFrom('link_check_runs')
      .select((eb) => [
        'agency_id',
        'fiscal_year',
        eb.fn.max('created_at').as('last_run_at'),
        eb.fn.max(sql<number>`case when status in ('queued', 'running') then 1 else 0 end`).as('pending'),
      ])
      .where((eb) => eb.or([eb('created_at', '>=', since), eb('status', 'in', ['queued', 'running'])]))
      .groupBy(['agency_id', 'fiscal_year'])
      .execute();
    return rows.map((r) => ({
      agency_id: r.agency_id,
      fiscal_year: r.fiscal_year,
      last_run_at: r.last_run_at,
      pending: Number(r.pending) === 1,
    }));
  }

  /** Each agency's latest finished run of the year (of these agencies when given). */
  async latestRunsOfYear(fiscalYear: number, within?: readonly number[]): Promise<LinkCheckRun[]> {
    const only = within === undefined ? sql`` : sql`and r.agency_id in (${sql.join(within.length ? [...within] : [-1])})`;
    const rows = await sql<LinkCheckRun>`
      select r.* from link_check_runs r
      where r.fiscal_year = ${fiscalYear} and r.status = 'done' ${only}
        and r.created_at = (select max(x.created_at) from link_check_runs x
                            where x.agency_id = r.agency_id and x.fiscal_year = r.fiscal_year and x.status = 'done')
      order by r.agency_id`.execute(this.db);
    return rows.rows;
  }
}
