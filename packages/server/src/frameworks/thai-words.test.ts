import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { thaiWords } from '@prongsai/core';
import { describe, expect, it } from 'vitest';
import { breakable } from '../documents/thai-text.js';
import { availableFrameworks, loadFramework, loadThaiWords } from './registry.js';

describe('the Thai merge list kept with the frameworks', () => {
  it('keeps the domain words whole in the documents', () => {
    const words = loadThaiWords();
    expect(words).toEqual(expect.arrayContaining(['ตัวชี้วัด', 'เจ้าหน้าที่', 'งบประมาณ', 'ยกระดับ', 'ดำเนินงาน', 'ชำนาญการ']));
    for (const word of words) expect(thaiWords(word), word).toEqual([word]);
    expect(breakable('หน่วยงานรับผิดชอบ')).toBe('หน่วย\u200Bงาน\u200Bรับผิดชอบ');
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
