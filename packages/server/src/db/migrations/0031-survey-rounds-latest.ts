import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // A year's rounds of a tool, and each agency's latest of them, read along this index: the city's
  // survey progress looked for every round's latest sibling by reading every round.
  await db.schema
    .createIndex('survey_rounds_latest')
    .on('survey_rounds')
    .columns(['fiscal_year', 'tool', 'agency_id', 'id'])
    .execute();
}
