import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // The city-wide readiness sums (how many agencies, items ready, at risk and missing, the OIT range)
  // read from this index alone, not from the kept rows with their wide text.
  await db.schema
    .createIndex('oit_readiness_year_figures')
    .on('oit_readiness')
    .columns(['fiscal_year', 'agency_id', 'ready', 'at_risk', 'missing', 'oit_low', 'oit_high'])
    .execute();
}
