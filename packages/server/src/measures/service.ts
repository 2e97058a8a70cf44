import type { CADENCES } from '@prongsai/core';
import { datesInFiscalYear, defaultDueDate, entriesFromWeakPoints, entriesPerIndicator, type DraftEntry } from '@prongsai/core';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { listDivisions } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import { allows, authorize, type Actor } from '../auth/policy.js';
import { now } from '../db/database.js';
import { lockRow } from '../db/locks.js';
import type { Agency, Database, MeasureEntry, MeasurePlan } from '../db/schema.js';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.js';
import { loadState } from '../results/service.js';
import {
  approvedRoundShowing,
  deleteEntry,
  findEntry,
  findPlan,
  findPlanById,
  insertEntry,
  insertPlan,
  insertRound,
  latestAssessmentBefore,
  listEntries,
  listPlans,
  nextPosition,
  updateEntry,
} from './repository.js';
import type { entrySchema, planAbilitiesSchema, planSchema } from './schemas.js';

export type Divisions = (number | 'all')[];

export interface EntryInput {
  section: 'question' | 'indicator' | 'extra';
  questionCode?: string | null | undefined;
  indicatorNumber?: number | null | undefined;
  questionText?: string | null | undefined;
  score?: number | null | undefined;
  title?: string | null | undefined;
  issue: string;
  measures: string[];
  divisions: Divisions;
  cadence: (typeof CADENCES)[number];
  cadenceText?: string | null | undefined;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  targetScore?: number | null | undefined;
}

export function presentEntry(entry: MeasureEntry): z.infer<typeof entrySchema> {
  return {
    id: entry.id,
    section: entry.section as EntryInput['section'],
    position: entry.position,
    questionCode: entry.question_code,
    indicatorNumber: entry.indicator_number,
    questionText: entry.question_text,
    score: entry.score,
    title: entry.title,
    issue: entry.issue,
    measures: JSON.parse(entry.measures) as string[],
    divisions: JSON.parse(entry.divisions) as Divisions,
    cadence: entry.cadence,
    cadenceText: entry.cadence_text,
    startDate: entry.start_date,
    endDate: entry.end_date,
    targetScore: entry.target_score,
    version: entry.version,
  };
}

/** Checks an entry against its plan: dates inside the fiscal year, divisions of the agency, a custom cadence described. */
export async function checkEntry(db: Kysely<Database>, plan: MeasurePlan, input: Partial<EntryInput>): Promise<void> {
  if (!datesInFiscalYear(plan.fiscal_year, input.startDate ?? null, input.endDate ?? null)) {
    throw badRequest(
      `start and end dates must lie in fiscal year ${plan.fiscal_year} (1 October – 30 September), start before end`,
      `วันเริ่มต้นและวันสิ้นสุดต้องอยู่ในปีงบประมาณ พ.ศ. ${plan.fiscal_year} (1 ตุลาคม – 30 กันยายน) และวันเริ่มต้องไม่หลังวันสิ้นสุด`,
    );
  }
  if (input.divisions) {
    const known = new Set((await listDivisions(db, plan.agency_id)).map((d) => d.id));
    const unknown = input.divisions.filter((d) => d !== 'all' && !known.has(d));
    if (unknown.length > 0) {
      throw badRequest(`divisions ${unknown.join(', ')} are not divisions of this agency`, 'ฝ่ายที่ระบุไม่ใช่ฝ่ายของหน่วยงานนี้');
    }
  }
  if (input.cadence === 'custom' && !input.cadenceText?.trim()) {
    throw badRequest('a custom cadence needs a description', 'กรุณาระบุรอบการกำกับติดตาม');
  }
}

export function entryRow(planId: number, position: number, input: EntryInput): Omit<MeasureEntry, 'id' | 'version'> {
  const at = now();
  return {
    plan_id: planId,
    section: input.section,
    position,
    question_code: input.questionCode ?? null,
    indicator_number: input.indicatorNumber ?? null,
    question_text: input.questionText ?? null,
    score: input.score ?? null,
    title: input.title ?? null,
    issue: input.issue,
    measures: JSON.stringify(input.measures),
    divisions: JSON.stringify(input.divisions),
    cadence: input.cadence,
    cadence_text: input.cadenceText ?? null,
    start_date: input.startDate ?? null,
    end_date: input.endDate ?? null,
    target_score: input.targetScore ?? null,
    created_at: at,
    updated_at: at,
  };
}

/**
 * Creates the plan of a fiscal year with its two progress rounds, and its first entries: one per
 * question below the threshold in the latest results before that year (`weak-points`), one per
 * indicator (`indicators`), or none (`empty`).
 */
export async function createPlan(
  db: Kysely<Database>,
  actorId: number | null,
  agency: Agency,
  fiscalYear: number,
  options: { mode: 'weak-points' | 'indicators' | 'empty'; threshold?: number | undefined },
): Promise<MeasurePlan> {
  if (await findPlan(db, agency.id, fiscalYear)) {
    throw conflict(`the FY${fiscalYear} plan exists already`, `มีแผนมาตรการปีงบประมาณ พ.ศ. ${fiscalYear} อยู่แล้ว`);
  }
  const assessment = await latestAssessmentBefore(db, agency.id, fiscalYear);
  let drafts: DraftEntry[] = [];
  if (options.mode !== 'empty') {
    if (!assessment) {
      throw badRequest(
        `no results before FY${fiscalYear} to plan from`,
        `ยังไม่มีผลการประเมินก่อนปีงบประมาณ พ.ศ. ${fiscalYear} ที่จะใช้วางแผน`,
      );
    }
    const state = await loadState(db, assessment);
    drafts =
      options.mode === 'weak-points'
        ? entriesFromWeakPoints(state.framework, state.result, options.threshold)
        : entriesPerIndicator(state.framework, state.result);
  }
  return db.transaction().execute(async (trx) => {
    const at = now();
    const plan = await insertPlan(trx, {
      agency_id: agency.id,
      fiscal_year: fiscalYear,
      based_on_year: assessment?.fiscal_year ?? null,
      created_at: at,
      updated_at: at,
    });
    for (const [i, draft] of drafts.entries()) {
      await insertEntry(trx, entryRow(plan.id, i + 1, { ...draft, divisions: ['all'], cadence: 'semiannual' }));
    }
    for (const round of [6, 12] as const) {
      await insertRound(trx, {
        plan_id: plan.id,
        round,
        due_date: defaultDueDate(fiscalYear, round),
        status: 'open',
        revision: 1,
        approved_by: null,
        approved_at: null,
      });
    }
    await recordAudit(trx, {
      actorId,
      action: 'create',
      entity: 'measure-plan',
      entityId: plan.id,
      agencyId: agency.id,
      after: { fiscalYear, mode: options.mode, entries: drafts.length },
    });
    return plan;
  });
}

/**
 * Starts next year's plan from this year's: only the chosen entries are copied, with their
 * issues, measures, divisions and cadence; dates are cleared and no status, result or evidence
 * is carried over.
 */
export async function carryOver(
  db: Kysely<Database>,
  actorId: number,
  agency: Agency,
  from: MeasurePlan,
  toYear: number,
  entryIds: number[],
): Promise<MeasurePlan> {
  const source = (await listEntries(db, from.id)).filter((e) => entryIds.includes(e.id));
  if (source.length !== entryIds.length) throw badRequest('some entries are not in that plan', 'บางรายการไม่อยู่ในแผนที่เลือก');
  let plan = await findPlan(db, agency.id, toYear);
  if (!plan) plan = await createPlan(db, actorId, agency, toYear, { mode: 'empty' });
  const target = plan;
  await db.transaction().execute(async (trx) => {
    let position = await nextPosition(trx, target.id);
    for (const entry of source) {
      const {
        id: _id,
        plan_id: _plan,
        position: _position,
        created_at: _c,
        updated_at: _u,
        start_date: _s,
        end_date: _e,
        ...kept
      } = entry;
      const at = now();
      await insertEntry(trx, {
        ...kept,
        plan_id: target.id,
        position: position++,
        start_date: null,
        end_date: null,
        created_at: at,
        updated_at: at,
      });
    }
    await recordAudit(trx, {
      actorId,
      action: 'carry-over',
      entity: 'measure-plan',
      entityId: target.id,
      agencyId: agency.id,
      after: { fromYear: from.fiscal_year, entries: entryIds },
    });
  });
  return target;
}

const staleEntry = (current: number) =>
  new HttpError(
    409,
    'stale-entry',
    `the entry was changed by someone else (now version ${current}); reload it and apply your change again`,
    'มีผู้อื่นแก้ไขรายการนี้ไปแล้ว กรุณาโหลดข้อมูลใหม่แล้วแก้ไขอีกครั้ง',
    { version: current },
  );

/** Refuses to change an entry that an approved round reports, until that round is reopened. */
async function refuseIfApproved(trx: Transaction<Database>, entry: MeasureEntry): Promise<void> {
  const round = await approvedRoundShowing(trx, entry);
  if (!round) return;
  throw new HttpError(
    409,
    'entry-approved',
    `the ${round.round}-month round that reports this entry is approved; reopen it as a new revision to change the entry`,
    `รายการนี้อยู่ในรายงานรอบ ${round.round} เดือนที่อนุมัติแล้ว ต้องเปิดฉบับแก้ไขใหม่ของรอบนั้นก่อนจึงจะแก้ไขหรือลบได้`,
    { round: round.round, revision: round.revision },
  );
}

/** What the actor may do with an agency's plans. */
function planAbilities(actor: Actor, agencyId: number): z.infer<typeof planAbilitiesSchema> {
  return { manage: allows(actor, 'plan', 'manage', { agencyId }) };
}

/** A plan with its entries, in order, as the API answers it. */
async function planView(db: Kysely<Database>, actor: Actor, plan: MeasurePlan): Promise<z.infer<typeof planSchema>> {
  return {
    fiscalYear: plan.fiscal_year,
    basedOnYear: plan.based_on_year,
    entries: (await listEntries(db, plan.id)).map(presentEntry),
    can: planAbilities(actor, plan.agency_id),
  };
}

/** The plan of a year that the actor may read (and, with `manage`, change); 404 when there is none. */
async function planOf(db: Kysely<Database>, actor: Actor, agency: Agency, fiscalYear: number, manage: boolean) {
  authorize(actor, 'plan', 'read', { agencyId: agency.id });
  const plan = await findPlan(db, agency.id, fiscalYear);
  if (!plan) throw notFound('plan');
  if (manage) authorize(actor, 'plan', 'manage', { agencyId: agency.id });
  return plan;
}

/** An entry and its plan, for an actor who may change the plan. */
async function entryOf(db: Kysely<Database>, actor: Actor, id: number) {
  const entry = await findEntry(db, id);
  const plan = entry ? await findPlanById(db, entry.plan_id) : undefined;
  if (!entry || !plan) throw notFound('entry');
  authorize(actor, 'plan', 'read', { agencyId: plan.agency_id });
  authorize(actor, 'plan', 'manage', { agencyId: plan.agency_id });
  return { entry, plan };
}

/** An agency's measure plans, newest first. */
export async function plansOf(db: Kysely<Database>, actor: Actor, agency: Agency) {
  authorize(actor, 'plan', 'read', { agencyId: agency.id });
  return (await listPlans(db, agency.id)).map((p) => ({ fiscalYear: p.fiscal_year, basedOnYear: p.based_on_year }));
}

/** What the actor may do with an agency's plans, whether or not it has any yet. */
export function planAbilitiesOf(actor: Actor, agency: Agency) {
  authorize(actor, 'plan', 'read', { agencyId: agency.id });
  return planAbilities(actor, agency.id);
}

/** A plan with its entries, in order. */
export async function readPlan(db: Kysely<Database>, actor: Actor, agency: Agency, fiscalYear: number) {
  return planView(db, actor, await planOf(db, actor, agency, fiscalYear, false));
}

/** Creates the plan of a year for an actor who may manage the agency's plans (see `createPlan`). */
export async function startPlan(
  db: Kysely<Database>,
  actor: Actor,
  agency: Agency,
  fiscalYear: number,
  options: { mode: 'weak-points' | 'indicators' | 'empty'; threshold?: number | undefined },
) {
  authorize(actor, 'plan', 'read', { agencyId: agency.id });
  authorize(actor, 'plan', 'manage', { agencyId: agency.id });
  return planView(db, actor, await createPlan(db, actor.id, agency, fiscalYear, options));
}

/** Adds an entry at the end of a plan. */
export async function addEntry(db: Kysely<Database>, actor: Actor, agency: Agency, fiscalYear: number, input: EntryInput) {
  const plan = await planOf(db, actor, agency, fiscalYear, true);
  await checkEntry(db, plan, input);
  const entry = await db.transaction().execute(async (trx) => {
    const created = await insertEntry(trx, entryRow(plan.id, await nextPosition(trx, plan.id), input));
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'create',
      entity: 'measure-entry',
      entityId: created.id,
      agencyId: agency.id,
      after: presentEntry(created),
    });
    return created;
  });
  return presentEntry(entry);
}

/**
 * Changes an entry: held until the change lands, so parallel writes run in turn; refused when
 * made from a stale version or while an approved round reports the entry.
 */
export async function changeEntry(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  change: Partial<EntryInput> & { position?: number | undefined; version?: number | undefined },
) {
  const { entry: read, plan } = await entryOf(db, actor, id);
  const { version, ...body } = change;
  const after = await db.transaction().execute(async (trx) => {
    await lockRow(trx, 'measure_entries', read.id);
    const entry = await findEntry(trx, read.id);
    if (!entry) throw notFound('entry');
    if (version !== undefined && version !== entry.version) throw staleEntry(entry.version);
    await refuseIfApproved(trx, entry);
    const before = presentEntry(entry);
    const merged = { ...before, ...body } as EntryInput;
    await checkEntry(trx, plan, merged);
    const { created_at: _c, plan_id: _p, ...update } = entryRow(plan.id, body.position ?? entry.position, merged);
    const updated = await updateEntry(trx, entry.id, { ...update, updated_at: now() });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'update',
      entity: 'measure-entry',
      entityId: entry.id,
      agencyId: plan.agency_id,
      before,
      after: presentEntry(updated),
    });
    return updated;
  });
  return presentEntry(after);
}

/** Removes an entry with its progress reports; refused while an approved round reports it. */
export async function removeEntry(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  const { entry: read, plan } = await entryOf(db, actor, id);
  await db.transaction().execute(async (trx) => {
    await lockRow(trx, 'measure_entries', read.id);
    const entry = await findEntry(trx, read.id);
    if (!entry) throw notFound('entry');
    await refuseIfApproved(trx, entry);
    await deleteEntry(trx, entry.id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'delete',
      entity: 'measure-entry',
      entityId: entry.id,
      agencyId: plan.agency_id,
      before: presentEntry(entry),
    });
  });
}

/** Starts another year's plan from chosen entries of this one (see `carryOver`). */
export async function carryPlanOver(
  db: Kysely<Database>,
  actor: Actor,
  agency: Agency,
  fiscalYear: number,
  toYear: number,
  entryIds: number[],
) {
  const plan = await planOf(db, actor, agency, fiscalYear, true);
  const target = await carryOver(db, actor.id, agency, plan, toYear, entryIds);
  return { fiscalYear: target.fiscal_year, entries: (await listEntries(db, target.id)).map(presentEntry) };
}
