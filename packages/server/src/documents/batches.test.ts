import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE_SLUG } from '../demo/province.js';
import type { Agency } from '../db/schema.js';
import { MILESTONES, shippedKind } from '@prongsai/core';
import { insertKindRow } from '../agencies/repository.js';
import { now } from '../db/database.js';
import { placeBatchJobs, recountBatchJobs } from './repository.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { bareApp, factory, StatementCounter } from '../test-support/factories.js';

/** A year no demo agency has a committee of: every order of a batch would fail fast, were the queue running. */
const YEAR = 2570;
const ORDER = { kind: 'order', format: 'docx', year: YEAR };

interface BatchJobs {
  total: number;
  counts: { queued: number; running: number; done: number; failed: number };
  batch: { id: string; kind: string; format: string; year: number; total: number };
  rows: {
    id: string;
    agency: { id: number; code: string; slug: string; nameTh: string; nameEn: string };
    status: string;
    progress: number;
    url: string | null;
    error: { message: string; messageTh: string } | null;
  }[];
}

const inject = async (app: FastifyInstance, session: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
  const response = await app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() as unknown };
};

describe.each(TEST_DATABASES)('document batches over every agency in scope, on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let db: Awaited<ReturnType<typeof demoApp>>['db'];
  let national: Session;
  let overseer: Session;
  let bangkokOverseer: Session;
  let districtAdmin: Session;
  let expectedSlugs: string[];
  let provinceSlugs: string[];
  let nationalBatch: { id: string; total: number };
  let provinceBatch: { id: string; total: number };

  const start = async (session: Session, body: object = ORDER) => {
    const response = await inject(app, session, 'POST', '/api/documents/batch', body);
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    return response.body as { id: string; total: number };
  };
  const jobs = async (session: Session, id: string, query = '') => {
    const response = await inject(app, session, 'GET', `/api/documents/batches/${id}${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as BatchJobs;
  };

  beforeAll(async () => {
    ({ app, close, db } = await demoApp(database));
    await app.ready();
    // The jobs stay queued: these tests read the batch, not the documents.
    await app.documentJobs.stop();
    const make = factory(db.kysely, app);
    // A central oversight body (the BMA) over a district: overseen, but not assessed, so never in a batch.
    const bangKhae = await db.kysely.selectFrom('agencies').selectAll().where('slug', '=', 'bang-khae').executeTakeFirstOrThrow();
    const bma = await make.agency({ code: 'BMA-T', slug: 'bma-test', name_th: 'กรุงเทพมหานคร', name_en: 'BMA', kind: 'central' });
    await db.kysely.updateTable('agencies').set({ parent_id: bma.id }).where('id', '=', bangKhae.id).execute();
    national = await login(app, 'admin@prongsai.demo');
    overseer = await login(app, `overseer@${PROVINCE_SLUG}.demo`);
    bangkokOverseer = (await make.account('central_admin', { oversees: bma })).session;
    districtAdmin = await login(app, 'admin@bang-khae.demo');
    const agencies = await db.kysely.selectFrom('agencies').select(['slug', 'kind', 'parent_id', 'id']).execute();
    expectedSlugs = agencies
      .filter((a) => a.kind !== 'central')
      .map((a) => a.slug)
      .sort();
    const province = agencies.find((a) => a.slug === PROVINCE_SLUG)!;
    provinceSlugs = agencies
      .filter((a) => a.id === province.id || a.parent_id === province.id)
      .map((a) => a.slug)
      .sort();
  }, 60_000);
  afterAll(async () => close());

  it('covers every agency the national admin oversees, of every kind but the central bodies, in one batch', async () => {
    nationalBatch = await start(national);
    expect(nationalBatch.total).toBe(expectedSlugs.length);
    const page = await jobs(national, nationalBatch.id, '?limit=200');
    expect(page.total).toBe(expectedSlugs.length);
    expect(page.rows.map((r) => r.agency.slug).sort()).toEqual(expectedSlugs);
    expect(page.rows.map((r) => r.agency.slug)).not.toContain('bma-test');
    expect(page.counts).toEqual({ queued: expectedSlugs.length, running: 0, done: 0, failed: 0 });
    expect(page.batch).toMatchObject({
      id: nationalBatch.id,
      kind: 'order',
      format: 'docx',
      year: YEAR,
      total: expectedSlugs.length,
    });
    // Bangkok's districts and Nonthaburi's province, อบจ., เทศบาล and อบต. alike.
    const kinds = await db.kysely
      .selectFrom('document_jobs')
      .innerJoin('agencies', 'agencies.id', 'document_jobs.agency_id')
      .select('agencies.kind')
      .distinct()
      .where('batch_id', '=', nationalBatch.id)
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['district', 'municipality', 'pao', 'province', 'sao']);
    // Each job is a job of its own, named per agency as a single document is.
    const job = page.rows.find((r) => r.agency.slug === 'bang-khae')!;
    const single = await inject(app, national, 'GET', `/api/jobs/${job.id}`);
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({ status: 'queued', fileName: `prongsai-order-bang-khae-${YEAR}.docx` });
    const audit = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'document_batch')
      .where('entity_id', '=', nationalBatch.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("gives a province's overseer a batch of its province's agencies only, and no one else's batch", async () => {
    provinceBatch = await start(overseer);
    expect(provinceBatch.total).toBe(provinceSlugs.length);
    expect(provinceSlugs.length).toBe(7);
    const own = await jobs(overseer, provinceBatch.id, '?limit=200');
    expect(own.rows.map((r) => r.agency.slug).sort()).toEqual(provinceSlugs);
    // The national admin's batch, and the province's batch for an overseer of Bangkok: not there.
    expect((await inject(app, overseer, 'GET', `/api/documents/batches/${nationalBatch.id}`)).status).toBe(404);
    expect((await inject(app, bangkokOverseer, 'GET', `/api/documents/batches/${provinceBatch.id}`)).status).toBe(404);
    expect((await inject(app, districtAdmin, 'GET', `/api/documents/batches/${provinceBatch.id}`)).status).toBe(404);
    // Nor a job of Bangkok's.
    const bangkokJob = (await jobs(national, nationalBatch.id, '?q=bang-khae')).rows[0]!;
    expect((await inject(app, overseer, 'GET', `/api/jobs/${bangkokJob.id}`)).status).toBe(404);
    // The national admin reads it.
    expect((await jobs(national, provinceBatch.id)).total).toBe(provinceSlugs.length);
    // The Bangkok overseer's batch: the districts under the BMA node, the node itself left out.
    const bangkok = await start(bangkokOverseer);
    expect(bangkok.total).toBe(1);
    expect((await jobs(bangkokOverseer, bangkok.id)).rows.map((r) => r.agency.slug)).toEqual(['bang-khae']);
  });

  it('is refused to those who are not central admins', async () => {
    expect((await inject(app, districtAdmin, 'POST', '/api/documents/batch', ORDER)).status).toBe(403);
    expect((await inject(app, districtAdmin, 'GET', '/api/documents/batches')).status).toBe(403);
  });

  it("lists the actor's own batches, newest first, each counted by status", async () => {
    const mine = (await inject(app, overseer, 'GET', '/api/documents/batches')).body as {
      total: number;
      rows: { id: string; total: number; counts: Record<string, number> }[];
    };
    expect(mine.total).toBe(1);
    expect(mine.rows[0]).toMatchObject({ id: provinceBatch.id, total: 7, counts: { queued: 7, running: 0, done: 0, failed: 0 } });
    const later = await start(national, { kind: 'measures', format: 'pdf', year: YEAR });
    const list = (await inject(app, national, 'GET', '/api/documents/batches?limit=1')).body as {
      total: number;
      rows: { id: string; kind: string }[];
    };
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.id)).toEqual([later.id]);
    const oldest = (await inject(app, national, 'GET', '/api/documents/batches?order=asc&limit=1')).body as {
      rows: { id: string }[];
    };
    expect(oldest.rows.map((r) => r.id)).toEqual([nationalBatch.id]);
  });

  it("pages, sorts, filters and searches a batch's jobs on the server", async () => {
    const all = await jobs(national, nationalBatch.id, '?limit=200&sort=code');
    const codes = all.rows.map((r) => r.agency.code);
    expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const second = await jobs(national, nationalBatch.id, '?limit=10&offset=10&sort=code');
    expect(second.total).toBe(all.total);
    expect(second.rows.map((r) => r.agency.code)).toEqual(codes.slice(10, 20));
    expect(second.rows).toEqual(all.rows.slice(10, 20));
    // The jobs keep their places in the batch in their agencies' code order, from 1.
    const placed = await db.kysely
      .selectFrom('document_jobs')
      .innerJoin('agencies', 'agencies.id', 'document_jobs.agency_id')
      .select(['document_jobs.position', 'agencies.code'])
      .where('batch_id', '=', nationalBatch.id)
      .orderBy('document_jobs.position')
      .execute();
    expect(placed.map((p) => p.position)).toEqual(placed.map((_, i) => i + 1));
    expect(placed.map((p) => p.code)).toEqual(codes);
    // Read from the end (the default sort is the code's), at an offset, and past the last job.
    const descending = await jobs(national, nationalBatch.id, '?limit=7&offset=3&order=desc');
    expect(descending.total).toBe(all.total);
    expect(descending.rows).toEqual([...all.rows].reverse().slice(3, 10));
    const last = await jobs(national, nationalBatch.id, `?limit=10&offset=${all.total - 2}`);
    expect(last.rows).toEqual(all.rows.slice(-2));
    expect((await jobs(national, nationalBatch.id, `?offset=${all.total}`)).rows).toEqual([]);
    // The province's batch read by its overseer at an offset, both ways.
    const province = await jobs(overseer, provinceBatch.id, '?limit=200');
    expect(province.rows.map((r) => r.agency.code)).toEqual(
      [...province.rows.map((r) => r.agency.code)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    expect((await jobs(overseer, provinceBatch.id, '?limit=3&offset=2')).rows).toEqual(province.rows.slice(2, 5));
    expect((await jobs(overseer, provinceBatch.id, '?limit=3&offset=2&order=desc')).rows).toEqual(
      [...province.rows].reverse().slice(2, 5),
    );
    const byNameDesc = await jobs(national, nationalBatch.id, '?limit=200&sort=name&order=desc');
    const names = byNameDesc.rows.map((r) => r.agency.nameTh);
    expect(names[0]! >= names.at(-1)!).toBe(true);
    expect(new Set(names).size).toBe(names.length);

    // Some jobs done, one failed: filtered by status, sorted by it, counted.
    const done = all.rows.slice(0, 3).map((r) => r.id);
    const failed = all.rows[3]!.id;
    await db.kysely
      .updateTable('document_jobs')
      .set({ status: 'done', progress: 100, hash: 'x', bytes: 1 })
      .where('id', 'in', done)
      .execute();
    await db.kysely
      .updateTable('document_jobs')
      .set({ status: 'failed', error: JSON.stringify({ message: 'no committee', messageTh: 'ยังไม่มีคณะกรรมการ' }) })
      .where('id', '=', failed)
      .execute();
    const onlyDone = await jobs(national, nationalBatch.id, '?status=done');
    expect(onlyDone.total).toBe(3);
    expect(onlyDone.rows.map((r) => r.id).sort()).toEqual([...done].sort());
    expect(onlyDone.rows.every((r) => r.url === `/api/jobs/${r.id}/file`)).toBe(true);
    expect(onlyDone.counts).toEqual({ queued: all.total - 4, running: 0, done: 3, failed: 1 });
    // Filtered by status in code order, at an offset.
    const doneRows = all.rows.slice(0, 3).map((r) => ({ ...r, status: 'done', progress: 100, url: `/api/jobs/${r.id}/file` }));
    expect((await jobs(national, nationalBatch.id, '?status=done&limit=2&offset=1')).rows).toEqual(doneRows.slice(1, 3));
    expect((await jobs(national, nationalBatch.id, '?status=done&order=desc')).rows).toEqual([...doneRows].reverse());
    const onlyFailed = await jobs(national, nationalBatch.id, '?status=failed');
    expect(onlyFailed.rows).toEqual([
      expect.objectContaining({ id: failed, url: null, error: { message: 'no committee', messageTh: 'ยังไม่มีคณะกรรมการ' } }),
    ]);
    const byStatus = await jobs(national, nationalBatch.id, '?limit=5&sort=status');
    expect(byStatus.rows.slice(0, 3).map((r) => r.status)).toEqual(['done', 'done', 'done']);
    expect(byStatus.rows[3]!.status).toBe('failed');

    // Searched by the agency's name, code or slug.
    const found = await jobs(national, nationalBatch.id, `?q=${encodeURIComponent('นนทบุรี')}`);
    expect(found.rows.map((r) => r.agency.slug).sort()).toEqual(['nakhon-nonthaburi', 'nonthaburi', 'nonthaburi-pao']);
    expect(found.total).toBe(3);
    expect(found.counts.queued + found.counts.done + found.counts.failed).toBe(all.total);
    expect((await jobs(national, nationalBatch.id, '?q=%25')).total).toBe(0);

    // Bad input is refused with a clear error.
    expect((await inject(app, national, 'GET', `/api/documents/batches/${nationalBatch.id}?limit=201`)).status).toBe(400);
    expect((await inject(app, national, 'GET', `/api/documents/batches/${nationalBatch.id}?status=lost`)).status).toBe(400);
    expect((await inject(app, national, 'GET', `/api/documents/batches/${nationalBatch.id}?sort=slug`)).status).toBe(400);
    expect((await inject(app, national, 'GET', '/api/documents/batches/not-a-uuid')).status).toBe(400);
    expect((await inject(app, national, 'GET', '/api/documents/batches/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('gives the jobs of a batch restored without their places the places the batch gave them', async () => {
    const places = () =>
      db.kysely
        .selectFrom('document_jobs')
        .select(['id', 'batch_id', 'position'])
        .where('batch_id', 'is not', null)
        .orderBy('id')
        .execute();
    const made = await places();
    expect(made.filter((j) => j.batch_id === nationalBatch.id).length).toBe(nationalBatch.total);
    expect(made.every((j) => j.position !== null)).toBe(true);
    // As a backup from before batch jobs kept their place leaves them, but for a few placed since.
    const kept = made.filter((j) => j.batch_id === nationalBatch.id && (j.position ?? 0) <= 3).map((j) => j.id);
    await db.kysely.updateTable('document_jobs').set({ position: null }).where('id', 'not in', kept).execute();
    await placeBatchJobs(db.kysely);
    expect(await places()).toEqual(made);
  });

  it("keeps each batch's jobs counted by status as they move, equal to counting them, and counts them again on a restore", async () => {
    const live = async () =>
      Object.fromEntries(
        (
          await db.kysely
            .selectFrom('document_jobs')
            .select(['batch_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
            .where('batch_id', 'is not', null)
            .groupBy(['batch_id', 'status'])
            .execute()
        ).map((r) => [`${r.batch_id}:${r.status}`, Number(r.n)]),
      );
    const kept = async () =>
      Object.fromEntries(
        (await db.kysely.selectFrom('document_batches').selectAll().execute()).flatMap((b) =>
          (['queued', 'running', 'done', 'failed'] as const)
            .map((status) => [`${b.id}:${status}`, Number(b[`jobs_${status}`])] as const)
            .filter(([, n]) => n !== 0),
        ),
      );
    expect(await kept()).toEqual(await live());
    // Jobs move on as the queue runs them, one at a time and several in one statement; one is removed.
    const ids = (await jobs(national, nationalBatch.id, '?limit=6')).rows.map((r) => r.id);
    await db.kysely.updateTable('document_jobs').set({ status: 'running' }).where('id', 'in', ids.slice(0, 4)).execute();
    await db.kysely.updateTable('document_jobs').set({ status: 'done' }).where('id', '=', ids[0]!).execute();
    await db.kysely.updateTable('document_jobs').set({ status: 'failed' }).where('id', '=', ids[1]!).execute();
    await db.kysely.updateTable('document_jobs').set({ progress: 50 }).where('id', '=', ids[2]!).execute();
    await db.kysely.deleteFrom('document_jobs').where('id', '=', ids[5]!).execute();
    expect(await kept()).toEqual(await live());
    const page = await jobs(national, nationalBatch.id);
    expect(page.counts).toEqual({ queued: nationalBatch.total - 5, running: 2, done: 1, failed: 1 });
    // Read by the province's overseer, the counts are of its own agencies, counted on the read.
    expect((await jobs(overseer, provinceBatch.id)).counts.queued).toBe(provinceSlugs.length);
    // Counts carried in from elsewhere (a restore) are counted again from the jobs.
    await db.kysely.updateTable('document_batches').set({ jobs_queued: 999, jobs_done: 0 }).execute();
    await recountBatchJobs(db.kysely);
    expect(await kept()).toEqual(await live());
    await db.kysely.updateTable('document_jobs').set({ status: 'queued' }).where('id', 'in', ids.slice(0, 4)).execute();
    expect(await kept()).toEqual(await live());
  });

  it('makes a memo batch only for the agencies whose kind has the memo, and refuses one that would make none', async () => {
    // A kind stored as data whose year has the schools' step has the schools' memo too.
    const municipality = shippedKind('municipality')!;
    const schooling = { ...municipality, id: 'city_schools', milestones: [...MILESTONES] };
    await insertKindRow(db.kysely, {
      id: schooling.id,
      name_th: schooling.nameTh,
      name_en: schooling.nameEn,
      definition: JSON.stringify(schooling),
      shipped: 0,
      updated_at: now(),
    });
    const make = factory(db.kysely, app);
    await make.agency({ code: 'CS-T', slug: 'city-schools-test', name_th: 'เทศบาลทดสอบ', kind: schooling.id });
    const agencies = await db.kysely.selectFrom('agencies').select(['slug', 'kind']).execute();
    const withSchools = agencies
      .filter((a) => a.kind === 'district' || a.kind === schooling.id)
      .map((a) => a.slug)
      .sort();
    expect(withSchools).toContain('bang-khae');
    expect(withSchools).toContain('city-schools-test');
    const batchCount = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('document_batches')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    const schools = await start(national, { kind: 'memo', memoKind: 'schools', format: 'pdf', year: YEAR });
    expect(schools.total).toBe(withSchools.length);
    const page = await jobs(national, schools.id, '?limit=200');
    expect(page.rows.map((r) => r.agency.slug).sort()).toEqual(withSchools);
    expect(page.counts).toEqual({ queued: withSchools.length, running: 0, done: 0, failed: 0 });
    expect(page.batch.total).toBe(page.total);
    expect(page.rows[0]!.agency.slug).not.toBe('bma-test');

    // Every kind has the memo to every unit: the whole country but the central bodies.
    const collection = await start(national, { kind: 'memo', memoKind: 'collection', format: 'pdf', year: YEAR });
    expect(collection.total).toBe(expectedSlugs.length + 1);

    // No agency of the province has the schools' memo: refused, and no batch is left behind.
    const before = await batchCount();
    const refused = await inject(app, overseer, 'POST', '/api/documents/batch', {
      kind: 'memo',
      memoKind: 'schools',
      format: 'pdf',
      year: YEAR,
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    const { error } = refused.body as { error: { message: string; messageTh: string } };
    expect(error.message).toContain('no agency this batch covers has the schools memo');
    expect(error.messageTh).toContain('ไม่มีหน่วยงานในชุดนี้ที่มีบันทึกข้อความถึงโรงเรียนในสังกัด');
    expect(await batchCount()).toBe(before);
    expect((await start(overseer, { kind: 'memo', memoKind: 'collection', format: 'pdf', year: YEAR })).total).toBe(
      provinceSlugs.length,
    );
  });
});

describe.each(TEST_DATABASES)("a batch's statements do not grow with its size, on $engine", (database) => {
  const counter = new StatementCounter();
  let context: Awaited<ReturnType<typeof bareApp>>;
  let central: Session;
  const agencies: Agency[] = [];
  const add = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const serial = agencies.length;
      agencies.push(
        await context.make.agency({
          kind: ['district', 'province', 'municipality', 'sao'][serial % 4]!,
          name_th: `หน่วยงานชุด ${String(serial).padStart(3, '0')}`,
        }),
      );
    }
  };
  const request = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await context.app.inject({ method, url, headers: central.headers, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBe(method === 'POST' ? 202 : 200);
    return response.json() as { id: string; total: number };
  };
  /** The statements of starting a batch, of reading a page of its jobs, and of the list of batches. */
  const statements = async () => {
    // A fresh sign-in: a session older than a minute is renewed by its next request, one statement more.
    central = (await context.make.account('central_admin')).session;
    let batch = { id: '', total: 0 };
    const post = await counter.of(async () => {
      batch = await request('POST', '/api/documents/batch', ORDER);
    });
    const page = `/api/documents/batches/${batch.id}?limit=20&sort=name`;
    await request('GET', page);
    const read = await counter.of(() => request('GET', page));
    const searched = await counter.of(() => request('GET', `${page}&status=queued&q=${encodeURIComponent('ชุด')}`));
    const byCode = await counter.of(() => request('GET', `/api/documents/batches/${batch.id}?limit=20&offset=10`));
    const list = await counter.of(() => request('GET', '/api/documents/batches'));
    return { total: batch.total, counts: { post, read, searched, byCode, list } };
  };

  beforeAll(async () => {
    context = await bareApp(database, { counter });
    await context.app.ready();
    await context.app.documentJobs.stop();
  });
  afterAll(() => context.close());

  it('takes as many statements for 40 agencies as for 3', async () => {
    await add(3);
    const few = await statements();
    expect(few.total).toBe(3);
    await add(37);
    const many = await statements();
    expect(many.total).toBe(40);
    expect(many.counts).toEqual(few.counts);
  });
});
