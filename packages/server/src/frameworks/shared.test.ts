// Two Prongsai instances on one database (the same SQLite file, or the same PostgreSQL schema), each
// with its own data directory: a framework imported through one is listed by and used from the other
// once it syncs, and sets imported before the database kept them are put there when their instance starts.
//
// One process holds one imported frameworks' folder at a time (the registry's), where two machines
// would each hold their own: the test sets the folder of the instance it is talking to, as that
// machine would have it.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase, type Db } from '../db/database.js';
import { runCli } from '../test-support/cli.js';
import { POSTGRES_URL, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { factory } from '../test-support/factories.js';
import { importedFrameworksDir, useImportedFrameworks } from './registry.js';
import { FrameworkSync } from './shared.js';

const root = mkdtempSync(join(tmpdir(), 'prongsai-frameworks-shared-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** FY2567's shipped set under a new id, for a year nothing is assessed in. */
function set(id: string, fiscalYear: number) {
  const data = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../frameworks/bma-district-2567.json', import.meta.url)), 'utf8')) as {
    id: string;
    name: { th: string; en?: string };
    fiscalYears: number[];
  };
  data.id = id;
  data.name = { th: `ชุดคำถามทดสอบ ${id}`, en: `Test set ${id}` };
  data.fiscalYears = [fiscalYear];
  return data;
}

/** One database twice, as two machines open it. */
async function sharedDatabase(engine: 'sqlite' | 'postgres') {
  if (engine === 'sqlite') {
    const url = `sqlite:${join(mkdtempSync(join(root, 'db-')), 'prongsai.db')}`;
    return { url, open: () => openDatabase(url), drop: async () => {} };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  return {
    url: `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path="${schema}"`)}`,
    open: () => openDatabase(POSTGRES_URL, { schema }),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

interface Instance {
  app: FastifyInstance;
  dataDir: string;
  frameworks: string;
  log: () => string;
}

/** An instance on the database, with its own data directory (a new one unless given); ready. */
async function instance(db: Db, dataDir = mkdtempSync(join(root, 'data-'))): Promise<Instance> {
  let log = '';
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const app = await buildApp({
    db,
    config: { ...withoutSchedules(loadConfig({})), dataDir, secureCookies: false, logLevel: 'warn' },
    logStream: stream,
    webDist: '/nonexistent',
  });
  await app.ready();
  return { app, dataDir, frameworks: join(dataDir, 'frameworks'), log: () => log };
}

describe.each(TEST_DATABASES.map((d) => d.engine))('imported frameworks shared by two instances, on %s', (engine) => {
  let shared: Awaited<ReturnType<typeof sharedDatabase>>;
  let firstDb: Db;
  let secondDb: Db;
  let one: Instance;
  let two: Instance;
  let central: Session;
  const registryBefore = importedFrameworksDir();

  beforeAll(async () => {
    shared = await sharedDatabase(engine);
    firstDb = await shared.open();
    secondDb = await shared.open();
    one = await instance(firstDb);
    two = await instance(secondDb);
    ({ session: central } = await factory(firstDb.kysely, one.app).account('central_admin'));
  });

  afterAll(async () => {
    await one?.app.close();
    await two?.app.close();
    await firstDb?.close();
    await secondDb?.close();
    await shared?.drop();
    useImportedFrameworks(registryBefore);
  });

  /** Talks to an instance, with its folder as the registry's. */
  const on = (at: Instance) => {
    useImportedFrameworks(at.frameworks);
    return {
      get: (url: string) => at.app.inject({ method: 'GET', url, headers: central.headers }),
      import: (data: unknown) =>
        at.app.inject({
          method: 'POST',
          url: '/api/frameworks',
          headers: central.headers,
          payload: { fileName: 'set.json', contentBase64: Buffer.from(JSON.stringify(data)).toString('base64') },
        }),
    };
  };
  const listed = async (at: Instance) => ((await on(at).get('/api/frameworks')).json() as { id: string }[]).map((f) => f.id);
  const importedAt = async (id: string) =>
    (await firstDb.kysely.selectFrom('framework_imports').select('imported_at').where('id', '=', id).executeTakeFirstOrThrow()).imported_at;

  it('a set imported through one instance is listed by and used from the other after its sync, newest import first', async () => {
    const first = await on(one).import(set('shared-2590', 2590));
    expect(first.statusCode, first.body).toBe(201);
    const second = await on(one).import(set('shared-2591', 2591));
    expect(second.statusCode, second.body).toBe(201);
    // The database holds the set as imported.
    const row = await secondDb.kysely.selectFrom('framework_imports').selectAll().where('id', '=', 'shared-2590').executeTakeFirstOrThrow();
    expect(JSON.parse(row.data!)).toMatchObject({ id: 'shared-2590', fiscalYears: [2590] });

    expect(await listed(two)).not.toContain('shared-2590');
    expect((await on(two).get('/api/frameworks/shared-2590')).statusCode).toBe(404);
    expect((await two.app.frameworkSync.run()).sort()).toEqual(['shared-2590', 'shared-2591']);
    expect(await two.app.frameworkSync.run()).toEqual([]);

    const there = await listed(two);
    expect(there.slice(0, 2)).toEqual(['shared-2591', 'shared-2590']);
    expect(there).toEqual(await listed(one));
    const detail = await on(two).get('/api/frameworks/shared-2590');
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ id: 'shared-2590', fiscalYears: [2590], name: { th: 'ชุดคำถามทดสอบ shared-2590' } });
    // Each copy carries the time of its import, so both instances order the sets alike.
    for (const id of ['shared-2590', 'shared-2591']) {
      expect(Math.round(statSync(join(two.frameworks, `${id}.json`)).mtimeMs)).toBe(Date.parse(await importedAt(id)));
      expect(Math.round(statSync(join(one.frameworks, `${id}.json`)).mtimeMs)).toBe(Date.parse(await importedAt(id)));
    }
  });

  it('an import through the other instance, before its sync, still finds the id taken', async () => {
    const third = await on(one).import(set('shared-2592', 2592));
    expect(third.statusCode, third.body).toBe(201);
    const again = await on(two).import(set('shared-2592', 2592));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.problems[0]).toMatchObject({ path: 'id' });
    expect(existsSync(join(two.frameworks, 'shared-2592.json'))).toBe(true);
  });

  it('an instance picks up a set by itself within its interval, and stops when closed', async () => {
    const dir = join(mkdtempSync(join(root, 'data-')), 'frameworks');
    const errors: unknown[] = [];
    const sync = new FrameworkSync(secondDb.kysely, dir, { enabled: true, everyMs: 20 }, { warn: () => {}, error: (e) => errors.push(e) });
    await sync.start();
    expect(existsSync(join(dir, 'shared-2592.json'))).toBe(true);
    expect((await on(one).import(set('shared-2593', 2593))).statusCode).toBe(201);
    for (let i = 0; i < 100 && !existsSync(join(dir, 'shared-2593.json')); i++) await new Promise((r) => setTimeout(r, 20));
    await sync.stop();
    expect(existsSync(join(dir, 'shared-2593.json'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('a restarted instance puts the sets imported before the database kept them there, and names a file the database never claimed', async () => {
    // As an instance's disk was before: a set whose row holds no JSON, and a file copied in by hand.
    const legacyAt = '2026-01-02T03:04:05.000Z';
    const legacy = `${JSON.stringify(set('legacy-2594', 2594), null, 2)}\n`;
    mkdirSync(one.frameworks, { recursive: true });
    writeFileSync(join(one.frameworks, 'legacy-2594.json'), legacy);
    utimesSync(join(one.frameworks, 'legacy-2594.json'), new Date(legacyAt), new Date(legacyAt));
    writeFileSync(join(one.frameworks, 'stray-2595.json'), JSON.stringify(set('stray-2595', 2595)));
    await firstDb.kysely.insertInto('framework_imports').values({ id: 'legacy-2594', imported_by: null, imported_at: legacyAt, data: null }).execute();

    await one.app.close();
    one = await instance(firstDb, one.dataDir);
    const row = await secondDb.kysely.selectFrom('framework_imports').select('data').where('id', '=', 'legacy-2594').executeTakeFirstOrThrow();
    expect(row.data).toBe(legacy);
    expect(one.log()).toContain('imported framework stray-2595');
    expect(one.log()).toContain('is not in the database');
    expect(await firstDb.kysely.selectFrom('framework_imports').select('id').where('id', '=', 'stray-2595').executeTakeFirst()).toBeUndefined();

    expect((await two.app.frameworkSync.run()).sort()).toEqual(['legacy-2594', 'shared-2593']);
    expect(readFileSync(join(two.frameworks, 'legacy-2594.json'), 'utf8')).toBe(legacy);
    expect(Math.round(statSync(join(two.frameworks, 'legacy-2594.json')).mtimeMs)).toBe(Date.parse(legacyAt));
    const there = await listed(two);
    expect(there).toContain('legacy-2594');
    expect(there).not.toContain('stray-2595');
    expect((await on(two).get('/api/frameworks/legacy-2594')).statusCode).toBe(200);
  });

  it('the command line lists a set imported through an instance, on a machine that never had it', async () => {
    const dataDir = mkdtempSync(join(root, 'cli-'));
    const saved = { ...process.env };
    Object.assign(process.env, { PRONGSAI_DATABASE_URL: shared.url, PRONGSAI_DATA_DIR: dataDir });
    try {
      const list = await runCli('framework', 'list');
      expect(list.code, list.stderr).toBe(0);
      const ids = list.stdout.split('\n').map((line) => line.split('\t')[0]);
      expect(ids.slice(0, 3)).toEqual(['shared-2593', 'shared-2592', 'shared-2591']);
      expect(ids).toContain('legacy-2594');
    } finally {
      process.env = saved;
    }
  });
});
