import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework, repoPath } from '../test-support/files.js';
import { compileFramework, type CompiledFramework } from './compile.js';
import { frameworkAgencyKinds, frameworkProvenance, servesDistricts } from './provenance.js';
import { compressCodes, frameworkReadiness, type FrameworkFeature } from './readiness.js';

const SHIPPED = ['bma-district-2566', 'bma-district-2567', 'nacc-main-2568', 'nacc-main-2569'];
/** The main round covers departments, provinces and local administrations (framework-sources.md). */
const MAIN_ROUND_KINDS = ['department', 'province', 'pao', 'municipality', 'sao'];
const raw = (id: string) => JSON.parse(readFileSync(repoPath(`frameworks/${id}.json`), 'utf8')) as Record<string, unknown>;
const missingOf = (framework: CompiledFramework) =>
  Object.fromEntries(frameworkReadiness(framework).map((r) => [r.feature, r.missing.map((m) => m.th)])) as Record<
    FrameworkFeature,
    string[]
  >;

describe('compressCodes', () => {
  const order = [...Array.from({ length: 12 }, (_, i) => `I${i + 1}`), 'E1', 'E2', 'E3', 'O1', 'O2', 'O3', 'O4'];
  it('prints runs of three or more as ranges, in the framework order, never across letters', () => {
    expect(compressCodes(['I1', 'I2', 'I4', 'I5', 'I6', 'I11', 'I12'], order)).toBe('I1, I2, I4–I6, I11, I12');
    expect(compressCodes(['I11', 'I12', 'E1', 'E2', 'E3', 'O1'], order)).toBe('I11, I12, E1–E3, O1');
    expect(compressCodes(['O2', 'O3', 'O4'], order)).toBe('O2–O4');
    expect(compressCodes([], order)).toBe('');
  });
});

describe('frameworkReadiness', () => {
  it('names every missing part of the shipped FY2567 set, feature by feature', () => {
    const readiness = frameworkReadiness(loadFramework('bma-district-2567'));
    expect(readiness.map((r) => [r.feature, r.ready, r.fixedBy])).toEqual([
      ['scoring', false, 'central-admin'],
      ['results-import', false, 'central-admin'],
      ['oit', false, 'central-admin'],
      ['surveys', false, 'central-admin'],
      ['documents', false, 'central-admin'],
      ['memo', true, 'central-admin'],
    ]);
    const items = (r: string) => `${r}: ไม่มีข้อย่อยและมาตรวัด`;
    const labels = (r: string) => `${r}: มีเพียงข้อความย่อของคำถาม ไม่ใช่ถ้อยคำเต็ม`;
    const unnamed = 'O1, O2, O4–O18, O20–O22: ไม่มีชื่อข้อ';
    expect(missingOf(loadFramework('bma-district-2567'))).toEqual({
      scoring: ['OIT: น้ำหนักตัวชี้วัด 9 : 10 = 3 : 1 เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน'],
      'results-import': [
        `${items('I1–I12')} นำเข้าได้เฉพาะคะแนนรายข้อคำถาม ไม่ใช่สัดส่วนคำตอบรายข้อย่อย`,
        `${items('E1–E6')} นำเข้าได้เฉพาะคะแนนรายข้อคำถาม ไม่ใช่สัดส่วนคำตอบรายข้อย่อย`,
      ],
      oit: [unnamed],
      surveys: [items('I1–I12'), labels('I1, I2, I4–I6, I11, I12'), items('E1–E6'), labels('E1–E4, E6')],
      documents: [items('I1–I12'), labels('I1, I2, I4–I6, I11, I12'), items('E1–E6'), labels('E1–E4, E6'), unnamed],
      memo: [],
    });
    const oit = readiness.find((r) => r.feature === 'oit')!.missing[0]!;
    expect(oit).toEqual({ part: 'O1, O2, O4–O18, O20–O22', th: unnamed, en: 'O1, O2, O4–O18, O20–O22: no item names' });
  });

  it('finds the FY2566 set ready for everything', () => {
    expect(frameworkReadiness(loadFramework('bma-district-2566')).filter((r) => !r.ready)).toEqual([]);
  });

  it('says what the provisional main-round sets lack', () => {
    for (const id of ['nacc-main-2568', 'nacc-main-2569']) {
      const missing = missingOf(loadFramework(id));
      expect(missing.oit).toEqual(['O2, O5–O7: ไม่มีชื่อข้อ']);
      expect(missing.surveys).toEqual(['ตัวชี้วัด 1–8: ไม่มีข้อคำถาม']);
      expect(missing.scoring).toEqual([
        'ตัวชี้วัด 1–8: ไม่มีข้อคำถาม',
        'น้ำหนักเครื่องมือ (IIT 30, EIT 30, OIT 40) เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน',
        'IIT: น้ำหนักตัวชี้วัด 1 : 2 : 3 : 4 : 5 = 1 : 1 : 1 : 1 : 1 เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน',
        'EIT: น้ำหนักตัวชี้วัด 6 : 7 : 8 = 1 : 1 : 1 เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน',
        'OIT: น้ำหนักตัวชี้วัด 9 : 10 = 1 : 1 เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน',
        'O1–O26: การจัดข้อเข้าตัวชี้วัดเป็นการอนุมาน ยังไม่ได้ยืนยัน',
      ]);
      expect(missing.memo).toEqual(['น้ำหนักเครื่องมือ (IIT 30, EIT 30, OIT 40) เป็นค่าที่อนุมาน ยังไม่ได้ยืนยัน']);
    }
  });
});

describe('provenance of the shipped sets', () => {
  it('names the sources, the provisional flag and the unknowns of every shipped set', () => {
    for (const id of SHIPPED) {
      const provenance = frameworkProvenance(loadFramework(id).data);
      expect(provenance.sources.length, id).toBeGreaterThan(0);
      expect(provenance.confirmedBy, id).toBeNull();
      expect(provenance.confirmedAt, id).toBeNull();
      expect(provenance.provisional, id).toBe(id.startsWith('nacc-main-'));
      expect(provenance.unknowns.length, id).toBeGreaterThan(0);
    }
    const main = frameworkProvenance(loadFramework('nacc-main-2568').data);
    expect(main.sources.find((s) => s.kind === 'transcription')?.citation).toContain(
      'GitHub rtrdasmartrailway/web-app-rtrda, src/lib/wp/ita-headings-override.ts',
    );
    expect(main.unknowns.join('\n')).toMatch(/question.*scales[\s\S]*O2, O5, O6 and O7[\s\S]*calendar/);
  });

  it('gives a source for every text: tool, indicator, question with its items, and OIT item, naming a listed source', () => {
    for (const id of SHIPPED) {
      const { data } = loadFramework(id);
      const keys = frameworkProvenance(data).sources.map((s) => s.id);
      const texts = [
        ...data.tools.map((t) => [t.code, t.source]),
        ...data.indicators.map((i) => [`indicator ${i.number}`, i.source]),
        // A question's source also names the lines of its items (a workbook keeps one source per question).
        ...data.questions.map((q) => [q.code, q.items?.length && !q.source?.includes('items') ? undefined : q.source]),
        ...data.oitItems.map((o) => [o.code, o.source]),
      ];
      for (const [what, source] of texts) {
        expect(source, `${id} ${what}`).toBeTruthy();
        if (data.oitItems.some((o) => o.code === what && o.name === null)) continue;
        expect(
          keys.some((k) => source!.startsWith(k)),
          `${id} ${what}: ${source}`,
        ).toBe(true);
      }
    }
  });

  // The seed documents sit beside the repository where the sets were built, not in it.
  const seeds = repoPath('../shared/seeds');
  it.skipIf(!existsSync(seeds))(
    'cites seed lines that hold the texts: FY2567 questions from seed 004, O3 and O19 from seed 002',
    () => {
      const { data } = loadFramework('bma-district-2567');
      const seed = (file: string) => readFileSync(`${seeds}/${file}`, 'utf8').split('\n');
      const lakSi = seed('004_c2721906d451d7c5.txt');
      const bangSue = seed('002_dd3e43633eaca4e4.txt');
      for (const q of data.questions.filter((q) => q.code !== 'I10')) {
        const line = Number(/^seed-004 line (\d+)/.exec(q.source!)![1]);
        const squash = (s: string) => s.replace(/\s+/g, '');
        expect(squash(lakSi[line - 1]!), q.code).toContain(squash(q.topics?.[0]?.th ?? q.text.th));
      }
      expect(bangSue[187]).toContain('โรงเรียนในสังกัดกรุงเทพมหานคร');
      expect(bangSue[189]).toContain('การประเมินความเสี่ยงต่อการรับสินบนและการรายงานผล');
    },
  );

  it('marks the main-round sets for departments, provinces and local administrations, and the district sets for districts', () => {
    expect(
      SHIPPED.map((id) => [id, frameworkAgencyKinds(loadFramework(id).data), servesDistricts(loadFramework(id).data)]),
    ).toEqual([
      ['bma-district-2566', ['district'], true],
      ['bma-district-2567', ['district'], true],
      ['nacc-main-2568', MAIN_ROUND_KINDS, false],
      ['nacc-main-2569', MAIN_ROUND_KINDS, false],
    ]);
  });
});

describe('older set files', () => {
  it('still load with a list of notes as provenance, taken as not provisional', () => {
    const data = raw('bma-district-2567');
    const { provenance } = data as { provenance: { notes: string[]; unknowns: string[] } };
    const legacy = { ...data, provenance: provenance.notes, unknowns: provenance.unknowns };
    delete (legacy as Record<string, unknown>).agencyKinds;
    const result = compileFramework(legacy, 'legacy.json');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const normalised = frameworkProvenance(result.framework.data);
    expect(normalised).toMatchObject({ provisional: false, sources: [], notes: provenance.notes, unknowns: provenance.unknowns });
    expect(servesDistricts(result.framework.data)).toBe(true);
  });

  it('refuses an indicator without questions unless the set is provisional', () => {
    const main = raw('nacc-main-2568') as { provenance: { provisional: boolean } };
    main.provenance.provisional = false;
    const result = compileFramework(main, 'main.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message)).toContain('indicator 1 has no questions or OIT items');
  });

  it('refuses a confirmation without its date, and a confirmed set still marked provisional', () => {
    const main = raw('nacc-main-2568') as { provenance: Record<string, unknown> };
    main.provenance.confirmedBy = 'admin@prongsai.demo';
    const result = compileFramework(main, 'main.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(
        expect.arrayContaining([
          'provenance.confirmedAt: confirmedBy and confirmedAt are given together or not at all',
          'provenance.provisional: a confirmed set is not provisional',
        ]),
      );
    }
  });
});
