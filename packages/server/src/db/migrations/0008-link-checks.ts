import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // A check of every link of an agency's OIT checklist, run in the background on the durable
  // queue (the queue columns as document_jobs has them), on demand or on a schedule.
  await db.schema
    .createTable('link_check_runs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'varchar(16)', (c) => c.notNull())
    .addColumn('requested_by', 'integer')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('worker', 'varchar(128)')
    .addColumn('heartbeat_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('link_check_runs_agency').on('link_check_runs').columns(['agency_id', 'fiscal_year']).execute();
  // One row per URL per run: the history of each link.
  await db.schema
    .createTable('link_results')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('run_id', 'varchar(36)', (c) => c.notNull().references('link_check_runs.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'varchar(32)', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('content_type', 'varchar(255)')
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('final_url', 'text', (c) => c.notNull())
    .addColumn('mentions_year', 'integer')
    .addColumn('detail', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('checked_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('link_results_agency').on('link_results').columns(['agency_id', 'fiscal_year', 'url']).execute();
}
