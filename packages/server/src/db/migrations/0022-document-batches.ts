import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // A batch of documents (one of a kind for every agency a central admin oversees) is a record of
  // its own: its jobs are inserted in one statement and read a page at a time, with their counts by
  // status from the index, whatever the number of agencies.
  await db.schema
    .createTable('document_batches')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('format', 'varchar(8)', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_batches_requester')
    .on('document_batches')
    .columns(['requested_by', 'created_at'])
    .execute();
  await db.schema
    .alterTable('document_jobs')
    .addColumn('batch_id', 'varchar(36)', (c) => c.references('document_batches.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('document_jobs_batch').on('document_jobs').columns(['batch_id', 'status']).execute();
}
