import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Assessment, AssessmentImport, Database } from '../db/schema.js';
import { jsonArrayOf, jsonRows } from '../db/json.js';
import { lockWork } from '../db/locks.js';
import { agencyContains, orderSql, within, type Page, type SortColumn } from '../db/page.js';
import type { CitySort, TrendSort } from './schemas.js';

type Executor = Kysely<Database> | Transaction<Database>;

export function findAssessment(db: Executor, agencyId: number, fiscalYear: number): Promise<Assessment | undefined> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
}

/** The agency's latest assessment of a fiscal year before the one given. */
export function assessmentBefore(db: Executor, agencyId: number, fiscalYear: number): Promise<Assessment | undefined> {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '<', fiscalYear)
    .orderBy('fiscal_year', 'desc')
    .executeTakeFirst();
}

export function listAssessments(db: Executor, agencyId: number): Promise<Assessment[]> {
  return db.selectFrom('assessments').selectAll().where('agency_id', '=', agencyId).orderBy('fiscal_year', 'desc').execute();
}

export function insertAssessment(db: Executor, assessment: Omit<Assessment, 'id'>): Promise<Assessment> {
  return db.insertInto('assessments').values(assessment).returningAll().executeTakeFirstOrThrow();
}

export function updateAssessment(db: Executor, id: number, changes: Partial<Omit<Assessment, 'id'>>): Promise<Assessment> {
  return db.updateTable('assessments').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function activeImports(db: Executor, assessmentId: number): Promise<AssessmentImport[]> {
  return db
    .selectFrom('assessment_imports')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
}

export function importHistory(db: Executor, assessmentId: number) {
  return db
    .selectFrom('assessment_imports')
    .leftJoin('users', 'users.id', 'assessment_imports.created_by')
    .select([
      'assessment_imports.id',
      'assessment_imports.kind',
      'assessment_imports.file_name',
      'assessment_imports.scope',
      'assessment_imports.created_at',
      'assessment_imports.superseded_at',
      'users.email as created_by_email',
    ])
    .where('assessment_id', '=', assessmentId)
    .orderBy('assessment_imports.id', 'desc')
    .execute();
}

export function insertImport(db: Executor, row: Omit<AssessmentImport, 'id'>): Promise<AssessmentImport> {
  return db.insertInto('assessment_imports').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function supersedeImports(db: Executor, ids: number[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('assessment_imports').set({ superseded_at: at }).where('id', 'in', ids).execute();
}

/** The columns of a city table's row: the agency and its assessment of the year. */
export const CITY_ROW_COLUMNS = [
  'agencies.id as agency_id',
  'agencies.code',
  'agencies.slug',
  'agencies.name_th',
  'agencies.name_en',
  'assessments.framework_id',
  'assessments.source',
  'assessments.ita',
  'assessments.level_id',
  'assessments.iit',
  'assessments.eit',
  'assessments.oit',
  'assessments.indicators',
] as const;

/** The fiscal years with results, newest first (of these agencies when given). */
export async function assessmentYears(db: Executor, agencies?: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('assessments')
    .select('fiscal_year')
    .distinct()
    .where(within('agency_id', agencies))
    .orderBy('fiscal_year', 'desc')
    .execute();
  return rows.map((r) => r.fiscal_year);
}

const cityColumn: Record<CitySort, SortColumn> = {
  rank: { column: 'ranks.rank' },
  code: { column: 'agencies.code', notNull: true },
  name: { column: 'agencies.name_th', notNull: true },
  ita: { column: 'ranks.ita' },
  level: { column: 'ranks.level_id' },
  iit: { column: 'ranks.iit' },
  eit: { column: 'ranks.eit' },
  oit: { column: 'ranks.oit' },
};

/**
 * What the city table ranks by: the ITA in hundredths, rounded as the published score is (half up,
 * float error aside: core's round2), the same on both engines; -1 for none.
 */
export const itaRankKey = sql<number>`coalesce(floor(assessments.ita * 100 + 0.5 + 1e-8), -1)`;

/** The conditions of a city table's search and level filter, on the assessments under the alias given. */
function cityFilter(page: { q?: string | undefined; level?: string | undefined }, alias: string): Expression<SqlBool> {
  const filters: Expression<SqlBool>[] = [];
  const level = sql.ref(`${alias}.level_id`);
  if (page.q) filters.push(agencyContains(page.q));
  if (page.level === 'none') filters.push(sql<SqlBool>`${level} is null`);
  else if (page.level) filters.push(sql<SqlBool>`${level} = ${page.level}`);
  return filters.length ? sql<SqlBool>`${sql.join(filters, sql` and `)}` : sql<SqlBool>`1 = 1`;
}

/** How many of a year's assessments in scope the search and level filter keep: one query. */
function cityCount(
  db: Executor,
  fiscalYear: number,
  scope: readonly number[] | undefined,
  page: { q?: string | undefined; level?: string | undefined },
) {
  return db
    .selectFrom('assessments as ranks')
    .innerJoin('agencies', 'agencies.id', 'ranks.agency_id')
    .where('ranks.fiscal_year', '=', fiscalYear)
    .where(within('ranks.agency_id', scope))
    .where(cityFilter(page, 'ranks'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
}

/** A year's figures by level: how many agencies, how many scored and their ITA's sum, how many generated, a set used. */
export interface CityLevel {
  level_id: string | null;
  agencies: number | string;
  scored: number | string;
  sum: number | string | null;
  generated: number | string;
  framework_id: string | null;
}

/** How many of the year's rows the filter keeps: counted for a search, else the group's count of the level asked for. */
async function cityTotal(levels: CityLevel[], count: Promise<{ n: number | string }> | null, level: string | undefined) {
  if (count) return Number((await count).n);
  return levels
    .filter((l) => !level || l.level_id === (level === 'none' ? null : level))
    .reduce((n, l) => n + Number(l.agencies), 0);
}

/**
 * A page of a fiscal year's city table: every assessment of the agencies in scope ranked by ITA
 * (equal totals to two decimals share a rank, agencies without one last), then filtered, sorted and cut;
 * with how many match and the group's figures. The whole country's ranks and figures are kept
 * (keepResultYear); a part of the tree is ranked on the read, over the year's (id, ITA) alone from the
 * covering index, with the wide columns joined after. How many match is counted only for a search
 * (otherwise the group's figures already hold it). Two or three queries, whatever the number of agencies.
 */
export async function cityPage(
  db: Executor,
  fiscalYear: number,
  scope: readonly number[] | undefined,
  page: Page<CitySort> & { level?: string | undefined },
) {
  if (scope === undefined) return keptCityPage(db, fiscalYear, page);
  const filter = cityFilter(page, 'ranks');
  // The year's ranks from the covering index (id, agency, ITA, level and the sortable parts), the
  // page's ids sorted and cut from them, and only then the page's wide columns.
  const paged = db
    .with('ranks', (qb) =>
      qb
        .selectFrom('assessments')
        .select([
          'assessments.id',
          'assessments.agency_id',
          'assessments.ita',
          'assessments.level_id',
          'assessments.iit',
          'assessments.eit',
          'assessments.oit',
          sql<number>`cast(rank() over (order by ${itaRankKey} desc) as integer)`.as('rank'),
        ])
        .where('assessments.fiscal_year', '=', fiscalYear)
        .where(within('assessments.agency_id', scope)),
    )
    .with('page', (qb) =>
      qb
        .selectFrom('ranks')
        .innerJoin('agencies', 'agencies.id', 'ranks.agency_id')
        .select(['ranks.id', 'ranks.rank', 'ranks.ita', 'ranks.level_id', 'ranks.iit', 'ranks.eit', 'ranks.oit'])
        .where(filter)
        .orderBy(orderSql(cityColumn[page.sort], page.order, 'agencies.code'))
        .limit(page.limit)
        .offset(page.offset),
    )
    .selectFrom('page as ranks')
    .innerJoin('assessments', 'assessments.id', 'ranks.id')
    .innerJoin('agencies', 'agencies.id', 'assessments.agency_id')
    .select([...CITY_ROW_COLUMNS, 'ranks.rank'])
    .orderBy(orderSql(cityColumn[page.sort], page.order, 'agencies.code'));
  const [rows, levels] = await Promise.all([
    paged.execute(),
    db
      .selectFrom('assessments')
      .select([
        'level_id',
        (eb) => eb.fn.countAll<number | string>().as('agencies'),
        (eb) => eb.fn.count<number | string>('ita').as('scored'),
        (eb) => eb.fn.sum<number | string | null>('ita').as('sum'),
        sql<number | string>`sum(case when source = 'demo-generated' then 1 else 0 end)`.as('generated'),
        (eb) => eb.fn.min<string>('framework_id').as('framework_id'),
      ])
      .where('fiscal_year', '=', fiscalYear)
      .where(within('agency_id', scope))
      .groupBy('level_id')
      .execute(),
  ]);
  const total = await cityTotal(levels, page.q ? cityCount(db, fiscalYear, scope, page) : null, page.level);
  return { rows, total, levels, stale: false };
}

/** The kept city table's columns to sort by (the rank ascending is its kept place). */
const keptColumn: Record<CitySort, SortColumn> = {
  rank: { column: 'kept.rank' },
  code: { column: 'agencies.code', notNull: true },
  name: { column: 'agencies.name_th', notNull: true },
  ita: { column: 'assessments.ita' },
  level: { column: 'assessments.level_id' },
  iit: { column: 'assessments.iit' },
  eit: { column: 'assessments.eit' },
  oit: { column: 'assessments.oit' },
};

/** A page of the whole country's city table from the kept ranks and figures: read along the kept place by default. */
async function keptCityPage(db: Executor, fiscalYear: number, page: Page<CitySort> & { level?: string | undefined }) {
  const order =
    page.sort === 'rank' && page.order === 'asc'
      ? sql`${sql.ref('kept.position')} asc`
      : orderSql(keptColumn[page.sort], page.order, 'agencies.code');
  const [rows, levels] = await Promise.all([
    db
      .selectFrom('result_ranks as kept')
      .innerJoin('assessments', 'assessments.id', 'kept.assessment_id')
      .innerJoin('agencies', 'agencies.id', 'assessments.agency_id')
      .select([...CITY_ROW_COLUMNS, 'kept.rank'])
      .where('kept.fiscal_year', '=', fiscalYear)
      .where(cityFilter(page, 'assessments'))
      .orderBy(order)
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    keptLevels(db, fiscalYear),
  ]);
  const total = await cityTotal(levels.levels, page.q ? cityCount(db, fiscalYear, undefined, page) : null, page.level);
  return { rows, total, levels: levels.levels, stale: levels.stale };
}

/** A year noted as changed since its figures were kept, or null: read beside the kept figures, in their statement. */
const staleYear = sql<number | null>`(select min(fiscal_year) from result_changes)`;

/** Whether kept figures read with `staleYear` are stale; with no figures read, asked apart. */
async function staleBeside(db: Executor, rows: readonly { stale_year: number | null }[]): Promise<boolean> {
  return rows.length ? rows[0]!.stale_year !== null : (await staleResultYears(db)).length > 0;
}

/**
 * The whole country's figures of a year by level, as kept, and whether any year's figures are
 * stale (then the caller keeps them and reads again). One query, or two for a year without figures.
 */
async function keptLevels(db: Executor, fiscalYear: number): Promise<{ levels: CityLevel[]; stale: boolean }> {
  const rows = await db
    .selectFrom('result_levels')
    .selectAll()
    .select(staleYear.as('stale_year'))
    .where('fiscal_year', '=', fiscalYear)
    .execute();
  return {
    levels: rows.map((l) => ({
      level_id: l.level_key === '' ? null : l.level_key,
      agencies: l.agencies,
      scored: l.scored,
      sum: l.ita_sum,
      generated: l.generated,
      framework_id: l.framework_id,
    })),
    stale: await staleBeside(db, rows),
  };
}

/** Fiscal year 0 of the kept summaries: results of any year. */
export const EVERY_YEAR = 0;

/** The fiscal years whose kept figures are stale: one query. */
export async function staleResultYears(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('result_changes').select('fiscal_year').distinct().orderBy('fiscal_year').execute();
  return rows.map((r) => r.fiscal_year);
}

/**
 * Keeps a fiscal year's figures over the whole country (ranks, places, levels, how many agencies),
 * one transaction at a time per year. The changes noted are taken first, then the results read: a
 * change committed after its note was taken stays noted for the next read. Answers false when
 * another had kept the year already.
 */
export async function keepResultYear(trx: Transaction<Database>, fiscalYear: number, at: string): Promise<boolean> {
  await lockWork(trx, 'kept-results', fiscalYear);
  const taken = await trx.deleteFrom('result_changes').where('fiscal_year', '=', fiscalYear).executeTakeFirst();
  if (Number(taken.numDeletedRows) === 0) return false;
  // The year's ranks, and those of results moved into it from a year not kept yet.
  await trx
    .deleteFrom('result_ranks')
    .where((eb) =>
      eb.or([
        eb('fiscal_year', '=', fiscalYear),
        eb('assessment_id', 'in', eb.selectFrom('assessments').select('id').where('fiscal_year', '=', fiscalYear)),
      ]),
    )
    .execute();
  await sql`insert into result_ranks (assessment_id, fiscal_year, rank, position)
select assessments.id, assessments.fiscal_year,
  rank() over (order by ${itaRankKey} desc),
  row_number() over (order by ${itaRankKey} desc, agencies.code asc)
from assessments join agencies on agencies.id = assessments.agency_id
where assessments.fiscal_year = ${fiscalYear}
on conflict (assessment_id) do update set fiscal_year = excluded.fiscal_year, rank = excluded.rank, position = excluded.position`.execute(
    trx,
  );
  await trx.deleteFrom('result_levels').where('fiscal_year', '=', fiscalYear).execute();
  await sql`insert into result_levels (fiscal_year, level_key, agencies, scored, ita_sum, generated, framework_id)
select fiscal_year, coalesce(level_id, ''), count(*), count(ita), coalesce(sum(ita), 0),
  sum(case when source = 'demo-generated' then 1 else 0 end), min(framework_id)
from assessments where fiscal_year = ${fiscalYear} group by fiscal_year, level_id`.execute(trx);
  await keepSummary(trx, fiscalYear, at);
  // Every year's count after this year's, under its own lock (always taken second: no deadlock), so
  // two years kept at once never leave the older count standing.
  await lockWork(trx, 'kept-results', EVERY_YEAR);
  await keepSummary(trx, EVERY_YEAR, at);
  return true;
}

/** Keeps how many agencies have results in a fiscal year, or in any year (EVERY_YEAR): one statement. */
async function keepSummary(trx: Transaction<Database>, fiscalYear: number, at: string): Promise<void> {
  const year = fiscalYear === EVERY_YEAR ? sql`1 = 1` : sql`fiscal_year = ${fiscalYear}`;
  await sql`insert into result_summaries (fiscal_year, agencies, kept_at)
select ${fiscalYear}, count(distinct agency_id), ${at} from assessments where ${year}
on conflict (fiscal_year) do update set agencies = excluded.agencies, kept_at = excluded.kept_at`.execute(trx);
}

interface TrendYear {
  fiscal_year: number;
  agencies: number | string;
  mean: number | string | null;
}

/**
 * The whole country's mean ITA of every year and how many agencies have results in any year, as kept,
 * and whether any year's figures are stale (then the caller keeps them and reads again): one query,
 * or two before any year has figures.
 */
async function keptYears(db: Executor): Promise<{ years: TrendYear[]; withResults: number; stale: boolean }> {
  const rows = await db
    .selectFrom('result_levels')
    .select([
      'fiscal_year',
      (eb) => eb.fn.sum<number | string>('scored').as('agencies'),
      sql<number | string | null>`sum(ita_sum) / nullif(sum(scored), 0)`.as('mean'),
      sql<number | string | null>`(select agencies from result_summaries where fiscal_year = ${EVERY_YEAR})`.as('with_results'),
      staleYear.as('stale_year'),
    ])
    .groupBy('fiscal_year')
    .orderBy('fiscal_year')
    .execute();
  return {
    years: rows.map(({ fiscal_year, agencies, mean }) => ({ fiscal_year, agencies, mean })),
    withResults: Number(rows[0]?.with_results ?? 0),
    stale: await staleBeside(db, rows),
  };
}

/** The mean ITA of every year over the agencies in scope, read from their results. */
async function liveYears(db: Executor, scope: readonly number[] | undefined): Promise<TrendYear[]> {
  return db
    .selectFrom('assessments')
    .select([
      'fiscal_year',
      (eb) => eb.fn.count<number | string>('ita').as('agencies'),
      (eb) => eb.fn.avg<number | string | null>('ita').as('mean'),
    ])
    .where(within('agency_id', scope))
    .groupBy('fiscal_year')
    .orderBy('fiscal_year')
    .execute();
}

/**
 * A page of the agencies in scope that have results, each with its ITA by fiscal year (read with
 * its row), and the mean ITA of every year over the whole group (kept for the whole country, with
 * whether it is stale): two queries, or three with a search, whatever the number of agencies.
 */
export async function trendPage(db: Executor, scope: readonly number[] | undefined, page: Page<TrendSort>) {
  const agencies = db
    .selectFrom('agencies')
    .where(within('agencies.id', scope))
    .where((eb) =>
      eb.exists(eb.selectFrom('assessments').select('assessments.id').whereRef('assessments.agency_id', '=', 'agencies.id')),
    )
    .where((eb) => (page.q ? agencyContains(page.q) : eb.and([])));
  const kept = scope === undefined;
  const [rows, counted, figures] = await Promise.all([
    agencies
      .select((eb) => [
        'agencies.id',
        'agencies.code',
        'agencies.slug',
        'agencies.name_th',
        'agencies.name_en',
        jsonArrayOf(
          db,
          eb
            .selectFrom('assessments')
            .select(['assessments.fiscal_year', 'assessments.ita', 'assessments.level_id'])
            .whereRef('assessments.agency_id', '=', 'agencies.id')
            .orderBy('assessments.fiscal_year'),
        ).as('years'),
      ])
      // Code and Thai name are never null: ordered plainly, the page is read along their index and stops at its end.
      .orderBy(sql.ref(page.sort === 'name' ? 'agencies.name_th' : 'agencies.code'), page.order === 'desc' ? 'desc' : 'asc')
      .orderBy('agencies.id', 'asc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    kept && !page.q
      ? null
      : agencies
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
          .then((r) => Number(r.n)),
    kept ? keptYears(db) : liveYears(db, scope).then((years) => ({ years, withResults: 0, stale: false })),
  ]);
  const { years, stale } = figures;
  const total = counted ?? figures.withResults;
  return {
    rows: rows.map(({ years, ...agency }) => ({ ...agency, years: jsonRows(years) })),
    total,
    years,
    stale,
  };
}
