import { mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import type { Db } from '../db/database.js';
import { login, TEST_DATABASES, type Session } from '../test-support/databases.js';

/** Two instances of Prongsai over one database, as behind a load balancer. */
async function instances(db: Db, dataDir: string, count: number) {
  const apps = [];
  for (let i = 0; i < count; i++) {
    apps.push(
      await buildApp({
        db,
        config: {
          ...withoutSchedules(loadConfig({})),
          dataDir,
          secureCookies: false,
        },
        logger: false,
        webDist: '/nonexistent',
      }),
    );
  }
  return apps;
}

describe.each(TEST_DATABASES)('document jobs that outlive their instance, on $engine', (database) => {
  let db: Db & { drop(): Promise<void> };
  let dataDir: string;
  let adminId: number;
  let agencyId: number;
  const request = { kind: 'measures', format: 'pdf', fiscalYear: 2567, thaiDigits: false };

  const insertJob = (values: { status: string; attempts: number; heartbeatAt: string | null; worker: string | null }) =>
    db.kysely
      .insertInto('document_jobs')
      .values({
        id: crypto.randomUUID(),
        agency_id: agencyId,
        requested_by: adminId,
        request: JSON.stringify(request),
        file_name: 'prongsai-measures-bang-khae-2567.pdf',
        format: 'pdf',
        status: values.status,
        progress: 30,
        attempts: values.attempts,
        hash: null,
        bytes: null,
        error: null,
        worker: values.worker,
        heartbeat_at: values.heartbeatAt,
        created_at: new Date().toISOString(),
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const jobRow = (id: string) => db.kysely.selectFrom('document_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'prongsai-jobs-'));
    db = await database.openDemo({}, dataDir);
    const admin = await db.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'admin@bang-khae.demo')
      .executeTakeFirstOrThrow();
    adminId = admin.id;
    agencyId = admin.agency_id!;
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes after a restart a job its dead instance left running, and fails visibly one that kept killing it', async () => {
    const stale = new Date(Date.now() - 5 * 60_000).toISOString();
    const resumed = await insertJob({ status: 'running', attempts: 1, heartbeatAt: stale, worker: 'gone:1' });
    const hopeless = await insertJob({ status: 'running', attempts: 3, heartbeatAt: stale, worker: 'gone:1' });
    const queued = await insertJob({ status: 'queued', attempts: 0, heartbeatAt: null, worker: null });
    const [app] = await instances(db, dataDir, 1);
    await app!.ready();
    await app!.documentJobs.idle();
    expect(await jobRow(resumed.id)).toMatchObject({ status: 'done', attempts: 2, progress: 100 });
    expect(await jobRow(queued.id)).toMatchObject({ status: 'done', attempts: 1 });
    const failed = await jobRow(hopeless.id);
    expect(failed.status).toBe('failed');
    expect(JSON.parse(failed.error!).messageTh).toContain('ระบบหยุดทำงาน');
    await app!.close();
  });

  it('holds queued jobs while its queue is stopped, and makes them once it starts again', async () => {
    const [app] = await instances(db, dataDir, 1);
    await app!.ready();
    await app!.documentJobs.stop();
    const held = await insertJob({ status: 'queued', attempts: 0, heartbeatAt: null, worker: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await jobRow(held.id)).toMatchObject({ status: 'queued', attempts: 0 });
    await app!.documentJobs.start();
    await app!.documentJobs.idle();
    expect(await jobRow(held.id)).toMatchObject({ status: 'done', attempts: 1, progress: 100 });
    await app!.close();
  });

  it('runs each job once with two instances sharing the queue', async () => {
    const apps = await instances(db, dataDir, 2);
    await Promise.all(apps.map((a) => a.ready()));
    const session: Session = await login(apps[0]!, 'admin@bang-khae.demo');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const target = apps[i % 2]!;
      const started = await target.inject({
        method: 'POST',
        url: '/api/agencies/bang-khae/documents',
        headers: session.headers,
        payload: { kind: 'measures', format: i % 2 ? 'pdf' : 'docx', year: 2567, thaiDigits: i % 4 < 2 },
      });
      expect(started.statusCode).toBe(202);
      ids.push(started.json().id as string);
    }
    await Promise.all(apps.map((a) => a.documentJobs.idle()));
    const rows = await Promise.all(ids.map(jobRow));
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(8).fill(['done', 1]));
    // Either instance answers for any job.
    const job = await apps[1]!.inject({ method: 'GET', url: `/api/jobs/${ids[1]}`, headers: session.headers });
    expect(job.json().status).toBe(rows[1]!.status);
    await Promise.all(apps.map((a) => a.close()));
  });

  it('never serves a damaged cached file as done, and makes it again', async () => {
    const [app] = await instances(db, dataDir, 1);
    const session = await login(app!, 'admin@bang-khae.demo');
    const make = async () => {
      const started = await app!.inject({
        method: 'POST',
        url: '/api/agencies/bang-khae/documents',
        headers: session.headers,
        payload: { kind: 'measures', format: 'pdf', year: 2567 },
      });
      await app!.documentJobs.idle();
      return started.json().id as string;
    };
    const first = await make();
    expect((await app!.inject({ method: 'GET', url: `/api/jobs/${first}/file`, headers: session.headers })).statusCode).toBe(200);
    const folder = join(dataDir, 'documents');
    for (const name of readdirSync(folder)) truncateSync(join(folder, name), 0); // as a crash mid-write once left it
    const gone = await app!.inject({ method: 'GET', url: `/api/jobs/${first}/file`, headers: session.headers });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.messageTh).toContain('สร้างเอกสารใหม่');
    const again = await make();
    const file = await app!.inject({ method: 'GET', url: `/api/jobs/${again}/file`, headers: session.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(readdirSync(folder).some((n) => n.endsWith('.tmp'))).toBe(false);
    await app!.close();
  });

  it('keeps a malformed OIT link as text with a warning, and the measures document still comes out', async () => {
    const [app] = await instances(db, dataDir, 1);
    const session = await login(app!, 'admin@bang-khae.demo');
    const csv = 'code,score,urls,explanation\nO1,100,https://webportal.bangkok.go.th/bangkhae/%E0%B8 https://example.org/ok,\n';
    const imported = await app!.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/assessments/2566/imports',
      headers: session.headers,
      payload: { fileName: 'oit-details.csv', contentBase64: Buffer.from(csv).toString('base64') },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().warnings.map((w: { code: string }) => w.code)).toContain('malformed-url');
    const started = await app!.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/documents',
      headers: session.headers,
      payload: { kind: 'measures', format: 'pdf', year: 2567 },
    });
    await app!.documentJobs.idle();
    const job = await app!.inject({ method: 'GET', url: `/api/jobs/${started.json().id}`, headers: session.headers });
    expect(job.json()).toMatchObject({ status: 'done' });
    await app!.close();
  });
});
