import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import {
  decodeUtf8,
  detectFormat,
  InputError,
  jsonTable,
  parseCsvTable,
  RawCsvParser,
  readTable,
  type Cell,
  type CompiledFramework,
  type ScoreInput,
  type Table,
} from '@prongsai/core';
import { readSheetsOffThread } from './workbook-off-thread.js';

/** Larger files are refused rather than read into memory (raw CSV is streamed and has no limit). */
export const MAX_TABLE_BYTES = 200 * 1024 * 1024;

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * One worksheet as a table; the first row is the header. Used inside the reading worker, where
 * the workbook has passed the XLSX gate; everything else reads through `readSheetsOffThread`.
 */
export function worksheetTable(sheet: ExcelJS.Worksheet, file: string): Table {
  const rows: Table['rows'] = [];
  let header: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // ExcelJS row values are 1-based.
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    if (!header) header = values.map((v) => String(v ?? '').trim());
    else rows.push({ row: rowNumber, cells: values });
  });
  if (!header) throw new InputError([{ file, message: 'the first worksheet is empty', th: 'แผ่นงานแรกว่างเปล่า' }]);
  return { file, header, rows };
}

/** The first worksheet of an XLSX file as a table, read in the reading worker behind the XLSX gate. */
export async function readXlsxTable(bytes: Uint8Array, file: string): Promise<Table> {
  const sheet = (await readSheetsOffThread(bytes, file))[0];
  if (!sheet) throw new InputError([{ file, message: 'the workbook has no worksheet', th: 'ไฟล์ไม่มีแผ่นงาน' }]);
  const rows: Table['rows'] = [];
  let header: string[] | null = null;
  for (const row of sheet.rows) {
    const values = row.values.map((v): Cell => (v instanceof Date ? v.toISOString() : v));
    if (!header) header = values.map((v) => String(v ?? '').trim());
    else rows.push({ row: row.number, cells: values });
  }
  if (!header) throw new InputError([{ file, message: 'the first worksheet is empty', th: 'แผ่นงานแรกว่างเปล่า' }]);
  return { file, header, rows };
}

async function firstLine(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}

/**
 * Streams a raw-responses CSV through the byte-level tally, reading into one reused buffer, so
 * memory does not grow with the number of respondents.
 */
export async function streamRawCsv(framework: CompiledFramework, path: string, file = path): Promise<ScoreInput> {
  const parser = new RawCsvParser(framework, file);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      parser.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return parser.finish().toScoreInput();
}

/**
 * Reads one input file (CSV, XLSX or JSON, recognised by extension and header) into
 * scoring input. User errors are `InputError`s naming the file, row and problem.
 */
export async function readScoreFile(framework: CompiledFramework, path: string, file = path): Promise<ScoreInput> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError([{ file, message: 'the file does not exist or cannot be read', th: 'ไม่พบไฟล์หรืออ่านไฟล์ไม่ได้' }]);
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv' || extension === '.txt' || extension === '') {
    const header = await firstLine(path);
    if (detectFormat(header.split(',').map((h) => h.trim().replace(/^"(.*)"$/, '$1'))) === 'raw-responses') {
      return streamRawCsv(framework, path, file);
    }
  }
  if (size > MAX_TABLE_BYTES) {
    throw new InputError([
      {
        file,
        message: `the file is ${Math.round(size / 1048576)} MB; at most ${MAX_TABLE_BYTES / 1048576} MB can be read`,
        th: `ไฟล์มีขนาด ${Math.round(size / 1048576)} MB เกินขนาดที่อ่านได้ (${MAX_TABLE_BYTES / 1048576} MB)`,
      },
    ]);
  }
  const bytes = await readFile(path);
  switch (extension) {
    case '.xlsx':
      return readTable(framework, await readXlsxTable(bytes, file));
    case '.json': {
      let value: unknown;
      try {
        value = JSON.parse(decodeUtf8(bytes, file));
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError([{ file, message: `not valid JSON: ${(error as Error).message}`, th: 'ไฟล์ JSON มีรูปแบบไม่ถูกต้อง' }]);
      }
      return readTable(framework, jsonTable(value, file));
    }
    case '.csv':
    case '.txt':
    case '':
      return readTable(framework, parseCsvTable(decodeUtf8(bytes, file), file));
    default:
      throw new InputError([
        {
          file,
          message: `unsupported file type "${extension}"; use .csv, .xlsx or .json`,
          th: `ไม่รองรับไฟล์ชนิด "${extension}" ใช้ได้เฉพาะ .csv, .xlsx หรือ .json`,
        },
      ]);
  }
}
