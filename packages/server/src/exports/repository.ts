import type { Kysely, Transaction } from 'kysely';
import type { Agency, Database } from '../db/schema.js';
import { CITY_ROW_COLUMNS, itaRankKey } from '../results/repository.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Keyset pages of the tables the full exports list, in the order the views show them: each page
 * starts after the last row of the one before, so a page costs the same however far into the table.
 */

/** A page of agencies by code (of these agencies when given), after the code given. */
export function agenciesAfter(
  db: Executor,
  within: readonly number[] | undefined,
  afterCode: string | null,
  limit: number,
): Promise<Agency[]> {
  let query = db.selectFrom('agencies').selectAll();
  if (within !== undefined) query = query.where('id', 'in', within.length ? within : [-1]);
  if (afterCode !== null) query = query.where('code', '>', afterCode);
  return query.orderBy('code').limit(limit).execute();
}

/** Where a page of the city-wide table starts: after this total (−1 for none) and code. */
export interface CityKey {
  /** The ITA as ranked (`itaRankKey`). */
  ita: number;
  code: string;
}

/**
 * A page of the city-wide table of a fiscal year: highest ITA first (as the view ranks it), agencies
 * without a total last, then by code.
 */
export function cityRowsAfter(
  db: Executor,
  fiscalYear: number,
  within: readonly number[] | undefined,
  after: CityKey | null,
  limit: number,
) {
  const total = itaRankKey;
  let query = db
    .selectFrom('assessments')
    .innerJoin('agencies', 'agencies.id', 'assessments.agency_id')
    .select([...CITY_ROW_COLUMNS, total.as('rank_key')])
    .where('assessments.fiscal_year', '=', fiscalYear);
  if (within !== undefined) query = query.where('assessments.agency_id', 'in', within.length ? within : [-1]);
  if (after !== null) {
    query = query.where((eb) =>
      eb.or([eb(total, '<', after.ita), eb.and([eb(total, '=', after.ita), eb('agencies.code', '>', after.code)])]),
    );
  }
  return query.orderBy(total, 'desc').orderBy('agencies.code').limit(limit).execute();
}
