// The demo is loaded once per test run and engine and copied into each suite that asks for it:
// loading it takes seconds (more on PostgreSQL), copying it a fraction of one. The SQLite image is the
// database file itself, opened in memory; PostgreSQL's is a database each suite's is created from.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Db } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';

export interface DemoOptions {
  results?: boolean;
  plans?: boolean;
}

/** Set by the test run's global setup; without it (a script run outside Vitest) every copy loads the demo afresh. */
export const DEMO_IMAGES_ENV = 'PRONGSAI_TEST_DEMO_IMAGES';

const POSTGRES_TEMPLATE_FILE = 'postgres-database';
const WAIT_LIMIT_MS = 180_000;

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The first worker to ask for an image makes it; the others wait for it to be ready. */
async function imageFolder(key: string, make: (folder: string) => Promise<void>): Promise<string | null> {
  const root = process.env[DEMO_IMAGES_ENV];
  if (!root) return null;
  const folder = join(root, key);
  let mine = true;
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    mine = false;
  }
  if (mine) {
    try {
      await make(folder);
      writeFileSync(join(folder, 'ready'), '');
    } catch (error) {
      writeFileSync(join(folder, 'failed'), String((error as Error).stack ?? error));
      throw error;
    }
    return folder;
  }
  const started = Date.now();
  while (!existsSync(join(folder, 'ready'))) {
    if (existsSync(join(folder, 'failed'))) {
      throw new Error(`the demo image ${key} could not be made: ${readFileSync(join(folder, 'failed'), 'utf8')}`);
    }
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`the demo image ${key} was not ready in time`);
    await sleep(100);
  }
  return folder;
}

const keyOf = (engine: string, options: DemoOptions) =>
  `${engine}-results-${options.results !== false}-plans-${options.plans !== false}`;

/** A fresh in-memory SQLite database holding the demo, and its data folder (already made, empty or not). */
export async function sqliteDemo(options: DemoOptions, dataDir: string): Promise<Db> {
  const folder = await imageFolder(keyOf('sqlite', options), async (folder) => {
    const db = await openDatabase('sqlite::memory:');
    try {
      await loadDemo(db.kysely, { ...options, dataDir: join(folder, 'data') });
      await sql`VACUUM INTO ${join(folder, 'demo.sqlite')}`.execute(db.kysely);
    } finally {
      await db.close();
    }
  });
  if (!folder) {
    const db = await openDatabase('sqlite::memory:');
    await loadDemo(db.kysely, { ...options, dataDir });
    return db;
  }
  cpSync(join(folder, 'data'), dataDir, { recursive: true });
  return openDatabase('sqlite::memory:', { image: readFileSync(join(folder, 'demo.sqlite')) });
}

/**
 * A fresh PostgreSQL database holding the demo, created from the run's template, and how to drop it;
 * null outside a test run (the caller loads the demo into its own schema then).
 */
export async function postgresDemo(
  serverUrl: string,
  options: DemoOptions,
  dataDir: string,
): Promise<(Db & { drop(): Promise<void> }) | null> {
  const folder = await imageFolder(keyOf('postgres', options), async (folder) => {
    const template = `prongsai_demo_${randomBytes(5).toString('hex')}`;
    await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${template}"`));
    writeFileSync(join(folder, POSTGRES_TEMPLATE_FILE), template);
    const db = await openDatabase(databaseUrl(serverUrl, template));
    try {
      await loadDemo(db.kysely, { ...options, dataDir: join(folder, 'data') });
    } finally {
      await db.close();
    }
  });
  if (!folder) return null;
  const template = readFileSync(join(folder, POSTGRES_TEMPLATE_FILE), 'utf8');
  const name = `prongsai_test_${randomBytes(6).toString('hex')}`;
  // 55006: the template's last connection has not quite gone yet.
  await whileInUse(() => onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`)));
  cpSync(join(folder, 'data'), dataDir, { recursive: true });
  const db = await openDatabase(databaseUrl(serverUrl, name));
  return {
    ...db,
    drop: async () => {
      await db.close();
      // Not WITH (FORCE): the pool's connections are closing on their own, and forcing them would make
      // them fail with an error nobody listens to any more.
      await whileInUse(() => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}"`)));
    },
  };
}

/** Runs `action` again while PostgreSQL answers that the database is still being accessed (55006), up to 10 s. */
async function whileInUse(action: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await action();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 100) throw error;
      await sleep(100);
    }
  }
}

/** The run's global setup: a folder for the images, and at the end the templates dropped and the folder removed. */
export function prepareDemoImages(root: string, serverUrl: string): () => Promise<void> {
  process.env[DEMO_IMAGES_ENV] = root;
  return async () => {
    if (!existsSync(root)) return;
    for (const key of readdirSync(root)) {
      const file = join(root, key, POSTGRES_TEMPLATE_FILE);
      if (!existsSync(file)) continue;
      const template = readFileSync(file, 'utf8');
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)).catch(
        (error: unknown) => console.warn(`could not drop the demo template ${template}: ${String(error)}`),
      );
    }
    rmSync(root, { recursive: true, force: true });
  };
}
