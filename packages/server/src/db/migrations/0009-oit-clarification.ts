import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // The assessors' preliminary OIT scores of a checklist, the items the agency disputes with its
  // clarification, and the confirmed scores that then become the year's OIT result.
  await db.schema
    .createTable('oit_reviews')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('checklist_id', 'integer', (c) => c.notNull().unique().references('oit_checklists.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('preliminary', 'text', (c) => c.notNull())
    .addColumn('preliminary_file', 'varchar(255)', (c) => c.notNull())
    .addColumn('imported_by', 'integer')
    .addColumn('imported_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('confirmed', 'text')
    .addColumn('confirmed_by', 'integer')
    .addColumn('confirmed_at', 'varchar(32)')
    .execute();
  await db.schema
    .createTable('oit_disputes')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('review_id', 'integer', (c) => c.notNull().references('oit_reviews.id').onDelete('cascade'))
    .addColumn('item_code', 'varchar(16)', (c) => c.notNull())
    .addColumn('clarification', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('oit_disputes_item', ['review_id', 'item_code'])
    .execute();
}
