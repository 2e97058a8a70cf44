import { Zip, ZipDeflate, strToU8 } from 'fflate';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/**
 * An XLSX whose one sheet holds `rows` (rounded up to a thousand) × `columns` empty cells: a few MB that inflate to
 * hundreds, the shape of the workbook that once took the server down. Built as a stream, so
 * making it holds one row at a time.
 */
export function xlsxBomb(rows: number, columns = 26): Buffer {
  return streamedXlsx((sheet) => {
    sheet.push(
      strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ),
    );
    // Cells may leave out their reference (r="A1"): position follows order, and it packs tightly.
    const block = strToU8(`<row>${'<c/>'.repeat(columns)}</row>`.repeat(1000));
    for (let r = 0; r < rows; r += 1000) sheet.push(block);
    sheet.push(strToU8('</sheetData></worksheet>'), true);
  });
}

function streamedXlsx(writeSheet: (sheet: ZipDeflate) => void): Buffer {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, text] of [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', RELS],
    ['xl/workbook.xml', WORKBOOK],
    ['xl/_rels/workbook.xml.rels', WORKBOOK_RELS],
  ] as const) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 9 });
  zip.add(sheet);
  writeSheet(sheet);
  zip.end();
  return Buffer.concat(parts);
}

/** A small XLSX whose sheet pads out with `megabytes` of whitespace: a plain inflation bomb. */
export function xlsxPadded(megabytes: number): Buffer {
  return streamedXlsx((sheet) => {
    sheet.push(strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'));
    const block = strToU8(' '.repeat(1024 * 1024));
    for (let i = 0; i < megabytes; i++) sheet.push(block);
    sheet.push(strToU8('<sheetData/></worksheet>'), true);
  });
}

type Writer = (part: ZipDeflate) => void;
const text =
  (value: string): Writer =>
  (part) =>
    part.push(strToU8(value), true);

/** A workbook from named parts, each written as a stream (so making a large one holds a block at a time). */
export function xlsxOf(parts: [string, Writer][], level: 1 | 6 | 9 = 9): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, write] of parts) {
    const part = new ZipDeflate(name, { level });
    zip.add(part);
    write(part);
  }
  zip.end();
  return Buffer.concat(chunks);
}

const SHELL: [string, Writer][] = [
  ['[Content_Types].xml', text(CONTENT_TYPES)],
  ['_rels/.rels', text(RELS)],
  ['xl/workbook.xml', text(WORKBOOK)],
  ['xl/_rels/workbook.xml.rels', text(WORKBOOK_RELS)],
];

/** A sheet of `rows` (in thousands) × `columns` empty cells, written without cell references. */
const cells =
  (rows: number, columns: number): Writer =>
  (sheet) => {
    sheet.push(strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
    const block = strToU8(`<row>${'<c/>'.repeat(columns)}</row>`.repeat(1000));
    for (let r = 0; r < rows; r += 1000) sheet.push(block);
    sheet.push(strToU8('</sheetData></worksheet>'), true);
  };

const repeated =
  (head: string, unit: string, times: number, tail: string): Writer =>
  (part) => {
    part.push(strToU8(head));
    const block = strToU8(unit.repeat(10_000));
    for (let i = 0; i < times; i += 10_000) part.push(block);
    part.push(strToU8(tail), true);
  };

/** A small legal sheet, so that only the hostile part makes the workbook hostile. */
const SMALL_SHEET = text(
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row></sheetData></worksheet>',
);

export interface HostileWorkbook {
  name: string;
  /** What the refusal says in Thai (part of it). */
  th: RegExp;
  make: () => Buffer;
}

/**
 * Workbooks that each try one way around the XLSX gate; every entry point must refuse each with a
 * Thai 422, quickly, while the server keeps answering.
 */
export const HOSTILE_WORKBOOKS: HostileWorkbook[] = [
  {
    // ExcelJS strips a leading slash and reads it as a sheet; a count of `^xl/worksheets/` missed it.
    name: 'sheet-with-leading-slash',
    th: /ไม่รู้จัก/,
    make: () => xlsxOf([...SHELL, ['/xl/worksheets/sheet1.xml', cells(200_000, 26)]]),
  },
  {
    // ExcelJS's sheet pattern is unanchored: a sheet in a folder is still read as a sheet.
    name: 'sheet-in-another-folder',
    th: /ไม่รู้จัก/,
    make: () => xlsxOf([...SHELL, ['xl/worksheets/sheet1.xml', SMALL_SHEET], ['a/xl/worksheets/sheet2.xml', cells(200_000, 26)]]),
  },
  {
    name: 'sheet-with-a-suffix',
    th: /ไม่รู้จัก/,
    make: () =>
      xlsxOf([...SHELL, ['xl/worksheets/sheet1.xml', SMALL_SHEET], ['xl/worksheets/sheet2.xml.old', cells(200_000, 26)]]),
  },
  {
    // Ten sheets each under the per-sheet limit, 14 million cells together, inside the 64 MB.
    name: 'cells-across-many-sheets',
    th: /เซลล์เกิน/,
    make: () =>
      xlsxOf([
        ...SHELL,
        ...Array.from({ length: 10 }, (_, i): [string, Writer] => [`xl/worksheets/sheet${i + 1}.xml`, cells(28_000, 50)]),
      ]),
  },
  {
    name: 'huge-shared-strings',
    th: /ข้อความร่วมเกิน/,
    make: () =>
      xlsxOf([
        ...SHELL,
        ['xl/worksheets/sheet1.xml', SMALL_SHEET],
        [
          'xl/sharedStrings.xml',
          repeated('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si/>', 5_000_000, '</sst>'),
        ],
      ]),
  },
  {
    name: 'deeply-nested-styles',
    th: /ลึกเกิน/,
    make: () =>
      xlsxOf([
        ...SHELL,
        ['xl/worksheets/sheet1.xml', SMALL_SHEET],
        [
          'xl/styles.xml',
          repeated('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<a>', 1_000_000, ''),
        ],
      ]),
  },
  {
    name: 'inflating-part',
    th: /เกิน 64 MB/,
    make: () => xlsxPadded(100),
  },
  {
    name: 'unknown-part',
    th: /ไม่รู้จัก/,
    make: () => xlsxOf([...SHELL, ['xl/worksheets/sheet1.xml', SMALL_SHEET], ['xl/vbaProject.bin', text('not a macro')]]),
  },
  {
    name: 'damaged-zip',
    th: /อ่านไฟล์ XLSX ไม่ได้/,
    make: () => {
      const whole = xlsxOf([...SHELL, ['xl/worksheets/sheet1.xml', SMALL_SHEET]]);
      return whole.subarray(0, whole.length - 30);
    },
  },
  {
    name: 'too-many-parts',
    th: /ส่วนประกอบเกิน/,
    make: () =>
      xlsxOf(
        [...SHELL, ...Array.from({ length: 2500 }, (_, i): [string, Writer] => [`xl/worksheets/sheet${i + 1}.xml`, SMALL_SHEET])],
        1,
      ),
  },
  {
    name: 'too-many-columns',
    th: /คอลัมน์เกิน/,
    make: () =>
      xlsxOf([
        ...SHELL,
        [
          'xl/worksheets/sheet1.xml',
          text(
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"/><c r="XFD1"/></row></sheetData></worksheet>',
          ),
        ],
      ]),
  },
];
