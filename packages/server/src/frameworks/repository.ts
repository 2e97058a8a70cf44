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

/** Claims a framework id for good (insert-only); false when it was claimed already, even at the same moment. */
export async function claimFrameworkId(
  db: Kysely<Database> | Transaction<Database>,
  id: string,
  importedBy: number | null,
  importedAt: string,
): Promise<boolean> {
  const claimed = await db
    .insertInto('framework_imports')
    .values({ id, imported_by: importedBy, imported_at: importedAt })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) === 1;
}
