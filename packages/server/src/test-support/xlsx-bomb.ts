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
