import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFramework } from './compile.js';
import { problemInThai, problemPathTh } from './problems-th.js';

const shipped = () =>
  JSON.parse(readFileSync(new URL('../../../../frameworks/bma-district-2566.json', import.meta.url), 'utf8')) as {
    tools: { code: string; weight: number }[];
    questions: { code: string; text: { th: string }; items: { scale: string }[] | null }[];
    oitItems: { code: string }[];
  };
const problemsOf = (data: unknown) => {
  const compiled = compileFramework(data, 'test');
  return compiled.ok ? [] : compiled.problems.map(problemInThai);
};

describe('framework problems in Thai', () => {
  it('names the place of a problem in Thai', () => {
    expect(problemPathTh('questions[2].items[0].text.th')).toBe('คำถาม ที่ 3 › ข้อย่อย ที่ 1 › ข้อความ › ภาษาไทย');
    expect(problemPathTh('(root)')).toBe('ทั้งชุด');
  });

  it("says in Thai what is wrong with a set's weights, codes, texts and scales", () => {
    const weights = shipped();
    weights.tools[0]!.weight -= 1;
    expect(problemsOf(weights)).toContain('เครื่องมือ: น้ำหนักของเครื่องมือรวมกันได้ 99 ต้องเป็น 100');

    const code = shipped();
    code.questions[0]!.code = 'i1';
    expect(problemsOf(code)).toEqual(['คำถาม ที่ 1 › รหัส: รหัสคำถามต้องเป็นอักษรตัวใหญ่ตามด้วยตัวเลข เช่น I1 หรือ E12']);

    const text = shipped();
    text.questions[1]!.text.th = '';
    expect(problemsOf(text)).toEqual(['คำถาม ที่ 2 › ข้อความ › ภาษาไทย: ต้องไม่เว้นว่าง']);

    const scale = shipped();
    scale.questions[0]!.items![0]!.scale = 'nope';
    expect(problemsOf(scale)).toEqual(['คำถาม ที่ 1 › ข้อย่อย ที่ 1 › มาตรวัด: ไม่มีมาตรวัด nope']);

    const twice = shipped();
    twice.oitItems[1]!.code = twice.oitItems[0]!.code;
    expect(problemsOf(twice)).toEqual([`ข้อ OIT ที่ 2 › รหัส: รหัส ${twice.oitItems[0]!.code} ซ้ำกัน`]);
  });
});
