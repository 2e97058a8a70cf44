import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface DraftRow {
  id: string;
  from_id: string | null;
  data: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** Inserts a draft unless its id is taken; true when it was inserted. */
export async function insertDraft(db: Db, row: Omit<DraftRow, 'published_at'>): Promise<boolean> {
  const result = await db
    .insertInto('framework_drafts')
    .values({ ...row, published_at: null })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function findDraft(db: Db, id: string): Promise<DraftRow | undefined> {
  return db.selectFrom('framework_drafts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listDrafts(db: Db): Promise<Omit<DraftRow, 'data'>[]> {
  return db
    .selectFrom('framework_drafts')
    .select(['id', 'from_id', 'created_by', 'created_at', 'updated_at', 'published_at'])
    .orderBy('updated_at', 'desc')
    .execute();
}

/** Replaces an unpublished draft's document; false when it is published (or gone). */
export async function updateDraftData(db: Db, id: string, data: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('framework_drafts')
    .set({ data, updated_at: at })
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stamps a draft published once; false when it was already. */
export async function markDraftPublished(db: Db, id: string, data: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('framework_drafts')
    .set({ data, published_at: at, updated_at: at })
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
