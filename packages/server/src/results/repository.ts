import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Assessment, AssessmentImport, Database } from '../db/schema.js';
import { agencyContains, orderSql, within, type Page } from '../db/page.js';
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

const cityColumn: Record<CitySort, string> = {
  rank: 'ranks.rank',
  code: 'agencies.code',
  name: 'agencies.name_th',
  ita: 'ranks.ita',
  level: 'ranks.level_id',
  iit: 'ranks.iit',
  eit: 'ranks.eit',
  oit: 'ranks.oit',
};

/**
 * What the city table ranks by: the ITA in hundredths, rounded as the published score is (half up,
 * float error aside: core's round2), the same on both engines; -1 for none.
 */
export const itaRankKey = sql<number>`coalesce(floor(assessments.ita * 100 + 0.5 + 1e-8), -1)`;

/**
 * A page of a fiscal year's city table: every assessment of the agencies in scope ranked by ITA
 * (equal totals to two decimals share a rank, agencies without one last), then filtered, sorted and cut;
 * with how many match and the group's figures. The rank is computed over the year's (id, ITA) alone,
 * from the covering index, and the wide columns joined after; how many match is counted only for a
 * search (otherwise the group's figures already hold it). Two or three queries, whatever the number of agencies.
 */
export async function cityPage(
  db: Executor,
  fiscalYear: number,
  scope: readonly number[] | undefined,
  page: Page<CitySort> & { level?: string | undefined },
) {
  const filters: Expression<SqlBool>[] = [];
  if (page.q) filters.push(agencyContains(page.q));
  if (page.level === 'none') filters.push(sql<SqlBool>`ranks.level_id is null`);
  else if (page.level) filters.push(sql<SqlBool>`ranks.level_id = ${page.level}`);
  const filter = filters.length ? sql<SqlBool>`${sql.join(filters, sql` and `)}` : sql<SqlBool>`1 = 1`;
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
  const [rows, count, levels] = await Promise.all([
    paged.execute(),
    page.q
      ? db
          .selectFrom('assessments as ranks')
          .innerJoin('agencies', 'agencies.id', 'ranks.agency_id')
          .where('ranks.fiscal_year', '=', fiscalYear)
          .where(within('ranks.agency_id', scope))
          .where(filter)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      : null,
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
  // Without a search, how many match is the group's count (of the level asked for).
  const total = count
    ? Number(count.n)
    : levels
        .filter((l) => !page.level || l.level_id === (page.level === 'none' ? null : page.level))
        .reduce((n, l) => n + Number(l.agencies), 0);
  return { rows, total, levels };
}

/**
 * A page of the agencies in scope that have results, each with its ITA by fiscal year, and the
 * mean ITA of every year over the whole group: four queries, whatever the number of agencies.
 */
export async function trendPage(db: Executor, scope: readonly number[] | undefined, page: Page<TrendSort>) {
  const agencies = db
    .selectFrom('agencies')
    .where(within('agencies.id', scope))
    .where((eb) =>
      eb.exists(eb.selectFrom('assessments').select('assessments.id').whereRef('assessments.agency_id', '=', 'agencies.id')),
    )
    .where((eb) => (page.q ? agencyContains(page.q) : eb.and([])));
  const [rows, count, years] = await Promise.all([
    agencies
      .select(['agencies.id', 'agencies.code', 'agencies.slug', 'agencies.name_th', 'agencies.name_en'])
      // Code and Thai name are never null: ordered plainly, the page is read along their index and stops at its end.
      .orderBy(sql.ref(page.sort === 'name' ? 'agencies.name_th' : 'agencies.code'), page.order === 'desc' ? 'desc' : 'asc')
      .orderBy('agencies.id', 'asc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    agencies.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('assessments')
      .select([
        'fiscal_year',
        (eb) => eb.fn.count<number | string>('ita').as('agencies'),
        (eb) => eb.fn.avg<number | string | null>('ita').as('mean'),
      ])
      .where(within('agency_id', scope))
      .groupBy('fiscal_year')
      .orderBy('fiscal_year')
      .execute(),
  ]);
  const scores = await db
    .selectFrom('assessments')
    .select(['agency_id', 'fiscal_year', 'ita', 'level_id'])
    .where(
      within(
        'agency_id',
        rows.map((r) => r.id),
      ),
    )
    .orderBy('fiscal_year')
    .execute();
  return { rows, total: Number(count.n), years, scores };
}
