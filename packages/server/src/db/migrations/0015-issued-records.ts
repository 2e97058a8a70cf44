import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // Each imported framework id, claimed once: its key is the id, so a second import of the same
  // id (even at the same moment) finds it taken and is refused; a row is never updated.
  await db.schema
    .createTable('framework_imports')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('imported_by', 'integer')
    .addColumn('imported_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // What an issued memo said when it was issued (its resolved text, every date and line), from
  // which its view and documents are made until it is reopened; null while it is a draft.
  await db.schema.alterTable('memos').addColumn('issued_content', 'text').execute();
}
