import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // Each agency-year's OIT readiness and predicted scores, kept by the OIT service as the checklist
  // changes (in the same transaction), so the city-wide readiness is one indexed query. A row is
  // computed again on the next read when what it was computed from changed elsewhere (a link check
  // finished, results, a survey round closed, or responses counted: `survey_responses` is how many
  // the agency-year's rounds had counted then); checklists without a row are computed then too.
  await db.schema
    .createTable('oit_readiness')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('ready', 'integer', (c) => c.notNull())
    .addColumn('at_risk', 'integer', (c) => c.notNull())
    .addColumn('missing', 'integer', (c) => c.notNull())
    .addColumn('oit_low', 'double precision', (c) => c.notNull())
    .addColumn('oit_high', 'double precision', (c) => c.notNull())
    .addColumn('ita_low', 'double precision')
    .addColumn('ita_high', 'double precision')
    .addColumn('level_low', 'varchar(200)')
    .addColumn('level_high', 'varchar(200)')
    .addColumn('basis', 'text')
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('survey_responses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('oit_readiness_pk', ['agency_id', 'fiscal_year'])
    .execute();
  await db.schema.createIndex('oit_readiness_year').on('oit_readiness').columns(['fiscal_year', 'agency_id']).execute();
}
