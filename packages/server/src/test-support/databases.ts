// Test helpers: every API test runs on SQLite and, where it answers, on a real PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase, type Db } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';
import { postgresDemo, sqliteDemo, type DemoOptions } from './demo-images.js';

export const POSTGRES_URL = process.env.PRONGSAI_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The engines to test on (`PRONGSAI_TEST_ENGINES=sqlite` for SQLite alone), both by default. */
const engines = (process.env.PRONGSAI_TEST_ENGINES ?? 'sqlite,postgres').split(',');
const postgres = engines.includes('postgres') && (await postgresAnswers());
if (!postgres && engines.includes('postgres')) {
  if (process.env.CI) throw new Error(`CI needs PostgreSQL at ${POSTGRES_URL}`);
  console.warn(`PostgreSQL does not answer at ${POSTGRES_URL}: running the SQLite half of the database tests only`);
}

export interface TestDatabase {
  engine: 'sqlite' | 'postgres';
  /** A fresh, empty, migrated database. */
  open(): Promise<Db & { drop(): Promise<void> }>;
  /** A fresh database holding the demo, its files copied into `dataDir`. */
  openDemo(options: DemoOptions, dataDir: string): Promise<Db & { drop(): Promise<void> }>;
}

/** A fresh PostgreSQL schema, migrated, and how to drop it. */
async function openPostgresSchema(): Promise<Db & { drop(): Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const db = await openDatabase(POSTGRES_URL, { schema });
  return {
    ...db,
    drop: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** A fresh, empty, migrated database per call: in-memory SQLite, or a new PostgreSQL schema. */
export const TEST_DATABASES: TestDatabase[] = [
  {
    engine: 'sqlite',
    async open() {
      const db = await openDatabase('sqlite::memory:');
      return { ...db, drop: () => db.close() };
    },
    async openDemo(options, dataDir) {
      const db = await sqliteDemo(options, dataDir);
      return { ...db, drop: () => db.close() };
    },
  },
  ...(postgres
    ? [
        {
          engine: 'postgres' as const,
          open: openPostgresSchema,
          async openDemo(options: DemoOptions, dataDir: string) {
            const copy = await postgresDemo(POSTGRES_URL, options, dataDir);
            if (copy) return copy;
            const db = await openPostgresSchema();
            await loadDemo(db.kysely, { ...options, dataDir });
            return db;
          },
        },
      ]
    : []),
];

/** An app over a fresh database with the demo districts and accounts. */
export async function demoApp(
  database: TestDatabase,
  options: DemoOptions = {},
): Promise<{ app: FastifyInstance; db: Db; dataDir: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-data-'));
  const db = await database.openDemo(options, dataDir);
  const app = await buildApp({
    db,
    // No scheduled link checks: tests reach only the servers they start, on loopback.
    config: {
      ...withoutSchedules(loadConfig({})),
      dataDir,
      secureCookies: false,
    },
    logger: false,
    webDist: '/nonexistent',
  });
  return {
    app,
    db,
    dataDir,
    close: async () => {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, email: string, password = 'prongsai-demo'): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'prongsai_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (response.json() as { csrfToken: string }).csrfToken;
  const header = `prongsai_session=${cookie.value}`;
  return { cookie: header, csrf, headers: { cookie: header, 'x-csrf-token': csrf } };
}
