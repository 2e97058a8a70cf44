import {
  decodeUtf8,
  detectFormat,
  emptyScoreInput,
  InputError,
  isRespondentStatsHeader,
  jsonTable,
  parseCsvTable,
  parseNaccText,
  RawCsvParser,
  readImportTable,
  type CompiledFramework,
  type ImportContent,
  type UnreadLine,
} from '@prongsai/core';
import { readWorkbookOffThread } from './workbook-off-thread.js';

/** Uploads larger than this are refused before they are read. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type Upload = { kind: 'file'; fileName: string; data: Buffer } | { kind: 'text'; text: string };

export interface ReadUpload {
  content: ImportContent;
  /** `distributions`, `raw-responses`, `scores`, `indicator-scores`, `respondent-stats`, `workbook`, `pasted`. */
  format: string;
  fileName: string;
  unread: UnreadLine[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const isZip = (data: Buffer) => ZIP_MAGIC.every((b, i) => data[i] === b);

function problem(file: string, message: string, th: string): InputError {
  return new InputError([{ file, message, th }]);
}

/**
 * Reads an uploaded file or pasted text, checking its size and sniffing its type from the
 * content (an XLSX is a ZIP; everything else must be UTF-8 text), never from its name alone.
 */
export async function readUpload(framework: CompiledFramework, upload: Upload): Promise<ReadUpload> {
  if (upload.kind === 'text') {
    const pasted = parseNaccText(framework, upload.text);
    const read = pasted.counts.questions + pasted.counts.items + pasted.counts.oitItems + pasted.counts.indicators;
    if (read === 0) {
      throw problem('pasted text', 'no result rows were recognised in the pasted text', 'ไม่พบแถวผลการประเมินในข้อความที่วาง');
    }
    return {
      content: { input: pasted.input, oit: [], stats: [] },
      format: 'pasted',
      fileName: 'pasted text',
      unread: pasted.unread,
    };
  }
  const { fileName, data } = upload;
  if (data.length === 0) throw problem(fileName, 'the file is empty', 'ไฟล์ว่างเปล่า');
  if (data.length > MAX_UPLOAD_BYTES) {
    throw problem(
      fileName,
      `the file is larger than ${MAX_UPLOAD_BYTES / 1048576} MB`,
      `ไฟล์มีขนาดเกิน ${MAX_UPLOAD_BYTES / 1048576} MB`,
    );
  }
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (isZip(data)) {
    if (extension !== 'xlsx') {
      throw problem(
        fileName,
        'the content is a ZIP/XLSX file but the name says otherwise',
        'เนื้อหาไฟล์เป็น XLSX แต่นามสกุลไม่ใช่ .xlsx',
      );
    }
    return { content: await readWorkbookOffThread(framework, data, fileName), format: 'workbook', fileName, unread: [] };
  }
  if (extension === 'xlsx') throw problem(fileName, 'the file is not a valid XLSX workbook', 'ไฟล์ไม่ใช่ไฟล์ XLSX ที่ถูกต้อง');
  if (!['csv', 'json', 'txt'].includes(extension)) {
    throw problem(
      fileName,
      `unsupported file type ".${extension}"; use .csv, .xlsx, .json or paste the text`,
      `ไม่รองรับไฟล์ชนิด ".${extension}" ใช้ได้เฉพาะ .csv, .xlsx, .json หรือวางข้อความ`,
    );
  }
  const text = decodeUtf8(data, fileName);
  if (text.includes('\u0000')) throw problem(fileName, 'the file is binary, not text', 'ไฟล์ไม่ใช่ไฟล์ข้อความ');
  if (extension === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw problem(fileName, `not valid JSON: ${(error as Error).message}`, 'ไฟล์ JSON มีรูปแบบไม่ถูกต้อง');
    }
    const table = jsonTable(value, fileName);
    return {
      content: readImportTable(framework, table),
      format: detectFormat(table.header) ?? 'respondent-stats',
      fileName,
      unread: [],
    };
  }
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .split(',')
    .map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
  if (detectFormat(header) === 'raw-responses') {
    const parser = new RawCsvParser(framework, fileName);
    parser.push(data);
    return {
      content: { input: parser.finish().toScoreInput(), oit: [], stats: [] },
      format: 'raw-responses',
      fileName,
      unread: [],
    };
  }
  if (extension === 'txt' && detectFormat(header) === null && !isRespondentStatsHeader(header)) {
    return readUpload(framework, { kind: 'text', text });
  }
  const table = parseCsvTable(text, fileName);
  const content = readImportTable(framework, table);
  return {
    content,
    format: isRespondentStatsHeader(table.header) ? 'respondent-stats' : (detectFormat(table.header) ?? 'unknown'),
    fileName,
    unread: [],
  };
}

export { emptyScoreInput };
