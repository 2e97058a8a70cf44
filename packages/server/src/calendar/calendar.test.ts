import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { memoLines, MILESTONES } from '@prongsai/core';
import type { Database } from '../db/schema.js';
import { findAgency } from '../agencies/repository.js';
import { systemActor } from '../auth/policy.js';
import { fiscalYearOfDay, todayInBangkok } from '../db/database.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { makeDocument } from '../test-support/documents.js';
import { MemoService } from './memo.js';

const poppler = existsSync('/usr/bin/pdftotext');
const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/', import.meta.url));
/** A PDF's text without spaces and page numbers (pdftotext), kept beside the other documents. */
async function pdfTextOf(pdf: Buffer, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, '')
    .replace(/-[๐-๙]+-/g, '');
}
mkdirSync(OUTPUT, { recursive: true });

interface Milestone {
  milestone: string;
  nameTh: string;
  dueOn: string;
  source: string;
  done: boolean;
  state: string;
  ownerDivisionId: number | null;
}

describe.each(TEST_DATABASES)("the ITA year's calendar on $engine", (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let db: Kysely<Database>;
  let dataDir: string;
  let admin: Session;
  let finance: Session;
  const sessions = new Map<string, Session>();
  // Each account signs in once: the sign-in limit is 10 a minute per address.
  const session = async (email: string) => {
    if (!sessions.has(email)) sessions.set(email, await login(app, email));
    return sessions.get(email)!;
  };
  beforeAll(async () => {
    let handle;
    ({ app, close, db: handle, dataDir } = await demoApp(database));
    db = handle.kysely;
    admin = await login(app, 'admin@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    // Signed in once: the tests below would pass the sign-in limit of 10 a minute per address.
    for (const email of ['admin@lak-si.demo', 'finance@lak-si.demo']) sessions.set(email, await login(app, email));
  }, 60_000);
  afterAll(async () => close());

  const get = (session: Session, url: string) => app.inject({ method: 'GET', url, headers: session.headers });
  const calendar = async (session: Session, agency = 'bang-khae', year = 2567) =>
    (await get(session, `/api/agencies/${agency}/calendar/${year}`)).json() as Milestone[];
  const find = (list: Milestone[], id: string) => list.find((m) => m.milestone === id)!;

  it("takes the state of Prongsai's own steps from their records, and dates the rest by the BMA template", async () => {
    const year = await calendar(admin);
    expect(year).toHaveLength(MILESTONES.length);
    // Bang Khae's FY2567 plan exists and its OIT page is published whole: done, from the records.
    expect(find(year, 'measures-plan')).toMatchObject({ source: 'feature', done: true, state: 'done' });
    expect(find(year, 'oit-evidence')).toMatchObject({ source: 'feature', done: true });
    expect(find(year, 'oit-publication')).toMatchObject({ source: 'feature', done: true });
    // Schools' data, which no record holds, is marked by hand; FY2567's was due 15 January 2567.
    expect(find(year, 'schools-data')).toMatchObject({ source: 'manual', done: false, state: 'late', dueOn: '2024-01-15' });
    // A division editor reads the year too.
    expect(await calendar(finance)).toHaveLength(MILESTONES.length);
  });

  it('marks the plan made only once no entry is left blank', async () => {
    const secretariat = await session('admin@phasi-charoen.demo');
    const created = await app.inject({
      method: 'POST',
      url: '/api/agencies/phasi-charoen/plans/2568',
      headers: secretariat.headers,
      payload: { mode: 'weak-points' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const entries = created.json().entries as { id: number; version: number; issue: string; measures: string[] }[];
    const blank = entries.filter((e) => e.measures.length === 0 && e.issue === '');
    expect(blank.length).toBeGreaterThan(0);
    expect(find(await calendar(secretariat, 'phasi-charoen', 2568), 'measures-plan')).toMatchObject({ done: false });
    for (const entry of blank) {
      const written = await app.inject({
        method: 'PATCH',
        url: `/api/entries/${entry.id}`,
        headers: secretariat.headers,
        payload: { measures: ['ประชุมชี้แจงเจ้าหน้าที่ทุกฝ่าย'], version: entry.version },
      });
      expect(written.statusCode, written.body).toBe(200);
    }
    expect(find(await calendar(secretariat, 'phasi-charoen', 2568), 'measures-plan')).toMatchObject({ done: true });
  });

  it('lets the secretariat date, assign and mark its milestones, but never mark one a record tells', async () => {
    const put = (session: Session, id: string, payload: object) =>
      app.inject({ method: 'PUT', url: `/api/agencies/bang-khae/calendar/2567/${id}`, headers: session.headers, payload });
    expect((await put(finance, 'schools-data', { done: true })).statusCode).toBe(403);
    expect((await put(admin, 'measures-plan', { done: false })).statusCode).toBe(400);
    const divisions = (await get(admin, '/api/agencies/bang-khae/divisions')).json() as { id: number; nameTh: string }[];
    const education = divisions.find((d) => d.nameTh === 'ฝ่ายการศึกษา')!.id;
    const marked = (
      await put(admin, 'schools-data', { done: true, dueOn: '2024-01-20', ownerDivisionId: education })
    ).json() as Milestone[];
    expect(find(marked, 'schools-data')).toMatchObject({
      done: true,
      state: 'done',
      dueOn: '2024-01-20',
      ownerDivisionId: education,
    });
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/agencies/bang-khae/calendar/2567/schools-data',
          headers: (await session('admin@bang-sue.demo')).headers,
          payload: { done: false },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('tells each caller what they may do with the year: the secretariat and central admins date it, a division editor has its feed', async () => {
    const [director, central, lakSi] = [
      await session('director@bang-khae.demo'),
      await session('admin@prongsai.demo'),
      await session('admin@lak-si.demo'),
    ];
    const abilities = async (who: Session, agency = 'bang-khae') =>
      (
        (await get(who, `/api/agencies/${agency}/calendar/2567`)).json() as { can: { update: boolean; feed: number | null } }[]
      ).map((m) => m.can);
    const financeId = (
      await db.selectFrom('users').select('division_id').where('email', '=', 'finance@bang-khae.demo').executeTakeFirstOrThrow()
    ).division_id;
    expect(financeId).not.toBeNull();
    expect(new Set((await abilities(admin)).map((c) => JSON.stringify(c)))).toEqual(
      new Set([JSON.stringify({ update: true, feed: 0 })]),
    );
    expect((await abilities(central))[0]).toEqual({ update: true, feed: 0 });
    expect((await abilities(finance))[0]).toEqual({ update: false, feed: financeId });
    expect((await abilities(director))[0]).toEqual({ update: false, feed: null });
    // Another agency's secretariat does not read Bang Khae's year at all; its own it dates.
    expect((await get(lakSi, '/api/agencies/bang-khae/calendar/2567')).statusCode).toBe(404);
    expect((await abilities(lakSi, 'lak-si'))[0]).toEqual({ update: true, feed: 0 });
    // The memos say the same: the secretariat writes and issues them, a division editor reads them.
    const memoAbilities = async (who: Session) =>
      ((await get(who, '/api/agencies/bang-khae/memos/2567')).json() as { can: { edit: boolean } }[]).map((m) => m.can.edit);
    expect(await memoAbilities(admin)).toEqual([true, true]);
    expect(await memoAbilities(finance)).toEqual([false, false]);
    expect(await memoAbilities(director)).toEqual([false, false]);
    // What the year offers is what the server accepts: the division editor's change is refused.
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/agencies/bang-khae/calendar/2567/schools-data',
      headers: finance.headers,
      payload: { done: true },
    });
    expect(refused.statusCode).toBe(403);
  });

  it("takes a central admin's dates for a year, NACC's periods among them, and shows who is late city-wide", async () => {
    const central = await session('admin@prongsai.demo');
    const body = [{ milestone: 'nacc-survey', startsOn: '2025-04-10', dueOn: '2025-07-15' }];
    expect(
      (await app.inject({ method: 'PUT', url: '/api/calendar/2568/defaults', headers: admin.headers, payload: body })).statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'PUT', url: '/api/calendar/2568/defaults', headers: central.headers, payload: body }))
        .statusCode,
    ).toBe(204);
    expect(find(await calendar(admin, 'bang-khae', 2568), 'nacc-survey')).toMatchObject({ dueOn: '2025-07-15' });
    type LatePage = {
      total: number;
      rows: { milestone: string; agency: { slug: string }; dueOn: string; state: string }[];
      milestones: { milestone: string; late: number; dueSoon: number }[];
    };
    const lateOf = async (year: number, query = '', limit = 200) =>
      (await get(central, `/api/calendar/${year}/late?limit=${limit}${query}`)).json() as LatePage;
    const late = await lateOf(2567, '&state=late');
    expect(late.rows.every((r) => r.state === 'late')).toBe(true);
    const slugsOf = async (milestone: string) => {
      const page = await lateOf(2567, `&state=late&milestone=${milestone}`);
      expect(page.rows.every((r) => r.milestone === milestone)).toBe(true);
      return page.rows.map((r) => r.agency.slug);
    };
    const schools = await slugsOf('schools-data');
    expect(schools).toContain('bang-sue');
    expect(schools).not.toContain('bang-khae');
    expect(await slugsOf('oit-publication')).not.toContain('bang-khae');
    // The counts per milestone are of every agency, the page of a few.
    const schoolsOnly = await lateOf(2567, '&state=late&milestone=schools-data', 2);
    expect(schoolsOnly.rows.length).toBeLessThanOrEqual(2);
    expect(schoolsOnly.total).toBe(late.milestones.find((m) => m.milestone === 'schools-data')!.late);
    // NACC's own windows are no district's lateness, and stay over once they have closed.
    expect(late.milestones.map((l) => l.milestone)).not.toContain('nacc-survey');
    expect(late.milestones.map((l) => l.milestone)).not.toContain('nacc-oit');
    expect(find(await calendar(admin, 'bang-khae', 2567), 'nacc-survey')).toMatchObject({ state: 'done' });
    // What is due soon is listed beside what is late.
    const today = todayInBangkok();
    const current = fiscalYearOfDay(today);
    const inFiveDays = new Date(Date.parse(`${today}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    await app.inject({
      method: 'PUT',
      url: `/api/calendar/${current}/defaults`,
      headers: central.headers,
      payload: [{ milestone: 'progress-12', startsOn: null, dueOn: inFiveDays }],
    });
    const dueSoon = (await lateOf(current, '&state=due-soon&milestone=progress-12')).rows;
    expect(dueSoon.length).toBeGreaterThan(0);
    expect(dueSoon.every((d) => d.dueOn === inFiveDays)).toBe(true);
    expect((await get(admin, '/api/calendar/2567/late')).statusCode).toBe(403);
    // The same list downloads, filtered by milestone, as CSV and as XLSX.
    const csv = await get(central, '/api/calendar/2567/late?format=csv&milestone=schools-data');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('milestone,milestone_th,agency,agency_th,due_on,days_late');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[2])
        .sort(),
    ).toEqual([...schools].sort());
    expect(lines.slice(1).every((l) => l.startsWith('schools-data,'))).toBe(true);
    const xlsx = await get(central, '/api/calendar/2567/late?format=xlsx&milestone=schools-data');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(lines.length);
    expect(sheet.getRow(2).getCell(5).value).toBe('2024-01-15');
    expect(Number(sheet.getRow(2).getCell(6).value)).toBeGreaterThan(0);
  });

  it("lists each person's tasks by role, never another division's or agency's", async () => {
    const tasks = async (email: string, agency: string) =>
      (await get(await session(email), `/api/agencies/${agency}/tasks/2567`)).json() as {
        kind: string;
        title: string;
        late: boolean;
        href: string;
      }[];
    const editor = await tasks('finance@lak-si.demo', 'lak-si');
    expect(editor.filter((t) => t.kind === 'oit-evidence').map((t) => t.title)).toEqual([
      'ส่งหลักฐาน OIT ข้อ O5',
      'ส่งหลักฐาน OIT ข้อ O6',
      'ส่งหลักฐาน OIT ข้อ O7',
      'ส่งหลักฐาน OIT ข้อ O8',
    ]);
    expect(editor.every((t) => t.late)).toBe(true);
    const secretariat = await tasks('admin@lak-si.demo', 'lak-si');
    expect(secretariat.filter((t) => t.kind === 'oit-review').map((t) => t.title)).toEqual(['ตรวจหลักฐาน OIT ข้อ O1']);
    expect(secretariat.some((t) => t.kind === 'milestone' && t.late)).toBe(true);
    // Who is late: the secretariat sees each division that owes past its date, with what it owes.
    const lateDivisions = secretariat.filter((t) => t.kind === 'division-late').map((t) => t.title);
    expect(lateDivisions).toContain('ฝ่ายการคลัง ยังไม่ส่งหลักฐาน OIT ที่เลยกำหนด 4 ข้อ (O5, O6, O7, O8)');
    expect(editor.map((t) => t.kind)).not.toContain('division-late');
    expect((await tasks('director@din-daeng.demo', 'din-daeng')).map((t) => t.kind)).toContain('oit-approve');
    expect((await tasks('director@bang-khae.demo', 'bang-khae')).map((t) => t.kind)).not.toContain('oit-approve');
    expect((await get(await session('finance@lak-si.demo'), '/api/agencies/bang-khae/tasks/2567')).statusCode).toBe(404);
    // Links land on the item, not at the top of the page.
    expect(editor.find((t) => t.title === 'ส่งหลักฐาน OIT ข้อ O5')).toMatchObject({
      href: '/a/lak-si/disclosure?year=2567#oit-item-O5',
    });
  });

  it('lists the secretariat every step under way in the current year, not only late ones, and no NACC window', async () => {
    const today = todayInBangkok();
    const current = fiscalYearOfDay(today);
    const secretariat = await session('admin@phasi-charoen.demo');
    const steps = await calendar(secretariat, 'phasi-charoen', current);
    const underWay = steps.filter(
      (s) => ['open', 'due-soon', 'late'].includes(s.state) && !['nacc-survey', 'nacc-oit'].includes(s.milestone),
    );
    const titles = ((await get(secretariat, `/api/agencies/phasi-charoen/tasks/${current}`)).json() as { title: string }[]).map(
      (t) => t.title,
    );
    for (const step of underWay) expect(titles.some((t) => t.startsWith(step.nameTh))).toBe(true);
    expect(titles.some((t) => t.includes('ระบบของสำนักงาน ป.ป.ช.'))).toBe(false);
  });

  it.runIf(poppler)(
    "prints each division what it still owes, one a page, and a division editor's sheet holds only theirs",
    async () => {
      const text = async (email: string, name: string, format: 'pdf' | 'docx' = 'pdf') => {
        const bytes = await makeDocument(app, await session(email), 'lak-si', { kind: 'tasks', format, year: 2567 });
        const file = join(OUTPUT, `tasks-${name}-lak-si-2567-${database.engine}.${format}`);
        writeFileSync(file, bytes);
        return format === 'pdf'
          ? execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/[ \t\n]+/g, '')
          : '';
      };
      const all = await text('admin@lak-si.demo', 'secretariat');
      const pages = all.split('\f').filter((p) => p !== '');
      const finance = pages.find((p) => p.includes('ฝ่ายการคลัง'))!;
      for (const code of ['O5', 'O6', 'O7', 'O8']) expect(finance).toContain(`หลักฐานOITข้อ${code}`);
      expect(finance).toContain('(เลยกำหนด)');
      expect(finance).not.toContain('ข้อO11');
      expect(pages.find((p) => p.includes('ฝ่ายโยธา'))).toContain('ข้อO11');
      // The sheet writes its numbers in Thai digits, the progress rounds among them.
      const rounds = await makeDocument(app, await session('admin@phasi-charoen.demo'), 'phasi-charoen', {
        kind: 'tasks',
        format: 'pdf',
        year: 2567,
      });
      const roundsFile = join(OUTPUT, `tasks-secretariat-phasi-charoen-2567-${database.engine}.pdf`);
      writeFileSync(roundsFile, rounds);
      const roundsText = execFileSync('pdftotext', ['-raw', roundsFile, '-'], { encoding: 'utf8' }).replace(/[ \t\n]+/g, '');
      expect(roundsText).toMatch(/รายงานความก้าวหน้ารอบ[๖๑๒]+เดือน/);
      expect(roundsText).not.toMatch(/รอบ[0-9]+เดือน/);
      const own = await text('finance@lak-si.demo', 'finance');
      expect(own).toContain('ฝ่ายการคลัง');
      expect(own).toContain('หลักฐานOITข้อO5');
      expect(own).not.toContain('ฝ่ายโยธา');
      expect(own).not.toContain('O11');
      const docx = await makeDocument(app, await session('admin@lak-si.demo'), 'lak-si', {
        kind: 'tasks',
        format: 'docx',
        year: 2567,
      });
      expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    },
  );

  it('serves a secret iCalendar feed per agency and per division, that a library reads and that can be revoked', async () => {
    const made = await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/calendar/feeds',
      headers: admin.headers,
      payload: { divisionId: 0, year: 2567 },
    });
    expect(made.statusCode, made.body).toBe(201);
    const path = new URL(made.json().url).pathname;
    const feed = await app.inject({ method: 'GET', url: path });
    expect(feed.headers['content-type']).toContain('text/calendar');
    const events = Object.values(ical.sync.parseICS(feed.body)).filter((e) => e.type === 'VEVENT');
    expect(events).toHaveLength(MILESTONES.length);
    expect(events.map((e) => (e as { summary: string }).summary)).toContain('กำหนดส่ง: คำสั่งแต่งตั้งคณะกรรมการ ITA');
    // A division's own feed, made by its editor, holds the OIT items it owes.
    const laksiFinance = await session('finance@lak-si.demo');
    const divisions = (await get(laksiFinance, '/api/agencies/lak-si/divisions')).json() as { id: number; nameTh: string }[];
    const financeId = divisions.find((d) => d.nameTh === 'ฝ่ายการคลัง')!.id;
    const works = divisions.find((d) => d.nameTh === 'ฝ่ายโยธา')!.id;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/agencies/lak-si/calendar/feeds',
          headers: laksiFinance.headers,
          payload: { divisionId: works, year: 2567 },
        })
      ).statusCode,
    ).toBe(403);
    const own = await app.inject({
      method: 'POST',
      url: '/api/agencies/lak-si/calendar/feeds',
      headers: laksiFinance.headers,
      payload: { divisionId: financeId, year: 2567 },
    });
    const divisionFeed = await app.inject({ method: 'GET', url: new URL(own.json().url).pathname });
    const summaries = Object.values(ical.sync.parseICS(divisionFeed.body))
      .filter((e) => e.type === 'VEVENT')
      .map((e) => (e as { summary: string }).summary);
    expect(summaries.filter((s) => s.startsWith('ส่งหลักฐาน OIT'))).toEqual([
      'ส่งหลักฐาน OIT ข้อ O5',
      'ส่งหลักฐาน OIT ข้อ O6',
      'ส่งหลักฐาน OIT ข้อ O7',
      'ส่งหลักฐาน OIT ข้อ O8',
    ]);
    // Revoked, or replaced by a new one, the old URL stops working.
    await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/calendar/feeds',
      headers: admin.headers,
      payload: { divisionId: 0, year: 2567 },
    });
    expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    await app.inject({
      method: 'DELETE',
      url: `/api/agencies/lak-si/calendar/feeds/${financeId}`,
      headers: laksiFinance.headers,
    });
    expect((await app.inject({ method: 'GET', url: new URL(own.json().url).pathname })).statusCode).toBe(404);
  });

  it.runIf(poppler)(
    "makes both memos that open the year from the agency's own dates; each PDF reads as the memo's text",
    async () => {
      await app.inject({
        method: 'PUT',
        url: '/api/agencies/bang-khae/calendar/2568/oit-evidence',
        headers: admin.headers,
        payload: { dueOn: '2025-03-28' },
      });
      const agency = (await findAgency(db, 'bang-khae'))!;
      const memos = new MemoService(db);
      const pdfText = (file: string) =>
        execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
          .replace(/\s+/g, '')
          .replace(/-[๐-๙]+-/g, '');
      for (const kind of ['collection', 'schools'] as const) {
        const pdf = await makeDocument(app, admin, 'bang-khae', { kind: 'memo', memoKind: kind, format: 'pdf', year: 2568 });
        const file = join(OUTPUT, `memo-${kind}-bang-khae-2568-${database.engine}.pdf`);
        writeFileSync(file, pdf);
        const model = await memos.model(systemActor(agency.id), agency, 2568, kind, dataDir);
        // The page numbers are the only text the memo's own lines do not hold.
        expect(pdfText(file)).toBe(memoLines(model).join('').replace(/\s+/g, ''));
      }
      const collection = pdfText(join(OUTPUT, `memo-collection-bang-khae-2568-${database.engine}.pdf`));
      expect(collection).toContain('ภายในวันที่๒๘มีนาคม๒๕๖๘');
      expect(collection).toContain('ภายในวันที่๓๑พฤษภาคม๒๕๖๘');
      // The framework's weights: FY2568 has none of its own, so FY2567's are stated.
      expect(collection).toContain('ถ่วงน้ำหนักร้อยละ๔๐');
      expect(pdfText(join(OUTPUT, `memo-schools-bang-khae-2568-${database.engine}.pdf`))).toContain('ภายในวันที่๑๕มกราคม๒๕๖๘');
      // FY2568 assigns the education division nothing yet: the schools memo lists FY2567's items, and says so.
      const drafts = (await get(admin, '/api/agencies/bang-khae/memos/2568')).json() as {
        kind: string;
        warnings: { code: string; blocking: boolean }[];
        document: { date: string; blocks: { kind: string; text?: string }[] };
      }[];
      const schools = drafts.find((m) => m.kind === 'schools')!;
      expect(schools.warnings).toEqual([expect.objectContaining({ code: 'oit-items-from-earlier-year', blocking: false })]);
      expect(schools.document.blocks.some((b) => b.text?.startsWith('๓.๑ หัวข้อ O'))).toBe(true);
      // Undated, a past year's memo takes the day its memos were due to start, not today.
      expect(schools.document.date).toBe('๑ ธันวาคม ๒๕๖๗');
      // A district whose education division has no OIT item in any year: the memo is not issued, and the editor says why.
      const central = await session('admin@prongsai.demo');
      const other = ((await get(central, '/api/agencies')).json() as { slug: string }[]).find(
        (a) => !['bang-khae', 'bang-sue', 'din-daeng', 'phasi-charoen', 'lak-si'].includes(a.slug),
      )!.slug;
      const bare = ((await get(central, `/api/agencies/${other}/memos/2568`)).json() as typeof drafts).find(
        (m) => m.kind === 'schools',
      )!;
      expect(bare.warnings.map((w) => [w.code, w.blocking])).toContainEqual(['no-oit-items', true]);
      await app.inject({
        method: 'PUT',
        url: `/api/agencies/${other}/memos/2568/schools`,
        headers: central.headers,
        payload: { number: 'กท 9001/1', date: '2026-12-05' },
      });
      const refusedIssue = await app.inject({
        method: 'PUT',
        url: `/api/agencies/${other}/memos/2568/schools/issued`,
        headers: central.headers,
        payload: { issued: true },
      });
      expect(refusedIssue.statusCode).toBe(422);
      expect((refusedIssue.json() as { error: { code: string; messageTh: string } }).error).toMatchObject({
        code: 'memo-no-oit-items',
        messageTh: expect.stringContaining('ยังไม่มีข้อ OIT ที่มอบหมายให้ฝ่ายการศึกษา'),
      });
      const dated = ((await get(central, `/api/agencies/${other}/memos/2568`)).json() as typeof drafts).find(
        (m) => m.kind === 'schools',
      )!;
      expect(dated.warnings.map((w) => w.code)).toContain('date-outside-year');

      // Until a memo is kept in Prongsai, the secretariat marks the step (memos kept in an e-document system).
      const memoMilestone = async () =>
        ((await calendar(admin, 'bang-khae', 2568)) as Milestone[]).find((m) => m.milestone === 'memos')!;
      expect((await memoMilestone()).source).toBe('manual');

      // The secretariat writes in the memo's own lines, and they are kept.
      const saved = await app.inject({
        method: 'PUT',
        url: '/api/agencies/bang-khae/memos/2568/collection',
        headers: admin.headers,
        payload: {
          number: 'กท 7001/125',
          phone: '6008 - 6009',
          signers: [{ name: 'นางสาวอรอุมา แก้วอินทร์', titles: ['หัวหน้าฝ่ายปกครอง'] }],
          instructions: ['ให้ทุกฝ่ายส่งข้อมูลภายในวันที่ 28 มีนาคม 2568'],
        },
      });
      expect(saved.statusCode).toBe(200);
      const view = (saved.json() as { kind: string; outdated: boolean; document: { number: string; section: string } }[])[0]!;
      expect(view.document.number).toBe('กท ๗๐๐๑/๑๒๕');
      expect(view.document.section).toBe('ฝ่ายปกครอง สำนักงานเขตบางแค โทร. ๖๐๐๘ - ๖๐๐๙');
      expect(view.outdated).toBe(false);
      const filled = join(OUTPUT, `memo-filled-${database.engine}.pdf`);
      writeFileSync(filled, await makeDocument(app, admin, 'bang-khae', { kind: 'memo', format: 'pdf', year: 2568 }));
      expect(pdfText(filled)).toContain('ที่กท๗๐๐๑/๑๒๕');
      expect(pdfText(filled)).toContain('(นางสาวอรอุมาแก้วอินทร์)');
      expect(pdfText(filled)).toContain('๑.ให้ทุกฝ่ายส่งข้อมูลภายในวันที่๒๘มีนาคม๒๕๖๘');
      // Moving a date the rewritten instructions came from tells the editor.
      await app.inject({
        method: 'PUT',
        url: '/api/agencies/bang-khae/calendar/2568/oit-evidence',
        headers: admin.headers,
        payload: { dueOn: '2025-03-27' },
      });
      const listed = (await get(admin, '/api/agencies/bang-khae/memos/2568')).json() as { outdated: boolean }[];
      expect(listed[0]!.outdated).toBe(true);
      // Saving other lines with the same rewritten instructions keeps the warning.
      const resaved = await app.inject({
        method: 'PUT',
        url: '/api/agencies/bang-khae/memos/2568/collection',
        headers: admin.headers,
        payload: { number: 'กท 7001/126', instructions: ['ให้ทุกฝ่ายส่งข้อมูลภายในวันที่ 28 มีนาคม 2568'] },
      });
      expect((resaved.json() as { outdated: boolean }[])[0]!.outdated).toBe(true);

      // A division editor may read the memos but not write them.
      expect((await get(finance, '/api/agencies/bang-khae/memos/2568')).statusCode).toBe(200);
      const refused = await app.inject({
        method: 'PUT',
        url: '/api/agencies/bang-khae/memos/2568/collection',
        headers: finance.headers,
        payload: { number: 'x' },
      });
      expect(refused.statusCode).toBe(403);

      // Issued memos are locked, and the memo milestone is done once both are.
      const issue = (kind: string, issued: boolean) =>
        app.inject({
          method: 'PUT',
          url: `/api/agencies/bang-khae/memos/2568/${kind}/issued`,
          headers: admin.headers,
          payload: { issued },
        });
      expect((await issue('schools', true)).statusCode).toBe(422);
      await app.inject({
        method: 'PUT',
        url: '/api/agencies/bang-khae/memos/2568/schools',
        headers: admin.headers,
        payload: { number: 'กท 7007/1302', date: '2024-12-20' },
      });
      expect((await issue('schools', true)).statusCode).toBe(200);
      expect((await memoMilestone()).done).toBe(false);
      expect((await issue('collection', true)).statusCode).toBe(200);
      expect(await memoMilestone()).toMatchObject({ done: true, source: 'feature' });
      const locked = await app.inject({
        method: 'PUT',
        url: '/api/agencies/bang-khae/memos/2568/collection',
        headers: admin.headers,
        payload: { number: 'กท 7001/999' },
      });
      expect(locked.statusCode).toBe(409);
      expect((locked.json() as { error: { messageTh: string } }).error.messageTh).toContain('ยกเลิกการออกเลข');
      expect((await issue('collection', false)).statusCode).toBe(200);
      expect((await memoMilestone()).done).toBe(false);
      const audit = await db.selectFrom('audit_log').select('action').where('entity', '=', 'memo').execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['update', 'issue', 'reopen']));

      const docx = await makeDocument(app, admin, 'bang-khae', { kind: 'memo', memoKind: 'schools', format: 'docx', year: 2568 });
      writeFileSync(join(OUTPUT, `memo-schools-bang-khae-2568-${database.engine}.docx`), docx);
      expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    },
  );
  it.runIf(poppler)('an issued memo prints what it said when issued; a draft follows the calendar', async () => {
    const pdfText = async (kind: 'collection' | 'schools') =>
      await pdfTextOf(
        await makeDocument(app, admin, 'bang-khae', { kind: 'memo', memoKind: kind, format: 'pdf', year: 2568 }),
        `memo-issued-${kind}-${database.engine}`,
      );
    const issue = (kind: string, issued: boolean) =>
      app.inject({
        method: 'PUT',
        url: `/api/agencies/bang-khae/memos/2568/${kind}/issued`,
        headers: admin.headers,
        payload: { issued },
      });
    const view = async () =>
      (await get(admin, '/api/agencies/bang-khae/memos/2568')).json() as {
        kind: string;
        outdated: boolean;
        document: unknown;
        issuedAt: string | null;
      }[];
    await app.inject({
      method: 'PUT',
      url: '/api/agencies/bang-khae/memos/2568/collection',
      headers: admin.headers,
      payload: { number: 'กท 0001/2568' },
    });
    const may31 = (await calendar(admin, 'bang-khae', 2568)).find((m) => m.dueOn === '2025-05-31')!;
    expect(may31, 'a milestone on 31 May 2025').toBeDefined();
    expect(await pdfText('collection')).toContain('๓๑พฤษภาคม๒๕๖๘');
    expect((await issue('collection', true)).statusCode).toBe(200);
    const issued = (await view()).find((m) => m.kind === 'collection')!;
    expect(issued.issuedAt).not.toBeNull();
    expect(JSON.stringify(issued.document)).toContain('๓๑ พฤษภาคม ๒๕๖๘');
    // The calendar moves after the memo went out: the memo still says what it said.
    const moved = await app.inject({
      method: 'PUT',
      url: `/api/agencies/bang-khae/calendar/2568/${may31.milestone}`,
      headers: admin.headers,
      payload: { dueOn: '2025-05-20' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // So does the year's own framework, loaded after it went out (other weights than FY2567's).
    const framework = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../../frameworks/bma-district-2567.json', import.meta.url)), 'utf8'),
    ) as {
      id: string;
      fiscalYears: number[];
      tools: { code: string; weight: number }[];
    };
    framework.id = 'bma-district-2568-memo';
    framework.fiscalYears = [2568];
    for (const tool of framework.tools) tool.weight = tool.code === 'IIT' ? 40 : tool.code === 'OIT' ? 30 : tool.weight;
    const central = await session('admin@prongsai.demo');
    const loaded = await app.inject({
      method: 'POST',
      url: '/api/frameworks',
      headers: central.headers,
      payload: {
        fileName: 'bma-district-2568-memo.json',
        contentBase64: Buffer.from(JSON.stringify(framework)).toString('base64'),
      },
    });
    expect(loaded.statusCode, loaded.body).toBe(201);
    const after = (await view()).find((m) => m.kind === 'collection')!;
    expect(after.document).toEqual(issued.document);
    expect(after).toMatchObject({ frameworkId: 'bma-district-2567' });
    expect(after.outdated).toBe(false);
    const printed = await pdfText('collection');
    expect(printed).toContain('๓๑พฤษภาคม๒๕๖๘');
    expect(printed).not.toContain('๒๐พฤษภาคม๒๕๖๘');
    // Reopened, it is a draft again and follows the calendar; issued anew, it keeps the new date.
    expect((await issue('collection', false)).statusCode).toBe(200);
    const reopened = (await view()).find((m) => m.kind === 'collection')! as { document: unknown; frameworkId: string };
    expect(JSON.stringify(reopened.document)).toContain('๒๐ พฤษภาคม ๒๕๖๘');
    expect(reopened.frameworkId).toBe('bma-district-2568-memo');
    expect(await pdfText('collection')).toContain('๒๐พฤษภาคม๒๕๖๘');
    expect((await issue('collection', true)).statusCode).toBe(200);
    await app.inject({
      method: 'PUT',
      url: `/api/agencies/bang-khae/calendar/2568/${may31.milestone}`,
      headers: admin.headers,
      payload: { dueOn: '2025-05-31' },
    });
    expect(await pdfText('collection')).toContain('๒๐พฤษภาคม๒๕๖๘');
    expect((await issue('collection', false)).statusCode).toBe(200);
  });
});
