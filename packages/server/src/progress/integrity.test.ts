import JSZip from 'jszip';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

interface Entry {
  id: number;
  questionCode: string | null;
  divisions: (number | 'all')[];
  version: number;
  issue: string;
}

const photo = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .toBuffer();

/** Text of a DOCX's body, runs joined. */
async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe.each(TEST_DATABASES)('what is approved stays locked, and each reader sees their part, on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let db: Db;
  let dataDir: string;
  let admin: Session;
  let director: Session;
  let finance: Session;
  let works: Session;
  let entries: Entry[];
  let financeEntry: Entry;
  let worksEntry: Entry;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, session: Session, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const documentAs = async (session: Session, body: object) => {
    const started = await call('POST', '/api/agencies/bang-khae/documents', session, body);
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id as string;
    await app.documentJobs.idle();
    const job = (await call('GET', `/api/jobs/${id}`, session)).json() as { status: string; error: unknown };
    expect(job, JSON.stringify(job)).toMatchObject({ status: 'done' });
    return { id, file: await call('GET', `/api/jobs/${id}/file`, session) };
  };

  beforeAll(async () => {
    ({ app, db, dataDir, close } = await demoApp(database, { plans: false }));
    admin = await login(app, 'admin@bang-khae.demo');
    director = await login(app, 'director@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    works = await login(app, 'works@bang-khae.demo');
    const plan = await call('POST', '/api/agencies/bang-khae/plans/2567', admin, { mode: 'weak-points' });
    entries = plan.json().entries as Entry[];
    const divisions = (await call('GET', '/api/agencies/bang-khae/divisions', admin)).json() as { id: number; nameTh: string }[];
    const financeId = divisions.find((d) => d.nameTh === 'ฝ่ายการคลัง')!.id;
    const worksId = divisions.find((d) => d.nameTh === 'ฝ่ายโยธา')!.id;
    const assign = async (entry: Entry, division: number) =>
      (await call('PATCH', `/api/entries/${entry.id}`, admin, { divisions: [division] })).json() as Entry;
    financeEntry = await assign(entries[0]!, financeId);
    worksEntry = await assign(entries[1]!, worksId);
    entries = entries.map((e) => (e.id === financeEntry.id ? financeEntry : e.id === worksEntry.id ? worksEntry : e));
    for (const [entry, session, narrative] of [
      [financeEntry, finance, 'รายงานของฝ่ายการคลังเท่านั้น'],
      [worksEntry, works, 'รายงานของฝ่ายโยธาเท่านั้น'],
    ] as const) {
      expect((await call('PUT', `/api/entries/${entry.id}/reports/6`, session, { status: 'done', narrative })).statusCode).toBe(
        200,
      );
      await call('POST', `/api/entries/${entry.id}/reports/6/submit`, session);
    }
  });
  afterAll(async () => close());

  it("keeps another division's report out of a division editor's progress document", async () => {
    const { file } = await documentAs(finance, { kind: 'progress', format: 'docx', year: 2567, round: 6 });
    const text = await docxText(file.rawPayload);
    expect(text).toContain('รายงานของฝ่ายการคลังเท่านั้น');
    expect(text).not.toContain('รายงานของฝ่ายโยธาเท่านั้น');
    // The secretariat's document holds both.
    const whole = await docxText(
      (await documentAs(admin, { kind: 'progress', format: 'docx', year: 2567, round: 6 })).file.rawPayload,
    );
    expect(whole).toContain('รายงานของฝ่ายโยธาเท่านั้น');
  });

  it('shows a document job only to the person who asked for it', async () => {
    const { id } = await documentAs(finance, { kind: 'progress', format: 'docx', year: 2567, round: 6 });
    expect((await call('GET', `/api/jobs/${id}`, works)).statusCode).toBe(404);
    expect((await call('GET', `/api/jobs/${id}/file`, works)).statusCode).toBe(404);
  });

  it('makes 12 racing first writes one report, and 12 racing uploads 12 positions', async () => {
    const entry = entries.find((e) => e !== financeEntry && e !== worksEntry)!;
    const writes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call('PUT', `/api/entries/${entry.id}/reports/6`, admin, { status: 'in-progress', narrative: `ครั้งที่ ${i}` }),
      ),
    );
    expect(writes.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    expect(new Set(writes.map((r) => r.json().id)).size).toBe(1);
    const image = (await photo()).toString('base64');
    const uploads = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call('POST', `/api/entries/${entry.id}/reports/6/evidence`, admin, {
          fileName: `p${i}.jpg`,
          contentBase64: image,
          caption: `ภาพ ${i}`,
        }),
      ),
    );
    expect(uploads.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    expect(uploads.map((r) => r.json().position as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
  });

  it('refuses javascript:, data:, file: and vbscript: links when evidence is changed, as when it is added', async () => {
    const added = await call('POST', `/api/entries/${financeEntry.id}/reports/6/evidence`, finance, {
      fileName: 'p.jpg',
      contentBase64: (await photo()).toString('base64'),
      caption: 'ภาพ',
    });
    expect(added.statusCode).toBe(201);
    for (const link of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'vbscript:msgbox(1)',
      'JavaScript:x',
    ]) {
      const patched = await call('PATCH', `/api/evidence/${added.json().id}`, finance, { link });
      expect(patched.statusCode, link).toBe(400);
      const posted = await call('POST', `/api/entries/${financeEntry.id}/reports/6/evidence`, finance, {
        fileName: 'p.jpg',
        contentBase64: (await photo()).toString('base64'),
        link,
      });
      expect(posted.statusCode, link).toBe(400);
    }
    expect((await call('PATCH', `/api/evidence/${added.json().id}`, finance, { link: 'https://example.org/x' })).statusCode).toBe(
      200,
    );
  });

  it('keeps one of 10 parallel changes made from the same version, refusing the others with 409', async () => {
    const entry = entries.at(-1)!;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call('PATCH', `/api/entries/${entry.id}`, admin, { issue: `ประเด็นฉบับที่ ${i}`, version: entry.version }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    expect(responses.find((r) => r.statusCode === 409)!.json().error.messageTh).toContain('มีผู้อื่นแก้ไข');
    const winner = responses.find((r) => r.statusCode === 200)!.json() as Entry;
    expect(winner.version).toBe(entry.version + 1);
    // Without a version, parallel changes of different fields all land: none is lost.
    const [a, b] = await Promise.all([
      call('PATCH', `/api/entries/${entry.id}`, admin, { issue: 'ประเด็นใหม่' }),
      call('PATCH', `/api/entries/${entry.id}`, admin, { targetScore: 90 }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const plan = (await call('GET', '/api/agencies/bang-khae/plans/2567', admin)).json() as {
      entries: (Entry & { targetScore: number })[];
    };
    expect(plan.entries.find((e) => e.id === entry.id)).toMatchObject({
      issue: 'ประเด็นใหม่',
      targetScore: 90,
      version: entry.version + 3,
    });
  });

  it('locks the entries of an approved round, and its revisions show each reader only their part', async () => {
    expect(
      (await call('POST', '/api/agencies/bang-khae/plans/2567/rounds/6/approve', director, { reason: 'ทดสอบการอนุมัติ' }))
        .statusCode,
    ).toBe(200);
    const patched = await call('PATCH', `/api/entries/${financeEntry.id}`, admin, { issue: 'แก้หลังอนุมัติ' });
    expect(patched.statusCode).toBe(409);
    expect(patched.json().error).toMatchObject({ code: 'entry-approved', messageTh: expect.stringContaining('อนุมัติแล้ว') });
    expect((await call('DELETE', `/api/entries/${financeEntry.id}`, admin)).statusCode).toBe(409);
    const round = (await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6', admin)).json() as {
      entries: { entry: Entry; evidence: unknown[] }[];
    };
    expect(round.entries.find((e) => e.entry.id === financeEntry.id)?.evidence.length).toBeGreaterThan(0);

    const revisionsOf = async (session: Session) =>
      JSON.stringify((await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6/revisions', session)).json());
    expect(await revisionsOf(finance)).toContain('รายงานของฝ่ายการคลังเท่านั้น');
    expect(await revisionsOf(finance)).not.toContain('รายงานของฝ่ายโยธาเท่านั้น');
    expect(await revisionsOf(works)).not.toContain('รายงานของฝ่ายการคลังเท่านั้น');
    expect(await revisionsOf(director)).toContain('รายงานของฝ่ายโยธาเท่านั้น');

    // A measure added after approval is not in the approved round.
    const added = await call('POST', '/api/agencies/bang-khae/plans/2567/entries', admin, {
      section: 'extra',
      title: 'มาตรการเพิ่มเติม',
      issue: 'เพิ่มหลังอนุมัติ',
      measures: ['ทดสอบ'],
      divisions: ['all'],
      cadence: 'semiannual',
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = (await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6', admin)).json() as {
      entries: { entry: Entry }[];
    };
    expect(after.entries.map((e) => e.entry.issue)).not.toContain('เพิ่มหลังอนุมัติ');

    expect((await call('POST', '/api/agencies/bang-khae/plans/2567/rounds/6/reopen', admin)).statusCode).toBe(200);
    expect((await call('PATCH', `/api/entries/${financeEntry.id}`, admin, { issue: 'แก้ในฉบับแก้ไข' })).statusCode).toBe(200);
  });

  it('says which photo is missing from storage instead of leaving it out of a document', async () => {
    const file = await db.kysely.selectFrom('evidence_files').selectAll().where('kind', '=', 'image').executeTakeFirstOrThrow();
    rmSync(join(dataDir, 'evidence', String(file.agency_id), file.stored_name));
    const started = await call('POST', '/api/agencies/bang-khae/documents', admin, {
      kind: 'progress',
      format: 'pdf',
      year: 2567,
      round: 6,
    });
    await app.documentJobs.idle();
    const job = (await call('GET', `/api/jobs/${started.json().id}`, admin)).json();
    expect(job.status).toBe('failed');
    expect(job.error.messageTh).toContain('ไม่พบไฟล์ภาพหลักฐาน');
    expect((await call('GET', `/api/evidence/${file.id}/file`, admin)).statusCode).toBe(410);
  });
});
