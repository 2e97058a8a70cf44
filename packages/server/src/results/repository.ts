import type { Kysely, Transaction } from 'kysely';
import type { Assessment, AssessmentImport, Database } from '../db/schema.js';

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

/** Every assessment of a fiscal year with its agency: the city-wide table. */
export function cityRows(db: Executor, fiscalYear: number, within?: readonly number[]) {
  let query = db
    .selectFrom('assessments')
    .innerJoin('agencies', 'agencies.id', 'assessments.agency_id')
    .select([
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
    ])
    .where('assessments.fiscal_year', '=', fiscalYear);
  if (within !== undefined) query = query.where('assessments.agency_id', 'in', within.length ? within : [-1]);
  return query.execute();
}

export async function assessmentYears(db: Executor): Promise<number[]> {
  const rows = await db.selectFrom('assessments').select('fiscal_year').distinct().orderBy('fiscal_year', 'desc').execute();
  return rows.map((r) => r.fiscal_year);
}

/** Mean ITA per agency and year, for trends (of these agencies when given). */
export function trendRows(db: Executor, within?: readonly number[]) {
  let query = db.selectFrom('assessments').select(['agency_id', 'fiscal_year', 'ita', 'level_id']);
  if (within !== undefined) query = query.where('agency_id', 'in', within.length ? within : [-1]);
  return query.orderBy('fiscal_year').execute();
}
