import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { jsonArrayFrom as postgresArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteArrayFrom } from 'kysely/helpers/sqlite';
import { isPostgres } from './engine.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A subquery's rows as one JSON array of objects in a column, in the engine's own JSON and the
 * subquery's order: each parent row brings its few child rows in the same statement. Read it with `jsonRows`.
 */
export function jsonArrayOf<O>(db: Executor, rows: Parameters<typeof sqliteArrayFrom<O>>[0]) {
  return isPostgres(db) ? postgresArrayFrom(rows) : sqliteArrayFrom(rows);
}

/** A column made by `jsonArrayOf` or `jsonAggOf`: PostgreSQL's driver parses JSON, SQLite's gives its text. */
export function jsonRows<T>(value: T[] | string): T[] {
  return typeof value === 'string' ? (JSON.parse(value) as T[]) : value;
}

/**
 * The rows of a statement as one JSON array of objects with these columns, in the statement's
 * order: several results read in one statement, on one snapshot. Read it with `jsonRows`.
 */
export function jsonAggOf(db: Executor, rows: RawBuilder<unknown>, columns: readonly string[]): RawBuilder<unknown> {
  const fields = sql.join(columns.map((c) => sql`${sql.lit(c)}, ${sql.ref(`agg.${c}`)}`));
  return isPostgres(db)
    ? sql`(select coalesce(json_agg(json_build_object(${fields})), '[]') from (${rows}) agg)`
    : sql`(select coalesce(json_group_array(json_object(${fields})), '[]') from (${rows}) agg)`;
}
