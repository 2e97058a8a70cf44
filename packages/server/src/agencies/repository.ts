import type { Kysely, Transaction } from 'kysely';
import type { Agency, Database, Division } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Finds an agency by code (e.g. geocode 1040), slug (bang-khae) or numeric id. */
export async function findAgency(db: Executor, ref: string | number): Promise<Agency | undefined> {
  const text = String(ref).trim();
  const byKey = await db
    .selectFrom('agencies')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', text), eb('slug', '=', text.toLowerCase())]))
    .executeTakeFirst();
  if (byKey || !/^\d+$/.test(text)) return byKey;
  return db.selectFrom('agencies').selectAll().where('id', '=', Number(text)).executeTakeFirst();
}

export function listAgencies(db: Executor, onlyId?: number): Promise<Agency[]> {
  let query = db.selectFrom('agencies').selectAll();
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  return query.orderBy('code').execute();
}

export async function insertAgency(db: Executor, agency: Omit<Agency, 'id'>): Promise<Agency> {
  return db.insertInto('agencies').values(agency).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgency(db: Executor, id: number, changes: Partial<Pick<Agency, 'name_th' | 'name_en' | 'slug'>>) {
  return db.updateTable('agencies').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function listDivisions(db: Executor, agencyId: number): Promise<Division[]> {
  return db.selectFrom('divisions').selectAll().where('agency_id', '=', agencyId).orderBy('sort_order').orderBy('id').execute();
}

export function findDivision(db: Executor, id: number): Promise<Division | undefined> {
  return db.selectFrom('divisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDivisionByName(db: Executor, agencyId: number, nameTh: string): Promise<Division | undefined> {
  return db
    .selectFrom('divisions')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('name_th', '=', nameTh)
    .executeTakeFirst();
}

export async function insertDivision(db: Executor, division: Omit<Division, 'id'>): Promise<Division> {
  return db.insertInto('divisions').values(division).returningAll().executeTakeFirstOrThrow();
}

export async function updateDivision(
  db: Executor,
  id: number,
  changes: Partial<Pick<Division, 'name_th' | 'name_en' | 'sort_order'>>,
) {
  return db.updateTable('divisions').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteDivision(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('divisions').where('id', '=', id).execute();
}

export async function divisionInUse(db: Executor, id: number): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').where('division_id', '=', id).executeTakeFirst();
  return user !== undefined;
}
