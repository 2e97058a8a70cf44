import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  FEATURE_MILESTONES,
  kindMemoKinds,
  kindMilestones,
  MEMO_KINDS,
  MILESTONES,
  NACC_WINDOWS,
  templateDates,
  type AgencyKind,
} from '@prongsai/core';
import { knownKinds } from '../agencies/kinds-service.js';
import { now } from '../db/database.js';
import type { Database } from '../db/schema.js';
import {
  CalendarRepository,
  FEATURE_COLUMNS,
  keepLateStates,
  keptLateYear,
  lockLateYear,
  noteLateYear,
  takeLateChanges,
  type KindBasis,
  type LateBasis,
} from './repository.js';

/** The most agencies a read keeps again itself before answering; more are kept in the background. */
export const LATE_KEPT_PER_READ = 200;

/** More changed agencies than this are kept as a whole year (one statement over every agency). */
const LATE_KEPT_BY_AGENCY = 2000;

/** A year never kept is kept by the read that asks for it up to this many agencies; above, in the background. */
export const LATE_BUILT_BY_READ = 500;

/**
 * What decides the milestones an agency can be late with in a fiscal year: those it hands something
 * in for (NACC's own windows are left out: no agency is late for them), in the year's order, each
 * with the template's due date of the year, the features that tell their state, and the memo kinds.
 * Which of them each kind of agency has is read when a year is kept (`lateKinds`).
 */
export function lateBasis(fiscalYear: number): LateBasis {
  const template = templateDates(fiscalYear);
  return {
    fiscalYear,
    milestones: MILESTONES.filter((m) => !NACC_WINDOWS.includes(m)).map((milestone) => ({
      milestone,
      templateDueOn: template[milestone].dueOn,
    })),
    features: FEATURE_MILESTONES.filter((m): m is keyof typeof FEATURE_COLUMNS => m in FEATURE_COLUMNS),
    memoKinds: MEMO_KINDS,
  };
}

/** What an agency of a kind owes: its kind's milestones, and the memos its memos step needs. */
const owedBy = (kind: AgencyKind): KindBasis => ({ milestones: kindMilestones(kind), memoKinds: kindMemoKinds(kind) });

/**
 * The milestones and memos each kind of agency has, as kept now. They are not part of the basis's
 * key: a change of a kind's milestones notes its agencies as changed, so only they are kept again.
 */
async function lateKinds(trx: Transaction<Database>): Promise<NonNullable<LateBasis['kinds']>> {
  const { byId, unknown } = await knownKinds(trx);
  return { byKind: new Map([...byId].map(([id, kind]) => [id, owedBy(kind)])), otherwise: owedBy(unknown) };
}

/** A short name of a basis: kept rows decided from another (an older version) are kept again. */
export function basisKey(basis: LateBasis): string {
  // 'by kind', 'memos by kind': rows kept before an agency's milestones, then its memos, depended on its kind are kept again.
  return createHash('sha256')
    .update(JSON.stringify([basis.milestones, basis.features, basis.memoKinds, FEATURE_COLUMNS, 'by kind', 'memos by kind']))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Keeps a fiscal year's late states up to date in one transaction (one at a time per year): the
 * agencies the changes noted since name, or the whole year when it was never kept, a year-wide date
 * changed or the basis is another. With a limit, does nothing and answers false when more agencies
 * than that would be kept.
 */
export async function keepLateYear(db: Kysely<Database>, fiscalYear: number, limit?: number): Promise<boolean> {
  const basis = lateBasis(fiscalYear);
  const key = basisKey(basis);
  const at = now();
  await noteLateYear(db, fiscalYear, at);
  return db.transaction().execute(async (trx) => {
    // A read does not wait for another keeping the year (it answers pending); the background does.
    const kept = await lockLateYear(trx, fiscalYear, limit === undefined);
    if (kept === null) return false;
    const repository = new CalendarRepository(trx);
    const changed = await repository.lateChangedAgencies(fiscalYear, limit === undefined ? undefined : limit + 1);
    if (kept === key && changed.length === 0) return true;
    const whole = kept !== key || changed.includes(null) || changed.length > LATE_KEPT_BY_AGENCY;
    if (limit !== undefined && (whole ? await repository.agencyCount() : changed.length) > limit) return false;
    const agencies = whole ? undefined : (changed as number[]);
    await takeLateChanges(trx, fiscalYear, agencies);
    // Read after the changes are taken: a kind's change and its agencies' notes are written together.
    await keepLateStates(trx, { ...basis, kinds: await lateKinds(trx) }, agencies);
    await keptLateYear(trx, fiscalYear, key, at);
    return true;
  });
}

/** The years being kept in the background, per database, and who hears of a failure. */
const background = new WeakMap<Kysely<Database>, Map<number, Promise<void>>>();
const failures = new WeakMap<Kysely<Database>, (error: unknown) => void>();

/** Keeps a year in the background unless it is already being kept; a failure is left to the next read. */
export function keepLateInBackground(db: Kysely<Database>, fiscalYear: number): void {
  const running = background.get(db) ?? new Map<number, Promise<void>>();
  background.set(db, running);
  if (running.has(fiscalYear)) return;
  const work = keepLateYear(db, fiscalYear)
    .then(() => undefined)
    .catch((error: unknown) => failures.get(db)?.(error))
    .finally(() => running.delete(fiscalYear));
  running.set(fiscalYear, work);
}

/** Who hears of a failure to keep in the background (the app's log). */
export function onLateKeepingFailure(db: Kysely<Database>, report: (error: unknown) => void): void {
  failures.set(db, report);
}

/** Waits for the years being kept in the background (before the database closes). */
export async function settleLateKeeping(db: Kysely<Database>): Promise<void> {
  await Promise.all([...(background.get(db)?.values() ?? [])]);
}

/**
 * Brings the year's kept late states up to date before a read: nothing when nothing changed (one
 * query), the changed agencies when they are few, the whole year when it was never kept and the
 * country is small; otherwise starts keeping it in the background and answers true (pending).
 */
export async function keepLateForRead(db: Kysely<Database>, fiscalYear: number): Promise<boolean> {
  const repository = new CalendarRepository(db);
  const { basis, pending } = await repository.lateKept(fiscalYear);
  const current = basis === basisKey(lateBasis(fiscalYear));
  if (current && !pending) return false;
  const changed = current ? await repository.lateChangedAgencies(fiscalYear, LATE_KEPT_PER_READ + 1) : [];
  const whole = !current || changed.includes(null);
  const fits = whole ? (await repository.agencyCount()) <= LATE_BUILT_BY_READ : changed.length <= LATE_KEPT_PER_READ;
  if (fits && (await keepLateYear(db, fiscalYear, whole ? LATE_BUILT_BY_READ : LATE_KEPT_PER_READ))) return false;
  keepLateInBackground(db, fiscalYear);
  return true;
}
