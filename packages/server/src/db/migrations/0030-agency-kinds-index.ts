import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // The kinds of agency in use, read by stepping from one kind to the next along this index (a few
  // lookups for the whole country) instead of reading every agency: the city's late list names its
  // milestones in the words of the kinds it covers.
  await db.schema.createIndex('agencies_kind').on('agencies').columns(['kind', 'id']).execute();
}
