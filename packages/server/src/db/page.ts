import { sql, type Expression, type SqlBool } from 'kysely';

/** A page of a city-wide table: `limit` rows from `offset`, sorted by a whitelisted column, of the agencies holding `q`. */
export interface Page<S extends string = string> {
  limit: number;
  offset: number;
  sort: S;
  order: 'asc' | 'desc';
  q?: string | undefined;
}

/**
 * What an agency is searched by: its Thai and English names, code and slug in one lower-cased text
 * (on PostgreSQL the trigram index of migration 0026 is on this very expression).
 */
export function agencySearchText(alias = 'agencies'): Expression<string> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<string>`lower(${column('name_th')} || '|' || ${column('name_en')} || '|' || ${column('code')} || '|' || ${column('slug')})`;
}

/**
 * The condition "the agency's Thai or English name, code or slug holds the text" (case-insensitive,
 * the text's wildcards taken literally), on the agencies table under the alias given.
 */
export function agencyContains(text: string, alias = 'agencies'): Expression<SqlBool> {
  // No name, code or slug holds the separator: a text with it would match across their boundaries.
  if (text.includes('|')) return sql<SqlBool>`1 = 0`;
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${agencySearchText(alias)} like ${pattern} escape '\\'`;
}

/** Agencies' columns that are never null: ordered plainly, a page is read along their index. */
const NEVER_NULL = new Set(['agencies.code', 'agencies.name_th', 'agencies.slug']);

/** `column asc|desc`, NULLs last on either engine, then by the tie-breaker. */
export function orderSql(column: string | Expression<unknown>, order: 'asc' | 'desc', tieBreaker: string) {
  const direction = sql.raw(order === 'desc' ? 'desc' : 'asc');
  const value = typeof column === 'string' ? sql.ref(column) : column;
  if (typeof column === 'string' && NEVER_NULL.has(column)) return sql`${value} ${direction}, ${sql.ref(tieBreaker)} asc`;
  return sql`(${value} is null) asc, ${value} ${direction}, ${sql.ref(tieBreaker)} asc`;
}

/** "Within these agencies" on a column, or no condition for every agency. */
export function within(column: string, ids: readonly number[] | undefined): Expression<SqlBool> {
  if (ids === undefined) return sql<SqlBool>`1 = 1`;
  return ids.length ? sql<SqlBool>`${sql.ref(column)} in (${sql.join([...ids])})` : sql<SqlBool>`1 = 0`;
}
