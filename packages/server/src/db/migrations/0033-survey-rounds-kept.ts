import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from './helpers.js';

/** Sets `latest` on the rounds of the agency, year and tool of a row (`new` or `old`): 1 on the newest only. */
const latestOfGroup = (row: 'new' | 'old') => {
  const newest = `case when id = (select max(x.id) from survey_rounds x
    where x.agency_id = ${row}.agency_id and x.fiscal_year = ${row}.fiscal_year and x.tool = ${row}.tool) then 1 else 0 end`;
  return `update survey_rounds set latest = ${newest}
    where agency_id = ${row}.agency_id and fiscal_year = ${row}.fiscal_year and tool = ${row}.tool and latest <> ${newest};`;
};

/** A new round's quotas' sum: none but for a row inserted with its own (a restore), which is not trusted. */
const requiredOfNew = `update survey_rounds set required = (select coalesce(sum(q.required), 0) from survey_quotas q where q.round_id = new.id)
  where id = new.id;`;

const addQuota = (row: 'new' | 'old', sign: '+' | '-') =>
  `update survey_rounds set required = required ${sign} ${row}.required where id = ${row}.round_id;`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Whether a round is the newest of its agency, fiscal year and tool, and the sum of its quotas'
  // required sample, kept on the round by the database itself whatever writes rounds and quotas (the
  // survey service, a restore, an agency's removal), so the city's progress reads each agency's latest
  // round and the group's figures from the rounds alone instead of deriving them on every request.
  await db.schema
    .alterTable('survey_rounds')
    .addColumn('latest', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('survey_rounds')
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update survey_rounds set
    latest = case when id = (select max(x.id) from survey_rounds x where x.agency_id = survey_rounds.agency_id
      and x.fiscal_year = survey_rounds.fiscal_year and x.tool = survey_rounds.tool) then 1 else 0 end,
    required = (select coalesce(sum(q.required), 0) from survey_quotas q where q.round_id = survey_rounds.id)`.execute(db);
  // The figures (rounds by state, their quotas' sum) are counted from this index alone.
  if (engine === 'postgres') {
    await sql`create index survey_rounds_kept on survey_rounds (fiscal_year, tool, latest, agency_id)
      include (opens_on, closes_on, closed_at, required)`.execute(db);
  } else {
    await db.schema
      .createIndex('survey_rounds_kept')
      .on('survey_rounds')
      .columns(['fiscal_year', 'tool', 'latest', 'agency_id', 'opens_on', 'closes_on', 'closed_at', 'required'])
      .execute();
  }

  const statements: RawBuilder<unknown>[] = [];
  if (engine === 'sqlite') {
    const trigger = (name: string, on: string, body: string) =>
      sql.raw(`create trigger survey_rounds_kept_${name} after ${on} begin ${body} end`);
    statements.push(
      trigger('insert', 'insert on survey_rounds', latestOfGroup('new') + requiredOfNew),
      trigger('move', 'update of agency_id, fiscal_year, tool on survey_rounds', latestOfGroup('old') + latestOfGroup('new')),
      trigger('delete', 'delete on survey_rounds', latestOfGroup('old')),
      trigger('quota_insert', 'insert on survey_quotas', addQuota('new', '+')),
      trigger('quota_update', 'update of round_id, required on survey_quotas', addQuota('old', '-') + addQuota('new', '+')),
      trigger('quota_delete', 'delete on survey_quotas', addQuota('old', '-')),
    );
  } else {
    statements.push(
      sql.raw(`create function survey_rounds_kept_of_round() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    ${latestOfGroup('new')}
    ${requiredOfNew}
  elsif tg_op = 'UPDATE' then
    ${latestOfGroup('old')}
    ${latestOfGroup('new')}
  else
    ${latestOfGroup('old')}
  end if;
  return null;
end $$`),
      sql.raw(`create trigger survey_rounds_kept after insert or delete or update of agency_id, fiscal_year, tool on survey_rounds
for each row execute function survey_rounds_kept_of_round()`),
      sql.raw(`create function survey_rounds_kept_of_quota() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then ${addQuota('old', '-')} end if;
  if tg_op in ('INSERT', 'UPDATE') then ${addQuota('new', '+')} end if;
  return null;
end $$`),
      sql.raw(`create trigger survey_rounds_kept after insert or delete or update of round_id, required on survey_quotas
for each row execute function survey_rounds_kept_of_quota()`),
    );
  }
  for (const statement of statements) await statement.execute(db);
}
