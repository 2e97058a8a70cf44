import { SHIPPED_AGENCY_KINDS, UNIT_TERMS, type UnitTerm } from '@prongsai/core';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import th from '../i18n/th.json';
import { kindUnitTerm, unitWords } from './unit-words';

const i18n = createInstance();
await i18n.init({ resources: { th: { translation: th }, en: { translation: en } }, interpolation: { escapeValue: false } });
/** The kinds as `GET /api/agency-kinds` lists them: the shipped ones, a municipality's word edited to สำนัก. */
const listed = SHIPPED_AGENCY_KINDS.map((kind) => {
  const term: UnitTerm = kind.id === 'municipality' ? 'สำนัก' : kind.unitTerm;
  return { kind, unitTerm: { th: term, en: UNIT_TERMS[term] } };
});
/** A city survey row's groups short, as the table says it for an agency of the kind. */
const short = (lang: 'th' | 'en', kind: string) => {
  const term = kindUnitTerm(listed, kind);
  const units = term ? unitWords(term, lang).units : i18n.getFixedT(lang)('city.surveysUnits');
  return i18n.getFixedT(lang)('city.surveysShort', { short: 2, groups: 7, units });
};

describe("the city survey table's groups, in each agency's own unit word", () => {
  it('names a district office’s groups ฝ่าย, an อบต.’s กอง, and a kind as its list has it now', () => {
    expect(short('th', 'district')).toBe('2 จาก 7 ฝ่าย');
    expect(short('th', 'sao')).toBe('2 จาก 7 กอง');
    expect(short('th', 'municipality')).toBe('2 จาก 7 สำนัก');
    expect(short('en', 'district')).toBe('2 of 7 divisions');
    expect(short('en', 'sao')).toBe('2 of 7 divisions');
  });

  it('speaks neutrally of the groups of a kind the list does not hold', () => {
    expect(kindUnitTerm(listed, 'no-such-kind')).toBeUndefined();
    expect(kindUnitTerm(undefined, 'district')).toBeUndefined();
    expect(short('th', 'no-such-kind')).toBe('2 จาก 7 หน่วยงานย่อย');
    expect(short('en', 'no-such-kind')).toBe('2 of 7 units');
  });
});
