import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import Cursor from 'pg-cursor';
import pg from 'pg';
import type { Engine } from './migrations/helpers.js';
import { BundledMigrations } from './migrations/index.js';
import type { Database } from './schema.js';

export type { Engine };

export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: use (and create) this schema instead of `public`; tests isolate themselves this way. */
  schema?: string;
  /** Kysely's log hook: called for every statement run (the national benchmark counts them). */
  log?: (event: LogEvent) => void;
  /** SQLite in memory only: start from this serialized database (the tests' prepared demo is copied this way). */
  image?: Buffer;
}

/**
 * Opens `sqlite:<path>` (or `sqlite::memory:`) or `postgres://…` and applies pending migrations,
 * each in its own transaction. Migration failures throw with the migration's name.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Db> {
  let kysely: Kysely<Database>;
  let engine: Engine;
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    if (options.image && path !== ':memory:') throw new Error('a database image opens in memory only');
    const sqlite = new SqliteDatabase(options.image ?? (path === ':memory:' ? ':memory:' : resolve(path)));
    sqlite.pragma('journal_mode = WAL');
    // Deleted content is overwritten with zeros, not left in free space (survey rows waiting to be counted).
    sqlite.pragma('secure_delete = ON');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    kysely = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      ...(options.log ? { log: options.log } : {}),
    });
    engine = 'sqlite';
  } else if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    if (options.schema) {
      const setup = new pg.Client({ connectionString: url });
      await setup.connect();
      await setup.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
      await setup.end();
    }
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      ...(options.schema ? { options: `-c search_path="${options.schema.replace(/"/g, '')}"` } : {}),
    });
    // The cursor lets a query's rows be read a batch at a time (backups stream table by table).
    kysely = new Kysely<Database>({
      dialect: new PostgresDialect({ pool, cursor: Cursor }),
      ...(options.log ? { log: options.log } : {}),
    });
    engine = 'postgres';
  } else {
    throw new Error(`PRONGSAI_DATABASE_URL must start with sqlite: or postgres://, not "${url}"`);
  }
  const migrator = new Migrator({
    db: kysely,
    provider: new BundledMigrations(engine),
    // Kysely looks for its own tables by schema; name it so parallel schemas do not see each other's.
    ...(options.schema && engine === 'postgres' ? { migrationTableSchema: options.schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Before it migrates, Kysely lists the tables of every schema of the database; another schema
  // dropped at that moment (another instance's, or a test's) fails the listing with "schema … does
  // not exist". Nothing was migrated then, so it is asked again.
  for (let attempt = 1; error && attempt < 5 && !results?.length && isSchemaGone(error); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    await kysely.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
  return { kysely, engine, close: () => kysely.destroy() };
}

/** The current time as stored: ISO-8601 UTC. */
export function now(): string {
  return new Date().toISOString();
}

export { fiscalYearOfDay, todayInBangkok } from '../fiscal-years/today.js';

/** PostgreSQL's invalid_schema_name: a schema named in a statement (or read in a catalog listing) is gone. */
function isSchemaGone(error: unknown): boolean {
  return (error as { code?: string }).code === '3F000';
}
