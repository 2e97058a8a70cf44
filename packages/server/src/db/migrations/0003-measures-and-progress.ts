import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const id = idColumn(engine);
  await db.schema
    .createTable('measure_plans')
    .addColumn('id', 'integer', id)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('based_on_year', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('measure_plans_agency_year', ['agency_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('measure_entries')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('measure_plans.id').onDelete('cascade'))
    .addColumn('section', 'varchar(16)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_code', 'varchar(16)')
    .addColumn('indicator_number', 'integer')
    .addColumn('question_text', 'text')
    .addColumn('score', 'double precision')
    .addColumn('title', 'text')
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('divisions', 'text', (c) => c.notNull())
    .addColumn('cadence', 'varchar(16)', (c) => c.notNull())
    .addColumn('cadence_text', 'varchar(200)')
    .addColumn('start_date', 'varchar(10)')
    .addColumn('end_date', 'varchar(10)')
    .addColumn('target_score', 'double precision')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measure_entries_plan').on('measure_entries').column('plan_id').execute();

  await db.schema
    .createTable('library_entries')
    .addColumn('id', 'integer', id)
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('cascade'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('question_code', 'varchar(16)')
    .addColumn('indicator_number', 'integer')
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(200)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('progress_rounds')
    .addColumn('id', 'integer', id)
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('measure_plans.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'integer')
    .addColumn('approved_at', 'varchar(32)')
    .addUniqueConstraint('progress_rounds_plan_round', ['plan_id', 'round'])
    .execute();

  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'integer', id)
    .addColumn('round_id', 'integer', (c) => c.notNull().references('progress_rounds.id').onDelete('cascade'))
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('measure_entries.id').onDelete('cascade'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('review', 'varchar(16)', (c) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('progress_reports_round_entry', ['round_id', 'entry_id'])
    .execute();

  await db.schema
    .createTable('progress_revisions')
    .addColumn('id', 'integer', id)
    .addColumn('round_id', 'integer', (c) => c.notNull().references('progress_rounds.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evidence_files')
    .addColumn('id', 'integer', id)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('progress_reports.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(2000)')
    .addColumn('stored_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('thumb_name', 'varchar(100)')
    .addColumn('mime', 'varchar(64)', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_files_report').on('evidence_files').column('report_id').execute();
}
