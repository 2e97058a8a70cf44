import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // A measure owned by several divisions (or by every division) is reported by each of them:
  // one part per division, so completeness counts what each division itself sent.
  await db.schema
    .createTable('report_parts')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('progress_reports.id').onDelete('cascade'))
    .addColumn('division_id', 'integer', (c) => c.notNull().references('divisions.id').onDelete('cascade'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('report_parts_division', ['report_id', 'division_id'])
    .execute();
}
