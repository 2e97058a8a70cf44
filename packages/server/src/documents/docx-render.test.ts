import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { makeDocument, wordsPastMargin } from '../test-support/documents.js';

// Each DOCX rendered the way a reader without Word sees it, by LibreOffice, and compared with
// the PDF Prongsai makes of the same document. Pages are kept as PNG in test-output/documents/docx/.
const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/docx/', import.meta.url));
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
if (!soffice) {
  console.warn('LibreOffice is not installed (Debian libreoffice-writer-nogui): the DOCX rendering checks are skipped');
}

interface Rendered {
  /** Page texts of LibreOffice's rendering of the DOCX. */
  docx: string[];
  /** Page texts of Prongsai's PDF of the same document. */
  pdf: string[];
  docxPath: string;
}

const pages = (pdf: string) => execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
/** A page's text without its page number, its rules and white space. */
const body = (page: string) =>
  page
    .split('\n')
    .filter((line) => !/^\s*-\s*[0-9๐-๙]+\s*-\s*$/.test(line) && !/^\s*-{5,}\s*$/.test(line))
    .join('')
    .replace(/\s+/g, '');
const captions = (texts: string[]) => texts.join('\n').match(/(ตารางที่|แผนภาพที่|ภาพที่) \d+/g) ?? [];

describe.runIf(soffice && poppler)('DOCX documents rendered by LibreOffice', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const profile = mkdtempSync(join(tmpdir(), 'prongsai-lo-'));

  beforeAll(async () => {
    ({ app, close } = await demoApp(TEST_DATABASES[0]!));
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await close();
    rmSync(profile, { recursive: true, force: true });
  });

  async function render(session: Session, agency: string, request: object, name: string): Promise<Rendered> {
    writeFileSync(`${OUTPUT}${name}.docx`, await makeDocument(app, session, agency, { ...request, format: 'docx' }));
    writeFileSync(`${OUTPUT}${name}-prongsai.pdf`, await makeDocument(app, session, agency, { ...request, format: 'pdf' }));
    // A profile of its own, so a LibreOffice the developer has open does not take the job.
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        OUTPUT,
        `${OUTPUT}${name}.docx`,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const docxPath = `${OUTPUT}${name}.pdf`;
    execFileSync('pdftoppm', ['-r', '60', '-png', docxPath, `${OUTPUT}${name}`]);
    return { docx: pages(docxPath), pdf: pages(`${OUTPUT}${name}-prongsai.pdf`), docxPath };
  }

  it("renders Bang Sue's order with the PDF's text, numbering pages from the second", async () => {
    const sue = await login(app, 'admin@bang-sue.demo');
    const order = await render(sue, 'bang-sue', { kind: 'order', year: 2568 }, 'order-bang-sue-2568');
    expect(order.docx.map(body).join('')).toBe(order.pdf.map(body).join(''));
    // Numbered from the second page, at its top, as the PDF is (documents.test.ts measures where).
    expect(order.docx[0]).not.toMatch(/^\s*-\s*[0-9๐-๙]+\s*-/);
    expect(order.docx[1]).toMatch(/^\s*-\s*[0-9๐-๙]+\s*-/);
    expect(wordsPastMargin(order.docxPath, 30)).toEqual([]);
  }, 180_000);

  it("renders both of Bang Sue's memos with the PDF's text, inside the margins", async () => {
    const sue = await login(app, 'admin@bang-sue.demo');
    for (const memoKind of ['collection', 'schools']) {
      const memo = await render(sue, 'bang-sue', { kind: 'memo', memoKind, year: 2568 }, `memo-${memoKind}-bang-sue-2568`);
      expect(memo.docx.map(body).join('')).toBe(memo.pdf.map(body).join(''));
      expect(wordsPastMargin(memo.docxPath, 30)).toEqual([]);
    }
  }, 180_000);

  it("renders Bang Khae's measures document with every table and chart of the PDF, in order, inside the margins", async () => {
    const khae = await login(app, 'admin@bang-khae.demo');
    const measures = await render(khae, 'bang-khae', { kind: 'measures', year: 2567 }, 'measures-bang-khae-2567');
    expect(captions(measures.docx)).toEqual(captions(measures.pdf));
    expect(captions(measures.docx)).toContain('ตารางที่ 12');
    const text = body(measures.docx.join(''));
    for (const expected of [
      'สำนักงานเขตบางแคกรุงเทพมหานครได้เข้าร่วมการประเมิน',
      'ชาย37.93374',
      'รวม100.00986',
      'คะแนนเฉลี่ย(ถ่วงน้ำหนัก)100.00',
    ]) {
      expect(text).toContain(expected);
    }
    expect(measures.docx[0]).not.toMatch(/-\s*[0-9๐-๙]+\s*-\s*$/);
    expect(wordsPastMargin(measures.docxPath, 30)).toEqual([]);
  }, 180_000);

  it("renders Din Daeng's progress report with every photo of the PDF", async () => {
    const dd = await login(app, 'admin@din-daeng.demo');
    const progress = await render(dd, 'din-daeng', { kind: 'progress', year: 2567, round: 6 }, 'progress-din-daeng-2567');
    expect(captions(progress.docx)).toEqual(captions(progress.pdf));
    expect(body(progress.docx.join(''))).toContain('รอบ๖เดือนแรก(ตุลาคม๒๕๖๖–มีนาคม๒๕๖๗)');
    expect(wordsPastMargin(progress.docxPath, 30)).toEqual([]);
  }, 180_000);
});
