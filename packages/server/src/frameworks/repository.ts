import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** Where frameworks are in use: results and OIT checklists scored or prepared with them, by fiscal year. */
export async function frameworkUse(
  db: Kysely<Database>,
  fiscalYears: readonly number[],
): Promise<{ framework_id: string; fiscal_year: number; uses: string }[]> {
  if (!fiscalYears.length) return [];
  const [assessments, checklists] = await Promise.all([
    db
      .selectFrom('assessments')
      .select(['framework_id', 'fiscal_year'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('fiscal_year', 'in', [...fiscalYears])
      .groupBy(['framework_id', 'fiscal_year'])
      .execute(),
    db
      .selectFrom('oit_checklists')
      .select(['framework_id', 'fiscal_year'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('fiscal_year', 'in', [...fiscalYears])
      .groupBy(['framework_id', 'fiscal_year'])
      .execute(),
  ]);
  return [
    ...assessments.map((r) => ({ framework_id: r.framework_id, fiscal_year: r.fiscal_year, uses: `${Number(r.count)} results` })),
    ...checklists.map((r) => ({ framework_id: r.framework_id, fiscal_year: r.fiscal_year, uses: `${Number(r.count)} OIT checklists` })),
  ];
}

/**
 * Claims a framework id for good (insert-only), keeping the set's JSON with it; false when it was
 * claimed already, even at the same moment.
 */
export async function claimFrameworkId(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
  importedBy: number | null,
  importedAt: string,
  data: string,
): Promise<boolean> {
  const claimed = await db
    .insertInto('framework_imports')
    .values({ id, imported_by: importedBy, imported_at: importedAt, data })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The ids of the imported frameworks whose JSON the database holds. */
export async function importedFrameworkIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('framework_imports').select('id').where('data', 'is not', null).execute();
  return rows.map((r) => r.id);
}

/** These imported frameworks' JSON and when each was imported. */
export async function importedFrameworks(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<{ id: string; imported_at: string; data: string }[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('framework_imports')
    .select(['id', 'imported_at', 'data'])
    .where('id', 'in', [...ids])
    .where('data', 'is not', null)
    .execute();
  return rows.map((r) => ({ id: r.id, imported_at: r.imported_at, data: r.data! }));
}

/** The claims of these ids, each with whether the database holds its JSON. */
export async function frameworkClaims(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<{ id: string; hasData: boolean }[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('framework_imports')
    .select('id')
    .select((eb) => eb('data', 'is not', null).as('has_data'))
    .where('id', 'in', [...ids])
    .execute();
  // SQLite answers 1 or 0, PostgreSQL true or false.
  return rows.map((r) => ({ id: r.id, hasData: Boolean(r.has_data) }));
}

/** Keeps the JSON of a set imported before the database held it; answers whether this call filled it in. */
export async function fillFrameworkData(db: Kysely<Database>, id: string, data: string): Promise<boolean> {
  const filled = await db
    .updateTable('framework_imports')
    .set({ data })
    .where('id', '=', id)
    .where('data', 'is', null)
    .executeTakeFirst();
  return Number(filled.numUpdatedRows ?? 0) === 1;
}
