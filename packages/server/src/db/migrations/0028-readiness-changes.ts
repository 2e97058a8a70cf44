import { sql, type Kysely, type RawBuilder } from 'kysely';
import { idColumn, type Engine } from './helpers.js';

/** What a row change elsewhere makes stale: the agency-years it names, as a select over the row (`new` or `old`). */
interface Note {
  table: string;
  /** The columns whose update matters (any when absent). */
  updateOf?: string[];
  /** Which rows an event names: the new row on insert and update, the old one on update and delete. */
  events: { insert?: boolean; update?: boolean; delete?: boolean };
  /** The agency-years with a checklist that the row (under the alias) changes. */
  select: (row: 'new' | 'old') => string;
}

const checklistsOf = (row: string, years: string) =>
  `select agency_id, fiscal_year from oit_checklists where agency_id = ${row}.agency_id and fiscal_year in (${years})`;

const NOTES: Note[] = [
  // A new checklist (a restore, an import) is not kept yet; the OIT service keeps its own at once.
  { table: 'oit_checklists', events: { insert: true }, select: (row) => `select ${row}.agency_id, ${row}.fiscal_year` },
  // A finished link check.
  {
    table: 'link_check_runs',
    updateOf: ['finished_at'],
    events: { insert: true, update: true },
    select: (row) => `select ${row}.agency_id, ${row}.fiscal_year where ${row}.finished_at is not null`,
  },
  // Results of the year or of the year before (the ITA range reads them).
  {
    table: 'assessments',
    events: { insert: true, update: true, delete: true },
    select: (row) => checklistsOf(row, `${row}.fiscal_year, ${row}.fiscal_year + 1`),
  },
  // A survey round opened, closed or removed, and responses counted (the self-assessment may be the basis).
  {
    table: 'survey_rounds',
    updateOf: ['closed_at', 'closes_on', 'opens_on'],
    events: { insert: true, update: true, delete: true },
    select: (row) => checklistsOf(row, `${row}.fiscal_year`),
  },
  {
    table: 'survey_counts',
    events: { insert: true, update: true, delete: true },
    select: (row) => `select c.agency_id, c.fiscal_year from survey_rounds r
      join oit_checklists c on c.agency_id = r.agency_id and c.fiscal_year = r.fiscal_year where r.id = ${row}.round_id`,
  },
];

const insertNotes = (select: string) => `insert into readiness_changes (agency_id, fiscal_year) ${select};`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // The agency-years whose kept OIT readiness is stale, noted by the database itself as what it reads
  // changes (replacing a search of every checklist on every city-wide read); insert-only, so writers
  // never wait on each other. A keeping takes its agency-year's notes first, then reads.
  await db.schema
    .createTable('readiness_changes')
    .addColumn('id', 'integer', idColumn(engine))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('readiness_changes_year_agency')
    .on('readiness_changes')
    .columns(['fiscal_year', 'agency_id'])
    .execute();
  const statements: RawBuilder<unknown>[] = [];
  for (const note of NOTES) {
    const updateOf = note.updateOf ? ` of ${note.updateOf.join(', ')}` : '';
    if (engine === 'sqlite') {
      const trigger = (event: string, on: string, body: string) =>
        sql.raw(`create trigger readiness_changes_${note.table}_${event} after ${on} on ${note.table} begin ${body} end`);
      if (note.events.insert) statements.push(trigger('insert', 'insert', insertNotes(note.select('new'))));
      if (note.events.update) {
        const old = note.events.delete ? insertNotes(note.select('old')) : '';
        statements.push(trigger('update', `update${updateOf}`, insertNotes(note.select('new')) + old));
      }
      if (note.events.delete) statements.push(trigger('delete', 'delete', insertNotes(note.select('old'))));
    } else {
      const events = [
        note.events.insert ? 'insert' : null,
        note.events.update ? `update${updateOf}` : null,
        note.events.delete ? 'delete' : null,
      ].filter(Boolean);
      const body = [
        note.events.insert || note.events.update
          ? `if tg_op in ('INSERT', 'UPDATE') then ${insertNotes(note.select('new'))} end if;`
          : '',
        note.events.delete ? `if tg_op in ('UPDATE', 'DELETE') then ${insertNotes(note.select('old'))} end if;` : '',
      ].join('\n');
      statements.push(
        sql.raw(`create function readiness_changes_of_${note.table}() returns trigger language plpgsql as $$
begin
${body}
return null;
end $$`),
        sql.raw(`create trigger readiness_changes_${note.table} after ${events.join(' or ')} on ${note.table}
for each row execute function readiness_changes_of_${note.table}()`),
      );
    }
  }
  for (const statement of statements) await statement.execute(db);
  // What is stale now, as the search it replaces found it.
  await sql`insert into readiness_changes (agency_id, fiscal_year)
select c.agency_id, c.fiscal_year from oit_checklists c
left join oit_readiness r on r.agency_id = c.agency_id and r.fiscal_year = c.fiscal_year
where r.agency_id is null
  or exists (select 1 from link_check_runs l where l.agency_id = c.agency_id and l.fiscal_year = c.fiscal_year
             and l.finished_at >= r.updated_at)
  or exists (select 1 from assessments s where s.agency_id = c.agency_id
             and s.fiscal_year in (c.fiscal_year, c.fiscal_year - 1) and s.updated_at >= r.updated_at)
  or exists (select 1 from survey_rounds v where v.agency_id = c.agency_id and v.fiscal_year = c.fiscal_year
             and v.closed_at >= r.updated_at)
  or r.survey_responses <> (select coalesce(sum(sc.responses), 0) from survey_counts sc
             inner join survey_rounds sr on sr.id = sc.round_id
             where sr.agency_id = c.agency_id and sr.fiscal_year = c.fiscal_year)`.execute(db);
}
