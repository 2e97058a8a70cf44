import { describe, expect, it } from 'vitest';
import { MILESTONE_TH, MILESTONES } from '../calendar/milestones.js';
import { MEMO_KIND_TH, MEMO_KINDS } from '../calendar/memos.js';
import { checkAgencyKind } from './kinds.js';
import { kindMemoKinds, kindMilestones, memoKindEn, memoKindTh, milestoneTh } from './milestones.js';
import { SHIPPED_AGENCY_KINDS, shippedKind } from './shipped.js';

describe('the milestones of a kind of agency', () => {
  it('keeps every step for a Bangkok district office, and leaves the schools out of every other kind unless it lists them', () => {
    expect(kindMilestones(shippedKind('district')!)).toEqual([...MILESTONES]);
    // A district kind stored before kinds listed their milestones has the shipped district's.
    const { milestones: _, ...stored } = shippedKind('district')!;
    expect(kindMilestones(stored)).toEqual([...MILESTONES]);
    for (const kind of SHIPPED_AGENCY_KINDS.filter((k) => k.id !== 'district')) {
      expect(kindMilestones(kind), kind.id).toEqual(MILESTONES.filter((m) => m !== 'schools-data'));
    }
    const own = { ...shippedKind('sao')!, milestones: ['results', 'schools-data', 'committee-order'] as const };
    expect(kindMilestones({ ...own, milestones: [...own.milestones] })).toEqual(['committee-order', 'schools-data', 'results']);
  });

  it("words a district office's milestones as before, and another kind's by its units and without schools", () => {
    const district = shippedKind('district')!;
    for (const m of MILESTONES) expect(milestoneTh(m, district)).toBe(MILESTONE_TH[m]);
    expect(milestoneTh('memos', district)).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกฝ่ายและโรงเรียน');
    const municipality = shippedKind('municipality')!;
    expect(milestoneTh('memos', municipality)).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกกอง');
    expect(milestoneTh('oit-evidence', municipality)).toBe('กองส่งหลักฐาน OIT ตามรหัสข้อ');
    expect(milestoneTh('eit-collection', shippedKind('province')!)).toBe('เก็บแบบวัด EIT ตามสัดส่วนของแต่ละกลุ่มงาน');
    expect(milestoneTh('memos', shippedKind('other')!)).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกฝ่าย');
    // A kind that lists the schools' step has its schools told too.
    expect(milestoneTh('memos', { ...municipality, milestones: [...MILESTONES] })).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกกองและโรงเรียน');
    expect(milestoneTh('memos')).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกหน่วยย่อย');
    expect(milestoneTh('results', municipality)).toBe(MILESTONE_TH.results);
  });

  it("gives the schools' memo only to kinds whose year has the schools' step", () => {
    expect(kindMemoKinds(shippedKind('district')!)).toEqual([...MEMO_KINDS]);
    const { milestones: _, ...stored } = shippedKind('district')!;
    expect(kindMemoKinds(stored)).toEqual(['collection', 'schools']);
    for (const kind of SHIPPED_AGENCY_KINDS.filter((k) => k.id !== 'district')) {
      expect(kindMemoKinds(kind), kind.id).toEqual(['collection']);
    }
    expect(kindMemoKinds({ ...shippedKind('sao')!, milestones: ['memos', 'schools-data'] })).toEqual(['collection', 'schools']);
    expect(kindMemoKinds({ ...shippedKind('district')!, milestones: ['memos', 'results'] })).toEqual(['collection']);
  });

  it("names a district office's memos as before, and another kind's by its units without the district's divisions", () => {
    for (const memo of MEMO_KINDS) expect(memoKindTh(memo, shippedKind('district')!)).toBe(MEMO_KIND_TH[memo]);
    expect(memoKindTh('collection', shippedKind('district')!)).toBe('บันทึกข้อความแจ้งทุกฝ่าย (ฝ่ายปกครอง)');
    expect(memoKindTh('schools', shippedKind('district')!)).toBe('บันทึกข้อความถึงโรงเรียนในสังกัด (ฝ่ายการศึกษา)');
    expect(memoKindTh('collection', shippedKind('municipality')!)).toBe('บันทึกข้อความแจ้งทุกกอง');
    expect(memoKindTh('collection', shippedKind('province')!)).toBe('บันทึกข้อความแจ้งทุกกลุ่มงาน');
    expect(memoKindTh('collection', shippedKind('other')!)).toBe('บันทึกข้อความแจ้งทุกฝ่าย');
    expect(memoKindTh('collection')).toBe('บันทึกข้อความแจ้งทุกหน่วยย่อย');
    const sao = { ...shippedKind('sao')!, milestones: [...MILESTONES] };
    expect(memoKindTh('schools', sao)).toBe('บันทึกข้อความถึงโรงเรียนในสังกัด');
    for (const kind of SHIPPED_AGENCY_KINDS.filter((k) => k.id !== 'district')) {
      for (const memo of MEMO_KINDS) expect(memoKindTh(memo, kind)).not.toMatch(/ฝ่ายปกครอง|ฝ่ายการศึกษา/);
    }
  });

  it("names the memos in English as the district's pages did, and another kind's by the English of its units", () => {
    expect(memoKindEn('collection', shippedKind('district')!)).toBe('Memo to every division (administration)');
    expect(memoKindEn('schools', shippedKind('district')!)).toBe('Memo to the schools (education division)');
    expect(memoKindEn('collection', shippedKind('municipality')!)).toBe('Memo to every division');
    expect(memoKindEn('collection', shippedKind('province')!)).toBe('Memo to every work group');
    expect(memoKindEn('schools', shippedKind('sao')!)).toBe('Memo to the schools');
    expect(memoKindEn('collection')).toBe('Memo to every unit');
  });

  it('accepts a list of known milestones and refuses unknown, repeated or no milestones, in Thai and English', () => {
    const sao = shippedKind('sao')!;
    expect(checkAgencyKind({ ...sao, milestones: ['committee-order', 'schools-data'] }).problems).toEqual([]);
    const bad = checkAgencyKind({ ...sao, milestones: ['committee-order', 'school-data', 'committee-order', 7] });
    expect(bad.kind).toBeNull();
    expect(bad.problems.map((p) => p.field)).toEqual(['milestones.1', 'milestones.2', 'milestones.3']);
    expect(bad.problems[0]!.message).toContain('unknown milestone "school-data"');
    expect(bad.problems[0]!.th).toContain('ไม่รู้จักขั้นตอน "school-data"');
    expect(bad.problems[1]!.th).toBe('ขั้นตอน "committee-order" ซ้ำ');
    for (const milestones of [[], 'memos', null]) {
      const result = checkAgencyKind({ ...sao, milestones });
      expect(result.problems.map((p) => p.field)).toEqual(['milestones']);
      expect(result.problems[0]!.th.length).toBeGreaterThan(0);
    }
  });
});
