import { sql, type Kysely } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

/** The results' columns a city table shows or ranks by: a change to any of them makes its year's kept figures stale. */
const FIGURES = 'agency_id, fiscal_year, ita, level_id, iit, eit, oit, source, framework_id';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // The whole country's city figures of each fiscal year, kept rather than computed on every read:
  // every assessment's rank (and its place, ties by agency code), the count, sum and levels of the
  // year, and how many agencies have results at all (fiscal year 0: every year).
  await db.schema
    .createTable('result_ranks')
    .addColumn('assessment_id', 'integer', (c) => c.primaryKey().references('assessments.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('result_ranks_year_position').on('result_ranks').columns(['fiscal_year', 'position']).execute();
  await db.schema
    .createTable('result_levels')
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    /** The level's id, or '' for results without one. */
    .addColumn('level_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('agencies', 'integer', (c) => c.notNull())
    .addColumn('scored', 'integer', (c) => c.notNull())
    .addColumn('ita_sum', 'double precision', (c) => c.notNull())
    .addColumn('generated', 'integer', (c) => c.notNull())
    .addColumn('framework_id', 'varchar(200)')
    .addPrimaryKeyConstraint('result_levels_pk', ['fiscal_year', 'level_key'])
    .execute();
  await db.schema
    .createTable('result_summaries')
    .addColumn('fiscal_year', 'integer', (c) => c.primaryKey())
    .addColumn('agencies', 'integer', (c) => c.notNull())
    .addColumn('kept_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // What changed since: one row per changed assessment, written by the database itself whatever
  // writes the results (imports, corrections, restores), insert-only so concurrent writers never wait
  // on each other; a read keeps the years named here and deletes the rows it has taken into account.
  await db.schema
    .createTable('result_changes')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .execute();
  if (engine === 'sqlite') {
    await sql`create trigger result_changes_insert after insert on assessments begin
  insert into result_changes (fiscal_year) values (new.fiscal_year);
end`.execute(db);
    await sql`create trigger result_changes_update after update of ${sql.raw(FIGURES)} on assessments begin
  insert into result_changes (fiscal_year) values (old.fiscal_year);
  insert into result_changes (fiscal_year) select new.fiscal_year where new.fiscal_year <> old.fiscal_year;
end`.execute(db);
    await sql`create trigger result_changes_delete after delete on assessments begin
  insert into result_changes (fiscal_year) values (old.fiscal_year);
end`.execute(db);
    // Equal ranks are placed by agency code.
    await sql`create trigger result_changes_agency_code after update of code on agencies when new.code <> old.code begin
  insert into result_changes (fiscal_year) select distinct fiscal_year from assessments where agency_id = new.id;
end`.execute(db);
  } else {
    await sql`create function result_changes_of_assessments() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into result_changes (fiscal_year) values (old.fiscal_year);
  end if;
  if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.fiscal_year <> old.fiscal_year) then
    insert into result_changes (fiscal_year) values (new.fiscal_year);
  end if;
  return null;
end $$`.execute(db);
    await sql`create trigger result_changes_assessments after insert or delete or update of ${sql.raw(FIGURES)} on assessments
for each row execute function result_changes_of_assessments()`.execute(db);
    await sql`create function result_changes_of_agencies() returns trigger language plpgsql as $$
begin
  insert into result_changes (fiscal_year) select distinct fiscal_year from assessments where agency_id = new.id;
  return null;
end $$`.execute(db);
    await sql`create trigger result_changes_agency_code after update of code on agencies
for each row when (new.code <> old.code) execute function result_changes_of_agencies()`.execute(db);
  }
  // The years already assessed are kept on the first read.
  await sql`insert into result_changes (fiscal_year) select distinct fiscal_year from assessments`.execute(db);
}
