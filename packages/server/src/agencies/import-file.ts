import { decodeUtf8, InputError, parseCsvTable, type Table } from '@prongsai/core';
import { readSheetsOffThread, type WorkbookSheet } from '../inputs/workbook-off-thread.js';

/** An agency list larger than this is refused before it is read (8,300 agencies in CSV are about 1 MB). */
export const MAX_AGENCY_FILE_BYTES = 10 * 1024 * 1024;

const ZIP_MAGIC = 'PK\u0003\u0004';

const cell = (value: WorkbookSheet['rows'][number]['values'][number]): string => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? '' : String(value);
};

const refuse = (file: string, message: string, th: string) => new InputError([{ file, message, th }]);

/**
 * An agency list as a table: the first sheet of an XLSX (read in the reading worker, behind the
 * XLSX gate) or a UTF-8 CSV. The type is sniffed from the content and must agree with the name.
 */
export async function readAgencyFile(file: { fileName: string; data: Buffer }): Promise<Table> {
  const { fileName, data } = file;
  if (data.length === 0) throw refuse(fileName, 'the file is empty', 'ไฟล์ว่างเปล่า');
  if (data.length > MAX_AGENCY_FILE_BYTES) {
    throw refuse(fileName, 'the file is larger than 10 MB', 'ไฟล์มีขนาดเกิน 10 MB');
  }
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (data.subarray(0, 4).toString('latin1') === ZIP_MAGIC) {
    if (extension !== 'xlsx') {
      throw refuse(
        fileName,
        'the content is an XLSX workbook but the name says otherwise',
        'เนื้อหาไฟล์เป็น XLSX แต่นามสกุลไม่ใช่ .xlsx',
      );
    }
    const sheet = (await readSheetsOffThread(data, fileName))[0];
    if (!sheet) throw refuse(fileName, 'the workbook has no sheet', 'ไฟล์ไม่มีแผ่นงาน');
    let header: string[] = [];
    const rows: Table['rows'] = [];
    for (const row of sheet.rows) {
      const values = row.values.map(cell);
      if (header.length === 0) header = values.map((h) => h.trim());
      else rows.push({ row: row.number, cells: values });
    }
    return { file: fileName, header, rows };
  }
  if (extension === 'xlsx') throw refuse(fileName, 'the file is not a valid XLSX workbook', 'ไฟล์ไม่ใช่ไฟล์ XLSX ที่ถูกต้อง');
  if (extension !== 'csv') {
    throw refuse(
      fileName,
      `unsupported file type ".${extension}"; use .csv or .xlsx`,
      `ไม่รองรับไฟล์ ".${extension}" ใช้ไฟล์ .csv หรือ .xlsx`,
    );
  }
  return parseCsvTable(decodeUtf8(data, fileName), fileName);
}
