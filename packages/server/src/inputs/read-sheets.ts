import ExcelJS from 'exceljs';
import type { WorkbookSheet } from './workbook-off-thread.js';

type Value = WorkbookSheet['rows'][number]['values'][number];

/** A cell as plain data: formulas by their result, rich text and links by their text, dates kept. */
export function plainCell(value: ExcelJS.CellValue): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value as unknown);
}

/**
 * Reads every worksheet's rows with ExcelJS. Runs only in the reading worker, after the gate of
 * `checkZipLimits`: call `readSheetsOffThread`, never this, from the service.
 */
export async function readSheets(data: Buffer, file: string): Promise<WorkbookSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    const problem = {
      file,
      message: `cannot read the XLSX workbook (damaged or not XLSX): ${(error as Error).message}`,
      th: 'อ่านไฟล์ XLSX ไม่ได้ (ไฟล์เสียหรือไม่ใช่ไฟล์ XLSX)',
    };
    throw Object.assign(new Error(problem.message), { problems: [problem] });
  }
  return workbook.worksheets.map((sheet) => {
    const rows: WorkbookSheet['rows'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      rows.push({ number, values: (row.values as ExcelJS.CellValue[]).slice(1).map(plainCell) });
    });
    return { name: sheet.name, rows };
  });
}
