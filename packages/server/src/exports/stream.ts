import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { toCsv, type CsvOptions, type CsvValue } from './csv.js';

/** Rows read from the database a chunk at a time (keyset pages): the exports never hold the whole table. */
export type RowBatches = AsyncIterable<readonly (readonly CsvValue[])[]>;

/** Rows of one chunk read at a time by every streamed export. */
export const EXPORT_CHUNK = 500;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The CSV of `toCsv`, byte for byte, written as the chunks are read: the header and BOM first, then
 * each chunk's records (every record ends with `\n`, so chunks join as one file).
 */
export function csvStream(columns: readonly string[], batches: RowBatches, options: CsvOptions = {}): Readable {
  async function* text() {
    yield toCsv(columns, [], options);
    for await (const rows of batches) {
      if (rows.length === 0) continue;
      // The header and BOM of each chunk are dropped: only its records follow.
      const chunk = toCsv([], rows, options);
      yield chunk.slice(chunk.indexOf('\n') + 1);
    }
  }
  return Readable.from(text(), { objectMode: false });
}

export interface XlsxSheet {
  name: string;
  columns: readonly string[];
  batches: RowBatches;
  /** Number formats by column (from 1), as the in-memory workbooks set them. */
  numFmt?: Record<number, string>;
}

/** Waits until the reader has taken what was written (or has gone), so that rows do not pile up in memory. */
async function taken(output: PassThrough): Promise<void> {
  if (!output.writableNeedDrain || output.destroyed) return;
  await Promise.race([once(output, 'drain'), once(output, 'close')]);
}

/**
 * One worksheet written row by row with exceljs's streaming writer: the header in bold, frozen
 * below it, each chunk's rows committed as they are read. The file goes out as it is zipped.
 */
export function xlsxStream(sheet: XlsxSheet): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Prongsai';
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const [column, format] of Object.entries(sheet.numFmt ?? {})) worksheet.getColumn(Number(column)).numFmt = format;
  void (async () => {
    const header = worksheet.addRow([...sheet.columns]);
    header.font = { bold: true };
    header.commit();
    for await (const rows of sheet.batches) {
      if (output.destroyed) return;
      for (const row of rows) worksheet.addRow([...row]).commit();
      await taken(output);
      // Other requests are served between chunks.
      await nextTurn();
    }
    worksheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}
