import type { Kysely, Transaction } from 'kysely';
import type { Database, MeasureEntry, MeasurePlan, ProgressRound } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export function findPlan(db: Executor, agencyId: number, fiscalYear: number): Promise<MeasurePlan | undefined> {
  return db
    .selectFrom('measure_plans')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
}

export function findPlanById(db: Executor, id: number): Promise<MeasurePlan | undefined> {
  return db.selectFrom('measure_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPlans(db: Executor, agencyId: number): Promise<MeasurePlan[]> {
  return db.selectFrom('measure_plans').selectAll().where('agency_id', '=', agencyId).orderBy('fiscal_year', 'desc').execute();
}

export function insertPlan(db: Executor, plan: Omit<MeasurePlan, 'id'>): Promise<MeasurePlan> {
  return db.insertInto('measure_plans').values(plan).returningAll().executeTakeFirstOrThrow();
}

export function listEntries(db: Executor, planId: number): Promise<MeasureEntry[]> {
  return db.selectFrom('measure_entries').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
}

export function findEntry(db: Executor, id: number): Promise<MeasureEntry | undefined> {
  return db.selectFrom('measure_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertEntry(db: Executor, entry: Omit<MeasureEntry, 'id' | 'version'>): Promise<MeasureEntry> {
  return db.insertInto('measure_entries').values(entry).returningAll().executeTakeFirstOrThrow();
}

export function updateEntry(
  db: Executor,
  id: number,
  changes: Partial<Omit<MeasureEntry, 'id' | 'plan_id' | 'version'>>,
): Promise<MeasureEntry> {
  return db
    .updateTable('measure_entries')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The approved round that shows this entry, if any: a round approved after the entry was
 * made. Such an entry stays as approved until the round is reopened as a new revision.
 */
export function approvedRoundShowing(db: Executor, entry: MeasureEntry) {
  return db
    .selectFrom('progress_rounds')
    .select(['id', 'round', 'revision'])
    .where('plan_id', '=', entry.plan_id)
    .where('status', '=', 'approved')
    .where('approved_at', '>=', entry.created_at)
    .orderBy('round')
    .executeTakeFirst();
}

export async function deleteEntry(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('measure_entries').where('id', '=', id).execute();
}

export async function nextPosition(db: Executor, planId: number): Promise<number> {
  const row = await db
    .selectFrom('measure_entries')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** The most recent assessment before a fiscal year: the results a plan for that year answers. */
export function latestAssessmentBefore(db: Executor, agencyId: number, fiscalYear: number) {
  return db
    .selectFrom('assessments')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('fiscal_year', '<', fiscalYear)
    .orderBy('fiscal_year', 'desc')
    .executeTakeFirst();
}

export async function insertRound(db: Executor, round: Omit<ProgressRound, 'id'>): Promise<void> {
  await db.insertInto('progress_rounds').values(round).execute();
}
