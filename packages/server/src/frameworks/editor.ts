import type { Kysely } from 'kysely';
import {
  compileFramework,
  frameworkReadiness,
  parseDecimal,
  problemInThai,
  type FeatureReadiness,
  type FrameworkData,
  type FrameworkProblem,
} from '@prongsai/core';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import { now } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { conflict, HttpError, notFound } from '../http/errors.js';
import { derivedFramework } from './draft-check.js';
import { findDraft, insertDraft, listDrafts, markDraftPublished, updateDraftData, type DraftRow } from './draft-repository.js';
import { importFramework } from './import.js';
import { availableFrameworks, FrameworkError } from './registry.js';

/** The parts of a set that can be replaced one at a time. */
export const DRAFT_PARTS = [
  'name',
  'fiscalYears',
  'agencyKinds',
  'provenance',
  'unknowns',
  'analysisThreshold',
  'scales',
  'levels',
  'tools',
  'indicators',
  'questions',
  'oitItems',
] as const;
export type DraftPart = (typeof DRAFT_PARTS)[number];

export type DraftProblem = FrameworkProblem & { th: string };

/** A draft as the editor sees it: its whole document, every problem (Thai and English) and each feature's readiness. */
export interface FrameworkDraft {
  id: string;
  fromId: string | null;
  data: unknown;
  problems: DraftProblem[];
  /** Null while the set has problems. */
  readiness: FeatureReadiness[] | null;
  updatedAt: string;
  publishedAt: string | null;
}

export const DRAFT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Numbers may be typed with Thai digits anywhere: a string that is only a number (๘๕, ๙.๑ is not one: it is
 * a code) becomes that number. Codes keep their letters, so they are never read as numbers.
 */
export function withArabicNumbers(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!/[๐-๙]/.test(value)) return value;
    const n = /^\s*-?[0-9๐-๙]+(\.[0-9๐-๙]+)?\s*$/.test(value) ? parseDecimal(value) : undefined;
    return n ?? value;
  }
  if (Array.isArray(value)) return value.map(withArabicNumbers);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withArabicNumbers(v)]));
  }
  return value;
}

const check = (data: unknown, source: string): { problems: DraftProblem[]; readiness: FeatureReadiness[] | null } => {
  const compiled = compileFramework(data, source);
  if (!compiled.ok) return { problems: compiled.problems.map((p) => ({ ...p, th: problemInThai(p) })), readiness: null };
  return { problems: [], readiness: frameworkReadiness(compiled.framework) };
};

const present = (row: DraftRow): FrameworkDraft => {
  const data = JSON.parse(row.data) as unknown;
  return { id: row.id, fromId: row.from_id, data, ...check(data, `draft ${row.id}`), updatedAt: row.updated_at, publishedAt: row.published_at };
};

/** A 422 listing every problem, each in Thai (and English for the logs). */
export function invalidDraft(problems: DraftProblem[]): HttpError {
  return new HttpError(
    422,
    'invalid-framework',
    `the set has ${problems.length} problem(s): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    `ชุดคำถามมีปัญหา ${problems.length} รายการ: ${problems.map((p) => p.th).join(' / ')}`,
    { problems },
  );
}

const published = (id: string) =>
  conflict(
    `draft ${id} is published and never changes; start a new draft from it`,
    `ร่างชุดคำถาม ${id} เผยแพร่แล้วและไม่เปลี่ยนแปลง ให้เริ่มร่างใหม่จากชุดนี้`,
  );

const empty = (id: string): Record<string, unknown> => ({
  id,
  name: { th: '', en: null },
  fiscalYears: [],
  agencyKinds: ['district'],
  provenance: { sources: [], provisional: true, confirmedBy: null, confirmedAt: null, unknowns: [] },
  scales: {},
  levels: { levels: [] },
  tools: [],
  indicators: [],
  questions: [],
  oitItems: [],
});

/** Starts a draft under `newId` from an existing set (the same content, provisional, naming it) or empty. */
export async function createDraft(
  db: Kysely<Database>,
  actor: Actor | null,
  { fromId, newId }: { fromId: string | null; newId: string },
): Promise<FrameworkDraft> {
  if (actor) authorize(actor, 'framework', 'import', undefined);
  if (!DRAFT_ID.test(newId) || newId.length > 64) {
    throw new HttpError(422, 'invalid-id', `${newId} is not a framework id (lower-case letters, digits and dashes)`, 'รหัสชุดคำถามใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข และขีด (เช่น bma-district-2570)');
  }
  if (availableFrameworks().includes(newId)) {
    throw conflict(`framework ${newId} exists already and never changes`, `มีชุดคำถามรหัส ${newId} แล้ว ให้ใช้รหัสใหม่`);
  }
  let data: unknown = empty(newId);
  if (fromId) {
    try {
      data = derivedFramework(fromId, newId);
    } catch (error) {
      if (error instanceof FrameworkError) throw notFound('framework');
      throw error;
    }
  }
  const at = now();
  const row = { id: newId, from_id: fromId, data: JSON.stringify(data), created_by: actor?.id ?? null, created_at: at, updated_at: at };
  await db.transaction().execute(async (trx) => {
    if (!(await insertDraft(trx, row))) {
      throw conflict(`a draft ${newId} exists already`, `มีร่างชุดคำถามรหัส ${newId} อยู่แล้ว`);
    }
    await recordAudit(trx, { actorId: actor?.id ?? null, action: 'create', entity: 'framework-draft', entityId: newId, agencyId: null, after: { fromId } });
  });
  return present({ ...row, published_at: null });
}

async function loadDraft(db: Kysely<Database>, id: string): Promise<DraftRow> {
  const row = await findDraft(db, id);
  if (!row) throw notFound('framework draft');
  return row;
}

export async function getDraft(db: Kysely<Database>, actor: Actor | null, id: string): Promise<FrameworkDraft> {
  if (actor) authorize(actor, 'framework', 'import', undefined);
  return present(await loadDraft(db, id));
}

export async function draftList(db: Kysely<Database>, actor: Actor) {
  authorize(actor, 'framework', 'import', undefined);
  return (await listDrafts(db)).map((r) => ({ id: r.id, fromId: r.from_id, updatedAt: r.updated_at, publishedAt: r.published_at }));
}

/**
 * Replaces the whole document, or one top-level part of it. The result must be a valid set (its id stays the
 * draft's): otherwise nothing is saved and every problem is answered (422, in Thai).
 */
export async function editDraft(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  edit: { whole: unknown } | { part: DraftPart; value: unknown },
): Promise<FrameworkDraft> {
  if (actor) authorize(actor, 'framework', 'import', undefined);
  const row = await loadDraft(db, id);
  if (row.published_at) throw published(id);
  let data: Record<string, unknown>;
  if ('whole' in edit) {
    if (!edit.whole || typeof edit.whole !== 'object' || Array.isArray(edit.whole)) {
      throw invalidDraft([{ source: `draft ${id}`, path: '(root)', message: 'a framework is a JSON object', th: 'ชุดคำถามต้องเป็นออบเจ็กต์ JSON' }]);
    }
    data = withArabicNumbers(edit.whole) as Record<string, unknown>;
  } else {
    data = { ...(JSON.parse(row.data) as Record<string, unknown>), [edit.part]: withArabicNumbers(edit.value) };
  }
  data.id = id;
  const checked = check(data, `draft ${id}`);
  if (checked.problems.length) throw invalidDraft(checked.problems);
  const at = now();
  const text = JSON.stringify(data);
  await db.transaction().execute(async (trx) => {
    if (!(await updateDraftData(trx, id, text, at))) throw published(id);
    await recordAudit(trx, {
      actorId: actor?.id ?? null,
      action: 'edit',
      entity: 'framework-draft',
      entityId: id,
      agencyId: null,
      after: 'whole' in edit ? { whole: true } : { part: edit.part },
    });
  });
  return { id, fromId: row.from_id, data, ...checked, updatedAt: at, publishedAt: null };
}

/**
 * Publishes a draft as an immutable set under its id, for the given fiscal years and kinds of agency, through
 * the framework import (the id is claimed once: publishing twice, or two at once, answers 409).
 */
export async function publishDraft(
  db: Kysely<Database>,
  actor: Actor | null,
  id: string,
  { fiscalYears, agencyKinds }: { fiscalYears: (number | string)[]; agencyKinds?: string[] },
): Promise<{ id: string; fiscalYears: number[]; questions: number; oitItems: number }> {
  if (actor) authorize(actor, 'framework', 'import', undefined);
  const row = await loadDraft(db, id);
  if (row.published_at || availableFrameworks().includes(id)) throw published(id);
  const data = {
    ...(JSON.parse(row.data) as Record<string, unknown>),
    fiscalYears: fiscalYears.map((y) => (typeof y === 'string' ? (parseDecimal(y) ?? y) : y)),
    ...(agencyKinds ? { agencyKinds } : {}),
  } as Partial<FrameworkData>;
  const checked = check(data, `draft ${id}`);
  if (checked.problems.length) throw invalidDraft(checked.problems);
  const text = JSON.stringify(data, null, 2);
  const result = await importFramework(db, actor, { fileName: `${id}.json`, data: Buffer.from(text) });
  if (!result.ok) {
    if (result.problems.some((p) => p.path === 'id')) throw published(id);
    throw invalidDraft(result.problems.map((p) => ({ ...p, th: problemInThai(p) })));
  }
  const at = now();
  await db.transaction().execute(async (trx) => {
    await markDraftPublished(trx, id, text, at);
    await recordAudit(trx, {
      actorId: actor?.id ?? null,
      action: 'publish',
      entity: 'framework-draft',
      entityId: id,
      agencyId: null,
      after: { fiscalYears: result.fiscalYears, agencyKinds: data.agencyKinds ?? null },
    });
  });
  return { id: result.id, fiscalYears: result.fiscalYears, questions: result.questions, oitItems: result.oitItems };
}
