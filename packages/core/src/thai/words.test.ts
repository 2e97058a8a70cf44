import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackCut, markWordBreaks, thaiWords, useThaiCompounds, wrapLabel } from './words.js';

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
    // Whole, with U+2060 where a line too narrow for them may still break them.
    expect(markWordBreaks('ตัวชี้วัดที่ 9 เจ้าหน้าที่')).toBe('ตัว\u2060ชี้\u2060วัด\u200Bที่ 9 เจ้า\u2060หน้าที่');
  });

  it('keeps punctuation with its word, so no line starts with ")" or ends with "("', () => {
    expect(thaiWords('ข้อ I9 (84.63) ของ ITA)')).toEqual(['ข้อ', ' ', 'I9', ' ', '(84.63)', ' ', 'ของ', ' ', 'ITA)']);
    expect(thaiWords('(ITA) ประจำปี')).toEqual(['(ITA)', ' ', 'ประจำ', 'ปี']);
    expect(thaiWords('ดี.) ต่อ')).toEqual(['ดี.)', ' ', 'ต่อ']);
    expect(thaiWords('ทุกคน (')).toEqual(['ทุก', 'คน', ' ', '(']);
  });
});

describe('Thai word boundaries with a dictionary of Thai words', () => {
  const DICTIONARY = ['หน่วยงาน', 'หน่วย', 'งาน', 'การ', 'ตรวจสอบ', 'เผยแพร่', 'ดังกล่าว', 'ครบถ้วน', 'ผู้ปฏิบัติงาน'];
  const MORE = ['การปฏิบัติ', 'ผล', 'น้อย', 'ที่สุด', 'น้อยที่สุด', 'บาง', 'แค', 'ขั้นตอน', 'ความ', 'ความรู้', 'รู้ความ', 'ความเข้าใจ'];
  beforeAll(() => useThaiCompounds(COMPOUND_WORDS, [...DICTIONARY, ...MORE]));
  afterAll(() => useThaiCompounds(COMPOUND_WORDS));

  it('keeps whole the compounds the segmenter splits', () => {
    expect(thaiWords('ผู้ปฏิบัติงานตรวจสอบเผยแพร่ดังกล่าวครบถ้วน')).toEqual(['ผู้ปฏิบัติงาน', 'ตรวจสอบ', 'เผยแพร่', 'ดังกล่าว', 'ครบถ้วน']);
    expect(markWordBreaks('หน่วยงานดังกล่าว').replace(/\u2060/g, '')).toBe('หน่วยงาน\u200Bดังกล่าว');
  });

  it("takes the dictionary's words where the segmenter joins across them", () => {
    // Intl.Segmenter: หน่วย|งานการ|สื่อสาร, *|งา|นอื่นๆ, ไม่|ว่า|จะ|ป็|นขั้น|ตอน (ป็น as typed for เป็น).
    expect(thaiWords('หน่วยงานการสื่อสาร')).toEqual(['หน่วยงาน', 'การ', 'สื่อสาร']);
    expect(thaiWords('*งานอื่นๆ')).toEqual(['*', 'งาน', 'อื่นๆ']);
    expect(thaiWords('ไม่ว่าจะป็นขั้นตอน').slice(-2)).toEqual(['ป็น', 'ขั้นตอน']);
  });

  it('splits into the fewest words, and never splits a word the segmenter keeps whole', () => {
    expect(thaiWords('ความรู้ความเข้าใจ')).toEqual(['ความรู้', 'ความเข้าใจ']);
    expect(thaiWords('บางแค')).toEqual(['บางแค']);
  });

  it("prefers the domain's terms where the dictionary allows two splits", () => {
    // การปฏิบัติ|งาน and การ|ปฏิบัติงาน are both three dictionary words; ปฏิบัติงาน is the domain's.
    expect(thaiWords('ผลการปฏิบัติงาน')).toEqual(['ผล', 'การ', 'ปฏิบัติงาน']);
  });

  it('marks where a word too wide for any line may break, and a line breaker cuts it there', () => {
    const marked = markWordBreaks('น้อยที่สุด');
    expect(marked).toBe('น้อย\u2060ที่สุด');
    // A cut past น้อย goes on to the word's end; one within น้อย is cut where the room ends.
    expect(fallbackCut(marked, 7)).toBe(marked.length);
    expect(fallbackCut(marked, 5)).toBe(5);
    expect(fallbackCut(marked, 3)).toBe(3);
    expect(fallbackCut('ตัวชี้วัด', 4)).toBe(4);
  });

  it('keeps ๆ written apart on the line of its word', () => {
    expect(markWordBreaks('งานต่าง ๆ')).toBe('งาน\u200Bต่าง\u00A0ๆ');
  });
});
