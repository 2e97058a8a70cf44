import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Engine } from './helpers.js';

/** The kept columns, as the run's. */
const COLUMNS = 'agency_id, fiscal_year, run_id, "trigger", created_at, finished_at, total, checked, passed';
const FROM_RUN =
  'new.agency_id, new.fiscal_year, new.id, new."trigger", new.created_at, new.finished_at, new.total, new.checked, new.passed';
/** A finished run replaces the kept one only when it was created after it (ties by id), or refreshes it when it is the kept one. */
const KEEP = `insert into link_check_latest (${COLUMNS}) values (${FROM_RUN})
  on conflict (agency_id, fiscal_year) do update set run_id = excluded.run_id, "trigger" = excluded."trigger", created_at = excluded.created_at,
    finished_at = excluded.finished_at, total = excluded.total, checked = excluded.checked, passed = excluded.passed
  where excluded.run_id = link_check_latest.run_id or excluded.created_at > link_check_latest.created_at
    or (excluded.created_at = link_check_latest.created_at and excluded.run_id > link_check_latest.run_id);`;
/** The run columns whose change can change what is kept. */
const WATCHED = 'status, "trigger", created_at, finished_at, total, checked, passed';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Each agency-year's latest finished link check, kept by the database itself as a run finishes
  // (in the statement that marks it done, whatever writes it: the queue, a restore, an import), so
  // the city-wide list and its sums read one row per agency-year however many runs the years hold.
  // It holds what the list shows of a run (a finished run has no error), so the list never reads the runs.
  await db.schema
    .createTable('link_check_latest')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('run_id', 'varchar(36)', (c) => c.notNull().references('link_check_runs.id').onDelete('cascade'))
    .addColumn('trigger', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('checked', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('link_check_latest_pk', ['agency_id', 'fiscal_year'])
    .execute();
  // The year's sums read from this index alone.
  await db.schema
    .createIndex('link_check_latest_year')
    .on('link_check_latest')
    .columns(['fiscal_year', 'agency_id', 'checked', 'passed'])
    .execute();
  await db.schema.createIndex('link_check_latest_run').on('link_check_latest').column('run_id').execute();

  if (engine === 'sqlite') {
    await sql
      .raw(`create trigger link_check_latest_insert after insert on link_check_runs when new.status = 'done' begin ${KEEP} end`)
      .execute(db);
    await sql
      .raw(
        `create trigger link_check_latest_update after update of ${WATCHED} on link_check_runs when new.status = 'done' ` +
          `begin ${KEEP} end`,
      )
      .execute(db);
  } else {
    await sql
      .raw(
        `create function link_check_latest_keep() returns trigger language plpgsql as $$
begin
${KEEP}
return null;
end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger link_check_latest_keep after insert or update of ${WATCHED} on link_check_runs
for each row when (new.status = 'done') execute function link_check_latest_keep()`,
      )
      .execute(db);
  }

  // Filled after the triggers are made: on PostgreSQL making them locks out writers of the runs until
  // the migration commits, so a run finishing meanwhile is kept by its trigger or read here, never
  // missed; a row its trigger kept first stays unless this one is newer.
  await sql`insert into link_check_latest (${sql.raw(COLUMNS)})
select agency_id, fiscal_year, id, "trigger", created_at, finished_at, total, checked, passed from (
  select r.*, row_number() over (partition by agency_id, fiscal_year order by created_at desc, id desc) as n
  from link_check_runs r where status = 'done') latest
where n = 1
on conflict (agency_id, fiscal_year) do update set run_id = excluded.run_id, "trigger" = excluded."trigger",
  created_at = excluded.created_at, finished_at = excluded.finished_at, total = excluded.total,
  checked = excluded.checked, passed = excluded.passed
where excluded.created_at > link_check_latest.created_at
  or (excluded.created_at = link_check_latest.created_at and excluded.run_id > link_check_latest.run_id)`.execute(db);

  // An agency-year's runs newest first (its latest run, a recent or pending one), replacing the
  // index on the agency-year alone; the schedule's due check reads the runs created since a moment
  // and those queued or running, not every run kept. The pending runs' index is partial, written as
  // an OR so that SQLite uses it for `status = 'queued'` (the queue's claim) and `status = 'running'`
  // (its recovery) alone as well.
  await db.schema
    .createIndex('link_check_runs_agency_created')
    .on('link_check_runs')
    .columns(['agency_id', 'fiscal_year', 'created_at'])
    .execute();
  await db.schema.dropIndex('link_check_runs_agency').execute();
  await db.schema.createIndex('link_check_runs_created').on('link_check_runs').column('created_at').execute();
  await db.schema
    .createIndex('link_check_runs_pending')
    .on('link_check_runs')
    .columns(['status', 'created_at'])
    .where(sql<SqlBool>`status = 'queued' or status = 'running'`)
    .execute();
}
