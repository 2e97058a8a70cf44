import { compileFramework } from '@prongsai/core';
import { describe, expect, it } from 'vitest';
import { emptyDraft, localizedOrNull, nextCode, typedCodes, typedNumber, typedYears } from './draft';

describe('the framework editor draft', () => {
  it('reads numbers, years and codes as typed, in Thai or Arabic digits', () => {
    expect(typedNumber('๔๐')).toBe(40);
    expect(typedNumber('12.5')).toBe(12.5);
    expect(typedNumber('สี่สิบ')).toBeNaN();
    expect(typedYears('2570, ๒๕๗๑')).toEqual([2570, 2571]);
    expect(typedYears('70')).toEqual([Number.NaN]);
    expect(typedCodes('o๑, O2  moit3')).toEqual(['O1', 'O2', 'MOIT3']);
  });

  it('numbers a new question or item after the highest in use', () => {
    expect(nextCode('O', ['O1', 'O22', 'O3'])).toBe('O23');
    expect(nextCode('E', ['I1', 'I2'])).toBe('E1');
    expect(nextCode('MOIT', ['MOIT9', 'O10'])).toBe('MOIT10');
  });

  it('leaves an unknown name null, never an empty text', () => {
    expect(localizedOrNull({ th: 'เดิม', en: 'Old' }, '  ')).toBeNull();
    expect(localizedOrNull(null, 'ใหม่')).toEqual({ th: 'ใหม่' });
  });

  it('starts an empty set that the check refuses part by part, and that becomes a set once each part is filled in', () => {
    const draft = emptyDraft('agency-2570', 2570);
    const refused = compileFramework(draft, 'editor');
    expect(refused.ok).toBe(false);
    draft.name = { th: 'ชุดทดลอง' };
    draft.scales = { agree: { options: [{ th: 'ไม่ใช่' }, { th: 'ใช่' }], answers: [0, 1], scores: [0, 100] } };
    draft.tools = [
      { code: 'IIT', name: { th: 'IIT' }, weight: 60, kind: 'survey' },
      { code: 'OIT', name: { th: 'OIT' }, weight: 40, kind: 'disclosure' },
    ];
    draft.indicators = [
      { number: 1, tool: 'IIT', name: { th: 'การปฏิบัติหน้าที่' } },
      { number: 2, tool: 'OIT', name: { th: 'การเปิดเผยข้อมูล' } },
    ];
    draft.questions = [
      {
        code: 'I1',
        indicator: 1,
        text: { th: 'ข้อหนึ่ง' },
        items: [{ no: 1, text: { th: 'ข้อย่อย' }, scale: 'agree', polarity: 'positive' }],
      },
    ];
    draft.oitItems = [{ code: 'O1', indicator: 2, name: { th: 'โครงสร้าง' }, scoring: 'binary' }];
    draft.levels.levels = [
      { id: 'pass', name: { th: 'ผ่าน' }, min: 85 },
      { id: 'fail', name: { th: 'ไม่ผ่าน' }, min: 0 },
    ];
    const compiled = compileFramework(draft, 'editor');
    expect(compiled.ok ? [] : compiled.problems).toEqual([]);
  });
});
