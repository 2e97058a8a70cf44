import type { Kysely, Transaction } from 'kysely';
import { now } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Committee } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export async function findCommittee(db: Executor, agencyId: number, fiscalYear: number): Promise<Committee | undefined> {
  const row = await db
    .selectFrom('committees')
    .select('data')
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data) as Committee) : undefined;
}

/** The most recent committee of a year before `fiscalYear`, to carry over. */
export async function latestCommitteeBefore(
  db: Executor,
  agencyId: number,
  fiscalYear: number,
): Promise<{ fiscalYear: number; committee: Committee } | undefined> {
  const row = await db
    .selectFrom('committees')
    .select(['fiscal_year', 'data'])
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '<', fiscalYear)
    .orderBy('fiscal_year', 'desc')
    .executeTakeFirst();
  return row ? { fiscalYear: row.fiscal_year, committee: JSON.parse(row.data) as Committee } : undefined;
}

/** Writes the committee of a year; answers what it replaced, if anything. */
export async function saveCommittee(
  trx: Transaction<Database>,
  agencyId: number,
  fiscalYear: number,
  committee: Committee,
): Promise<Committee | undefined> {
  const before = await findCommittee(trx, agencyId, fiscalYear);
  const data = JSON.stringify(committee);
  if (before) {
    await trx
      .updateTable('committees')
      .set({ data, updated_at: now() })
      .where('agency_id', '=', agencyId)
      .where('fiscal_year', '=', fiscalYear)
      .execute();
  } else {
    await trx
      .insertInto('committees')
      .values({ agency_id: agencyId, fiscal_year: fiscalYear, data, updated_at: now() })
      .execute();
  }
  return before;
}
