import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { compileFramework } from '@prongsai/core';
import { describe, expect, it } from 'vitest';
import { frameworkToWorkbook, workbookToFramework } from './workbook.js';

const shipped = (id: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../frameworks/${id}.json`, import.meta.url)), 'utf8')) as Record<string, unknown>;

describe('frameworks as workbooks', () => {
  it.each(['bma-district-2566', 'bma-district-2567'])('reads %s back from its workbook exactly', async (id) => {
    const original = compileFramework(shipped(id), id);
    if (!original.ok) throw new Error('shipped framework invalid');
    const read = await workbookToFramework(await frameworkToWorkbook(shipped(id)), `${id}.xlsx`);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const again = compileFramework(read.data, `${id}.xlsx`);
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.framework.data).toEqual(original.framework.data);
  });

  it('names the sheet and row of a problem', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await frameworkToWorkbook(shipped('bma-district-2567'))) as unknown as ArrayBuffer);
    workbook.getWorksheet('oitItems')!.getCell('A3').value = 'item two';
    workbook.getWorksheet('questions')!.getCell('G2').value = '{ not json';
    const read = await workbookToFramework(Buffer.from(await workbook.xlsx.writeBuffer()), 'fy2568.xlsx');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['questions!2: is not valid JSON']);
    workbook.getWorksheet('questions')!.getCell('G2').value = null;
    const compiled = await workbookToFramework(Buffer.from(await workbook.xlsx.writeBuffer()), 'fy2568.xlsx');
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const result = compileFramework(compiled.data, 'fy2568.xlsx');
    expect(result.ok).toBe(false);
  });

  it('refuses what is not a workbook', async () => {
    const read = await workbookToFramework(Buffer.from('code,score\n'), 'x.xlsx');
    expect(read).toMatchObject({ ok: false, problems: [{ path: '(file)', message: expect.stringMatching(/not XLSX/) }] });
  });
});
