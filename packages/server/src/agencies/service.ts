import type { Kysely } from 'kysely';
import { now } from '../db/database.js';
import type { Agency, Database, Division } from '../db/schema.js';
import { recordAudit } from '../audit/repository.js';
import { agencyScope, allows, authorize, type Actor } from '../auth/policy.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import {
  deleteDivision,
  divisionInUse,
  findAgency,
  findAgencyByCode,
  findAgencyBySlug,
  findDivision,
  findDivisionByName,
  insertAgency,
  insertDivision,
  listAgencies,
  searchAgencies,
  listDivisions,
  updateAgency,
  updateDivision,
} from './repository.js';
import { shippedKind, type AgencyKind } from '@prongsai/core';
import { assessedAs } from '../frameworks/for-agency.js';
import { kindById, unitTermOf } from './kinds-service.js';
import { slugify } from './reference-data.js';

/** Adds an agency, with its kind's default units if asked, in one transaction with its audit entry. */
async function createAgency(
  db: Kysely<Database>,
  actorId: number | null,
  agency: { code: string; slug: string; name_th: string; name_en: string; kind: AgencyKind; parent_id: number | null },
  withDefaultUnits: boolean,
): Promise<Agency> {
  return db.transaction().execute(async (trx) => {
    const created = await insertAgency(trx, {
      code: agency.code,
      slug: agency.slug,
      name_th: agency.name_th,
      name_en: agency.name_en,
      kind: agency.kind.id,
      parent_id: agency.parent_id,
      created_at: now(),
    });
    if (withDefaultUnits) {
      for (const [i, division] of agency.kind.defaultUnits.entries()) {
        await insertDivision(trx, {
          agency_id: created.id,
          name_th: division.th,
          name_en: division.en,
          sort_order: i + 1,
          created_at: now(),
        });
      }
    }
    await recordAudit(trx, {
      actorId,
      action: 'create',
      entity: 'agency',
      entityId: created.id,
      agencyId: created.id,
      after: created,
    });
    return created;
  });
}

export { listDivisions };

/** The agency named by code, slug or id, if the actor may see it; otherwise 404. */
export async function readableAgency(db: Kysely<Database>, actor: Actor, ref: string): Promise<Agency> {
  const agency = await findAgency(db, ref);
  if (!agency) throw notFound('agency');
  authorize(actor, 'agency', 'read', { id: agency.id });
  return agency;
}

/** What the actor may do with the agency, as its pages offer it. */
export function agencyAbilities(actor: Actor, agency: Agency) {
  const agencyId = agency.id;
  return {
    update: allows(actor, 'agency', 'update', { id: agencyId }),
    manageDivisions: allows(actor, 'division', 'create', { agencyId }),
    importResults: allows(actor, 'assessment', 'import', { agencyId }),
    publish: allows(actor, 'publication', 'manage', { agencyId }),
  };
}

/** One agency as its pages show it: the record and what the actor may do with it. */
export async function agencyForActor(db: Kysely<Database>, actor: Actor, ref: string) {
  const agency = await readableAgency(db, actor, ref);
  const kind = (await kindById(db, agency.kind)) ?? shippedKind('other')!;
  return {
    agency,
    assessedAs: assessedAs(agency.kind),
    unitTerm: unitTermOf(kind),
    iitRule: kind.sampling.iit,
    can: agencyAbilities(actor, agency),
  };
}

/** The agencies the actor may see: those a central admin oversees (every one for the whole country), else their own. */
export async function visibleAgencies(
  db: Kysely<Database>,
  actor: Actor,
  search?: { text?: string | undefined; limit: number; offset: number },
): Promise<Agency[]> {
  const scope = agencyScope(actor);
  const only = scope === 'all' ? undefined : scope;
  // A picker asks for a page of what matches the typed text, never every agency of the country.
  return search ? searchAgencies(db, only, search) : listAgencies(db, only);
}

/**
 * Adds an agency (central admins) unless its code or slug is taken. A code is compared with codes
 * only: a numeric code equal to another agency's id is a new code, not a duplicate.
 */
export async function addAgency(
  db: Kysely<Database>,
  actor: Actor,
  agency: {
    code: string;
    slug?: string | undefined;
    name_th: string;
    name_en: string;
    kind: string;
    parentCode?: string | undefined;
  },
  withDefaultUnits: boolean,
): Promise<Agency> {
  if (actor.role !== 'central_admin') authorize(actor, 'agency', 'create', { parentId: null });
  const parent = agency.parentCode ? await findAgencyByCode(db, agency.parentCode) : undefined;
  if (agency.parentCode && !parent) {
    throw badRequest(`no agency with the code ${agency.parentCode}`, `ไม่พบหน่วยงานรหัส ${agency.parentCode}`);
  }
  authorize(actor, 'agency', 'create', { parentId: parent?.id ?? null });
  const slug = agency.slug ?? (slugify(agency.name_en) || slugify(agency.code));
  // An address names an agency by code first, then by slug: neither may be another agency's other name.
  const clash =
    (await findAgencyByCode(db, agency.code)) ??
    (await findAgencyBySlug(db, slug)) ??
    (await findAgencyBySlug(db, agency.code.toLowerCase())) ??
    (await findAgencyByCode(db, slug));
  if (clash) throw conflict('an agency with this code or slug exists', 'มีหน่วยงานที่ใช้รหัสหรือชื่อย่อนี้อยู่แล้ว');
  const kind = await kindById(db, agency.kind);
  if (!kind) throw badRequest(`no kind "${agency.kind}"`, `ไม่รู้จักประเภทหน่วยงาน "${agency.kind}"`);
  const { code, name_th, name_en } = agency;
  return createAgency(db, actor.id, { code, slug, name_th, name_en, kind, parent_id: parent?.id ?? null }, withDefaultUnits);
}

/** Renames an agency (its admins or central admins), with its audit entry. */
export async function renameAgency(
  db: Kysely<Database>,
  actor: Actor,
  ref: string,
  changes: { nameTh?: string | undefined; nameEn?: string | undefined },
): Promise<Agency> {
  const before = await readableAgency(db, actor, ref);
  authorize(actor, 'agency', 'update', { id: before.id });
  return db.transaction().execute(async (trx) => {
    const updated = await updateAgency(trx, before.id, {
      ...(changes.nameTh === undefined ? {} : { name_th: changes.nameTh }),
      ...(changes.nameEn === undefined ? {} : { name_en: changes.nameEn }),
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'update',
      entity: 'agency',
      entityId: before.id,
      agencyId: before.id,
      before,
      after: updated,
    });
    return updated;
  });
}

/** The divisions of an agency the actor may see. */
export async function agencyDivisions(db: Kysely<Database>, actor: Actor, ref: string): Promise<Division[]> {
  const agency = await readableAgency(db, actor, ref);
  return listDivisions(db, agency.id);
}

const divisionNameTaken = () => conflict('the agency already has a division with this name', 'หน่วยงานนี้มีฝ่ายชื่อนี้อยู่แล้ว');

/** Adds a division to an agency, last unless placed, with its audit entry. */
export async function addDivision(
  db: Kysely<Database>,
  actor: Actor,
  ref: string,
  division: { nameTh: string; nameEn: string; sortOrder?: number | undefined },
): Promise<Division> {
  const agency = await readableAgency(db, actor, ref);
  authorize(actor, 'division', 'create', { agencyId: agency.id });
  if (await findDivisionByName(db, agency.id, division.nameTh)) throw divisionNameTaken();
  const existing = await listDivisions(db, agency.id);
  return db.transaction().execute(async (trx) => {
    const created = await insertDivision(trx, {
      agency_id: agency.id,
      name_th: division.nameTh,
      name_en: division.nameEn,
      sort_order: division.sortOrder ?? Math.max(0, ...existing.map((d) => d.sort_order)) + 1,
      created_at: now(),
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'create',
      entity: 'division',
      entityId: created.id,
      agencyId: agency.id,
      after: created,
    });
    return created;
  });
}

/** The division by id, if the actor may see it; otherwise 404. */
async function readableDivision(db: Kysely<Database>, actor: Actor, id: number): Promise<Division> {
  const division = await findDivision(db, id);
  if (!division) throw notFound('division');
  authorize(actor, 'division', 'read', { id, agencyId: division.agency_id });
  return division;
}

/** Renames or reorders a division, with its audit entry. */
export async function changeDivision(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  changes: { nameTh?: string | undefined; nameEn?: string | undefined; sortOrder?: number | undefined },
): Promise<Division> {
  const before = await readableDivision(db, actor, id);
  authorize(actor, 'division', 'update', { id: before.id, agencyId: before.agency_id });
  const { nameTh, nameEn, sortOrder } = changes;
  if (nameTh !== undefined && nameTh !== before.name_th && (await findDivisionByName(db, before.agency_id, nameTh))) {
    throw divisionNameTaken();
  }
  return db.transaction().execute(async (trx) => {
    const updated = await updateDivision(trx, before.id, {
      ...(nameTh === undefined ? {} : { name_th: nameTh }),
      ...(nameEn === undefined ? {} : { name_en: nameEn }),
      ...(sortOrder === undefined ? {} : { sort_order: sortOrder }),
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'update',
      entity: 'division',
      entityId: before.id,
      agencyId: before.agency_id,
      before,
      after: updated,
    });
    return updated;
  });
}

/** Removes a division no account belongs to, with its audit entry. */
export async function removeDivision(db: Kysely<Database>, actor: Actor, id: number): Promise<void> {
  const before = await readableDivision(db, actor, id);
  authorize(actor, 'division', 'delete', { id: before.id, agencyId: before.agency_id });
  if (await divisionInUse(db, before.id)) {
    throw conflict('accounts still belong to this division', 'ยังมีบัญชีผู้ใช้สังกัดฝ่ายนี้ จึงลบไม่ได้');
  }
  await db.transaction().execute(async (trx) => {
    await deleteDivision(trx, before.id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'delete',
      entity: 'division',
      entityId: before.id,
      agencyId: before.agency_id,
      before,
    });
  });
}
