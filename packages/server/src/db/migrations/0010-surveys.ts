import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Self-assessment surveys. Answers are never stored per respondent: each complete response adds
  // one to the tally of each answered option, and to its division's count. A receipt keeps the
  // phone's random submission id so a retry is answered as the first, with no time and nothing
  // else; a single-use code records only that it was used.
  await db.schema
    .createTable('survey_rounds')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('tool', 'varchar(8)', (c) => c.notNull())
    .addColumn('framework_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('code', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('opens_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('closes_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('use_codes', 'integer', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('survey_tallies')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id').onDelete('cascade'))
    .addColumn('division_id', 'integer', (c) => c.notNull())
    .addColumn('item_key', 'varchar(16)', (c) => c.notNull())
    .addColumn('option_index', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('survey_tallies_cell', ['round_id', 'division_id', 'item_key', 'option_index'])
    .execute();
  await db.schema
    .createTable('survey_counts')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id').onDelete('cascade'))
    .addColumn('division_id', 'integer', (c) => c.notNull())
    .addColumn('responses', 'integer', (c) => c.notNull())
    .addUniqueConstraint('survey_counts_division', ['round_id', 'division_id'])
    .execute();
  await db.schema
    .createTable('survey_receipts')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id').onDelete('cascade'))
    .addColumn('client_id', 'varchar(64)', (c) => c.notNull())
    .addUniqueConstraint('survey_receipts_client', ['round_id', 'client_id'])
    .execute();
  await db.schema
    .createTable('survey_codes')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id').onDelete('cascade'))
    .addColumn('division_id', 'integer', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull())
    .addUniqueConstraint('survey_codes_code', ['round_id', 'code_hash'])
    .execute();
  await db.schema
    .createTable('survey_quotas')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('survey_rounds.id').onDelete('cascade'))
    .addColumn('division_id', 'integer', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addUniqueConstraint('survey_quotas_division', ['round_id', 'division_id'])
    .execute();
}
