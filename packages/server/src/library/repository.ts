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

/**
 * Library entries: every one, or those shared with all agencies and those of one agency
 * (`sharedOrOf`; an agency of `null` adds none of its own).
 */
export function listLibraryEntries(db: Executor, scope: { sharedOrOf: number | null } | 'all'): Promise<LibraryEntry[]> {
  let select = db.selectFrom('library_entries').selectAll();
  if (scope !== 'all') {
    const agencyId = scope.sharedOrOf;
    select = select.where((eb) => eb.or([eb('status', '=', 'shared'), eb('agency_id', '=', agencyId ?? -1)]));
  }
  return select.execute();
}

/** Whether the shipped library (entries of no agency) is loaded. */
export async function hasShippedLibrary(db: Executor): Promise<boolean> {
  const existing = await db.selectFrom('library_entries').select('id').where('agency_id', 'is', null).limit(1).execute();
  return existing.length > 0;
}
