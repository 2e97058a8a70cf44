import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { markWordBreaks, thaiWords, useThaiCompounds, wrapLabel } from './words.js';

const COMPOUND_WORDS = (
  JSON.parse(readFileSync(new URL('../../../../frameworks/typesetting/thai-words.json', import.meta.url), 'utf8')) as {
    words: string[];
  }
).words;
beforeAll(() => useThaiCompounds(COMPOUND_WORDS));

describe('Thai word boundaries', () => {
  it('marks them with U+200B and leaves other text alone', () => {
    expect(markWordBreaks('ผลการประเมินผ่านดี')).toBe('ผล\u200Bการ\u200Bประเมิน\u200Bผ่าน\u200Bดี');
    expect(markWordBreaks('ITA 94.87')).toBe('ITA 94.87');
    expect(markWordBreaks('คะแนน 94.87').replace(/\u200B/g, '')).toBe('คะแนน 94.87');
  });

  it('wraps labels between words', () => {
    expect(wrapLabel('การใช้ทรัพย์สินของราชการ', 12).split('\n').join('')).toBe('การใช้ทรัพย์สินของราชการ');
    for (const line of wrapLabel('การปรับปรุงระบบการทำงาน', 10).split('\n')) expect(line.length).toBeLessThanOrEqual(14);
  });

  it("keeps the domain's compounds whole, which the ICU dictionary splits", () => {
    for (const word of COMPOUND_WORDS) expect(thaiWords(word), word).toEqual([word]);
    expect(thaiWords('การใช้งบประมาณ')).toEqual(['การ', 'ใช้', 'งบประมาณ']);
    expect(wrapLabel('2. การใช้งบประมาณ', 10)).not.toMatch(/งบ\nประมาณ/);
    expect(markWordBreaks('ตัวชี้วัดที่ 9 เจ้าหน้าที่')).toBe('ตัวชี้วัด\u200Bที่ 9 เจ้าหน้าที่');
  });

  it('keeps punctuation with its word, so no line starts with ")" or ends with "("', () => {
    expect(thaiWords('ข้อ I9 (84.63) ของ ITA)')).toEqual(['ข้อ', ' ', 'I9', ' ', '(84.63)', ' ', 'ของ', ' ', 'ITA)']);
    expect(thaiWords('(ITA) ประจำปี')).toEqual(['(ITA)', ' ', 'ประจำ', 'ปี']);
    expect(thaiWords('ดี.) ต่อ')).toEqual(['ดี.)', ' ', 'ต่อ']);
    expect(thaiWords('ทุกคน (')).toEqual(['ทุก', 'คน', ' ', '(']);
  });
});
