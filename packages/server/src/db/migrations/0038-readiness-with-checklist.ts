import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

/** The agency-year of a finished link check, noted only while it has a checklist (as every other note is). */
const linkCheckNote = `insert into readiness_changes (agency_id, fiscal_year)
select c.agency_id, c.fiscal_year from oit_checklists c
where c.agency_id = new.agency_id and c.fiscal_year = new.fiscal_year and new.finished_at is not null;`;

/** Removes the rows of `table` whose agency-year no longer has a checklist. */
const withoutChecklist = (table: string) => `delete from ${table} where not exists (select 1 from oit_checklists c
  where c.agency_id = ${table}.agency_id and c.fiscal_year = ${table}.fiscal_year)`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // An OIT checklist's kept readiness and the notes of its changes go with it, whatever removes it
  // (its own removal, its agency's, a restore): its notes were never taken, so they gathered for
  // ever, and its kept row stayed in the year's figures and totals (taken away by 0034's triggers
  // as it goes). Triggers rather than foreign keys: notes are written by other tables' triggers,
  // and a foreign key would fail those writes when the checklist goes at the same moment.
  if (engine === 'sqlite') {
    await sql
      .raw(
        `create trigger oit_checklists_readiness_delete after delete on oit_checklists begin
delete from readiness_changes where fiscal_year = old.fiscal_year and agency_id = old.agency_id;
delete from oit_readiness where agency_id = old.agency_id and fiscal_year = old.fiscal_year;
end`,
      )
      .execute(db);
    for (const [event, on] of [
      ['insert', 'insert'],
      ['update', 'update of finished_at'],
    ]) {
      await sql.raw(`drop trigger readiness_changes_link_check_runs_${event}`).execute(db);
      await sql
        .raw(
          `create trigger readiness_changes_link_check_runs_${event} after ${on} on link_check_runs begin ${linkCheckNote} end`,
        )
        .execute(db);
    }
  } else {
    // A restore removes every checklist in one statement: its rows are taken away once per statement.
    await sql
      .raw(
        `create or replace function oit_checklists_readiness_gone() returns trigger language plpgsql as $$
begin
  delete from readiness_changes n using gone_checklists g where n.fiscal_year = g.fiscal_year and n.agency_id = g.agency_id;
  delete from oit_readiness r using gone_checklists g where r.agency_id = g.agency_id and r.fiscal_year = g.fiscal_year;
  return null;
end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger oit_checklists_readiness_gone after delete on oit_checklists
referencing old table as gone_checklists for each statement execute function oit_checklists_readiness_gone()`,
      )
      .execute(db);
    await sql
      .raw(
        `create or replace function readiness_changes_of_link_check_runs() returns trigger language plpgsql as $$
begin
${linkCheckNote}
return null;
end $$`,
      )
      .execute(db);
  }
  // What is left of checklists removed before.
  await sql.raw(withoutChecklist('readiness_changes')).execute(db);
  await sql.raw(withoutChecklist('oit_readiness')).execute(db);
}
