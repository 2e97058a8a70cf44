import { sql, type Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

/**
 * How a table's row names what it changes: its agency's year (`agency-year`), its plan's or its OIT
 * checklist's agency-year (`plan`, `checklist`), the whole year (`year`: every agency), or the
 * agency in every year (`agency`).
 */
type Names = 'agency-year' | 'plan' | 'checklist' | 'year' | 'agency';

/** The tables the late milestones are decided from, with the columns whose change can change them. */
const WATCHED: readonly { table: string; names: Names; columns: string[] }[] = [
  { table: 'agencies', names: 'agency', columns: ['code', 'slug', 'name_th'] },
  { table: 'committees', names: 'agency-year', columns: ['agency_id', 'fiscal_year'] },
  { table: 'memos', names: 'agency-year', columns: ['agency_id', 'fiscal_year', 'kind', 'issued_at'] },
  { table: 'measure_plans', names: 'agency-year', columns: ['agency_id', 'fiscal_year'] },
  { table: 'measure_entries', names: 'plan', columns: ['plan_id', 'measures', 'issue', 'title'] },
  { table: 'progress_rounds', names: 'plan', columns: ['plan_id', 'round', 'status'] },
  { table: 'publications', names: 'agency-year', columns: ['agency_id', 'fiscal_year', 'kind', 'round', 'withdrawn_at'] },
  { table: 'oit_checklists', names: 'agency-year', columns: ['agency_id', 'fiscal_year'] },
  { table: 'oit_tasks', names: 'checklist', columns: ['checklist_id', 'status'] },
  { table: 'survey_rounds', names: 'agency-year', columns: ['agency_id', 'fiscal_year', 'tool', 'closes_on', 'closed_at'] },
  { table: 'assessments', names: 'agency-year', columns: ['agency_id', 'fiscal_year'] },
  { table: 'agency_milestones', names: 'agency-year', columns: ['agency_id', 'fiscal_year', 'milestone', 'due_on', 'done_at'] },
  { table: 'calendar_defaults', names: 'year', columns: ['fiscal_year', 'milestone', 'due_on'] },
];

/** SQLite: the statement noting the change a row (`new` or `old`) makes, when `only` holds. */
function sqliteNote(names: Names, row: 'new' | 'old', only = '1'): string {
  const into = 'insert into late_changes (fiscal_year, agency_id)';
  switch (names) {
    case 'agency-year':
      return `${into} select ${row}.fiscal_year, ${row}.agency_id where ${only};`;
    case 'plan':
      return `${into} select fiscal_year, agency_id from measure_plans where id = ${row}.plan_id and ${only};`;
    case 'checklist':
      return `${into} select fiscal_year, agency_id from oit_checklists where id = ${row}.checklist_id and ${only};`;
    case 'year':
      return `${into} select ${row}.fiscal_year, null where ${only};`;
    case 'agency':
      return `${into} select null, ${row}.id where ${only};`;
  }
}

/** SQLite: whether an update moved the row to another agency-year (its old one changes too). */
const moved: Record<Names, string> = {
  'agency-year': 'old.fiscal_year is not new.fiscal_year or old.agency_id is not new.agency_id',
  plan: 'old.plan_id is not new.plan_id',
  checklist: 'old.checklist_id is not new.checklist_id',
  year: 'old.fiscal_year is not new.fiscal_year',
  agency: '0',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // Every agency-milestone of a fiscal year as its records and dates decide it, kept rather than
  // decided over every feature's tables on each read: the due date (the agency's own, else the
  // year's default, else the template's), whether the records or the secretariat say it is done
  // (whatever the day), and for survey collection the day after which it is done (the round closes).
  // The agency's code, slug and Thai name are kept beside them, the orders a page is read in.
  await db.schema
    .createTable('late_states')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('place', 'integer', (c) => c.notNull())
    .addColumn('milestone', 'varchar(64)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('done_after', 'varchar(10)')
    .addColumn('code', 'varchar(32)', (c) => c.notNull())
    .addColumn('slug', 'varchar(64)', (c) => c.notNull())
    .addColumn('name_th', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('late_states_pk', ['fiscal_year', 'agency_id', 'place'])
    .execute();
  // A page by due date, by name or by milestone is read along an index from its first row.
  await db.schema
    .createIndex('late_states_due')
    .on('late_states')
    .columns(['fiscal_year', 'done', 'due_on', 'slug', 'place'])
    .execute();
  await db.schema
    .createIndex('late_states_name')
    .on('late_states')
    .columns(['fiscal_year', 'done', 'name_th', 'slug', 'place'])
    .execute();
  await db.schema.createIndex('late_states_place').on('late_states').columns(['fiscal_year', 'done', 'place', 'slug']).execute();
  // The milestones not done of the whole country, counted by due date (and closing day), so the
  // counts per milestone on any day add up a few hundred rows rather than every agency's.
  await db.schema
    .createTable('late_tallies')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('place', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    /** The states' done_after, or '' for none. */
    .addColumn('done_after', 'varchar(10)', (c) => c.notNull())
    .addColumn('agencies', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('late_tallies_pk', ['fiscal_year', 'place', 'due_on', 'done_after'])
    .execute();
  // The years kept at all, and from what: `basis` names the milestones and template dates the rows
  // were decided with, so a version that changes them keeps the year again.
  await db.schema
    .createTable('late_kept')
    .addColumn('fiscal_year', 'integer', (c) => c.primaryKey())
    .addColumn('basis', 'varchar(64)', (c) => c.notNull())
    .addColumn('kept_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // What changed since: the agency-year a row written names (a null year: every year of the agency;
  // a null agency: every agency of the year), written by the database itself whatever writes the
  // records, insert-only so concurrent writers never wait on each other. A read keeps the agencies
  // named and deletes the rows it has taken into account.
  await db.schema
    .createTable('late_changes')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('fiscal_year', 'integer')
    .addColumn('agency_id', 'integer')
    .execute();
  await db.schema.createIndex('late_changes_year').on('late_changes').columns(['fiscal_year', 'agency_id']).execute();

  if (engine === 'sqlite') {
    for (const { table, names, columns } of WATCHED) {
      await sql
        .raw(`create trigger late_changes_${table}_insert after insert on ${table} begin ${sqliteNote(names, 'new')} end`)
        .execute(db);
      await sql
        .raw(
          `create trigger late_changes_${table}_update after update of ${columns.join(', ')} on ${table} begin ` +
            `${sqliteNote(names, 'new')} ${sqliteNote(names, 'old', `(${moved[names]})`)} end`,
        )
        .execute(db);
      await sql
        .raw(`create trigger late_changes_${table}_delete after delete on ${table} begin ${sqliteNote(names, 'old')} end`)
        .execute(db);
    }
    return;
  }
  await sql`create function late_changes_note() returns trigger language plpgsql as $$
declare
  versions jsonb[];
  r jsonb;
begin
  if tg_op = 'INSERT' then
    versions := array[to_jsonb(new)];
  elsif tg_op = 'DELETE' then
    versions := array[to_jsonb(old)];
  elsif tg_argv[0] = 'agency' or concat_ws('/', to_jsonb(old) ->> 'fiscal_year', to_jsonb(old) ->> 'agency_id',
      to_jsonb(old) ->> 'plan_id', to_jsonb(old) ->> 'checklist_id')
    = concat_ws('/', to_jsonb(new) ->> 'fiscal_year', to_jsonb(new) ->> 'agency_id',
      to_jsonb(new) ->> 'plan_id', to_jsonb(new) ->> 'checklist_id') then
    versions := array[to_jsonb(new)];
  else
    versions := array[to_jsonb(old), to_jsonb(new)];
  end if;
  foreach r in array versions loop
    if tg_argv[0] = 'agency-year' then
      insert into late_changes (fiscal_year, agency_id) values ((r ->> 'fiscal_year')::integer, (r ->> 'agency_id')::integer);
    elsif tg_argv[0] = 'plan' then
      insert into late_changes (fiscal_year, agency_id)
        select fiscal_year, agency_id from measure_plans where id = (r ->> 'plan_id')::integer;
    elsif tg_argv[0] = 'checklist' then
      insert into late_changes (fiscal_year, agency_id)
        select fiscal_year, agency_id from oit_checklists where id = (r ->> 'checklist_id')::integer;
    elsif tg_argv[0] = 'year' then
      insert into late_changes (fiscal_year, agency_id) values ((r ->> 'fiscal_year')::integer, null);
    else
      insert into late_changes (fiscal_year, agency_id) values (null, (r ->> 'id')::integer);
    end if;
  end loop;
  return null;
end $$`.execute(db);
  for (const { table, names, columns } of WATCHED) {
    await sql
      .raw(
        `create trigger late_changes_${table} after insert or delete or update of ${columns.join(', ')} on ${table} ` +
          `for each row execute function late_changes_note('${names}')`,
      )
      .execute(db);
  }
}
