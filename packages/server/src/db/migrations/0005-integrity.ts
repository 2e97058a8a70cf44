import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Optimistic concurrency: a write names the version it read and is refused when it is stale.
  await db.schema
    .alterTable('measure_entries')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // Document jobs outlive the process that queued them, and instances share them.
  await db.schema
    .createTable('document_jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('requested_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('format', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)')
    .addColumn('bytes', 'integer')
    .addColumn('error', 'text')
    .addColumn('worker', 'varchar(64)')
    .addColumn('heartbeat_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('document_jobs_status').on('document_jobs').columns(['status', 'created_at']).execute();

  // What the public sees: a snapshot made on purpose by an agency admin, never the live rows.
  await db.schema
    .createTable('publications')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('round', 'integer')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer')
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('withdrawn_by', 'integer')
    .addColumn('withdrawn_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('publications_scope').on('publications').columns(['agency_id', 'kind', 'fiscal_year']).execute();
}
