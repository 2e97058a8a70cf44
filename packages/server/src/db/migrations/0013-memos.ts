import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // The memos (บันทึกข้อความ) that open an agency's year, one per kind: what the secretariat wrote
  // into them (JSON), and when one was issued (numbered, dated and sent), after which it is locked.
  await db.schema
    .createTable('memos')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(32)')
    .addColumn('issued_by', 'integer')
    .addUniqueConstraint('memos_kind', ['agency_id', 'fiscal_year', 'kind'])
    .execute();
}
