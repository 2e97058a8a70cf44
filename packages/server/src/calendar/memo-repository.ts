import type { Kysely, Transaction } from 'kysely';
import type { MemoKind } from '@prongsai/core';
import { now } from '../db/database.js';
import type { Database, MemoRow } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The memos of agencies' years: one row per agency, year and kind. */
export class MemoRepository {
  constructor(private readonly db: Executor) {}

  find(agencyId: number, fiscalYear: number, kind: MemoKind): Promise<MemoRow | undefined> {
    return this.db
      .selectFrom('memos')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .where('kind', '=', kind)
      .executeTakeFirst();
  }

  ofYear(agencyId: number, fiscalYear: number): Promise<MemoRow[]> {
    return this.db
      .selectFrom('memos')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .execute();
  }

  async save(agencyId: number, fiscalYear: number, kind: MemoKind, content: string, actorId: number | null): Promise<void> {
    const at = now();
    await this.db
      .insertInto('memos')
      .values({ agency_id: agencyId, fiscal_year: fiscalYear, kind, content, updated_by: actorId, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'fiscal_year', 'kind']).doUpdateSet({ content, updated_by: actorId, updated_at: at }),
      )
      .execute();
  }

  /** Issues (with the memo's text as it went out) or reopens (dropping it) a memo. */
  async setIssued(id: number, issuedAt: string | null, actorId: number | null, issuedContent: string | null): Promise<void> {
    await this.db
      .updateTable('memos')
      .set({ issued_at: issuedAt, issued_by: actorId, issued_content: issuedContent })
      .where('id', '=', id)
      .execute();
  }
}
