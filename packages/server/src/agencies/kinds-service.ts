import type { Kysely } from 'kysely';
import { checkAgencyKind, kindMilestones, SHIPPED_AGENCY_KINDS, shippedKind, UNIT_TERMS, type AgencyKind } from '@prongsai/core';
import { recordAudit } from '../audit/repository.js';
import { allows, authorize, type Actor } from '../auth/policy.js';
import { now } from '../db/database.js';
import { lockRow } from '../db/locks.js';
import type { AgencyKindRow, Database } from '../db/schema.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { noteLateChangesOfKind } from '../calendar/repository.js';
import { findKindRow, insertKindRow, listKindRows, updateKindRow } from './repository.js';

type Executor = Parameters<typeof listKindRows>[0];

export interface StoredKind {
  kind: AgencyKind;
  shipped: boolean;
  updatedAt: string | null;
}

const fromRow = (row: AgencyKindRow): StoredKind => ({
  kind: JSON.parse(row.definition) as AgencyKind,
  shipped: row.shipped === 1,
  updatedAt: row.updated_at,
});

/**
 * Every kind: those stored, and any shipped kind not stored (a database restored from a backup
 * taken before kinds were stored still knows district, central and other).
 */
export async function allKinds(db: Executor): Promise<StoredKind[]> {
  const stored = (await listKindRows(db)).map(fromRow);
  const ids = new Set(stored.map((s) => s.kind.id));
  const missing = SHIPPED_AGENCY_KINDS.filter((k) => !ids.has(k.id)).map((kind) => ({ kind, shipped: true, updatedAt: null }));
  return [...stored, ...missing];
}

/** The kind by id (stored, else shipped), if any. */
export async function kindById(db: Executor, id: string): Promise<AgencyKind | undefined> {
  const row = await findKindRow(db, id);
  if (row) return fromRow(row).kind;
  return SHIPPED_AGENCY_KINDS.find((k) => k.id === id);
}

/**
 * Every kind by id, and the kind an agency of an id not known is treated as ("other", as its
 * documents word it): what the calendar resolves several agencies' kinds with, in one query.
 */
export async function knownKinds(db: Executor): Promise<{ byId: ReadonlyMap<string, AgencyKind>; unknown: AgencyKind }> {
  return { byId: new Map((await allKinds(db)).map((stored) => [stored.kind.id, stored.kind])), unknown: shippedKind('other')! };
}

/** What a kind calls its units, in Thai and English, as answers present it. */
export function unitTermOf(kind: AgencyKind) {
  return { th: kind.unitTerm, en: UNIT_TERMS[kind.unitTerm] };
}

/** The kind of an id as `knownKinds` resolves it. */
export async function kindsResolver(db: Executor): Promise<(id: string) => AgencyKind> {
  const { byId, unknown } = await knownKinds(db);
  return (id) => byId.get(id) ?? unknown;
}

const withAbilities = (actor: Actor, stored: StoredKind) => ({
  ...stored,
  unitTerm: unitTermOf(stored.kind),
  can: { edit: allows(actor, 'agencyKind', 'manage', undefined) },
});

/** The kinds of agency, for anyone signed in; each says whether the caller may edit it. */
export async function listAgencyKinds(db: Kysely<Database>, actor: Actor) {
  authorize(actor, 'agencyKind', 'read', undefined);
  return (await allKinds(db)).map((stored) => withAbilities(actor, stored));
}

function checked(input: unknown): AgencyKind {
  const result = checkAgencyKind(input);
  if (!result.kind) {
    const problems = result.problems;
    throw badRequest(
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      problems.map((p) => `${p.field}: ${p.th}`).join(' · '),
      problems,
    );
  }
  return result.kind;
}

/** Adds a kind (central admins) unless its id is taken, with its audit entry. */
export async function addAgencyKind(db: Kysely<Database>, actor: Actor, input: unknown) {
  authorize(actor, 'agencyKind', 'manage', undefined);
  const kind = checked(input);
  if (await kindById(db, kind.id)) throw conflict('a kind with this id exists', 'มีประเภทหน่วยงานรหัสนี้อยู่แล้ว');
  return db.transaction().execute(async (trx) => {
    const row = await insertKindRow(trx, {
      id: kind.id,
      name_th: kind.nameTh,
      name_en: kind.nameEn,
      definition: JSON.stringify(kind),
      shipped: 0,
      updated_at: now(),
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'create',
      entity: 'agency_kind',
      entityId: kind.id,
      agencyId: null,
      after: kind,
    });
    return withAbilities(actor, fromRow(row));
  });
}

/** Changes a kind's names, naming, units or sampling (central admins); its id stays. */
export async function changeAgencyKind(db: Kysely<Database>, actor: Actor, id: string, input: unknown) {
  authorize(actor, 'agencyKind', 'manage', undefined);
  const kind = checked({ ...(input as object), id });
  return db.transaction().execute(async (trx) => {
    // Read under the kind's row lock, so of two edits at once the later compares its milestones with
    // the earlier's and neither misses noting the kind's agencies as changed.
    await lockRow(trx, 'agency_kinds', id);
    const before = await kindById(trx, id);
    if (!before) throw notFound('agency kind');
    const values = { name_th: kind.nameTh, name_en: kind.nameEn, definition: JSON.stringify(kind), updated_at: now() };
    const row = (await findKindRow(trx, id))
      ? await updateKindRow(trx, id, values)
      : await insertKindRow(trx, { id, ...values, shipped: 1 });
    // The kept late milestones of its agencies are decided again, every year, with its new list.
    if (kindMilestones(before).join() !== kindMilestones(kind).join()) await noteLateChangesOfKind(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'update',
      entity: 'agency_kind',
      entityId: id,
      agencyId: null,
      before,
      after: kind,
    });
    return withAbilities(actor, fromRow(row));
  });
}
