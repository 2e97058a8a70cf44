import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkSchema, type FrameworkData } from './schema.js';
import { mergeManualDraft, parseManualText } from './manual-paste.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const base: FrameworkData = frameworkSchema.parse(JSON.parse(read('../../../../frameworks/bma-district-2566.json')));

/** The parts of a set the manual gives: codes, texts, items, scales and OIT names. */
function manualParts(f: FrameworkData) {
  return {
    questions: f.questions.map((q) => ({
      code: q.code,
      indicator: q.indicator,
      text: q.text.th,
      items: q.items?.map((i) => ({ no: i.no, text: i.text.th, scale: i.scale, polarity: i.polarity })),
    })),
    oit: f.oitItems.map((o) => ({
      code: o.code,
      indicator: o.indicator,
      subIndicator: o.subIndicator,
      group: o.group,
      name: o.name?.th,
    })),
  };
}

describe('pasting the manual', () => {
  for (const file of ['manual-2566.txt', 'manual-2566-noisy.txt']) {
    it(`rebuilds the FY2566 questions and OIT items from ${file}`, () => {
      const text = read(`./fixtures/${file}`);
      const result = parseManualText(text);
      const { framework } = mergeManualDraft(base, result.draft);
      expect(() => frameworkSchema.parse(framework)).not.toThrow();
      expect(manualParts(framework)).toEqual(manualParts(base));
      // Weights and levels come from the base.
      expect(framework.tools).toEqual(base.tools);
      expect(framework.levels).toEqual(base.levels);
    });
  }

  it('reads the clean copy with nothing unplaced', () => {
    const result = parseManualText(read('./fixtures/manual-2566.txt'));
    expect(result.unplaced).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.draft.questions).toHaveLength(40);
    expect(result.draft.oitItems).toHaveLength(30);
  });

  it('places or lists every line of the noisy copy by its number', () => {
    const text = read('./fixtures/manual-2566-noisy.txt');
    const result = parseManualText(text);
    const accounted = new Set([...result.placed, ...result.unplaced.map((u) => u.line), ...result.ignored.map((u) => u.line)]);
    text.split('\n').forEach((line, i) => {
      if (line.trim() !== '') expect(accounted.has(i + 1), `line ${i + 1}: ${line}`).toBe(true);
    });
    expect(result.unplaced.map((u) => u.text)).toEqual([
      '..........................',
      '■ ■ ■',
      'ลงชื่อ ................................ ผู้ตรวจ',
    ]);
    for (const u of result.unplaced) {
      expect(text.split('\n')[u.line - 1]).toBe(u.text);
      expect(u.reason.th).toMatch(/[ก-ฮ]/u);
      expect(u.reason.en.length).toBeGreaterThan(0);
    }
    expect(result.ignored.some((u) => u.reason.en === 'Page number')).toBe(true);
  });

  it('takes marked negative items, new answer options and OCR codes', () => {
    const text = [
      'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
      'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่',
      '11. ข้อคำถามหนึ่ง',
      'ตัวเลือกคำตอบ: ไม่เห็นด้วย / เฉย ๆ / เห็นด้วย',
      '1. ข้อย่อยแรก (เชิงลบ)',
      '2. ข้อย่อยที่สอง',
      'ที่ต่อกัน',
      '12 ข้อคำถามสอง',
      'ตัวเลือกคำตอบ: มี / ไม่มี',
      '๑. ข้อเดียว',
    ].join('\n');
    const result = parseManualText(text);
    expect(result.unplaced).toEqual([]);
    expect(result.draft.questions.map((q) => q.code)).toEqual(['I1', 'I2']);
    const { framework, warnings } = mergeManualDraft(base, result.draft);
    const i1 = framework.questions.find((q) => q.code === 'I1')!;
    expect(i1.items?.map((i) => [i.text.th, i.polarity])).toEqual([
      ['ข้อย่อยแรก', 'negative'],
      ['ข้อย่อยที่สองที่ต่อกัน', 'positive'],
    ]);
    expect(framework.scales[i1.items![0]!.scale]!.scores).toEqual([0, 50, 100]);
    expect(framework.questions.find((q) => q.code === 'I2')!.items![0]!.scale).toBe('yesno');
    expect(warnings.some((w) => w.reason.en.startsWith('New answer options'))).toBe(true);
    // EIT and OIT were not pasted: the base's stay.
    expect(framework.questions.filter((q) => q.code.startsWith('E'))).toHaveLength(15);
    expect(framework.oitItems).toEqual(base.oitItems);
  });

  it('reads 2 MB of hostile text in linear time', () => {
    const lines: string[] = ['แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)'];
    let length = 0;
    for (let i = 0; length < 2_000_000; i++) {
      const line =
        i % 3 === 0 ? `1${i % 999}. ${'ก'.repeat(20)}` : i % 3 === 1 ? `${' '.repeat(30)}ข${'.'.repeat(3)}` : '1'.repeat(40);
      lines.push(line);
      length += line.length + 1;
    }
    const text = lines.join('\n');
    const started = performance.now();
    const result = parseManualText(text);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(result.placed.length + result.unplaced.length + result.ignored.length).toBeGreaterThan(0);
  });
});
