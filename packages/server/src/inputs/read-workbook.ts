import ExcelJS from 'exceljs';
import {
  detectFormat,
  InputError,
  isRespondentStatsHeader,
  mergeImportContents,
  readImportTable,
  type CompiledFramework,
  type ImportContent,
} from '@prongsai/core';
import { worksheetTable } from './read-file.js';

const LABEL_COLUMNS = new Set(['code', 'item', 'text', 'name', 'tool', 'dimension', 'label']);

function problem(file: string, message: string, th: string): InputError {
  return new InputError([{ file, message, th }]);
}

/**
 * Every worksheet whose header is an import format; others (instructions) are passed over. Runs
 * only in the reading worker, after the XLSX gate (`checkZipLimits`) has passed the file: the
 * service calls `readWorkbookOffThread`.
 */
export async function readWorkbook(framework: CompiledFramework, data: Buffer, file: string): Promise<ImportContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    throw problem(
      file,
      `cannot read the XLSX workbook (damaged or not XLSX): ${(error as Error).message}`,
      'อ่านไฟล์ XLSX ไม่ได้ (ไฟล์เสียหรือไม่ใช่ไฟล์ XLSX)',
    );
  }
  const contents: ImportContent[] = [];
  for (const sheet of workbook.worksheets) {
    const table = worksheetTable(sheet, `${file} [${sheet.name}]`);
    const known = detectFormat(table.header) !== null || isRespondentStatsHeader(table.header);
    // A template sheet left empty (only its codes and labels filled) adds nothing.
    const valueColumns = table.header.map((h, i) => (LABEL_COLUMNS.has(h.trim().toLowerCase()) ? -1 : i)).filter((i) => i >= 0);
    const empty = table.rows.every((r) =>
      valueColumns.every((i) => r.cells[i] === null || r.cells[i] === undefined || String(r.cells[i]).trim() === ''),
    );
    if (!known || empty) continue;
    contents.push(readImportTable(framework, table));
  }
  if (contents.length === 0) {
    throw problem(file, 'no worksheet holds results in a known format', 'ไม่มีแผ่นงานใดที่มีผลการประเมินในรูปแบบที่รองรับ');
  }
  return mergeImportContents(contents);
}
