import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from './helpers.js';

const forget = (row: 'new' | 'old') => `update survey_rounds set shown_kept = 0 where id = ${row}.round_id and shown_kept <> 0;`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // What the city's survey progress shows of a round (its responses as they may be shown, its quota
  // groups and those still short, and by how many), kept on the round by the survey service, which
  // owns the small-group rule. The database only forgets them whenever the round's counts or quotas
  // change, whatever wrote them; a round whose figures are forgotten (every round, after this
  // migration) is worked out again the next time it is read.
  await db.schema
    .alterTable('survey_rounds')
    .addColumn('shown_kept', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('survey_rounds').addColumn('shown_responses', 'integer').execute();
  for (const column of ['quota_groups', 'groups_short', 'short_by']) {
    await db.schema
      .alterTable('survey_rounds')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }

  const statements: RawBuilder<unknown>[] = [];
  for (const table of ['survey_counts', 'survey_quotas']) {
    const changed = table === 'survey_counts' ? 'round_id, division_id, responses' : 'round_id, division_id, required';
    if (engine === 'sqlite') {
      const trigger = (name: string, on: string, body: string) =>
        sql.raw(`create trigger ${table}_forget_shown_${name} after ${on} on ${table} begin ${body} end`);
      statements.push(
        trigger('insert', 'insert', forget('new')),
        trigger('update', `update of ${changed}`, forget('old') + forget('new')),
        trigger('delete', 'delete', forget('old')),
      );
    } else {
      statements.push(
        sql.raw(`create function ${table}_forget_shown() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then ${forget('old')} end if;
  if tg_op in ('INSERT', 'UPDATE') then ${forget('new')} end if;
  return null;
end $$`),
        sql.raw(`create trigger ${table}_forget_shown after insert or delete or update of ${changed} on ${table}
for each row execute function ${table}_forget_shown()`),
      );
    }
  }
  // A round written with figures of its own (a restore) is not trusted with them.
  const distrust = `update survey_rounds set shown_kept = 0 where id = new.id and shown_kept <> 0;`;
  if (engine === 'sqlite') {
    statements.push(
      sql.raw(
        `create trigger survey_rounds_forget_shown after insert on survey_rounds when new.shown_kept <> 0 begin ${distrust} end`,
      ),
    );
  } else {
    statements.push(
      sql.raw(`create function survey_rounds_forget_shown() returns trigger language plpgsql as $$
begin
  ${distrust}
  return null;
end $$`),
      sql.raw(`create trigger survey_rounds_forget_shown after insert on survey_rounds
for each row when (new.shown_kept <> 0) execute function survey_rounds_forget_shown()`),
    );
  }
  for (const statement of statements) await statement.execute(db);
}
