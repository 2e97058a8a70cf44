import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

const STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** `jobs_queued = jobs_queued + …` for each status, from the rows of `row` (signed by `sign`). */
const add = (
  row: string,
  sign: '+' | '-',
  count = (status: string) => `case when ${row}.status = '${status}' then 1 else 0 end`,
) => STATUSES.map((s) => `jobs_${s} = document_batches.jobs_${s} ${sign} ${count(s)}`).join(', ');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // A batch's jobs counted by status, kept on the batch by the database as jobs are made, move on and
  // are removed, so following a batch of 8,300 jobs reads one row instead of counting them each time.
  for (const status of STATUSES) {
    await db.schema
      .alterTable('document_batches')
      .addColumn(`jobs_${status}`, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  const moved = `update document_batches set ${add('old', '-')} where id = old.batch_id;
update document_batches set ${add('new', '+')} where id = new.batch_id;`;
  if (engine === 'sqlite') {
    await sql
      .raw(
        `create trigger document_batches_jobs_insert after insert on document_jobs when new.batch_id is not null
begin update document_batches set ${add('new', '+')} where id = new.batch_id; end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger document_batches_jobs_update after update of status, batch_id on document_jobs
when old.status is not new.status or old.batch_id is not new.batch_id begin ${moved} end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger document_batches_jobs_delete after delete on document_jobs when old.batch_id is not null
begin update document_batches set ${add('old', '-')} where id = old.batch_id; end`,
      )
      .execute(db);
  } else {
    // A batch's jobs are made in one statement, and a restore removes them all in one: each statement
    // is counted once per batch, not once a job.
    const grouped = (table: string) =>
      `(select batch_id, ${STATUSES.map((s) => `sum(case when status = '${s}' then 1 else 0 end) as jobs_${s}`).join(', ')}
        from ${table} where batch_id is not null group by batch_id) counted`;
    const counted = (status: string) => `counted.jobs_${status}`;
    for (const [name, event, table, sign] of [
      ['made', 'insert', 'new table as made_jobs', '+'],
      ['gone', 'delete', 'old table as gone_jobs', '-'],
    ] as const) {
      await sql
        .raw(
          `create function document_batches_jobs_${name}() returns trigger language plpgsql as $$
begin
  update document_batches set ${add('counted', sign, counted)}
  from ${grouped(`${name}_jobs`)}
  where document_batches.id = counted.batch_id;
  return null;
end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger document_batches_jobs_${name} after ${event} on document_jobs
referencing ${table} for each statement execute function document_batches_jobs_${name}()`,
        )
        .execute(db);
    }
    await sql
      .raw(
        `create function document_batches_jobs_moved() returns trigger language plpgsql as $$
begin
  if old.status is distinct from new.status or old.batch_id is distinct from new.batch_id then
    ${moved}
  end if;
  return null;
end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger document_batches_jobs_moved after update of status, batch_id on document_jobs
for each row execute function document_batches_jobs_moved()`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `update document_batches set ${STATUSES.map(
        (s) => `jobs_${s} = (select count(*) from document_jobs j where j.batch_id = document_batches.id and j.status = '${s}')`,
      ).join(', ')}`,
    )
    .execute(db);
}
