import { IIT_EMPLOYEE_SHARE, iitRequired, SHIPPED_AGENCY_KINDS } from '@prongsai/core';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { unitWords } from '../agency/unit-words';
import en from '../i18n/en.json';
import th from '../i18n/th.json';
import { iitRuleText } from './quota-rule';

const i18n = createInstance();
await i18n.init({ resources: { th: { translation: th }, en: { translation: en } }, interpolation: { escapeValue: false } });
const text = (lang: 'th' | 'en', kind: string | undefined, term?: { th: string; en: string }) =>
  iitRuleText(i18n.getFixedT(lang), kind, unitWords(term, lang));

describe("the IIT quota dialog's rule", () => {
  it('reads the BMA rule to a Bangkok district office, as it always has', () => {
    expect(text('th', 'district', { th: 'ฝ่าย', en: 'Division' })).toBe(
      'กรอกจำนวนข้าราชการและลูกจ้าง/พนักงานที่ปฏิบัติงานครบ 1 ปี ระบบกำหนดจำนวนที่ต้องการตามหลักเกณฑ์ของกรุงเทพมหานคร (ข้าราชการทุกคน ลูกจ้างทั้งหมดหรือร้อยละ 80) หรือกรอกจำนวนที่ต้องการเองได้ ฝ่ายที่ไม่กรอกคงค่าเดิม',
    );
    expect(text('en', 'district', { th: 'ฝ่าย', en: 'Division' })).toContain('the BMA rule');
  });

  it("speaks to another kind of its units in its own word, with nothing of Bangkok's", () => {
    const municipality = text('th', 'municipality', { th: 'กอง', en: 'Division (Kong)' });
    expect(municipality).toContain('กองที่ไม่กรอกคงค่าเดิม');
    expect(municipality).not.toMatch(/กรุงเทพมหานคร|ฝ่าย/);
    const province = text('en', 'province', { th: 'กลุ่มงาน', en: 'Work group' });
    expect(province).toContain('Work groups left blank keep their values.');
    expect(province).not.toMatch(/BMA|Division/);
  });

  it("claims for every other kind only what the server's rule gives any of its units", () => {
    // Every civil servant and at least the share of employees said, rounded up: never fewer, never more than all.
    const share = Math.round(IIT_EMPLOYEE_SHARE * 100);
    expect(text('th', 'sao', { th: 'กอง', en: 'Division (Kong)' })).toContain(`อย่างน้อยร้อยละ ${share} (ปัดขึ้น)`);
    expect(text('en', 'sao', { th: 'กอง', en: 'Division (Kong)' })).toContain(`at least ${share}% of employees (rounded up)`);
    const units = [...SHIPPED_AGENCY_KINDS.flatMap((k) => k.defaultUnits.map((u) => u.th)), 'หน่วยที่ไม่มีในรายการ'];
    for (const unit of units) {
      for (const [civilServants, employees] of [
        [0, 0],
        [3, 7],
        [12, 1],
      ] as const) {
        const required = iitRequired(unit, civilServants, employees);
        expect(required, unit).toBeGreaterThanOrEqual(civilServants + Math.ceil((employees * share) / 100));
        expect(required, unit).toBeLessThanOrEqual(civilServants + employees);
      }
    }
  });
});
