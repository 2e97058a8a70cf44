import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // A set being edited by a central admin, kept whole as its framework JSON under the id it will be
  // published with. Publishing makes it a framework through the import (which never changes) and
  // stamps the draft published; it is not edited after.
  await db.schema
    .createTable('framework_drafts')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('from_id', 'varchar(64)')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)')
    .execute();
}
