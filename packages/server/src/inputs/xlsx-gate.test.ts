import { describe, expect, it } from 'vitest';
import { HOSTILE_WORKBOOKS } from '../test-support/xlsx-bomb.js';
import { readSheetsOffThread } from './workbook-off-thread.js';
import { checkZipLimits, ZipLimitError } from './zip-limits.js';

describe('the XLSX gate', () => {
  for (const hostile of HOSTILE_WORKBOOKS) {
    it(`refuses ${hostile.name} before ExcelJS sees it, in Thai`, () => {
      const data = hostile.make();
      const started = performance.now();
      let refusal: unknown;
      try {
        checkZipLimits(data, `${hostile.name}.xlsx`);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(ZipLimitError);
      expect((refusal as ZipLimitError).problems[0]!.th).toMatch(hostile.th);
      expect(performance.now() - started).toBeLessThan(5000);
    });
  }

  it('reads a plain workbook of every sheet in the worker', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('one').addRow(['ฝ่าย', 'วันที่']);
    workbook.getWorksheet('one')!.addRow(['ฝ่ายทะเบียน', new Date('2020-06-01T00:00:00Z')]);
    workbook.addWorksheet('two').addRow([1, { richText: [{ text: 'a' }, { text: 'b' }] }]);
    const sheets = await readSheetsOffThread(Buffer.from(await workbook.xlsx.writeBuffer()), 'plain.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(['one', 'two']);
    expect(sheets[0]!.rows[1]!.values).toEqual(['ฝ่ายทะเบียน', new Date('2020-06-01T00:00:00Z')]);
    expect(sheets[1]!.rows[0]).toEqual({ number: 1, values: [1, 'ab'] });
  });
});
