import { sql, type Transaction } from 'kysely';
import { isPostgres } from './engine.js';
import type { Database } from './schema.js';

/** Tables whose rows serialise the writes that depend on them. */
type LockableTable = 'agencies' | 'measure_plans' | 'measure_entries' | 'progress_rounds' | 'progress_reports' | 'survey_rounds';

/**
 * Holds a row until the transaction ends, so concurrent read-then-write transactions on the
 * same thing run one after another. PostgreSQL takes a row lock; SQLite needs nothing more,
 * since the one connection runs one transaction at a time.
 */
export async function lockRow(trx: Transaction<Database>, table: LockableTable, id: number): Promise<void>;
/** Holds a row of a table keyed by text (a kind of agency, by its id), as above. */
export async function lockRow(trx: Transaction<Database>, table: 'agency_kinds', id: string): Promise<void>;
export async function lockRow(
  trx: Transaction<Database>,
  table: LockableTable | 'agency_kinds',
  id: number | string,
): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}

/** Work that one transaction at a time may do, by key (e.g. keeping one fiscal year's figures). */
type LockableWork = 'kept-results';

/** Holds a lock on a piece of work until the transaction ends (PostgreSQL; SQLite runs one transaction at a time). */
export async function lockWork(trx: Transaction<Database>, work: LockableWork, key: number): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${work}), ${key})`.execute(trx);
}
