import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { thaiWords } from '@prongsai/core';
import { describe, expect, it } from 'vitest';
import { breakable } from '../documents/thai-text.js';
import { availableFrameworks, loadFramework, loadThaiDictionary, loadThaiWords, LONGEST_UNBROKEN_WORD } from './registry.js';

describe('the Thai merge list kept with the frameworks', () => {
  it('keeps the domain words whole in the documents', () => {
    const words = loadThaiWords();
    expect(words).toEqual(expect.arrayContaining(['ตัวชี้วัด', 'เจ้าหน้าที่', 'งบประมาณ', 'ยกระดับ', 'ดำเนินงาน', 'ชำนาญการ']));
    for (const word of words) expect(thaiWords(word), word).toEqual([word]);
    // หน่วยงาน is the dictionary's (below); U+2060 marks where a line too narrow for a word may still break it.
    expect(breakable('หน่วยงานรับผิดชอบ').replace(/\u2060/g, '')).toBe('หน่วยงาน\u200Bรับผิดชอบ');
  });

  it('keeps whole the words of the Thai dictionary beside it, which the segmenter splits', () => {
    const words = loadThaiDictionary();
    expect(words.length).toBeGreaterThan(50_000);
    expect(words).toEqual(expect.arrayContaining(['หน่วยงาน', 'ตรวจสอบ', 'เผยแพร่', 'ดังกล่าว', 'ครบถ้วน', 'ผู้ปฏิบัติงาน']));
    expect(words.every((word) => word.length <= LONGEST_UNBROKEN_WORD)).toBe(true);
    const marked = breakable('หน่วยงานตรวจสอบเผยแพร่ดังกล่าวครบถ้วนผู้ปฏิบัติงาน').replace(/\u2060/g, '');
    expect(marked.split('\u200B')).toEqual(['หน่วยงาน', 'ตรวจสอบ', 'เผยแพร่', 'ดังกล่าว', 'ครบถ้วน', 'ผู้ปฏิบัติงาน']);
  });

  it('refuses a dictionary line that is not a Thai word, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-dictionary-'));
    mkdirSync(join(dir, 'typesetting'));
    writeFileSync(join(dir, 'typesetting', 'thai-dictionary.txt'), '# words\nหน่วยงาน\nซีดี-รอม\n');
    expect(() => loadThaiDictionary(dir)).toThrow(/thai-dictionary.txt:3: "ซีดี-รอม"/);
  });

  it('refuses an entry that is not a Thai word, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-words-'));
    mkdirSync(join(dir, 'typesetting'));
    writeFileSync(join(dir, 'typesetting', 'thai-words.json'), JSON.stringify({ words: ['ตัวชี้วัด', 'งบ ประมาณ'] }));
    expect(() => loadThaiWords(dir)).toThrow(/words\[1\] \("งบ ประมาณ"\)/);
  });

  it('is not taken for a framework: every file the frameworks folder lists is one', () => {
    expect(availableFrameworks().length).toBeGreaterThan(0);
    for (const id of availableFrameworks()) expect(() => loadFramework(id), id).not.toThrow();
  });
});
