import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from './helpers.js';

const closed = (row: 'new' | 'old') => `case when ${row}.closed_at is null then 0 else 1 end`;

const take = (row: 'old') => `update survey_round_days set rounds = rounds - 1, required = required - ${row}.required
  where fiscal_year = ${row}.fiscal_year and tool = ${row}.tool and opens_on = ${row}.opens_on
    and closes_on = ${row}.closes_on and closed = ${closed(row)};`;

const add = (row: 'new') => `insert into survey_round_days (fiscal_year, tool, opens_on, closes_on, closed, rounds, required)
  values (${row}.fiscal_year, ${row}.tool, ${row}.opens_on, ${row}.closes_on, ${closed(row)}, 1, ${row}.required)
  on conflict (fiscal_year, tool, opens_on, closes_on, closed)
  do update set rounds = survey_round_days.rounds + 1, required = survey_round_days.required + excluded.required;`;

const columns = 'fiscal_year, tool, opens_on, closes_on, closed_at, latest, required';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // The latest rounds of each fiscal year and tool counted by their days and whether they were
  // closed, with their quotas' sum, kept by the database as rounds change: a round's state on a
  // given day follows from these alone, so the whole country's figures are read from a few rows
  // instead of from every agency's round on every request.
  await db.schema
    .createTable('survey_round_days')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('closed', 'integer', (c) => c.notNull())
    .addColumn('rounds', 'integer', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_round_days_pkey', ['fiscal_year', 'tool', 'opens_on', 'closes_on', 'closed'])
    .execute();

  // The trigger first, so that no round written while the table is filled is missed (on PostgreSQL
  // making it holds the rounds' writers off until the migration commits).
  const statements: RawBuilder<unknown>[] = [];
  if (engine === 'sqlite') {
    statements.push(
      sql.raw(
        `create trigger survey_round_days_insert after insert on survey_rounds when new.latest = 1 begin ${add('new')} end`,
      ),
      sql.raw(
        `create trigger survey_round_days_take after update of ${columns} on survey_rounds when old.latest = 1 begin ${take('old')} end`,
      ),
      sql.raw(
        `create trigger survey_round_days_add after update of ${columns} on survey_rounds when new.latest = 1 begin ${add('new')} end`,
      ),
      sql.raw(
        `create trigger survey_round_days_delete after delete on survey_rounds when old.latest = 1 begin ${take('old')} end`,
      ),
    );
  } else {
    statements.push(
      sql.raw(`create function survey_round_days_keep() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.latest = 1 then ${take('old')} end if;
  if tg_op in ('INSERT', 'UPDATE') and new.latest = 1 then ${add('new')} end if;
  return null;
end $$`),
      sql.raw(`create trigger survey_round_days_keep after insert or delete or update of ${columns} on survey_rounds
for each row execute function survey_round_days_keep()`),
    );
  }
  for (const statement of statements) await statement.execute(db);
  await sql`insert into survey_round_days (fiscal_year, tool, opens_on, closes_on, closed, rounds, required)
    select fiscal_year, tool, opens_on, closes_on, case when closed_at is null then 0 else 1 end, count(*), sum(required)
    from survey_rounds where latest = 1
    group by fiscal_year, tool, opens_on, closes_on, case when closed_at is null then 0 else 1 end`.execute(db);
}
