import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fallbackCut, toThaiDigits } from '@prongsai/core';
import { withFallbackFonts } from './coverage.js';
import { FALLBACK_FONTS, SARABUN } from './fonts.js';

const require = createRequire(import.meta.url);
// pdfmake and the pdfkit it drives are CommonJS; the patch must reach that same pdfkit.
const pdfmake = require('pdfmake') as {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
interface PdfkitDocument {
  font(path: string): unknown;
  _font: object;
  addContent(data: string): unknown;
  _fragment(text: string, x: number, y: number, options: unknown): unknown;
}
const PDFDocument = require('pdfkit') as { new (): PdfkitDocument; prototype: PdfkitDocument };
// pdfmake's measure of text, which its line breaker also calls on each cut it tries of a word too wide for a line.
const TextInlines = (
  require('pdfmake/js/TextInlines.js') as {
    default: { prototype: { widthOfText(text: string, inline: { text?: unknown }): number } };
  }
).default;

interface FontkitFont {
  characterSet: number[];
  glyphForCodePoint(cp: number): { id: number };
}
interface EmbeddedFontLike {
  font: FontkitFont;
  subset: { includeGlyph(id: number): number };
  unicode: number[][];
  layout(text: string, features?: unknown): { glyphs: { id: number; name?: string }[] };
  layoutRun(text: string, features?: unknown): unknown;
  encode(text: string, features?: unknown): unknown;
}

const isPrivateUse = (cp: number) => cp >= 0xe000 && cp <= 0xf8ff;
const glyphCodePoints = new WeakMap<FontkitFont, Map<number, number>>();

/** Each glyph's own code point, from the font's cmap (first non-private-use code point). */
function codePointsOf(font: FontkitFont): Map<number, number> {
  let map = glyphCodePoints.get(font);
  if (map) return map;
  map = new Map();
  for (const cp of font.characterSet) {
    if (isPrivateUse(cp)) continue;
    const id = font.glyphForCodePoint(cp).id;
    if (!map.has(id)) map.set(id, cp);
  }
  glyphCodePoints.set(font, map);
  return map;
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex. */
function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/**
 * Sarabun draws ำ (U+0E33) as two glyphs, nikhahit and sara aa, which extract as ํ + า: a
 * search for "สำนักงาน" would find nothing. A run holding ำ is marked with its text as
 * ActualText, which viewers and pdftotext read instead of the glyphs.
 */
function markActualText(): void {
  const fragment = PDFDocument.prototype._fragment;
  PDFDocument.prototype._fragment = function (this: PdfkitDocument, text: string, x: number, y: number, options: unknown) {
    const shown = `${text}`.replace(/[\u200B\u2060\n]/g, '');
    if (!shown.includes('\u0E33')) return fragment.call(this, text, x, y, options);
    // Inside the text object, where the glyphs' positions are those of the page: pdfkit wraps
    // BT … ET in q … Q, and a span closed after Q would be placed with the outer matrix.
    const add = this.addContent;
    this.addContent = function (this: PdfkitDocument, data: string) {
      if (data === 'ET') add.call(this, 'EMC');
      const written = add.call(this, data);
      if (data === 'BT') add.call(this, `/Span <</ActualText ${pdfTextString(shown)}>> BDC`);
      return written;
    };
    let result: unknown;
    try {
      result = fragment.call(this, text, x, y, options);
    } finally {
      this.addContent = add;
    }
    return result;
  };
}

/**
 * pdfmake breaks a word too wide for any line where the line is full, at any letter (น้อยที่สุ|ด).
 * It finds that place by measuring cuts of the word: a cut is measured as if it went on to the next
 * place the word may break (U+2060, see `markWordBreaks`), so the longest cut that fits is one there
 * (น้อย|ที่สุด), and a word with no such place is cut as before.
 */
function breakWideWordsBetweenTheirWords(): void {
  const widthOfText = TextInlines.prototype.widthOfText;
  TextInlines.prototype.widthOfText = function (this: unknown, text: string, inline: { text?: unknown }) {
    const whole = inline?.text;
    if (typeof whole === 'string' && text.length < whole.length && whole.includes('\u2060') && whole.startsWith(text)) {
      return widthOfText.call(this, whole.slice(0, fallbackCut(whole, text.length)), inline);
    }
    return widthOfText.call(this, text, inline);
  };
}

const TableProcessor = (
  require('pdfmake/js/TableProcessor.js') as {
    default: { prototype: TableProcessorLike };
  }
).default;
interface TableProcessorLike {
  dontBreakRows: boolean;
  tableNode: { table: { body: unknown[][] } };
  keeping?: boolean;
  breakingRow?: boolean;
  beginRow(rowIndex: number, writer: WriterLike): unknown;
  endRow(rowIndex: number, writer: WriterLike, pageBreaks: unknown): unknown;
}
interface WriterLike {
  beginUnbreakableBlock(): void;
  commitUnbreakableBlock(): void;
  moveToNextPage(): void;
}
const PageElementWriter = (
  require('pdfmake/js/PageElementWriter.js') as {
    default: { prototype: PageWriterLike };
  }
).default;
interface PageWriterLike {
  transactionLevel: number;
  contextStack: ContextLike[];
  repeatables: { height: number }[];
  context(): ContextLike;
  commitUnbreakableBlock(forcedX?: number, forcedY?: number): unknown;
}
interface ContextLike {
  y: number;
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): { pageSize: { height: number } };
}
const keepsWithNext = (row: unknown[] | undefined) =>
  Array.isArray(row) && row.some((c) => !!c && typeof c === 'object' && (c as { keepWithNext?: boolean }).keepWithNext);
/** The key `renderPdf` gives each row of a table with `dontBreakRows`, on its first cell. */
const rowKey = (row: unknown[] | undefined): string | undefined => {
  const first = Array.isArray(row) ? (row[0] as { rowKey?: unknown } | undefined) : undefined;
  return typeof first?.rowKey === 'string' ? first.rowKey : undefined;
};

/** Rows laid out whole that came out taller than a page (pdfmake would keep only their first page). */
const rowsTallerThanAPage = new Set<string>();
/** Rows to lay out breakable: those found taller than a page by a first layout. */
const rowsAllowedToBreak = new Set<string>();
/** Rows that start a new page: a row allowed to break, or the first of the group rows above it. */
const rowsStartingAPage = new Set<string>();
let rowUnderWay: string | undefined;

/**
 * Rows of a table with `dontBreakRows` are each kept on one page, except a row taller than a page, which
 * breaks (pdfmake keeps only the first page of an unbreakable block, and would drop the rest): a first
 * layout finds such rows, and `renderPdf` lays the document out again with them breakable, each starting
 * a page with the group rows above it.
 * A row marked `keepWithNext` (a group row: a tool, an indicator, a question) is laid out in one
 * unbreakable block with the rows after it up to the first row not so marked, so a group row never
 * stands alone at the foot of a page.
 */
function keepRowsWhole(): void {
  const { beginRow, endRow } = TableProcessor.prototype;
  TableProcessor.prototype.beginRow = function (this: TableProcessorLike, rowIndex, writer) {
    const body = this.tableNode.table.body;
    if (!this.dontBreakRows) return beginRow.call(this, rowIndex, writer);
    const mayBreak = (row: unknown[] | undefined) => rowsAllowedToBreak.has(rowKey(row) ?? '');
    if (!this.keeping && rowsStartingAPage.has(rowKey(body[rowIndex]) ?? '')) writer.moveToNextPage();
    let last = rowIndex;
    while (last < body.length - 1 && keepsWithNext(body[last])) last++;
    if (!this.keeping && last > rowIndex && !mayBreak(body[last])) {
      writer.beginUnbreakableBlock();
      this.keeping = true;
    }
    rowUnderWay = rowKey(body[rowIndex]);
    if (rowIndex > 0 && mayBreak(body[rowIndex])) {
      this.dontBreakRows = false;
      this.breakingRow = true;
    }
    return beginRow.call(this, rowIndex, writer);
  };
  TableProcessor.prototype.endRow = function (this: TableProcessorLike, rowIndex, writer, pageBreaks) {
    const result = endRow.call(this, rowIndex, writer, pageBreaks);
    if (this.breakingRow) {
      this.dontBreakRows = true;
      this.breakingRow = false;
    }
    const body = this.tableNode.table.body;
    if (this.keeping && (!keepsWithNext(body[rowIndex]) || rowIndex === body.length - 1)) {
      writer.commitUnbreakableBlock();
      this.keeping = false;
    }
    rowUnderWay = undefined;
    return result;
  };
  const { commitUnbreakableBlock } = PageElementWriter.prototype;
  PageElementWriter.prototype.commitUnbreakableBlock = function (this: PageWriterLike, forcedX, forcedY) {
    // A block is laid out on one endless page; pdfmake drops a block taller than the page it is put on.
    const outer = this.contextStack.at(-1);
    if (this.transactionLevel === 1 && forcedX === undefined && forcedY === undefined && outer && rowUnderWay !== undefined) {
      const page = outer.getCurrentPage().pageSize.height - outer.pageMargins.top - outer.pageMargins.bottom;
      const repeated = this.repeatables.reduce((sum, r) => sum + r.height, 0);
      if (this.context().y > page - repeated) rowsTallerThanAPage.add(rowUnderWay);
    }
    return commitUnbreakableBlock.call(this, forcedX, forcedY);
  };
}

interface KeyedTable {
  body: unknown[][];
  dontBreakRows?: boolean;
  headerRows?: number;
  keepWithHeaderRows?: number;
}
interface KeyedRow {
  key: string;
  table: KeyedTable;
  index: number;
}
let renders = 0;
/** Gives each row of every table with `dontBreakRows` a key unique to this render, on its first cell. */
function keyTableRows(node: unknown, render: number, rows: KeyedRow[] = []): KeyedRow[] {
  if (Array.isArray(node)) {
    for (const child of node) keyTableRows(child, render, rows);
  } else if (node && typeof node === 'object') {
    const table = (node as { table?: KeyedTable }).table;
    if (table?.dontBreakRows && Array.isArray(table.body)) {
      for (const [index, row] of table.body.entries()) {
        if (!Array.isArray(row) || row.length === 0) continue;
        // A first cell given as plain text becomes a text node, to carry the key.
        if (typeof row[0] === 'string') row[0] = { text: row[0] };
        const first = row[0];
        if (first && typeof first === 'object') {
          const key = ((first as { rowKey?: string }).rowKey = `${render}:${rows.length}:${index}`);
          rows.push({ key, table, index });
        }
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'table' || !table) keyTableRows(value, render, rows);
    if (table && Array.isArray(table.body)) keyTableRows(table.body, render, rows);
  }
  return rows;
}

let patched = false;
/** Text laid out with the font's missing glyph (.notdef, drawn as a box) during the last render. */
let missingGlyphs: string[] = [];

/**
 * Two fixes to pdfkit's embedded fonts, both needed for Thai (version-pinned; a regression test
 * guards them): U+200B and U+2060 word marks are dropped before shaping (Sarabun has no glyph for them), and
 * each glyph's ToUnicode entry is its own code point rather than whatever text first produced
 * it — otherwise, after the first ำ (shaped as nikhahit + sara aa), every า extracts as ำ.
 */
function patchPdfkit(): void {
  if (patched) return;
  const probe = new PDFDocument();
  probe.font(SARABUN.regular);
  const proto = Object.getPrototypeOf(probe._font) as EmbeddedFontLike;
  const layoutRun = proto.layoutRun;
  proto.layoutRun = function (this: EmbeddedFontLike, text: string, features?: unknown) {
    return layoutRun.call(this, text.replace(/[\u200B\u2060]/g, ''), features);
  };
  const encode = proto.encode;
  proto.encode = function (this: EmbeddedFontLike, text: string, features?: unknown) {
    const result = encode.call(this, text, features);
    const map = codePointsOf(this.font);
    for (const glyph of this.layout(text, features).glyphs) {
      if (glyph.id === 0 && text.trim() !== '') missingGlyphs.push(text);
      const gid = this.subset.includeGlyph(glyph.id);
      const own = map.get(glyph.id);
      if (own !== undefined) {
        this.unicode[gid] = [own];
        continue;
      }
      // Glyphs outside the cmap are named for what they show: uni0E48.small, or the ligature
      // uni0E4D0E49 (nikhahit with a tone mark), which reads tone mark first, as typed.
      const named = /^uni((?:[0-9A-F]{4})+)/.exec(glyph.name ?? '')?.[1];
      if (named) {
        const cps = named.match(/.{4}/g)!.map((hex) => parseInt(hex, 16));
        this.unicode[gid] = cps.sort((a, b) => Number(a === 0x0e4d) - Number(b === 0x0e4d));
      }
    }
    return result;
  };
  markActualText();
  breakWideWordsBetweenTheirWords();
  keepRowsWhole();
  const fallbacks = Object.fromEntries(
    Object.entries(FALLBACK_FONTS).map(([name, f]) => [
      name,
      { normal: f.normal, bold: f.bold, italics: f.normal, bolditalics: f.bold },
    ]),
  );
  pdfmake.addFonts({
    Sarabun: { normal: SARABUN.regular, bold: SARABUN.bold, italics: SARABUN.italic, bolditalics: SARABUN.boldItalic },
    ...fallbacks,
  });
  const allowed = new Set([...Object.values(SARABUN), ...Object.values(FALLBACK_FONTS).flatMap((f) => [f.normal, f.bold])]);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  patched = true;
}

/**
 * The body size of the PDFs: 16 pt, the seeds' size for TH Sarabun (ระเบียบงานสารบรรณ), and the DOCX's.
 *
 * Measured (Dec 2026, fontkit, over seeds 001 and 002's text): against Laksaman, TLWG's release of
 * TH Sarabun PSK (the design TH Sarabun New revises, and the font fontconfig puts in for "TH Sarabun
 * New" here), Sarabun sets the same line at 15.96 pt as Laksaman at 16 pt, and its ก stands 0.586 em
 * tall against Laksaman's 0.602 em. At 14 pt a Sarabun line is 12% shorter than the seeds' 16 pt, so
 * the PDF and its DOCX would paginate differently. Tables of text are set at 14 pt, as in the DOCX.
 */
export const PDF_FONT_SIZE = 16;

/** Page numbers as official documents print them (ระเบียบงานสารบรรณ, as the seeds do): "- ๒ -" centred at the top, from the second page. */
export function thaiPageHeader(currentPage: number): Content {
  return currentPage === 1
    ? { text: '' }
    : { text: `- ${toThaiDigits(String(currentPage))} -`, alignment: 'center', fontSize: 12, margin: [0, 14, 0, 0] };
}

/**
 * Renders a pdfmake document in Sarabun, with emoji and symbols Sarabun lacks set in the
 * fallback fonts. Text that still met a missing glyph is listed by `missingGlyphsOfLastRender`.
 */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  patchPdfkit();
  const rows = keyTableRows(doc.content, ++renders);
  // pdfmake changes the content it lays out: each layout gets its own copy.
  const render = async () => {
    missingGlyphs = [];
    const pdf = pdfmake.createPdf({
      ...doc,
      content: withFallbackFonts(doc.content),
      ...(doc.header ? { header: doc.header } : {}),
      defaultStyle: { font: 'Sarabun', fontSize: PDF_FONT_SIZE, lineHeight: 1.05, ...doc.defaultStyle },
    });
    return Buffer.from(await pdf.getBuffer());
  };
  try {
    let buffer = await render();
    const tall = rows.filter((row) => rowsTallerThanAPage.has(row.key));
    if (tall.length === 0) return buffer;
    for (const { key, table, index } of tall) {
      rowsAllowedToBreak.add(key);
      const headerRows = table.headerRows ?? 0;
      // pdfmake lays a table's first row, or its header with the rows kept with it, in a block of its
      // own: a row taller than a page there can only break in a table whose rows all may.
      if (index === 0) table.dontBreakRows = false;
      if (index <= headerRows + (table.keepWithHeaderRows ?? 0)) delete table.keepWithHeaderRows;
      // It starts a page with the group rows above it, unless they follow the table's header row.
      let start = index;
      while (start > headerRows && keepsWithNext(table.body[start - 1])) start--;
      const startKey = rowKey(table.body[start]);
      if (start > headerRows && startKey) rowsStartingAPage.add(startKey);
    }
    buffer = await render();
    return buffer;
  } finally {
    for (const { key } of rows) {
      rowsAllowedToBreak.delete(key);
      rowsStartingAPage.delete(key);
      rowsTallerThanAPage.delete(key);
    }
  }
}

/** Pieces of text of the last rendered PDF that drew a missing glyph (a box); empty when none did. */
export function missingGlyphsOfLastRender(): string[] {
  return [...missingGlyphs];
}
