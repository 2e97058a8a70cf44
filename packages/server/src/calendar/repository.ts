import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The calendar's rows: city-wide defaults, agencies' own dates and marks, and feeds. */
export class CalendarRepository {
  constructor(private readonly db: Executor) {}

  defaults(fiscalYear: number) {
    return this.db.selectFrom('calendar_defaults').selectAll().where('fiscal_year', '=', fiscalYear).execute();
  }

  async setDefault(fiscalYear: number, milestone: string, startsOn: string | null, dueOn: string): Promise<void> {
    await this.db
      .insertInto('calendar_defaults')
      .values({ fiscal_year: fiscalYear, milestone, starts_on: startsOn, due_on: dueOn })
      .onConflict((oc) => oc.columns(['fiscal_year', 'milestone']).doUpdateSet({ starts_on: startsOn, due_on: dueOn }))
      .execute();
  }

  own(agencyId: number, fiscalYear: number) {
    return this.db
      .selectFrom('agency_milestones')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .execute();
  }

  async setOwn(
    agencyId: number,
    fiscalYear: number,
    milestone: string,
    changes: {
      starts_on?: string | null;
      due_on?: string | null;
      owner_division_id?: number | null;
      done_at?: string | null;
      done_by?: number | null;
    },
  ): Promise<void> {
    await this.db
      .insertInto('agency_milestones')
      .values({
        agency_id: agencyId,
        fiscal_year: fiscalYear,
        milestone,
        starts_on: changes.starts_on ?? null,
        due_on: changes.due_on ?? null,
        owner_division_id: changes.owner_division_id ?? null,
        done_at: changes.done_at ?? null,
        done_by: changes.done_by ?? null,
      })
      .onConflict((oc) => oc.columns(['agency_id', 'fiscal_year', 'milestone']).doUpdateSet(changes))
      .execute();
  }

  feed(tokenHash: string) {
    return this.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  }

  /** Makes a feed, revoking the one before of the same agency and division (its URL stops working). */
  async replaceFeed(agencyId: number, divisionId: number, tokenHash: string, actorId: number): Promise<void> {
    const at = new Date().toISOString();
    await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: at })
      .where('agency_id', '=', agencyId)
      .where('division_id', '=', divisionId)
      .where('revoked_at', 'is', null)
      .execute();
    await this.db
      .insertInto('calendar_feeds')
      .values({
        agency_id: agencyId,
        division_id: divisionId,
        token_hash: tokenHash,
        created_by: actorId,
        created_at: at,
        revoked_at: null,
      })
      .execute();
  }

  async revokeFeeds(agencyId: number, divisionId: number): Promise<number> {
    const result = await this.db
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date().toISOString() })
      .where('agency_id', '=', agencyId)
      .where('division_id', '=', divisionId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
