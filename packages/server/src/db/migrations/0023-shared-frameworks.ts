import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // An imported framework's JSON, kept with its claim, so every instance on the database finds the
  // set (each keeps a copy in its data directory). Null for a set imported before: the instance
  // holding its file fills it in at its next start; otherwise a row is never changed.
  await db.schema.alterTable('framework_imports').addColumn('data', 'text').execute();
}
