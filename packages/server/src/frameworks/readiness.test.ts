import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentFiscalYear } from '../demo/current-year.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { loadFramework } from './registry.js';
import { frameworkToWorkbook, workbookToFramework } from './workbook.js';

interface Missing {
  part: string;
  th: string;
  en: string;
}
interface Readiness {
  feature: string;
  ready: boolean;
  missing: Missing[];
  fixedBy: string;
}
interface Listed {
  id: string;
  fiscalYears: number[];
  agencyKinds: string[];
  provisional: boolean;
  notice: { th: string; en: string } | null;
  provenance: { sources: { id: string; kind: string; citation: string; gave: string }[]; unknowns: string[]; confirmedBy: string | null };
  readiness: Readiness[];
}

const NOTICE = 'ชั่วคราว — ยังไม่ได้ยืนยันกับคู่มือของ ป.ป.ช.';
const MAIN_ROUND_KINDS = ['department', 'province', 'pao', 'municipality', 'sao'];

describe.each(TEST_DATABASES)('readiness and provenance of the ITA sets on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let central: Session;
  let admin: Session;

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
    admin = await login(app, 'admin@bang-khae.demo');
  }, 60_000);
  afterAll(async () => close());

  const get = (session: Session | null, url: string) => app.inject({ method: 'GET', url, headers: session?.headers ?? {} });

  it('names every missing part of the shipped FY2567 set, for every feature, to anyone signed in', async () => {
    expect((await get(null, '/api/frameworks/bma-district-2567/readiness')).statusCode).toBe(401);
    expect((await get(admin, '/api/frameworks/no-such-set/readiness')).statusCode).toBe(404);
    const response = await get(admin, '/api/frameworks/bma-district-2567/readiness');
    expect(response.statusCode).toBe(200);
    const readiness = response.json() as Readiness[];
    const items = (r: string) => `${r}: ไม่มีข้อย่อยและมาตรวัด`;
    const labels = (r: string) => `${r}: มีเพียงข้อความย่อของคำถาม ไม่ใช่ถ้อยคำเต็ม`;
    const unnamed = 'O1, O2, O4–O18, O20–O22: ไม่มีชื่อข้อ';
    const onlyScores = 'นำเข้าได้เฉพาะคะแนนรายข้อคำถาม ไม่ใช่สัดส่วนคำตอบรายข้อย่อย';
    expect(readiness.map((r) => [r.feature, r.ready, r.fixedBy, r.missing.map((m) => m.th)])).toEqual([
      ['scoring', false, 'central-admin', ['OIT: น้ำหนักตัวชี้วัด 9 : 10 = 3 : 1 เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน']],
      ['results-import', false, 'central-admin', [`${items('I1–I12')} ${onlyScores}`, `${items('E1–E6')} ${onlyScores}`]],
      ['oit', false, 'central-admin', [unnamed]],
      ['surveys', false, 'central-admin', [items('I1–I12'), labels('I1, I2, I4–I6, I11, I12'), items('E1–E6'), labels('E1–E4, E6')]],
      [
        'documents',
        false,
        'central-admin',
        [items('I1–I12'), labels('I1, I2, I4–I6, I11, I12'), items('E1–E6'), labels('E1–E4, E6'), unnamed],
      ],
      ['memo', true, 'central-admin', []],
    ]);
    expect(readiness.find((r) => r.feature === 'oit')!.missing).toEqual([
      { part: 'O1, O2, O4–O18, O20–O22', th: unnamed, en: 'O1, O2, O4–O18, O20–O22: no item names' },
    ]);
    // The FY2566 set lacks nothing.
    expect(((await get(admin, '/api/frameworks/bma-district-2566/readiness')).json() as Readiness[]).every((r) => r.ready)).toBe(true);
  });

  it('lists every set with its provenance, its readiness and, for a provisional one, the notice', async () => {
    const response = await get(central, '/api/frameworks');
    expect(response.statusCode).toBe(200);
    const listed = new Map((response.json() as Listed[]).map((f) => [f.id, f]));
    expect([...listed.keys()]).toEqual(expect.arrayContaining(['bma-district-2566', 'bma-district-2567', 'nacc-main-2568', 'nacc-main-2569']));
    for (const id of ['bma-district-2566', 'bma-district-2567']) {
      const set = listed.get(id)!;
      expect([set.provisional, set.notice, set.agencyKinds], id).toEqual([false, null, ['district']]);
      expect(set.provenance.sources.map((s) => s.kind), id).toContain('seed');
    }
    for (const id of ['nacc-main-2568', 'nacc-main-2569']) {
      const set = listed.get(id)!;
      expect([set.provisional, set.notice?.th, set.agencyKinds, set.provenance.confirmedBy], id).toEqual([true, NOTICE, MAIN_ROUND_KINDS, null]);
      expect(set.provenance.sources.find((s) => s.kind === 'transcription')?.citation, id).toContain(
        'GitHub rtrdasmartrailway/web-app-rtrda, src/lib/wp/ita-headings-override.ts',
      );
      expect(set.provenance.unknowns.length, id).toBeGreaterThanOrEqual(5);
      expect(set.readiness.find((r) => r.feature === 'oit')!.missing.map((m) => m.th), id).toEqual(['O2, O5–O7: ไม่มีชื่อข้อ']);
    }
    expect(listed.get('bma-district-2567')!.readiness.find((r) => r.feature === 'oit')!.missing[0]!.part).toBe('O1, O2, O4–O18, O20–O22');

    // The set itself shows the same, with a source for each text.
    const set = (await get(admin, '/api/frameworks/nacc-main-2569')).json() as Listed & {
      tools: { indicators: { units: { code: string; text: string | null; source: string | null }[] }[] }[];
    };
    expect([set.provisional, set.notice?.th]).toEqual([true, NOTICE]);
    const o25 = set.tools[2]!.indicators.flatMap((i) => i.units).find((u) => u.code === 'O25')!;
    expect(o25).toMatchObject({ text: 'การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร' });
    expect(o25.source).toMatch(/^rtrda-transcription \(FY2569 column\)/);
    const i1 = ((await get(admin, '/api/frameworks/bma-district-2567')).json() as typeof set).tools[0]!.indicators[0]!.units[0]!;
    expect(i1).toMatchObject({ code: 'I1', source: 'seed-004 line 22' });
  });

  it("never gives a district a main-round set: FY2568 and FY2569 keep what they had", async () => {
    // No district set covers FY2568 yet: opening the OIT checklist asks for one, as before.
    const open = (year: number, payload: object = {}) =>
      app.inject({ method: 'POST', url: `/api/agencies/bang-khae/oit/${year}`, headers: admin.headers, payload });
    // Years before the current one: the demo's current year has its own provisional set.
    const earlier = [2568, 2569, 2570].filter((year) => year < currentFiscalYear());
    for (const year of earlier) {
      const refused = await open(year);
      expect(refused.statusCode, String(year)).toBe(400);
      expect(refused.json().error.messageTh).toBe(`ไม่มีชุดคำถามสำหรับปีงบประมาณ ${year} ของสำนักงานเขต (กรุงเทพมหานคร) กรุณาเลือกชุดคำถาม`);
    }
    // Naming it does not help: it is for departments, provinces and local administrations.
    const named = await open(2568, { framework: 'nacc-main-2568' });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.messageTh).toContain('ไม่ใช่สำนักงานเขต');
    expect(named.json().error.messageTh).toContain('ใช้กับส่วนราชการระดับกรม จังหวัด');
    const oit = (await get(admin, '/api/agencies/bang-khae/oit')).json() as { openable: number[] };
    expect(oit.openable).not.toContain(2568);
    expect(oit.openable).not.toContain(2569);
    // The year's memos still state FY2567's tools and weights, marked as an earlier year's.
    for (const year of earlier) {
      const memos = (await get(admin, `/api/agencies/bang-khae/memos/${year}`)).json() as { frameworkId: string; frameworkFromEarlierYear: boolean }[];
      expect(
        memos.map((m) => [m.frameworkId, m.frameworkFromEarlierYear]),
        String(year),
      ).toEqual(memos.map(() => ['bma-district-2567', true]));
    }
  });
});

describe('a provisional set as a workbook', () => {
  it('keeps its kinds of agency and provenance, so a revision made in Excel never becomes a district set', async () => {
    const data = loadFramework('nacc-main-2568').data as unknown as Record<string, unknown>;
    const read = await workbookToFramework(await frameworkToWorkbook(data), 'nacc-main-2568.xlsx');
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.data.agencyKinds).toEqual(MAIN_ROUND_KINDS);
    expect((read.data.provenance as { provisional: boolean }).provisional).toBe(true);
    expect((read.data.oitItems as { source?: string }[])[0]!.source).toMatch(/^rtrda-transcription/);
  });
});
