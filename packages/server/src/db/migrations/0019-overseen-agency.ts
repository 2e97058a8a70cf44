import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // The part of the oversight tree a central admin oversees: NULL is the whole country,
  // an agency's id is that agency and every agency below it. No foreign key, as agencies.parent_id.
  await db.schema.alterTable('users').addColumn('oversees_agency_id', 'integer').execute();
}
