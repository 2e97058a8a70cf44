import { decodeUtf8, InputError, parseCsvTable, type Table } from '@prongsai/core';
import { badRequest, HttpError } from '../http/errors.js';
import { readSheetsOffThread, type WorkbookSheet } from '../inputs/workbook-off-thread.js';

export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

const cell = (value: WorkbookSheet['rows'][number]['values'][number]): string => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? '' : String(value);
};

/** A staff roster's first sheet (XLSX, read in the reading worker behind the XLSX gate) or its rows (UTF-8 CSV), in memory only. */
export async function readRoster(file: { fileName: string; data: Buffer }): Promise<Table> {
  if (file.data.length > MAX_ROSTER_BYTES) throw badRequest('the roster is larger than 5 MB', 'ไฟล์รายชื่อมีขนาดเกิน 5 MB');
  if (file.data.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    let sheets: WorkbookSheet[];
    try {
      sheets = await readSheetsOffThread(file.data, file.fileName);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      throw new HttpError(
        422,
        'invalid-file',
        `the roster cannot be read: ${error.message}`,
        `อ่านไฟล์รายชื่อไม่ได้: ${error.problems.map((p) => p.th).join(' ')}`,
        error.problems,
      );
    }
    const sheet = sheets[0];
    if (!sheet) throw new HttpError(422, 'invalid-file', 'the roster workbook has no sheet', 'ไฟล์รายชื่อไม่มีแผ่นงาน');
    const rows: Table['rows'] = [];
    let header: string[] = [];
    for (const row of sheet.rows) {
      const values = row.values.map(cell);
      if (row.number === 1) header = values;
      else rows.push({ row: row.number, cells: values });
    }
    return { file: file.fileName, header, rows };
  }
  try {
    return parseCsvTable(decodeUtf8(file.data, file.fileName), file.fileName);
  } catch {
    throw badRequest('the roster is neither UTF-8 CSV nor XLSX', 'อ่านไฟล์รายชื่อไม่ได้ ใช้ไฟล์ CSV (UTF-8) หรือ XLSX');
  }
}
