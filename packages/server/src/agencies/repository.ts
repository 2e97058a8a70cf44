import { sql, type Kysely, type Transaction } from 'kysely';
import type { Agency, AgencyKindRow, Database, Division } from '../db/schema.js';
import { agencyContains } from '../db/page.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Finds an agency by code (e.g. geocode 1040), slug (bang-khae) or numeric id, in that order:
 * a code always wins, so a numeric code equal to another agency's id names the agency with that code.
 */
export async function findAgency(db: Executor, ref: string | number): Promise<Agency | undefined> {
  const text = String(ref).trim();
  const byCode = await findAgencyByCode(db, text);
  if (byCode) return byCode;
  const bySlug = await findAgencyBySlug(db, text.toLowerCase());
  if (bySlug || !/^\d{1,9}$/.test(text)) return bySlug;
  return db.selectFrom('agencies').selectAll().where('id', '=', Number(text)).executeTakeFirst();
}

export function findAgencyByCode(db: Executor, code: string): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findAgencyBySlug(db: Executor, slug: string): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function findAgencyById(db: Executor, id: number): Promise<Agency | undefined> {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The agency of the id, or of the ids given (every agency when none are given), by code. */
export function listAgencies(db: Executor, only?: number | readonly number[]): Promise<Agency[]> {
  let query = db.selectFrom('agencies').selectAll();
  if (typeof only === 'number') query = query.where('id', '=', only);
  else if (only !== undefined) query = only.length ? query.where('id', 'in', only) : query.where(sql<boolean>`1 = 0`);
  return query.orderBy('code').execute();
}

/** Agencies whose name, code or slug holds the text, within the ids given (every agency when none are), by code. */
export function searchAgencies(
  db: Executor,
  only: readonly number[] | undefined,
  search: { text?: string | undefined; limit: number; offset: number },
): Promise<Agency[]> {
  let query = db.selectFrom('agencies').selectAll();
  if (only !== undefined) query = only.length ? query.where('id', 'in', only) : query.where(sql<boolean>`1 = 0`);
  const text = search.text?.trim();
  if (text) query = query.where(agencyContains(text));
  return query.orderBy('code').limit(search.limit).offset(search.offset).execute();
}

/** The ids of an agency and of every agency below it in the oversight tree (a recursive query on either engine). */
export async function subtreeIds(db: Executor, rootId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('subtree(id)', (qb) =>
      qb
        .selectFrom('agencies')
        .select('agencies.id')
        .where('agencies.id', '=', rootId)
        .union(qb.selectFrom('agencies').innerJoin('subtree', 'subtree.id', 'agencies.parent_id').select('agencies.id')),
    )
    .selectFrom('subtree')
    .select('subtree.id')
    .execute();
  return rows.map((row) => row.id);
}

export async function insertAgency(db: Executor, agency: Omit<Agency, 'id'>): Promise<Agency> {
  return db.insertInto('agencies').values(agency).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgency(
  db: Executor,
  id: number,
  changes: Partial<Pick<Agency, 'name_th' | 'name_en' | 'slug' | 'kind' | 'parent_id'>>,
) {
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

/** Rows written per statement in bulk: well under both engines' limits on bound parameters. */
const CHUNK = 500;

/** Adds many agencies in few statements; answers their ids by code. */
export async function insertAgencies(db: Executor, agencies: Omit<Agency, 'id'>[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < agencies.length; i += CHUNK) {
    const rows = await db
      .insertInto('agencies')
      .values(agencies.slice(i, i + CHUNK))
      .returning(['id', 'code'])
      .execute();
    for (const row of rows) ids.set(row.code, row.id);
  }
  return ids;
}

/** Adds many divisions in few statements. */
export async function insertDivisions(db: Executor, divisions: Omit<Division, 'id'>[]): Promise<void> {
  for (let i = 0; i < divisions.length; i += CHUNK) {
    await db
      .insertInto('divisions')
      .values(divisions.slice(i, i + CHUNK))
      .execute();
  }
}

/** Every division's agency and Thai name, with its place, for matching names in bulk. */
export function listDivisionNames(db: Executor): Promise<Pick<Division, 'agency_id' | 'name_th' | 'sort_order'>[]> {
  return db.selectFrom('divisions').select(['agency_id', 'name_th', 'sort_order']).execute();
}

export function listAllAgencies(db: Executor): Promise<Agency[]> {
  return db.selectFrom('agencies').selectAll().orderBy('id').execute();
}

export function listKindRows(db: Executor): Promise<AgencyKindRow[]> {
  return db.selectFrom('agency_kinds').selectAll().orderBy('id').execute();
}

export function findKindRow(db: Executor, id: string): Promise<AgencyKindRow | undefined> {
  return db.selectFrom('agency_kinds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertKindRow(db: Executor, row: AgencyKindRow): Promise<AgencyKindRow> {
  return db.insertInto('agency_kinds').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateKindRow(
  db: Executor,
  id: string,
  changes: Pick<AgencyKindRow, 'name_th' | 'name_en' | 'definition' | 'updated_at'>,
): Promise<AgencyKindRow> {
  return db.updateTable('agency_kinds').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
