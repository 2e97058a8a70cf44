// Two Prongsai instances on one database and one S3-compatible store (s3rver, on loopback): what
// one keeps, the other serves, and a backup with files carries the store's files.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { fileStoreSettings, loadConfig, withoutSchedules, type FileStoreSettings } from '../config.js';
import { openDatabase, type Db } from '../db/database.js';
import { runCli } from '../test-support/cli.js';
import { POSTGRES_URL, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { factory } from '../test-support/factories.js';
import { listAll, readWhole } from './index.js';
import { S3FileStore } from './s3.js';

const BUCKET = 'prongsai-test';
const root = mkdtempSync(join(tmpdir(), 'prongsai-s3-test-'));
let server: S3rver;
let env: Record<string, string>;

beforeAll(async () => {
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(root, 's3'),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  env = {
    PRONGSAI_FILE_STORE: 's3',
    PRONGSAI_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    PRONGSAI_S3_BUCKET: BUCKET,
    PRONGSAI_S3_REGION: 'us-east-1',
    PRONGSAI_S3_ACCESS_KEY_ID: 'S3RVER',
    PRONGSAI_S3_SECRET_ACCESS_KEY: 'S3RVER',
    PRONGSAI_S3_FORCE_PATH_STYLE: 'true',
  };
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const settings = () => fileStoreSettings(env) as Extract<FileStoreSettings, { kind: 's3' }>;
const bucket = () => new S3FileStore(settings().s3);

/** One database twice, as two machines open it: the same SQLite file, or the same PostgreSQL schema. */
async function sharedDatabase(engine: 'sqlite' | 'postgres') {
  if (engine === 'sqlite') {
    const url = `sqlite:${join(mkdtempSync(join(root, 'db-')), 'prongsai.db')}`;
    const first = await openDatabase(url);
    return { url, open: () => openDatabase(url), first, drop: async () => {} };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const first = await openDatabase(POSTGRES_URL, { schema });
  return {
    // The command line reaches the same schema through the address.
    url: `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path="${schema}"`)}`,
    open: () => openDatabase(POSTGRES_URL, { schema }),
    first,
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** An instance: its own app and data directory, listening on loopback, with the files in the bucket. */
async function instance(db: Db): Promise<{ app: FastifyInstance; base: string; dataDir: string }> {
  const dataDir = mkdtempSync(join(root, 'data-'));
  const app = await buildApp({
    db,
    config: { ...withoutSchedules(loadConfig({})), dataDir, secureCookies: false, files: settings() },
    logger: false,
    webDist: '/nonexistent',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as { port: number };
  return { app, base: `http://127.0.0.1:${address.port}`, dataDir };
}

const call = (base: string, session: Session, path: string, init: RequestInit = {}) =>
  fetch(`${base}${path}`, { ...init, headers: { ...session.headers, ...(init.headers as Record<string, string>) } });

const engines = TEST_DATABASES.map((d) => d.engine);

describe.each(engines)('two instances sharing an S3 store, on %s', (engine) => {
  let shared: Awaited<ReturnType<typeof sharedDatabase>>;
  let second: Db;
  let one: Awaited<ReturnType<typeof instance>>;
  let two: Awaited<ReturnType<typeof instance>>;
  let session: Session;
  let slug: string;
  let emblem: Buffer;

  beforeAll(async () => {
    shared = await sharedDatabase(engine);
    second = await shared.open();
    one = await instance(shared.first);
    two = await instance(second);
    const make = factory(shared.first.kysely, one.app);
    const agency = await make.agency();
    slug = agency.slug;
    await make.division(agency);
    ({ session } = await make.account('agency_admin', { agency }));
    emblem = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#c8102e' } })
      .png()
      .toBuffer();
  });

  afterAll(async () => {
    await one?.app.close();
    await two?.app.close();
    await second?.close();
    await shared?.first.close();
    await shared?.drop();
  });

  it('a photo uploaded through one instance is served by the other, from the bucket', async () => {
    const put = await call(one.base, session, `/api/agencies/${slug}/emblem`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentBase64: emblem.toString('base64') }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const served = await call(two.base, session, `/api/agencies/${slug}/emblem`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect((await sharp(bytes).metadata()).height).toBe(60);
    const keys = (await listAll(bucket(), 'letterhead/')).map((f) => f.key);
    expect(keys.some((key) => key.endsWith('/emblem.png'))).toBe(true);
    // Nothing of it on either instance's disk.
    expect(readdirSync(one.dataDir)).not.toContain('letterhead');
    expect(readdirSync(two.dataDir)).not.toContain('letterhead');
    // Removed through the second, gone for the first.
    expect((await call(two.base, session, `/api/agencies/${slug}/emblem`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(one.base, session, `/api/agencies/${slug}/emblem`)).status).toBe(404);
    // Back again for the backup below.
    await call(one.base, session, `/api/agencies/${slug}/emblem`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentBase64: emblem.toString('base64') }),
    });
  });

  it('a document made by one instance is downloaded from the other', async () => {
    // Only the first instance makes documents: the second's worker is stopped.
    await two.app.documentJobs.stop();
    const started = await call(two.base, session, `/api/agencies/${slug}/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'tasks', format: 'docx', year: 2568 }),
    });
    expect(started.status, await started.clone().text()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    await one.app.documentJobs.idle();
    let job: { status: string; url: string | null; error: unknown } = { status: 'queued', url: null, error: null };
    for (let i = 0; i < 400 && (job.status === 'queued' || job.status === 'running'); i++) {
      job = (await (await call(two.base, session, `/api/jobs/${id}`)).json()) as typeof job;
      if (job.status === 'queued' || job.status === 'running') await new Promise((r) => setTimeout(r, 25));
    }
    expect(job.status, JSON.stringify(job.error)).toBe('done');
    const file = await call(two.base, session, job.url!);
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Number(file.headers.get('content-length'))).toBe(bytes.length);
    const made = await listAll(bucket(), 'documents/');
    expect(made.map((f) => f.bytes)).toContain(bytes.length);
    expect(readdirSync(one.dataDir)).not.toContain('documents');
  });

  it('an instance whose store cannot be reached answers 503 with a Thai message, and keeps serving', async () => {
    const dataDir = mkdtempSync(join(root, 'data-'));
    const cut = await buildApp({
      db: second,
      config: {
        ...withoutSchedules(loadConfig({})),
        dataDir,
        secureCookies: false,
        files: { kind: 's3', s3: { ...settings().s3, endpoint: 'http://127.0.0.1:9' } },
      },
      logger: false,
      webDist: '/nonexistent',
    });
    try {
      const answer = await cut.inject({ method: 'GET', url: `/api/agencies/${slug}/emblem`, headers: session.headers });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toMatchObject({
        error: { code: 'file-store', messageTh: 'ที่เก็บไฟล์ของระบบขัดข้อง กรุณาลองใหม่ภายหลังหรือติดต่อผู้ดูแลระบบ' },
      });
      expect((await cut.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await cut.close();
    }
  });

  it('backup --with-files and restore carry the bucket’s files', async () => {
    const store = bucket();
    const before = await listAll(store, '');
    const emblemKey = before.find((f) => f.key.endsWith('/emblem.png'))!.key;
    const documentKey = before.find((f) => f.key.startsWith('documents/'))!.key;
    const emblemBytes = await readWhole(store, emblemKey);
    const dataDir = mkdtempSync(join(root, 'cli-'));
    const saved = { ...process.env };
    Object.assign(process.env, env, { PRONGSAI_DATABASE_URL: shared.url, PRONGSAI_DATA_DIR: dataDir });
    try {
      const archive = join(root, 'all.tar.gz');
      const backup = await runCli('backup', '--with-files', archive);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(`${before.length} files`);
      // The bucket loses its files; a stray one appears that the backup never had.
      for (const file of before) await store.delete(file.key);
      await store.put('evidence/999/stray.jpg', Buffer.from('stray'));
      const restored = await runCli('restore', '--force', archive);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`loaded frameworks) ${before.length}`);
    } finally {
      process.env = saved;
    }
    const after = await listAll(store, '');
    expect(after.map((f) => f.key).sort()).toEqual(before.map((f) => f.key).sort());
    expect(await readWhole(store, emblemKey)).toEqual(emblemBytes);
    expect((await store.stat(documentKey))?.bytes).toBe(before.find((f) => f.key === documentKey)!.bytes);
    expect(readdirSync(dataDir).filter((name) => name !== 'frameworks')).toEqual([]);
    // Served again by an instance, from the restored bucket.
    const served = await call(two.base, session, `/api/agencies/${slug}/emblem`);
    expect(served.status).toBe(200);
  });
});

describe('the file store settings', () => {
  it('are the disk unless PRONGSAI_FILE_STORE=s3, which names what else it needs in English', () => {
    expect(fileStoreSettings({})).toEqual({ kind: 'disk' });
    expect(() => fileStoreSettings({ PRONGSAI_FILE_STORE: 'nfs' })).toThrow('PRONGSAI_FILE_STORE must be "disk" or "s3"');
    expect(() => fileStoreSettings({ PRONGSAI_FILE_STORE: 's3', PRONGSAI_S3_BUCKET: 'b' })).toThrow(
      'PRONGSAI_FILE_STORE=s3 also needs PRONGSAI_S3_REGION, PRONGSAI_S3_ACCESS_KEY_ID, PRONGSAI_S3_SECRET_ACCESS_KEY',
    );
    expect(() => fileStoreSettings({ ...env, PRONGSAI_S3_ENDPOINT: 'minio:9000' })).toThrow('PRONGSAI_S3_ENDPOINT must be');
    expect(() => fileStoreSettings({ ...env, PRONGSAI_S3_FORCE_PATH_STYLE: 'yes' })).toThrow('PRONGSAI_S3_FORCE_PATH_STYLE');
    expect(() => loadConfig({ PRONGSAI_FILE_STORE: 's3' })).toThrow('PRONGSAI_S3_BUCKET');
  });

  it('stop the command line with that message, not a stack', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { PRONGSAI_FILE_STORE: 's3', PRONGSAI_S3_BUCKET: 'b' });
    try {
      const run = await runCli('evidence', 'gc');
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'prongsai evidence: configuration: PRONGSAI_FILE_STORE=s3 also needs PRONGSAI_S3_REGION, PRONGSAI_S3_ACCESS_KEY_ID, PRONGSAI_S3_SECRET_ACCESS_KEY (and PRONGSAI_S3_ENDPOINT unless the store is AWS)\n',
      );
    } finally {
      process.env = saved;
    }
  });

  it('a store that cannot be reached answers a clear error, not a crash', async () => {
    const gone = new S3FileStore({ ...settings().s3, endpoint: 'http://127.0.0.1:9', bucket: BUCKET });
    await expect(gone.get('evidence/1/a.jpg')).rejects.toMatchObject({
      status: 503,
      message: 'the file store could not read "evidence/1/a.jpg"',
      store: `s3://${BUCKET} at http://127.0.0.1:9`,
    });
    const missingBucket = new S3FileStore({ ...settings().s3, bucket: 'no-such-bucket' });
    await expect(missingBucket.put('evidence/1/a.jpg', Buffer.from('x'))).rejects.toMatchObject({ status: 503 });
    gone.close();
    missingBucket.close();
  });
});
