import { describe, expect, it } from 'vitest';
import { compileFramework } from '../framework/compile.js';
import type { LevelSchemeData } from '../framework/schema.js';
import { loadFramework } from '../test-support/files.js';
import { determineLevel, levelTable } from './levels.js';

const scheme = loadFramework('bma-district-2566').data.levels;
const level = (total: number, tools: number[]) => determineLevel(scheme, total, tools).name.th;

describe('the five ITA levels', () => {
  it.each([
    [84.99, [90, 90, 80], 'ต้องปรับปรุง'],
    [85.0, [85, 85, 85], 'ผ่านดี'],
    [85.0, [84.99, 90, 85], 'ผ่าน'],
    [94.99, [95, 95, 94.99], 'ผ่านดี'],
    [95.0, [95, 95, 95], 'ผ่านดีเยี่ยม'],
    [95.0, [94.99, 96, 96], 'ผ่านดี'],
    [95.0, [84.99, 100, 100], 'ผ่าน'],
    [70.0, [70, 70, 70], 'ต้องปรับปรุง'],
    [69.99, [70, 70, 69], 'ต้องปรับปรุงโดยด่วน'],
    [0, [0, 0, 0], 'ต้องปรับปรุงโดยด่วน'],
    [100, [100, 100, 100], 'ผ่านดีเยี่ยม'],
  ])('%s with tools %j is %s', (total, tools, expected) => {
    expect(level(total, tools)).toBe(expected);
  });

  it('compares the published 2-decimal values', () => {
    expect(level(84.995, [90, 90, 90])).toBe('ผ่านดี');
    expect(level(84.994, [90, 90, 90])).toBe('ต้องปรับปรุง');
    expect(level(96, [94.996, 96, 96])).toBe('ผ่านดีเยี่ยม');
  });
});

describe('NACC letter grades', () => {
  const grades: LevelSchemeData = {
    id: 'nacc-grades',
    name: { th: 'ระดับผลการประเมิน ITA (AA–F)' },
    levels: [
      { id: 'AA', name: { th: 'AA' }, min: 95 },
      { id: 'A', name: { th: 'A' }, min: 85 },
      { id: 'B', name: { th: 'B' }, min: 75 },
      { id: 'C', name: { th: 'C' }, min: 65 },
      { id: 'D', name: { th: 'D' }, min: 55 },
      { id: 'E', name: { th: 'E' }, min: 50 },
      { id: 'F', name: { th: 'F' }, min: 0 },
    ],
  };

  it('is a level scheme the framework format accepts', () => {
    const data = structuredClone(loadFramework('bma-district-2566').data);
    const result = compileFramework({ ...data, levels: grades }, 'grades.json');
    expect(result.ok).toBe(true);
  });

  it.each([
    [95, 'AA'],
    [94.99, 'A'],
    [85, 'A'],
    [84.99, 'B'],
    [49.99, 'F'],
  ])('%s is %s', (total, grade) => {
    expect(determineLevel(grades, total, [total, total, total]).id).toBe(grade);
  });
});

describe('the table of levels the measures document prints', () => {
  it('reads as seed 001 does for the BMA five-level scheme', () => {
    const fw = loadFramework('bma-district-2566');
    const rows = levelTable(
      fw.data.levels,
      fw.tools.map((t) => t.code),
    ).map((r) => [r.level.name.th, `${r.from.toFixed(2)} – ${r.to.toFixed(2)}`, r.condition]);
    expect(rows).toEqual([
      ['ผ่านดีเยี่ยม', '95.00 – 100.00', 'IIT, EIT และ OIT ทุกเครื่องมือได้ 95 คะแนน'],
      ['ผ่านดี', '85.00 – 100.00', 'IIT, EIT และ OIT ทุกเครื่องมือได้ 85 คะแนน'],
      ['ผ่าน', '85.00 – 100.00', 'IIT, EIT และ OIT บางเครื่องมือได้น้อยกว่า 85 คะแนน'],
      ['ต้องปรับปรุง', '70.00 – 84.99', 'ไม่มีเงื่อนไข'],
      ['ต้องปรับปรุงโดยด่วน', '0.00 – 69.99', 'ไม่มีเงื่อนไข'],
    ]);
  });

  it('gives plain bands to a scheme without tool conditions (AA–F)', () => {
    const scheme = {
      id: 'aa-f',
      name: { th: 'AA–F', en: 'AA–F' },
      basis: 'rounded',
      levels: [
        { id: 'AA', name: { th: 'AA', en: 'AA' }, min: 95 },
        { id: 'A', name: { th: 'A', en: 'A' }, min: 85 },
        { id: 'F', name: { th: 'F', en: 'F' }, min: 0 },
      ],
    };
    expect(levelTable(scheme as never, ['IIT']).map((r) => [r.from, r.to, r.condition])).toEqual([
      [95, 100, 'ไม่มีเงื่อนไข'],
      [85, 94.99, 'ไม่มีเงื่อนไข'],
      [0, 84.99, 'ไม่มีเงื่อนไข'],
    ]);
  });
});
