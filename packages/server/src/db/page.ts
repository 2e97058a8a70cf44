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

/**
 * A column a page may be sorted by, a column's name or an expression; `notNull` when it never holds
 * NULL: it is then ordered plainly, so a page is read along its index.
 */
export interface SortColumn {
  column: string | Expression<unknown>;
  notNull?: boolean;
}

/** `column asc|desc`, NULLs last on either engine (unless the column holds none), then by the tie-breaker. */
export function orderSql(sort: SortColumn, order: 'asc' | 'desc', tieBreaker: string) {
  const direction = sql.raw(order === 'desc' ? 'desc' : 'asc');
  const value = typeof sort.column === 'string' ? sql.ref(sort.column) : sort.column;
  if (sort.notNull) return sql`${value} ${direction}, ${sql.ref(tieBreaker)} asc`;
  return sql`(${value} is null) asc, ${value} ${direction}, ${sql.ref(tieBreaker)} asc`;
}

/** "Within these agencies" on a column, or no condition for every agency. */
export function within(column: string, ids: readonly number[] | undefined): Expression<SqlBool> {
  if (ids === undefined) return sql<SqlBool>`1 = 1`;
  return ids.length ? sql<SqlBool>`${sql.ref(column)} in (${sql.join([...ids])})` : sql<SqlBool>`1 = 0`;
}
