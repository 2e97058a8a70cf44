import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

/** What each kept readiness row adds to its year's totals (`old` rows are taken away). */
const PARTS: [column: string, of: (row: string) => string][] = [
  ['agencies', () => '1'],
  ['ready', (row) => `${row}.ready`],
  ['at_risk', (row) => `${row}.at_risk`],
  ['missing', (row) => `${row}.missing`],
  // The predicted OIT scores are kept to the hundredth, so their sums are kept exactly, in hundredths.
  ['oit_low_hundredths', (row) => `cast(round(${row}.oit_low * 100) as bigint)`],
  ['oit_high_hundredths', (row) => `cast(round(${row}.oit_high * 100) as bigint)`],
  ['all_ready', (row) => `case when ${row}.missing = 0 and ${row}.at_risk = 0 then 1 else 0 end`],
  ['with_missing', (row) => `case when ${row}.missing > 0 then 1 else 0 end`],
];

const apply = (row: 'new' | 'old', sign: '' | '-') =>
  `insert into readiness_totals (fiscal_year, ${PARTS.map(([c]) => c).join(', ')})
values (${row}.fiscal_year, ${PARTS.map(([, of]) => `${sign}(${of(row)})`).join(', ')})
on conflict (fiscal_year) do update set ${PARTS.map(([c]) => `${c} = readiness_totals.${c} + excluded.${c}`).join(', ')};`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  // The whole country's readiness sums of a year, kept by the database as each agency-year's kept
  // readiness is written or removed, so the city-wide page reads one row instead of summing 7,700.
  // Each keeping writes one agency-year in its own short transaction, so waiting on the year's row
  // is brief and always in the same order (its readiness row first, then the totals).
  let table = db.schema.createTable('readiness_totals').addColumn('fiscal_year', 'integer', (c) => c.primaryKey());
  for (const [column] of PARTS) {
    table = table.addColumn(column, column.endsWith('_hundredths') ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0));
  }
  await table.execute();
  if (engine === 'sqlite') {
    await sql
      .raw(`create trigger readiness_totals_insert after insert on oit_readiness begin ${apply('new', '')} end`)
      .execute(db);
    await sql
      .raw(
        `create trigger readiness_totals_update after update on oit_readiness begin ${apply('old', '-')} ${apply('new', '')} end`,
      )
      .execute(db);
    await sql
      .raw(`create trigger readiness_totals_delete after delete on oit_readiness begin ${apply('old', '-')} end`)
      .execute(db);
  } else {
    await sql
      .raw(
        `create function readiness_totals_apply() returns trigger language plpgsql as $$
begin
if tg_op in ('UPDATE', 'DELETE') then ${apply('old', '-')} end if;
if tg_op in ('INSERT', 'UPDATE') then ${apply('new', '')} end if;
return null;
end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger readiness_totals after insert or update or delete on oit_readiness
for each row execute function readiness_totals_apply()`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `insert into readiness_totals (fiscal_year, ${PARTS.map(([c]) => c).join(', ')})
select fiscal_year, ${PARTS.map(([, of]) => `sum(${of('oit_readiness')})`).join(', ')} from oit_readiness group by fiscal_year`,
    )
    .execute(db);
}
