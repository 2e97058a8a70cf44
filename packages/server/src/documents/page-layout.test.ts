import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES } from '../test-support/databases.js';
import { makeDocument } from '../test-support/documents.js';
import { renderPdf } from './thai-pdf.js';

const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/', import.meta.url));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfimages');
if (!poppler && process.env.CI) throw new Error('the page layout tests need poppler-utils (pdftotext, pdfimages)');
mkdirSync(OUTPUT, { recursive: true });

/** Each page's lines of text in drawing order, without the page number ("- ๒ -"). */
function pageLines(path: string): string[][] {
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\f')
    .slice(0, -1)
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^- [๐-๙]+ -$/.test(l)),
    );
}
const plain = (text: string) => text.replace(/\s+/g, '');

/**
 * A group row of a table as its first line reads: a tool (แบบวัด…), an indicator (ตัวชี้วัดที่ …),
 * a sub-indicator (9.1 …) or a survey question (I17. …).
 */
const GROUP_ROW = /^(แบบวัด|แบบตรวจ|ตัวชี้วัดที่ |\d+\.\d+ [\u0E01-\u0E2E]|[IE]\d+\. )/;

/** Images drawn on each page (1-based), as `pdfimages -list` lists them. */
function imagesByPage(path: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const line of execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2)) {
    const page = Number(line.trim().split(/\s+/)[0]);
    if (page) counts.set(page, (counts.get(page) ?? 0) + 1);
  }
  return counts;
}

const DOCUMENTS: [name: string, email: string, agency: string, body: object][] = [
  ['measures-bang-khae-2567', 'admin@bang-khae.demo', 'bang-khae', { kind: 'measures', format: 'pdf', year: 2567 }],
  ['progress-din-daeng-2567', 'admin@din-daeng.demo', 'din-daeng', { kind: 'progress', format: 'pdf', year: 2567, round: 6 }],
  [
    'progress-phasi-charoen-2567',
    'admin@phasi-charoen.demo',
    'phasi-charoen',
    { kind: 'progress', format: 'pdf', year: 2567, round: 6 },
  ],
  ['progress-lak-si-2568', 'admin@lak-si.demo', 'lak-si', { kind: 'progress', format: 'pdf', year: 2568, round: 6 }],
  // FY2567 results that carry question scores only, no answer shares (examples/lak-si-2567-scores.csv).
  ['measures-lak-si-2568', 'admin@lak-si.demo', 'lak-si', { kind: 'measures', format: 'pdf', year: 2568 }],
  ['order-bang-sue-2568', 'admin@bang-sue.demo', 'bang-sue', { kind: 'order', format: 'pdf', year: 2568 }],
  [
    'memo-collection-bang-khae-2568',
    'admin@bang-khae.demo',
    'bang-khae',
    { kind: 'memo', memoKind: 'collection', format: 'pdf', year: 2568 },
  ],
  [
    'memo-schools-bang-khae-2568',
    'admin@bang-khae.demo',
    'bang-khae',
    { kind: 'memo', memoKind: 'schools', format: 'pdf', year: 2568 },
  ],
];

describe.each(TEST_DATABASES)('page layout of the documents on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const files = new Map<string, string>();

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
  }, 60_000);
  afterAll(async () => close());

  async function file(name: string): Promise<string> {
    const known = files.get(name);
    if (known) return known;
    const [, email, agency, body] = DOCUMENTS.find(([n]) => n === name)!;
    const path = `${OUTPUT}layout-${name}-${database.engine}.pdf`;
    writeFileSync(path, await makeDocument(app, await login(app, email), agency, body));
    files.set(name, path);
    return path;
  }

  it.runIf(poppler)(
    "keeps each committee member's row on one page",
    async () => {
      const pages = pageLines(await file('order-bang-sue-2568')).map((lines) => plain(lines.join('')));
      const role = plain('คณะกรรมการและผู้ช่วยเลขานุการ');
      const whole = pages.join('').split(role).length - 1;
      expect(whole).toBeGreaterThan(1);
      // Counted page by page, every occurrence is still whole: none is cut between two pages.
      expect(pages.reduce((n, page) => n + page.split(role).length - 1, 0)).toBe(whole);
    },
    120_000,
  );

  it.runIf(poppler).each(DOCUMENTS.filter(([name]) => /^(measures|progress)/.test(name)).map(([name]) => name))(
    '%s ends no page with a group row: each stays with the row under it',
    async (name) => {
      const pages = pageLines(await file(name));
      expect(pages.length).toBeGreaterThan(5);
      // A question with no item rows under it (results with question scores only) is a row of data.
      const group = name === 'measures-lak-si-2568' ? new RegExp(GROUP_ROW.source.replace('|[IE]\\d+\\. ', '')) : GROUP_ROW;
      const alone = pages.flatMap((lines, i) => (group.test(lines.at(-1) ?? '') ? [`page ${i + 1}: ${lines.at(-1)}`] : []));
      expect(alone).toEqual([]);
    },
    120_000,
  );

  it.runIf(poppler).each(DOCUMENTS.filter(([name]) => name.startsWith('progress')).map(([name]) => name))(
    '%s prints each photo on the page of its caption',
    async (name) => {
      const path = await file(name);
      const images = imagesByPage(path);
      const captions = new Map<number, number>();
      for (const [i, lines] of pageLines(path).entries()) {
        const count = lines.join('\n').match(/ภาพที่ \d+/g)?.length ?? 0;
        if (count) captions.set(i + 1, count);
      }
      expect(captions.size).toBeGreaterThan(2);
      // Every demo photo has its image: as many images as captions on every page.
      expect(Object.fromEntries(images)).toEqual(Object.fromEntries(captions));
    },
    120_000,
  );

  it.runIf(poppler).each(DOCUMENTS.filter(([name]) => /^(order|memo)/.test(name)).map(([name]) => name))(
    '%s keeps lines of text with the signature on the last page',
    async (name) => {
      const pages = pageLines(await file(name));
      const last = pages.at(-1)!;
      // The signature starts with the signer's name in brackets; at least two lines of text come before it.
      const signature = last.findIndex((line) => line.startsWith('('));
      expect(signature, last.join('\n')).toBeGreaterThanOrEqual(2);
    },
    120_000,
  );

  it.runIf(poppler)(
    'prints table 2 without rows of empty cells where the results carry question scores only',
    async () => {
      const lines = pageLines(await file('measures-lak-si-2568')).flat();
      const start = lines.findIndex((l) => l.startsWith('ตารางที่ 2'));
      const end = lines.findIndex((l, i) => i > start && l.startsWith('ตารางที่ 3'));
      expect(start).toBeGreaterThan(0);
      const table = lines.slice(start, end);
      // Each question with its score, and no item rows ("1. …") whose answer shares and score are empty.
      expect(table.filter((l) => /^[IE]\d+\. \S.* \d{2,3}\.\d\d$/.test(l)).length).toBeGreaterThan(10);
      expect(table.filter((l) => /^\d+\. /.test(l))).toEqual([]);
    },
    120_000,
  );

  it.each([
    ['order-bang-sue-2568', 'admin@bang-sue.demo', 'bang-sue', { kind: 'order', format: 'docx', year: 2568 }],
    ['measures-bang-khae-2567', 'admin@bang-khae.demo', 'bang-khae', { kind: 'measures', format: 'docx', year: 2567 }],
  ] as const)(
    'the %s DOCX splits no table row across pages and keeps group rows with the next',
    async (_name, email, agency, body) => {
      const docx = await makeDocument(app, await login(app, email), agency, body);
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      const rows = xml
        .split(/<w:tr[ >]/)
        .slice(1)
        .map((row) => row.slice(0, row.indexOf('</w:tr>')));
      expect(rows.length).toBeGreaterThan(5);
      // Every row but a repeated header row is marked as one Word and LibreOffice never split.
      expect(rows.filter((row) => !row.includes('<w:cantSplit/>') && !row.includes('<w:tblHeader/>'))).toEqual([]);
      if (agency === 'bang-khae') expect(xml).toContain('<w:keepNext/>');
    },
    120_000,
  );
});

describe.runIf(poppler)('rows kept whole in a table with dontBreakRows', () => {
  it('moves a short row to the next page whole and breaks only a row taller than a page, losing none of it', async () => {
    const lines = Array.from({ length: 90 }, (_, i) => `บรรทัดที่ ${i + 1}`);
    const body = [
      [{ text: 'หัวตาราง' }, { text: 'เนื้อหา' }],
      [{ text: 'แถวหนึ่ง' }, { text: 'สั้น' }],
      [{ text: 'กลุ่ม', colSpan: 2, keepWithNext: true }, {}],
      [{ text: 'แถวยาว' }, { text: lines.join('\n') }],
      ...Array.from({ length: 30 }, (_, i) => [{ text: `แถวที่ ${i + 4}` }, { text: 'สั้น\nสองบรรทัด\nสามบรรทัด' }]),
    ];
    const path = `${OUTPUT}rows-kept-whole.pdf`;
    writeFileSync(
      path,
      await renderPdf({ content: [{ table: { headerRows: 1, dontBreakRows: true, widths: [100, '*'], body } }] }),
    );
    const pages = pageLines(path);
    // Every line of the tall row is printed, once, in order.
    const printed = pages.flat().map((line) => line.replace(/^แถวยาว /, ''));
    expect(printed.filter((line) => /^บรรทัดที่ \d+$/.test(line))).toEqual(lines);
    // The tall row starts a page under the header with its group row, and runs on over the next pages.
    const start = pages.findIndex((page) => page.includes('กลุ่ม'));
    expect(start).toBeGreaterThan(0);
    expect(pages[start]!.slice(0, 3)).toEqual(['หัวตาราง เนื้อหา', 'กลุ่ม', 'แถวยาว บรรทัดที่ 1']);
    // Every short row is on one page: its three lines together.
    for (const page of pages) {
      for (const [i, line] of page.entries()) {
        if (/^แถวที่ \d+ สั้น$/.test(line)) expect(page.slice(i + 1, i + 3)).toEqual(['สองบรรทัด', 'สามบรรทัด']);
      }
    }
  });

  it('loses nothing of a tall first row: under a header kept with it, or in a table without a header, or given as plain text', async () => {
    const lines = Array.from({ length: 90 }, (_, i) => `บรรทัดที่ ${i + 1}`);
    const tables = {
      'kept-with-header': {
        headerRows: 1,
        keepWithHeaderRows: 1,
        body: [
          ['หัวตาราง', 'เนื้อหา'],
          ['แถวยาว', lines.join('\n')],
          ['แถวสั้น', 'สั้น'],
        ],
      },
      'no-header': {
        body: [
          ['แถวยาว', lines.join('\n')],
          ['แถวสั้น', 'สั้น'],
        ],
      },
    };
    for (const [name, table] of Object.entries(tables)) {
      const path = `${OUTPUT}rows-kept-whole-${name}.pdf`;
      writeFileSync(path, await renderPdf({ content: [{ table: { ...table, dontBreakRows: true, widths: [100, '*'] } }] }));
      const printed = pageLines(path)
        .flat()
        .map((line) => line.replace(/^แถวยาว /, ''));
      expect(
        printed.filter((line) => /^บรรทัดที่ \d+$/.test(line)),
        name,
      ).toEqual(lines);
      expect(printed, name).toContain('แถวสั้น สั้น');
    }
  });
});
