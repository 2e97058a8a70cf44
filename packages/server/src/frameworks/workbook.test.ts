import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { compileFramework } from '@prongsai/core';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors.js';
import { FRAMEWORK_SHEETS, frameworkToWorkbook, locateProblems, workbookError, workbookToFramework } from './workbook.js';

const dir = new URL('../../../../frameworks/', import.meta.url);
const SHIPPED = readdirSync(fileURLToPath(dir))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const shipped = (id: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`${id}.json`, dir)), 'utf8')) as Record<string, unknown>;

const load = async (data: Buffer) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
};
const save = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
/** The cell of a column (by its English key in row 2) on a row. */
const cell = (workbook: ExcelJS.Workbook, sheet: string, row: number, key: string) => {
  const ws = workbook.getWorksheet(sheet)!;
  let column = 0;
  ws.getRow(2).eachCell((c, n) => {
    if (c.value === key) column = n;
  });
  if (!column) throw new Error(`no column ${key} on ${sheet}`);
  return ws.getRow(row).getCell(column);
};

describe('frameworks as workbooks', () => {
  it('ships at least the four sets', () => expect(SHIPPED.length).toBeGreaterThanOrEqual(4));

  it.each(SHIPPED)('reads %s back from its workbook exactly', async (id) => {
    const original = compileFramework(shipped(id), id);
    if (!original.ok) throw new Error('shipped framework invalid');
    const read = await workbookToFramework(await frameworkToWorkbook(shipped(id)), `${id}.xlsx`);
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    expect(read.data).toEqual(shipped(id));
    const again = compileFramework(read.data, `${id}.xlsx`);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.framework.data).toEqual(original.framework.data);
  });

  it('keeps every optional part the schema holds: older provenance notes, topics, groups, weights, earlier codes', async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the set's JSON, edited freely
    const data = shipped('bma-district-2566') as any;
    data.$schema = '../schema/framework.schema.json';
    data.provenance = ['seed 001, line 4: the names', 'fixture bang-khae-2566'];
    data.unknowns = ['the weights of sub-indicators, if any'];
    data.agencyKinds = ['district', 'special-area'];
    data.analysisThreshold = 87.5;
    data.indicators[8].description = { th: 'คำอธิบาย, มีจุลภาค', en: 'A description, with a comma' };
    data.indicators[8].aggregation = { method: 'sub-indicator-weights', weights: { '9.1': 2, '9.2': 1.5, '9.3': 1, '9.4': 1, '9.5': 1 }, status: 'published', note: 'ตามคู่มือ' };
    data.indicators[9].aggregation = { method: 'question-mean' };
    data.tools[0].aggregation = { method: 'question-mean', status: 'inferred' };
    data.tools[0].weightStatus = 'published';
    data.questions[0].previousCodes = ['I1', 'I2'];
    data.questions[0].topics = [{ th: 'งานทะเบียน', en: 'Registration' }, { th: 'งานอื่นๆ' }];
    data.questions[0].textStatus = 'short-label';
    data.questions[0].polarity = 'negative';
    data.questions[0].polarityStatus = 'deduced';
    data.questions[0].items[0].source = 'seed-001 line 9';
    data.oitItems[0].previousCodes = ['O1', 'O2'];
    data.oitItems[0].disclosure = { th: 'ข้อมูลที่เปิดเผย' };
    data.oitItems[1].name = null;
    data.oitItems[2].indicatorStatus = 'inferred';
    data.levels.levels[0].allToolsMin = 90;
    const read = await workbookToFramework(await frameworkToWorkbook(data), 'full.xlsx');
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    expect(read.data).toEqual(data);
    const compiled = compileFramework(read.data, 'full.xlsx');
    expect(compiled.ok ? [] : compiled.problems).toEqual([]);
  });

  it.each(SHIPPED)('writes %s without JSON in any cell, a sheet per part headed in Thai', async (id) => {
    const workbook = await load(await frameworkToWorkbook(shipped(id)));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(FRAMEWORK_SHEETS).map((s) => s.name));
    for (const ws of workbook.worksheets) {
      expect(ws.getRow(1).getCell(1).value).toMatch(/[ก-๙]/);
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(typeof c.value === 'object' && c.value !== null, `${ws.name}!${c.address}`).toBe(false);
          expect(String(c.value).trim(), `${ws.name}!${c.address}`).not.toMatch(/^[[{]/);
        }),
      );
    }
    // Lists are plain values separated by commas.
    expect(cell(workbook, 'ชุดคำถาม', 3, 'fiscalYears').value).toBe((shipped(id).fiscalYears as number[]).join(', '));
  });

  it('reads years and numbers typed in Thai digits', async () => {
    const workbook = await load(await frameworkToWorkbook(shipped('bma-district-2567')));
    cell(workbook, 'ชุดคำถาม', 3, 'fiscalYears').value = '๒๕๗๐, ๒๕๗๑';
    cell(workbook, 'ชุดคำถาม', 3, 'analysisThreshold').value = '๘๐';
    cell(workbook, 'เครื่องมือ', 3, 'weight').value = '๓๐';
    cell(workbook, 'OIT', 3, 'indicator').value = '๙';
    const read = await workbookToFramework(await save(workbook), 'fy2570.xlsx');
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    expect(read.data).toMatchObject({ fiscalYears: [2570, 2571], analysisThreshold: 80 });
    expect((read.data.tools as { weight: number }[])[0]!.weight).toBe(30);
    expect((read.data.oitItems as { indicator: number }[])[0]!.indicator).toBe(9);
    // Years typed apart by spaces read too.
    cell(workbook, 'ชุดคำถาม', 3, 'fiscalYears').value = '๒๕๗๐ ๒๕๗๑';
    const spaced = await workbookToFramework(await save(workbook), 'fy2570.xlsx');
    expect(spaced.ok && spaced.data.fiscalYears).toEqual([2570, 2571]);
  });

  it('lists each problem of a broken workbook at its sheet, row and column, in Thai, and reads nothing', async () => {
    const workbook = await load(await frameworkToWorkbook(shipped('bma-district-2567')));
    cell(workbook, 'ชุดคำถาม', 3, 'fiscalYears').value = '๒๕๗๐, ปีหน้า';
    cell(workbook, 'เครื่องมือ', 4, 'weight').value = 'สามสิบ';
    cell(workbook, 'ข้อย่อย', 5, 'question').value = 'I99';
    cell(workbook, 'เครื่องมือ', 5, 'aggregationWeights').value = '9:3';
    workbook.removeWorksheet(workbook.getWorksheet('ระดับ')!.id);
    const read = await workbookToFramework(await save(workbook), 'fy2570.xlsx');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['ชุดคำถาม', 3, 'D'],
      ['เครื่องมือ', 4, 'D'],
      ['เครื่องมือ', 5, 'H'],
      ['ข้อย่อย', 5, 'A'],
      ['ระดับ', undefined, undefined],
    ]);
    expect(read.problems.map((p) => p.messageTh)).toEqual([
      'แผ่นงาน "ชุดคำถาม" แถว 3 คอลัมน์ D (ปีงบประมาณ (พ.ศ. คั่นด้วยจุลภาค)): "ปีหน้า" ไม่ใช่ปี พ.ศ.',
      'แผ่นงาน "เครื่องมือ" แถว 4 คอลัมน์ D (น้ำหนัก (ร้อยละ)): "สามสิบ" ไม่ใช่ตัวเลข',
      'แผ่นงาน "เครื่องมือ" แถว 5 คอลัมน์ H (น้ำหนักตัวชี้วัด (ตัวชี้วัด=น้ำหนัก, …)): "9:3" ต้องเขียนเป็น รหัส=น้ำหนัก เช่น 9=3',
      'แผ่นงาน "ข้อย่อย" แถว 5 คอลัมน์ A (รหัสคำถาม): ไม่พบคำถาม "I99" ในแผ่นงาน "คำถาม"',
      'แผ่นงาน "ระดับ": ไม่พบแผ่นงาน "ระดับ" ในไฟล์',
    ]);
    expect(read.problems[1]!.message).toBe('sheet "เครื่องมือ", row 4, column D (weight): "สามสิบ" is not a number');
    // As the import answers it: one 422, every problem in Thai for the admin and in English for logs.
    const error = workbookError(read.problems);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(422);
    expect(error.th.split('\n')).toEqual(['ชุดคำถามมีปัญหา 5 รายการ ยังไม่ได้นำเข้า', ...read.problems.map((p) => p.messageTh)]);
    expect(error.message).toContain('row 4, column D (weight)');
    expect(error.details).toEqual(read.problems);
    // At most 50 are listed, the rest counted.
    const many = workbookError(Array.from({ length: 60 }, () => read.problems[1]!));
    expect(many.th.split('\n')).toHaveLength(52);
    expect(many.th).toMatch(/ชุดคำถามมีปัญหา 60 รายการ[^]*… และอีก 10 รายการ$/);
  });

  it("names the cell of a problem the framework's own checks find", async () => {
    const workbook = await load(await frameworkToWorkbook(shipped('bma-district-2567')));
    cell(workbook, 'OIT', 4, 'scoring').value = 'sometimes';
    cell(workbook, 'คำถาม', 3, 'indicator').value = 42;
    const read = await workbookToFramework(await save(workbook), 'fy2570.xlsx');
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('\n'));
    const compiled = compileFramework(read.data, 'fy2570.xlsx');
    if (compiled.ok) throw new Error('a broken set compiled');
    const located = locateProblems(compiled.problems, read.cells);
    expect(located.map((p) => p.path)).toEqual(['OIT!K4 (oitItems[1].scoring)']);
    expect(located[0]!.messageTh).toMatch(/^แผ่นงาน "OIT" แถว 4 คอลัมน์ K \(การให้คะแนน \(binary\/partial\)\): ค่าไม่อยู่ในตัวเลือกที่ใช้ได้ \(binary, partial\)$/);
    cell(workbook, 'OIT', 4, 'scoring').value = 'binary';
    const again = await workbookToFramework(await save(workbook), 'fy2570.xlsx');
    if (!again.ok) throw new Error('unreadable');
    const second = compileFramework(again.data, 'fy2570.xlsx');
    if (second.ok) throw new Error('a broken set compiled');
    expect(locateProblems(second.problems, again.cells).map((p) => `${p.sheet}!${p.column}${p.row}`)).toEqual(['คำถาม!B3']);
  });

  it('refuses what is not a workbook', async () => {
    const read = await workbookToFramework(Buffer.from('code,score\n'), 'x.xlsx');
    expect(read).toMatchObject({ ok: false, problems: [{ path: '(file)', message: expect.stringMatching(/not XLSX/) }] });
  });
});
