import { inflateRawSync } from 'node:zlib';

/**
 * What a workbook may hold before it is read. A results workbook has a few thousand rows; these
 * leave room for raw responses while stopping a small file that inflates to millions of cells.
 */
export const XLSX_LIMITS = {
  /** Bytes after inflating, all parts together: counted as they inflate, not taken from headers. */
  inflatedBytes: 64 * 1024 * 1024,
  entries: 2000,
  rowsPerSheet: 200_000,
  columnsPerSheet: 500,
  cellsPerSheet: 1_500_000,
  /** Cells of all sheets together: each becomes an object in ExcelJS, whichever sheet holds it. */
  cells: 2_000_000,
  /** Entries of the shared-string table (each one object in ExcelJS). */
  sharedStrings: 1_000_000,
  /** XML elements of every part ExcelJS parses, together, and how deep they may nest. */
  elements: 8_000_000,
  depth: 64,
};
export type ZipLimits = typeof XLSX_LIMITS;

const REFERENCE = /\br="([A-Z]{0,3})(\d{1,7})"/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/**
 * A workbook refused before reading, with problems in the shape of the core's `InputError`
 * (kept free of the core here, so the reading worker starts fast).
 */
export class ZipLimitError extends Error {
  constructor(readonly problems: { file: string; message: string; th: string }[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'ZipLimitError';
  }
}

class LimitExceeded extends Error {
  constructor(
    readonly en: string,
    readonly th: string,
    readonly unknownPart = false,
  ) {
    super(en);
  }
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeader: number;
}

/**
 * The entries of a ZIP from its central directory. Read here rather than through a ZIP library
 * so that each part can then be inflated by Node's native zlib with a hard output cap
 * (`maxOutputLength`): it stops at the limit instead of inflating what a header claims.
 */
function centralDirectory(bytes: Buffer, limits: Pick<ZipLimits, 'entries'>): ZipEntry[] {
  const searchFrom = Math.max(0, bytes.length - 65_557);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no ZIP directory (the file is cut short or not a ZIP)');
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('ZIP64 archives are not accepted');
  if (count > limits.entries) {
    throw new LimitExceeded(`more than ${limits.entries} parts in the ZIP`, `ไฟล์มีส่วนประกอบเกิน ${limits.entries} ส่วน`);
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) throw new Error('damaged ZIP directory');
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const entry = {
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      localHeader: bytes.readUInt32LE(offset + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.localHeader === 0xffffffff) {
      throw new Error('ZIP64 archives are not accepted');
    }
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The names of a ZIP's parts, from its central directory, nothing inflated: what an Office document
 * is told apart by. The same reading, and the same limit on parts, as the workbook gate; throws on a
 * file that is not a ZIP, is damaged, or has more than `limits.entries` parts.
 */
export function zipPartNames(data: Uint8Array, limits: Pick<ZipLimits, 'entries'> = XLSX_LIMITS): string[] {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
  return centralDirectory(bytes, limits).map((entry) => entry.name);
}

function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) throw new Error(`damaged ZIP part ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new Error(`ZIP part ${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** A tag: closing slash, name, attributes, self-closing slash. `<?…?>` and `<!…>` are passed over. */
const ANY_TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?![\w.:-])([^>]*)>/g;

/**
 * Counts one XML part as a SAX reader would meet it: its elements and nesting depth, and in a
 * worksheet its cells, rows and columns, refusing the part past the limits. `totals` carries the
 * workbook's cells and elements across parts.
 */
function countPart(
  xml: string,
  part: string,
  kind: PartKind,
  limits: ZipLimits,
  totals: { cells: number; elements: number; strings: number },
) {
  const counts = { cells: 0, rows: 0, columns: 0 };
  const sheet = part.replace(/^xl\/worksheets\//, '');
  let row = 0;
  let column = 0;
  let depth = 0;
  ANY_TAG.lastIndex = 0;
  for (let m = ANY_TAG.exec(xml); m; m = ANY_TAG.exec(xml)) {
    if (m[1]) {
      depth--;
      continue;
    }
    if (!m[3]!.endsWith('/')) depth++;
    if (depth > limits.depth) {
      throw new LimitExceeded(`${part} nests deeper than ${limits.depth}`, `ส่วน ${part} ซ้อนกันลึกเกิน ${limits.depth} ชั้น`);
    }
    if (++totals.elements > limits.elements) {
      throw new LimitExceeded(
        `more than ${limits.elements.toLocaleString('en-US')} XML elements`,
        `มีองค์ประกอบ XML เกิน ${limits.elements.toLocaleString('th-TH')} รายการ`,
      );
    }
    const name = m[2]!.replace(/^[^:]*:/, '');
    if (kind === 'strings' && name === 'si' && ++totals.strings > limits.sharedStrings) {
      throw new LimitExceeded(
        `more than ${limits.sharedStrings.toLocaleString('en-US')} shared strings`,
        `มีข้อความในตารางข้อความร่วมเกิน ${limits.sharedStrings.toLocaleString('th-TH')} รายการ`,
      );
    }
    if (kind !== 'sheet' || (name !== 'row' && name !== 'c')) continue;
    const reference = REFERENCE.exec(m[3]!);
    if (name === 'row') {
      row = reference ? Number(reference[2]) : row + 1;
      column = 0;
      counts.rows = Math.max(counts.rows, row);
      if (counts.rows > limits.rowsPerSheet) {
        throw new LimitExceeded(
          `${sheet} reaches row ${counts.rows.toLocaleString('en-US')} (at most ${limits.rowsPerSheet.toLocaleString('en-US')})`,
          `แผ่นงาน ${sheet} มีแถวเกิน ${limits.rowsPerSheet.toLocaleString('th-TH')} แถว`,
        );
      }
    } else {
      counts.cells++;
      column = reference?.[1] ? columnNumber(reference[1]) : column + 1;
      counts.columns = Math.max(counts.columns, column);
      if (counts.cells > limits.cellsPerSheet) {
        throw new LimitExceeded(
          `${sheet} has more than ${limits.cellsPerSheet.toLocaleString('en-US')} cells`,
          `แผ่นงาน ${sheet} มีเซลล์เกิน ${limits.cellsPerSheet.toLocaleString('th-TH')} เซลล์`,
        );
      }
      if (++totals.cells > limits.cells) {
        throw new LimitExceeded(
          `the sheets have more than ${limits.cells.toLocaleString('en-US')} cells together`,
          `ทุกแผ่นงานรวมกันมีเซลล์เกิน ${limits.cells.toLocaleString('th-TH')} เซลล์`,
        );
      }
      if (counts.columns > limits.columnsPerSheet) {
        throw new LimitExceeded(
          `${sheet} reaches column ${counts.columns} (at most ${limits.columnsPerSheet})`,
          `แผ่นงาน ${sheet} มีคอลัมน์เกิน ${limits.columnsPerSheet} คอลัมน์`,
        );
      }
    }
  }
  return counts;
}

type PartKind = 'sheet' | 'strings' | 'xml' | 'binary';

/**
 * Every part ExcelJS (lib/xlsx/xlsx.js, `load`) would read, as it names them, anchored: it strips
 * one leading `/` and then matches names exactly or by unanchored patterns, so `a/xl/worksheets/
 * sheet1.xml`, `/xl/worksheets/sheet1.xml` or `xl/worksheets/sheet1.xml.old` would be read as a
 * sheet. Only the exact names below are accepted; a name that any of ExcelJS's patterns would
 * catch in another shape, or that is not listed, is a part the gate does not understand.
 */
const PARTS: [RegExp, PartKind][] = [
  [/^xl\/worksheets\/sheet\d{1,4}\.xml$/, 'sheet'],
  [/^xl\/sharedStrings\.xml$/, 'strings'],
  [/^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml)$/, 'xml'],
  [/^docProps\/(app|core|custom)\.xml$/, 'xml'],
  [/^xl\/worksheets\/_rels\/sheet\d{1,4}\.xml\.rels$/, 'xml'],
  [/^xl\/theme\/theme\d{1,4}\.xml$/, 'xml'],
  [/^xl\/drawings\/(drawing\d{1,4}\.xml|vmlDrawing\d{1,4}\.vml|_rels\/(drawing|vmlDrawing)\d{1,4}\.(xml|vml)\.rels)$/, 'xml'],
  [/^xl\/comments\d{1,4}\.xml$/, 'xml'],
  [/^xl\/tables\/table\d{1,4}\.xml$/, 'xml'],
  // Parts Excel writes and ExcelJS passes over (still inflated by it, so still counted in bytes).
  [/^xl\/(calcChain|metadata|connections)\.xml$/, 'xml'],
  [/^xl\/(printerSettings\/printerSettings\d{1,4}\.bin|media\/[A-Za-z0-9]{1,64}\.(png|jpe?g|gif|emf|wmf|bmp|tiff?))$/, 'binary'],
  [/^xl\/(persons\/person|threadedComments\/threadedComment\d{1,4})\.xml$/, 'xml'],
  [/^customXml\/(_rels\/)?item(Props)?\d{1,4}\.xml(\.rels)?$/, 'xml'],
];

/** What ExcelJS would make of a part name (its own patterns, unanchored): only for refusing look-alikes. */
const EXCELJS_PATTERNS = [
  /xl\/worksheets\/sheet(\d+)[.]xml/,
  /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/,
  /xl\/theme\/([a-zA-Z0-9]+)[.]xml/,
  /xl\/media\//,
  /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/,
  /xl\/(comments\d+)[.]xml/,
  /xl\/tables\/(table\d+)[.]xml/,
  /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/,
  /xl\/drawings\/(vmlDrawing\d+)[.]vml/,
];

function partKind(name: string): PartKind {
  for (const [pattern, kind] of PARTS) if (pattern.test(name)) return kind;
  const lookalike = EXCELJS_PATTERNS.some((p) => p.test(name));
  throw new LimitExceeded(
    `part ${JSON.stringify(name.slice(0, 120))} is not one the reader knows${lookalike ? ' (the reader would take it for another part)' : ''}`,
    `ไฟล์ Excel มีส่วนที่ระบบไม่รู้จัก (${name.slice(0, 120)}) กรุณาบันทึกใหม่เป็นไฟล์ Excel (.xlsx) ธรรมดา`,
    true,
  );
}

/**
 * Checks a ZIP (XLSX) before anything reads it: at most `entries` parts, at most
 * `inflatedBytes` once inflated (measured while inflating, whatever the headers say), and in
 * each worksheet at most so many cells, rows and columns. Throws a `ZipLimitError` with a Thai
 * message; returns the counts when the file is within the limits.
 */
export function checkZipLimits(data: Uint8Array, file: string, limits: ZipLimits = XLSX_LIMITS) {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
  let inflated = 0;
  const sheets = new Map<string, { cells: number; rows: number; columns: number }>();
  const totals = { cells: 0, elements: 0, strings: 0 };
  try {
    const entries = centralDirectory(bytes, limits);
    const seen = new Set<string>();
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      // Understood before inflated: an unknown part is refused whatever it holds.
      const kind = partKind(entry.name);
      if (seen.has(entry.name)) throw new Error(`part ${entry.name} appears twice`);
      seen.add(entry.name);
      const compressed = entryData(bytes, entry);
      const budget = limits.inflatedBytes - inflated;
      let content: Buffer;
      if (entry.method === 0) content = compressed;
      else if (entry.method === 8) {
        try {
          content = inflateRawSync(compressed, { maxOutputLength: Math.max(1, budget) });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') content = Buffer.alloc(budget + 1);
          else throw error;
        }
      } else throw new Error(`ZIP part ${entry.name} uses compression method ${entry.method}`);
      inflated += content.length;
      if (inflated > limits.inflatedBytes) {
        throw new LimitExceeded(
          `inflates to more than ${limits.inflatedBytes / 1048576} MB`,
          `ข้อมูลในไฟล์เมื่อขยายแล้วเกิน ${limits.inflatedBytes / 1048576} MB`,
        );
      }
      if (kind === 'binary') continue;
      const counts = countPart(content.toString('latin1'), entry.name, kind, limits, totals);
      if (kind === 'sheet') sheets.set(entry.name.replace(/^xl\/worksheets\//, ''), counts);
    }
    return { inflated, entries: entries.length, sheets };
  } catch (error) {
    if (error instanceof LimitExceeded && error.unknownPart) {
      throw new ZipLimitError([{ file, message: `the workbook cannot be read: ${error.en}`, th: error.th }]);
    }
    if (error instanceof LimitExceeded) {
      throw new ZipLimitError([
        {
          file,
          message: `the workbook is too large to read: ${error.en}`,
          th: `ไฟล์ XLSX มีข้อมูลมากเกินกว่าจะอ่านได้: ${error.th} กรุณาลบแถวหรือคอลัมน์ที่ไม่ใช้ออก หรือแบ่งเป็นหลายไฟล์`,
        },
      ]);
    }
    throw new ZipLimitError([
      {
        file,
        message: `cannot read the XLSX workbook (damaged or not XLSX): ${(error as Error).message}`,
        th: 'อ่านไฟล์ XLSX ไม่ได้ (ไฟล์เสียหรือไม่ใช่ไฟล์ XLSX)',
      },
    ]);
  }
}
