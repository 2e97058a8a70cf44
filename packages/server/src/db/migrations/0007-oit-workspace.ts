import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // An agency's OIT checklist of a fiscal year: the framework's items as tasks, assigned to
  // divisions, with the documents and links that answer them. What the executive approves is
  // published as a snapshot (publications, kind `oit`): the transparency pages show only that.
  await db.schema
    .createTable('oit_checklists')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('framework_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('approved_by', 'integer')
    .addColumn('approved_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('oit_checklists_year', ['agency_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createTable('oit_tasks')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('checklist_id', 'integer', (c) => c.notNull().references('oit_checklists.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('item_code', 'varchar(16)', (c) => c.notNull())
    .addColumn('carry', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)')
    .addColumn('review_comment', 'text')
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('oit_tasks_item', ['checklist_id', 'item_code'])
    .execute();
  await db.schema
    .createTable('oit_task_divisions')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('oit_tasks.id').onDelete('cascade'))
    .addColumn('division_id', 'integer', (c) => c.notNull().references('divisions.id').onDelete('cascade'))
    .addUniqueConstraint('oit_task_divisions_pair', ['task_id', 'division_id'])
    .execute();
  await db.schema
    .createTable('oit_evidence')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('oit_tasks.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('division_id', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('stored_name', 'varchar(64)')
    .addColumn('file_name', 'varchar(255)')
    .addColumn('mime', 'varchar(128)')
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oit_evidence_task').on('oit_evidence').column('task_id').execute();
}
