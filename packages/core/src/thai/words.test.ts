import { describe, expect, it } from 'vitest';
import { markWordBreaks, wrapLabel } from './words.js';

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
});
