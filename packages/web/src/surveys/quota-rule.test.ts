import { iitUnitRequired, SHIPPED_AGENCY_KINDS, shippedKind, type IitRule } from '@prongsai/core';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { unitWords } from '../agency/unit-words';
import en from '../i18n/en.json';
import th from '../i18n/th.json';
import { iitRuleText } from './quota-rule';

const i18n = createInstance();
await i18n.init({ resources: { th: { translation: th }, en: { translation: en } }, interpolation: { escapeValue: false } });
/** The agency's answer as the server gives it: its kind's id and IIT rule. */
const answer = (id: string, iitRule: IitRule = shippedKind(id)!.sampling.iit) => ({ kind: id, iitRule });
const text = (lang: 'th' | 'en', agency: ReturnType<typeof answer> | undefined, term?: { th: string; en: string }) =>
  iitRuleText(i18n.getFixedT(lang), agency, unitWords(term, lang));
const kong = { th: 'กอง', en: 'Division (Kong)' };
const counts = [
  [0, 0],
  [3, 7],
  [12, 1],
] as const;

describe("the IIT quota dialog's rule", () => {
  it('reads the BMA rule to a Bangkok district office, as it always has', () => {
    expect(text('th', answer('district'), { th: 'ฝ่าย', en: 'Division' })).toBe(
      'กรอกจำนวนข้าราชการและลูกจ้าง/พนักงานที่ปฏิบัติงานครบ 1 ปี ระบบกำหนดจำนวนที่ต้องการตามหลักเกณฑ์ของกรุงเทพมหานคร (ข้าราชการทุกคน ลูกจ้างทั้งหมดหรือร้อยละ 80) หรือกรอกจำนวนที่ต้องการเองได้ ฝ่ายที่ไม่กรอกคงค่าเดิม',
    );
    expect(text('en', answer('district'), { th: 'ฝ่าย', en: 'Division' })).toBe(
      'Enter civil servants and employees with a full year of service; the sample follows the BMA rule (every civil servant, all or 80% of employees), or type it. Divisions left blank keep their values.',
    );
  });

  it("speaks to another kind of its units in its own word, with nothing of Bangkok's", () => {
    const municipality = text('th', answer('municipality'), kong);
    expect(municipality).toContain('กองที่ไม่กรอกคงค่าเดิม');
    expect(municipality).not.toMatch(/กรุงเทพมหานคร|ฝ่าย/);
    const province = text('en', answer('province'), { th: 'กลุ่มงาน', en: 'Work group' });
    expect(province).toContain('Work groups left blank keep their values.');
    expect(province).not.toMatch(/BMA|Division/);
  });

  it('tells a kind whose sample ITAS computes that every eligible person is asked, as the server sets it', () => {
    const itas = SHIPPED_AGENCY_KINDS.filter((k) => k.sampling.iit.rule === 'itas-computed');
    expect(itas.map((k) => k.id)).toEqual(expect.arrayContaining(['municipality', 'sao', 'pao', 'province']));
    for (const kind of itas) {
      expect(text('th', answer(kind.id), kong), kind.id).toContain('เป็นทุกคนที่มีสิทธิ์ตอบ');
      expect(text('en', answer(kind.id), kong), kind.id).toContain('the sample is every one of them');
      expect(text('th', answer(kind.id), kong)).not.toMatch(/ร้อยละ/);
      for (const [civilServants, employees] of counts) {
        expect(iitUnitRequired(kind.sampling.iit, 'กองคลัง', civilServants, employees, 100)).toBe(civilServants + employees);
      }
    }
    // Before the agency is read, the same.
    expect(text('th', undefined)).toContain('เป็นทุกคนที่มีสิทธิ์ตอบ');
  });

  it("states a kind's minimum for the whole agency, shared among its units", () => {
    const school = answer('school');
    expect(school.iitRule).toEqual({ rule: 'minimum', minimum: 25 });
    expect(text('th', school, { th: 'กลุ่มงาน', en: 'Work group' })).toContain(
      'ให้ทั้งหน่วยงานรวมกันอย่างน้อย 25 คน (หรือทุกคนถ้ามีไม่ถึง) แบ่งตามสัดส่วนผู้มีสิทธิ์ของแต่ละกลุ่มงาน (ปัดขึ้น)',
    );
    expect(text('en', answer('school', { rule: 'minimum', minimum: 40 }))).toContain('at least 40 for the whole agency');
  });

  it('reads the share of a BMA-style rule a central admin gave another kind, which the server applies', () => {
    const rule: IitRule = { rule: 'bma-district', employeeShare: 0.5, allEmployeesUnits: ['กองช่าง'] };
    expect(text('th', answer('sao', rule), kong)).toContain('ข้าราชการทุกคนและลูกจ้าง/พนักงานอย่างน้อยร้อยละ 50 (ปัดขึ้น)');
    expect(text('th', answer('sao', rule), kong)).not.toMatch(/กรุงเทพมหานคร/);
    expect(text('en', answer('sao', rule), kong)).toContain('at least 50% of employees (rounded up)');
    for (const unit of ['กองช่าง', 'กองคลัง']) {
      for (const [civilServants, employees] of counts) {
        const required = iitUnitRequired(rule, unit, civilServants, employees, 100);
        expect(required, unit).toBeGreaterThanOrEqual(civilServants + Math.ceil(employees * 0.5));
        expect(required, unit).toBeLessThanOrEqual(civilServants + employees);
      }
    }
  });
});
