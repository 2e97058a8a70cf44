import ExcelJS from 'exceljs';
import { decodeUtf8, parseCsvTable, type Table } from '@prongsai/core';
import { badRequest } from '../http/errors.js';
import { checkZipLimits, ZipLimitError } from '../inputs/zip-limits.js';

export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

const cell = (value: ExcelJS.CellValue): string => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (value && typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return value === null || value === undefined ? '' : String(value);
};

/** A staff roster's first sheet (XLSX) or its rows (UTF-8 CSV), read in memory only. */
export async function readRoster(file: { fileName: string; data: Buffer }): Promise<Table> {
  if (file.data.length > MAX_ROSTER_BYTES) throw badRequest('the roster is larger than 5 MB', 'ไฟล์รายชื่อมีขนาดเกิน 5 MB');
  if (file.data.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    try {
      checkZipLimits(file.data, file.fileName);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const rows: Table['rows'] = [];
      let header: string[] = [];
      sheet.eachRow((row, number) => {
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cell);
        if (number === 1) header = values;
        else rows.push({ row: number, cells: values });
      });
      return { file: file.fileName, header, rows };
    } catch (error) {
      throw badRequest(
        `the roster cannot be read: ${error instanceof ZipLimitError ? error.message : 'not an XLSX workbook'}`,
        'อ่านไฟล์รายชื่อไม่ได้ ใช้ไฟล์ CSV (UTF-8) หรือ XLSX',
      );
    }
  }
  try {
    return parseCsvTable(decodeUtf8(file.data, file.fileName), file.fileName);
  } catch {
    throw badRequest('the roster is neither UTF-8 CSV nor XLSX', 'อ่านไฟล์รายชื่อไม่ได้ ใช้ไฟล์ CSV (UTF-8) หรือ XLSX');
  }
}
