import type { Kysely, Transaction } from 'kysely';
import { isPostgres } from './engine.js';
import type { Database } from './schema.js';

/**
 * Runs reads that must agree with each other (a page's tallies and its rows) on one snapshot of
 * the database: on PostgreSQL a read-only repeatable-read transaction, so a write committed between
 * them (a background keeping) is seen by neither or both; SQLite's one connection runs the
 * transaction with nothing in between.
 */
export function readSnapshot<T>(db: Kysely<Database>, reads: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const transaction = db.transaction();
  return (isPostgres(db) ? transaction.setIsolationLevel('repeatable read').setAccessMode('read only') : transaction).execute(
    reads,
  );
}
