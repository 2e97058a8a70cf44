import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const id = idColumn(engine);
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'integer', id)
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('framework_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('source', 'varchar(32)', (c) => c.notNull())
    .addColumn('ita', 'double precision')
    .addColumn('level_id', 'varchar(32)')
    .addColumn('iit', 'double precision')
    .addColumn('eit', 'double precision')
    .addColumn('oit', 'double precision')
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('assessments_agency_year', ['agency_id', 'fiscal_year'])
    .execute();
  await db.schema.createIndex('assessments_year').on('assessments').column('fiscal_year').execute();

  await db.schema
    .createTable('assessment_imports')
    .addColumn('id', 'integer', id)
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('scope', 'varchar(200)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('superseded_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('assessment_imports_assessment').on('assessment_imports').column('assessment_id').execute();
}
