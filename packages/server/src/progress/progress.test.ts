import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

interface Entry {
  id: number;
  questionCode: string | null;
  indicatorNumber: number | null;
  score: number | null;
  divisions: (number | 'all')[];
}

const jpegWithGps = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 30, g: 140, b: 100 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '13/1 43/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '100/1 23/1 0/1' },
    })
    .toBuffer();

describe.each(TEST_DATABASES)('measures and progress on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let khaeAdmin: Session;
  let khaeFinance: Session;
  let khaeWorks: Session;
  let khaeDirector: Session;
  let sueAdmin: Session;
  let entries: Entry[];
  let financeId: number;
  let worksId: number;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, session: Session, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    ({ app, close } = await demoApp(database, { plans: false }));
    khaeAdmin = await login(app, 'admin@bang-khae.demo');
    khaeFinance = await login(app, 'finance@bang-khae.demo');
    khaeWorks = await login(app, 'works@bang-khae.demo');
    khaeDirector = await login(app, 'director@bang-khae.demo');
    sueAdmin = await login(app, 'admin@bang-sue.demo');
    const divisions = (await call('GET', '/api/agencies/bang-khae/divisions', khaeAdmin)).json() as {
      id: number;
      nameTh: string;
    }[];
    financeId = divisions.find((d) => d.nameTh === 'ฝ่ายการคลัง')!.id;
    worksId = divisions.find((d) => d.nameTh === 'ฝ่ายโยธา')!.id;
  });
  afterAll(async () => close());

  describe('plans', () => {
    it("reproduces Bang Khae's FY2567 plan (§3) from its FY2566 results", async () => {
      const response = await call('POST', '/api/agencies/bang-khae/plans/2567', khaeAdmin, { mode: 'weak-points' });
      expect(response.statusCode, response.body).toBe(201);
      const plan = response.json() as { basedOnYear: number; entries: Entry[] };
      expect(plan.basedOnYear).toBe(2566);
      entries = plan.entries;
      expect(entries.map((e) => [e.questionCode, e.score])).toEqual([
        ['I8', 79.53],
        ['I9', 84.63],
        ['I11', 84.59],
        ['I13', 81.09],
        ['I16', 83.44],
        ['I17', 84.56],
        ['I20', 84.84],
        ['I22', 77.82],
        ['E12', 77.05],
      ]);
      expect((await call('POST', '/api/agencies/bang-khae/plans/2567', khaeAdmin, { mode: 'empty' })).statusCode).toBe(409);
    });

    it("plans per indicator, as Bang Sue's FY2568 plan does", async () => {
      const response = await call('POST', '/api/agencies/bang-sue/plans/2568', sueAdmin, { mode: 'indicators' });
      const plan = response.json() as { entries: Entry[] };
      expect(plan.entries).toHaveLength(10);
      expect(plan.entries.map((e) => e.score)).toEqual([99.35, 99.17, 99.77, 99.93, 98.83, 96.59, 93.45, 93.48, 95, 100]);
    });

    it('checks dates, divisions and cadence of an entry', async () => {
      const entry = entries[0]!;
      const outside = await call('PATCH', `/api/entries/${entry.id}`, khaeAdmin, { startDate: '2024-10-01' });
      expect(outside.statusCode).toBe(400);
      expect(outside.json().error.messageTh).toContain('ปีงบประมาณ พ.ศ. 2567');
      const sueDivisions = (await call('GET', '/api/agencies/bang-sue/divisions', sueAdmin)).json() as { id: number }[];
      expect((await call('PATCH', `/api/entries/${entry.id}`, khaeAdmin, { divisions: [sueDivisions[0]!.id] })).statusCode).toBe(
        400,
      );
      expect((await call('PATCH', `/api/entries/${entry.id}`, khaeAdmin, { cadence: 'custom' })).statusCode).toBe(400);
      const ok = await call('PATCH', `/api/entries/${entry.id}`, khaeAdmin, {
        divisions: [financeId],
        cadence: 'quarterly',
        startDate: '2023-10-01',
        endDate: '2024-09-30',
        issue: 'เจ้าหน้าที่ยังไม่ทราบเกี่ยวกับงบประมาณที่ได้รับการจัดสรร',
        measures: ['จัดประชุมชี้แจงงบประมาณ', 'จัดทำสื่อประชาสัมพันธ์'],
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ divisions: [financeId], cadence: 'quarterly', questionCode: 'I8', score: 79.53 });
      await call('PATCH', `/api/entries/${entries[1]!.id}`, khaeAdmin, { divisions: [worksId] });
    });

    it('keeps plans to their agency and their managers', async () => {
      expect((await call('GET', '/api/agencies/bang-khae/plans/2567', sueAdmin)).statusCode).toBe(404);
      expect((await call('PATCH', `/api/entries/${entries[0]!.id}`, sueAdmin, { issue: 'x' })).statusCode).toBe(404);
      expect((await call('PATCH', `/api/entries/${entries[0]!.id}`, khaeFinance, { issue: 'x' })).statusCode).toBe(403);
      expect(
        (
          await call('POST', '/api/agencies/bang-khae/plans/2567/entries', khaeDirector, {
            section: 'extra',
            issue: 'x',
            measures: [],
            divisions: ['all'],
            cadence: 'semiannual',
          })
        ).statusCode,
      ).toBe(403);
    });
  });

  describe('progress workflow', () => {
    const report = (entry: Entry, session: Session, body: object) =>
      call('PUT', `/api/entries/${entry.id}/reports/6`, session, body);

    it('shows a division editor only the entries of their division (and of every division)', async () => {
      const round = (await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6', khaeFinance)).json() as {
        entries: { entry: Entry }[];
        completeness: { nameTh: string; assigned: number }[];
      };
      const codes = round.entries.map((e) => e.entry.questionCode);
      expect(codes).toContain('I8');
      expect(codes).not.toContain('I9');
      expect(codes).toContain('I11');
      // Every division's counts are the secretariat's to read, as the page shows them.
      expect(round.completeness).toEqual([]);
      const secretariat = (await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6', khaeAdmin)).json() as typeof round;
      expect(secretariat.completeness.find((c) => c.nameTh === 'ฝ่ายการคลัง')?.assigned).toBe(8);
    });

    it("does not let a division editor touch another division's entry", async () => {
      const response = await report(entries[1]!, khaeFinance, { status: 'done', narrative: 'x' });
      expect(response.statusCode).toBe(404);
      expect((await report(entries[1]!, khaeWorks, { status: 'in-progress', narrative: 'กำลังดำเนินการ' })).statusCode).toBe(200);
    });

    it('runs submit → return → resubmit → accept → approve, locks the round, and keeps revisions', async () => {
      const entry = entries[0]!;
      expect((await report(entry, khaeFinance, { status: 'not-done', narrative: '' })).statusCode).toBe(400);
      expect((await report(entry, khaeFinance, { status: 'done', narrative: 'จัดประชุมชี้แจงงบประมาณแล้ว' })).json()).toMatchObject({
        status: 'done',
        review: 'draft',
      });
      expect((await call('POST', `/api/entries/${entry.id}/reports/6/submit`, khaeFinance)).json().review).toBe('submitted');
      expect(
        (await call('POST', `/api/entries/${entry.id}/reports/6/review`, khaeFinance, { action: 'accept' })).statusCode,
      ).toBe(403);
      const returned = await call('POST', `/api/entries/${entry.id}/reports/6/review`, khaeAdmin, {
        action: 'return',
        comment: 'กรุณาแนบภาพการประชุม',
      });
      expect(returned.json()).toMatchObject({ review: 'returned', reviewComment: 'กรุณาแนบภาพการประชุม' });
      const seen = (await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6', khaeFinance)).json() as {
        entries: { entry: Entry; report: { review: string } }[];
      };
      expect(seen.entries.find((e) => e.entry.id === entry.id)?.report.review).toBe('returned');
      await report(entry, khaeFinance, { status: 'done', narrative: 'จัดประชุมชี้แจงงบประมาณแล้ว พร้อมภาพ' });
      await call('POST', `/api/entries/${entry.id}/reports/6/submit`, khaeFinance);
      expect(
        (await call('POST', `/api/entries/${entry.id}/reports/6/review`, khaeAdmin, { action: 'accept' })).json().review,
      ).toBe('accepted');

      expect((await call('POST', '/api/agencies/bang-khae/plans/2567/rounds/6/approve', khaeAdmin)).statusCode).toBe(403);
      // Eight measures were never sent: approval says so and waits for a reason.
      const refused = await call('POST', '/api/agencies/bang-khae/plans/2567/rounds/6/approve', khaeDirector);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'round-incomplete',
        messageTh: expect.stringContaining('กรุณาระบุเหตุผล'),
      });
      expect(refused.json().error.details.unsent).toContain('I9');
      expect(
        (
          await call('POST', '/api/agencies/bang-khae/plans/2567/rounds/6/approve', khaeDirector, {
            reason: 'อนุมัติเฉพาะที่ส่งแล้ว ส่วนที่เหลือติดตามในรอบ 12 เดือน',
          })
        ).json(),
      ).toEqual({
        status: 'approved',
        revision: 1,
      });
      const lockedEdit = await report(entry, khaeAdmin, { status: 'done', narrative: 'แก้ภายหลัง' });
      expect(lockedEdit.statusCode).toBe(409);
      expect(lockedEdit.json().error.messageTh).toContain('อนุมัติแล้ว');
      expect((await report(entries[1]!, khaeWorks, { status: 'done', narrative: 'x' })).statusCode).toBe(409);

      expect((await call('POST', '/api/agencies/bang-khae/plans/2567/rounds/6/reopen', khaeAdmin)).json()).toEqual({
        status: 'open',
        revision: 2,
      });
      expect((await report(entry, khaeAdmin, { status: 'done', narrative: 'ฉบับแก้ไข' })).statusCode).toBe(200);
      const revisions = (await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6/revisions', khaeDirector)).json() as {
        revision: number;
        snapshot: { entries: { report: { narrative: string } }[] };
      }[];
      expect(revisions.map((r) => r.revision)).toEqual([1]);
      expect(JSON.stringify(revisions[0]!.snapshot)).toContain('จัดประชุมชี้แจงงบประมาณแล้ว พร้อมภาพ');
    });
  });

  describe('evidence uploads', () => {
    const upload = (entry: Entry, session: Session, data: Buffer, fileName = 'photo.jpg', extra: object = {}) =>
      call('POST', `/api/entries/${entry.id}/reports/6/evidence`, session, {
        fileName,
        contentBase64: data.toString('base64'),
        caption: 'ภาพกิจกรรม',
        ...extra,
      });

    it('re-encodes a photo without its EXIF and GPS, scaled, with a thumbnail', async () => {
      const original = await jpegWithGps();
      expect((await sharp(original).metadata()).exif).toBeDefined();
      const response = await upload(entries[0]!, khaeFinance, original, 'photo.jpg', {
        link: 'https://www.facebook.com/bangkhae/posts/1',
      });
      expect(response.statusCode, response.body).toBe(201);
      const file = response.json() as { url: string; thumbUrl: string; mime: string; width: number };
      expect(file).toMatchObject({ mime: 'image/jpeg', width: 1200 });
      const served = await app.inject({ method: 'GET', url: file.url, headers: khaeFinance.headers });
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(served.headers['content-security-policy']).toContain('sandbox');
      const metadata = await sharp(served.rawPayload).metadata();
      expect(metadata.exif).toBeUndefined();
      const thumb = await app.inject({ method: 'GET', url: file.thumbUrl, headers: khaeFinance.headers });
      expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);
      expect((await app.inject({ method: 'GET', url: file.url, headers: sueAdmin.headers })).statusCode).toBe(404);
    });

    it('rejects a wrong type, a script renamed .jpg, an oversize file and a pixel bomb, keeping nothing', async () => {
      const count = async () =>
        (
          (await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6', khaeAdmin)).json() as {
            entries: { evidence: unknown[] }[];
          }
        ).entries.flatMap((e) => e.evidence).length;
      const before = await count();
      const script = await upload(entries[0]!, khaeFinance, Buffer.from('<script>alert(1)</script>'), 'photo.jpg');
      expect(script.statusCode).toBe(422);
      expect(script.json().error.messageTh).toContain('ไม่รองรับไฟล์ชนิดนี้');
      expect(
        (await upload(entries[0]!, khaeFinance, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.svg')).statusCode,
      ).toBe(422);
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(16 * 1024 * 1024)]);
      // Over 15 MB: refused before it is read, naming the limit.
      const tooBig = await upload(entries[0]!, khaeFinance, big);
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().error.messageTh).toBe('ไฟล์ใหญ่เกิน 15 MB');
      const bomb = await sharp({ create: { width: 10000, height: 5000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
        .png({ compressionLevel: 9 })
        .toBuffer();
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const bombed = await upload(entries[0]!, khaeFinance, bomb, 'small.png');
      expect(bombed.statusCode).toBe(422);
      expect(bombed.json().error.messageTh).toContain('ความละเอียดสูงเกินไป');
      const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not really a jpeg')]);
      expect((await upload(entries[0]!, khaeFinance, broken)).statusCode).toBe(422);
      expect(await count()).toBe(before);
    });

    it('keeps a PDF as a download', async () => {
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const response = await upload(entries[0]!, khaeFinance, pdf, 'minutes.pdf');
      expect(response.statusCode).toBe(201);
      const served = await app.inject({ method: 'GET', url: response.json().url, headers: khaeFinance.headers });
      expect(served.headers['content-disposition']).toContain('attachment');
    });
  });

  describe('library and next year', () => {
    it('finds measures in Thai by words, the same question first', async () => {
      const results = (await call('GET', `/api/library?q=${encodeURIComponent('งบประมาณ')}&question=I8`, khaeAdmin)).json() as {
        questionCode: string;
        issue: string;
        measures: string[];
      }[];
      expect(results.length).toBeGreaterThan(1);
      expect(results[0]!.questionCode).toBe('I8');
      expect(results.every((r) => `${r.issue}${r.measures.join('')}`.includes('งบประมาณ'))).toBe(true);
    });

    it('shares an agency entry with everyone only after a central admin approves', async () => {
      const created = (
        await call('POST', '/api/library', khaeAdmin, {
          questionCode: 'I22',
          issue: 'มาตรการทางวินัยเฉพาะของบางแค',
          measures: ['ประชุมคณะกรรมการวินัย'],
        })
      ).json();
      const find = async (session: Session) =>
        (
          (await call('GET', `/api/library?q=${encodeURIComponent('วินัยเฉพาะของบางแค')}`, session)).json() as { id: number }[]
        ).some((r) => r.id === created.id);
      expect(await find(khaeAdmin)).toBe(true);
      expect(await find(sueAdmin)).toBe(false);
      expect((await call('POST', `/api/library/${created.id}/offer`, khaeAdmin)).json().status).toBe('pending');
      expect((await call('POST', `/api/library/${created.id}/approve`, khaeAdmin)).statusCode).toBe(403);
      const central = await login(app, 'admin@prongsai.demo');
      expect((await call('POST', `/api/library/${created.id}/approve`, central)).json().status).toBe('shared');
      expect(await find(sueAdmin)).toBe(true);
    });

    it('carries chosen entries into next year without statuses, results or evidence', async () => {
      const response = await call('POST', '/api/agencies/bang-khae/plans/2567/carry-over', khaeAdmin, {
        toYear: 2568,
        entryIds: [entries[0]!.id, entries[7]!.id],
      });
      expect(response.statusCode, response.body).toBe(200);
      const next = response.json() as { entries: (Entry & { startDate: string | null; measures: string[] })[] };
      expect(next.entries.map((e) => e.questionCode)).toEqual(['I8', 'I22']);
      expect(next.entries[0]).toMatchObject({ startDate: null, measures: ['จัดประชุมชี้แจงงบประมาณ', 'จัดทำสื่อประชาสัมพันธ์'] });
      const round = (await call('GET', '/api/agencies/bang-khae/plans/2568/rounds/6', khaeAdmin)).json() as {
        entries: { report: { status: string; narrative: string }; evidence: unknown[] }[];
      };
      expect(
        round.entries.every((e) => e.report.status === 'not-started' && e.report.narrative === '' && e.evidence.length === 0),
      ).toBe(true);
    });
  });
});
