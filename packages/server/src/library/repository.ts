import type { Kysely, Transaction } from 'kysely';
import type { Database, LibraryEntry } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export function findLibraryEntry(db: Executor, id: number): Promise<LibraryEntry | undefined> {
  return db.selectFrom('library_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertLibraryEntry(db: Executor, entry: Omit<LibraryEntry, 'id'>): Promise<LibraryEntry> {
  return db.insertInto('library_entries').values(entry).returningAll().executeTakeFirstOrThrow();
}

/** Moves an entry from one sharing status to the next; `undefined` when it was not in `from` (a race lost). */
export function setLibraryStatus(db: Executor, id: number, from: string[], to: string): Promise<LibraryEntry | undefined> {
  return db
    .updateTable('library_entries')
    .set({ status: to })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returningAll()
    .executeTakeFirst();
}
