import type { Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // The ITA year's dates: the city-wide defaults a central admin sets for a fiscal year, each
  // agency's own dates and owners, the done mark of milestones no feature tracks, and the secret
  // iCalendar feeds of agencies and divisions.
  await db.schema
    .createTable('calendar_defaults')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('milestone', 'varchar(32)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)')
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addUniqueConstraint('calendar_defaults_milestone', ['fiscal_year', 'milestone'])
    .execute();
  await db.schema
    .createTable('agency_milestones')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('milestone', 'varchar(32)', (c) => c.notNull())
    .addColumn('starts_on', 'varchar(10)')
    .addColumn('due_on', 'varchar(10)')
    .addColumn('owner_division_id', 'integer')
    .addColumn('done_at', 'varchar(32)')
    .addColumn('done_by', 'integer')
    .addUniqueConstraint('agency_milestones_milestone', ['agency_id', 'fiscal_year', 'milestone'])
    .execute();
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('division_id', 'integer', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
}
