import { MAX_EVIDENCE_BYTES, processUpload, sniff } from '../evidence/process.js';
import { HttpError } from '../http/errors.js';
import { zipPartNames } from '../inputs/zip-limits.js';

const OFFICE_TYPES = {
  docx: { part: 'word/document.xml', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { part: 'xl/workbook.xml', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
} as const;

export interface OitDocument {
  mime: string;
  extension: string;
  file: Buffer;
  /** Served inline (PDF, images) or only as a download (DOCX, XLSX). */
  inline: boolean;
}

const rejected = (message: string, th: string) => new HttpError(422, 'invalid-upload', message, th);

/**
 * Which Office Open XML document a ZIP holds, from its parts, never from its name. The parts are
 * listed by the one ZIP reader (`inputs/zip-limits.ts`), nothing inflated, within its limit on parts.
 */
function officeType(data: Buffer): keyof typeof OFFICE_TYPES | null {
  if (data.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') return null;
  try {
    const parts = new Set(zipPartNames(data));
    if (!parts.has('[Content_Types].xml')) return null;
    for (const [type, { part }] of Object.entries(OFFICE_TYPES)) if (parts.has(part)) return type as keyof typeof OFFICE_TYPES;
    return null;
  } catch {
    return null;
  }
}

/**
 * Checks an OIT document: PDFs and images as the progress evidence is checked (images re-encoded
 * without metadata), Word and Excel files kept as they are, to be served only as downloads.
 */
export async function processOitDocument(data: Buffer): Promise<OitDocument> {
  if (data.length === 0) throw rejected('the file is empty', 'ไฟล์ว่างเปล่า');
  if (data.length > MAX_EVIDENCE_BYTES) {
    throw rejected(
      `the file is larger than ${MAX_EVIDENCE_BYTES / 1048576} MB`,
      `ไฟล์มีขนาดเกิน ${MAX_EVIDENCE_BYTES / 1048576} MB`,
    );
  }
  if (!sniff(data)) {
    const office = officeType(data);
    if (!office) {
      throw rejected(
        'unsupported file type; use PDF, JPEG, PNG, WebP, HEIC, DOCX or XLSX',
        'ไม่รองรับไฟล์ชนิดนี้ ใช้ได้เฉพาะ PDF, JPEG, PNG, WebP, HEIC, DOCX หรือ XLSX',
      );
    }
    return { mime: OFFICE_TYPES[office].mime, extension: office, file: data, inline: false };
  }
  const processed = await processUpload(data);
  return { mime: processed.mime, extension: processed.extension, file: processed.file, inline: true };
}

/** A file name fit for a Content-Disposition header and a URL: the uploader's name without path or control characters. */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .replace(/["<>|*?:]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 120);
  return `${base || 'document'}.${extension}`;
}
