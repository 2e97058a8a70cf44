import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // A year's assessments read from the index alone: the city table's ranks and sortable parts, its
  // group figures and the trends' yearly means no longer read the rows with their full results
  // (at 8,300 agencies × 5 years the table is far wider than this index). It replaces the index on
  // the year alone, which it begins with.
  await db.schema
    .createIndex('assessments_year_figures')
    .on('assessments')
    .columns(['fiscal_year', 'agency_id', 'ita', 'level_id', 'iit', 'eit', 'oit', 'source', 'framework_id', 'id'])
    .execute();
  await db.schema.dropIndex('assessments_year').execute();
  // The agencies by Thai name, so a page sorted by name is read along an index, not sorted whole.
  await db.schema.createIndex('agencies_name_th').on('agencies').columns(['name_th', 'id']).execute();
}
