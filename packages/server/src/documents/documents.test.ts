import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { makeDocument, pageNumberHeights, wordsPastMargin } from '../test-support/documents.js';
import { missingGlyphsOfLastRender, renderPdf } from './thai-pdf.js';
import { breakable } from './thai-text.js';

const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/', import.meta.url));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
if (!poppler) {
  if (process.env.CI) throw new Error('the document tests need poppler-utils (pdftotext, pdftoppm)');
  console.warn('poppler-utils missing: PDF text and page checks are skipped');
}
mkdirSync(OUTPUT, { recursive: true });

/** The PDF's text exactly as a reader copies it (ำ as U+0E33, no normalisation), without white space. */
function pdfText(pdf: Buffer, name: string): string {
  const path = `${OUTPUT}${name}.pdf`;
  writeFileSync(path, pdf);
  // Pages kept as PNG to look at (test-output/documents/<name>-<page>.png).
  execFileSync('pdftoppm', ['-r', '60', '-png', '-l', '4', path, `${OUTPUT}${name}`]);
  // -raw keeps the drawing order; the default layout mode splits lines at raised marks.
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
const plain = (text: string) => text.replace(/\s+/g, '');

describe.runIf(poppler)('Thai text in PDFs', () => {
  it('wraps at word boundaries and extracts exactly, ำ and า included', async () => {
    const text = 'สำนักงานเขตบางแคมีการดำเนินการทางวินัย ผลการประเมินผ่านดี คะแนน 94.87 ปฏิบัติหน้าที่ ญาติ ฐาน กฎ น้ำ';
    const pdf = await renderPdf({ content: [{ table: { widths: [90], body: [[{ text: breakable(text) }]] } }] });
    expect(pdfText(pdf, 'thai-wrapping')).toBe(plain(text));
    const lines = execFileSync('pdftotext', ['-raw', `${OUTPUT}thai-wrapping.pdf`, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    // Every line ends at a word boundary of the text.
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.segment);
    let joined = '';
    const ends = new Set<number>();
    for (const w of words) ends.add((joined += w.replace(/\s+/g, '')).length);
    let seen = '';
    for (const line of lines) {
      seen += plain(line);
      expect(ends.has(seen.length), `line "${line}" ends inside a word`).toBe(true);
    }
  });
});

describe.each(TEST_DATABASES)('documents on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let khaeAdmin: Session;
  let sueAdmin: Session;
  let ddAdmin: Session;

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    khaeAdmin = await login(app, 'admin@bang-khae.demo');
    sueAdmin = await login(app, 'admin@bang-sue.demo');
    ddAdmin = await login(app, 'admin@din-daeng.demo');
  }, 60_000);
  afterAll(async () => close());

  const make = (session: Session, agency: string, body: object) => makeDocument(app, session, agency, body);

  it.runIf(poppler)("makes Bang Khae's FY2567 measures document with its FY2566 results", async () => {
    const text = pdfText(
      await make(khaeAdmin, 'bang-khae', { kind: 'measures', format: 'pdf', year: 2567 }),
      `measures-bang-khae-2567-${database.engine}`,
    );
    for (const expected of [
      'มาตรการยกระดับคุณธรรมและความโปร่งใสของสำนักงานเขตบางแค',
      'ประจำปีงบประมาณพ.ศ.๒๕๖๗',
      'ความสำคัญของITA',
      '94.87',
      'ผ่านดี',
      '88.04',
      '94.86',
      '26.41',
      '84.18',
      'I17.สำนักงานเขตที่ท่านปฏิบัติงาน',
      '84.56',
      'ตารางที่2',
      'O30',
      'ประเด็นที่ต้องปรับปรุง/ยกระดับการพัฒนา',
      'ทุกฝ่าย',
      'ทุก6เดือน',
      // The levels table as seed 001 prints it, derived from the level scheme.
      'ผ่านดี85.00–100.00IIT,EITและOITทุกเครื่องมือได้85คะแนน',
      'ผ่าน85.00–100.00IIT,EITและOITบางเครื่องมือได้น้อยกว่า85คะแนน',
      'ต้องปรับปรุง70.00–84.99ไม่มีเงื่อนไข',
      // Section headings in Thai digits throughout, as the title above them.
      '๒.ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของสำนักงานเขตบางแคกรุงเทพมหานครประจำปีงบประมาณพ.ศ.๒๕๖๖',
      'ในปี๒๕๖๖ประเด็นที่ต้องปรับปรุง/ยกระดับการพัฒนา(พิจารณาจากข้อที่มีผลการประเมินต่ำกว่าร้อยละ๘๕)',
    ]) {
      expect(text, expected).toContain(plain(expected));
    }
    // No page ends with a table's caption or a section heading: each stays with what it names.
    // (A chart's caption is followed by the chart, an image with no text, so it is not checked here.)
    const pages = execFileSync('pdftotext', ['-raw', `${OUTPUT}measures-bang-khae-2567-${database.engine}.pdf`, '-'], {
      encoding: 'utf8',
    }).split('\f');
    for (const [i, page] of pages.entries()) {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^- [๐-๙]+ -$/.test(l));
      expect(lines.at(-1) ?? '', `page ${i + 1}`).not.toMatch(/^(ตารางที่|[๐-๙]\. )/);
    }
    // Nothing is drawn past the right margin (42 pt portrait, 40 pt landscape): long URLs wrap in their cell.
    expect(wordsPastMargin(`${OUTPUT}measures-bang-khae-2567-${database.engine}.pdf`, 40)).toEqual([]);
    // Every page from the second carries its number at the top, centred, as the seeds print it.
    const heights = pageNumberHeights(`${OUTPUT}measures-bang-khae-2567-${database.engine}.pdf`);
    expect(heights.length).toBeGreaterThan(10);
    for (const [i, height] of heights.entries()) expect(height, `page ${i + 2}`).toBeLessThan(0.06);
    // Table 3 groups OIT items under their indicators and sub-indicators and ends with the weighted average.
    for (const expected of [
      'ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล',
      '9.1 ข้อมูลพื้นฐาน',
      'ตัวชี้วัดที่ 10 การป้องกันการทุจริต',
      'คะแนนเฉลี่ย (ถ่วงน้ำหนัก)100.00',
    ]) {
      expect(text, expected).toContain(plain(expected));
    }
    // Seed 001's sections: participation, each tool's indicators, data collection, numbered tables and charts.
    for (const expected of [
      'สำนักงานเขตบางแค กรุงเทพมหานคร ได้เข้าร่วมการประเมินคุณธรรมและความโปร่งใส',
      'ประกอบด้วย ตัวชี้วัดการปฏิบัติหน้าที่ ตัวชี้วัดการใช้งบประมาณ ตัวชี้วัดการใช้อำนาจ ตัวชี้วัดการใช้ทรัพย์สินของราชการ และตัวชี้วัดการแก้ไขปัญหาการทุจริต',
      'การเก็บข้อมูลจาก ๓ เครื่องมือ ๑๐ ตัวชี้วัด มีดังนี้',
      'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (Bribery Fraud)',
      'แผนภาพที่ 2: กราฟแท่งแสดงผลการประเมิน',
      'แผนภาพที่ 3: กราฟแท่งแสดงผลการประเมิน',
      'ตารางที่ 4: สถิติผู้ตอบแบบสอบถามผู้มีส่วนได้ส่วนเสียภายใน (IIT) สำนักงานเขตบางแค',
      'ชาย 37.93 374',
      'รวม 100.00 986',
      'แผนภาพที่ 12: กราฟแท่งแสดงสถิติผู้ตอบแบบสอบถามผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
      'มาตรการ/กิจกรรม ในการเตรียมความพร้อมรับการประเมิน ในประเด็นที่ต้องปรับปรุง/ยกระดับการพัฒนา',
      'ตัวชี้วัดที่ ๒ การใช้งบประมาณ',
      '๔. มาตรการส่งเสริม',
    ]) {
      expect(text, expected).toContain(plain(expected));
    }
    // Groups under 5 (seed 001: nobody "อื่น ๆ" among IIT respondents, one over 60) are never numbers.
    expect(text).toContain(plain('อื่น ๆ น้อยกว่า 5 คน น้อยกว่า 5'));
    expect(text).not.toContain(plain('มากกว่า 60 ปี 0.10 1'));
    // ำ is one character in the text layer: "สำนักงาน" is found as typed, without normalisation.
    const raw = execFileSync('pdftotext', [`${OUTPUT}measures-bang-khae-2567-${database.engine}.pdf`, '-'], { encoding: 'utf8' });
    expect(raw).toContain('สำนักงานเขตบางแค');
    expect(raw).not.toContain('\u0E4D\u0E32');
    expect(text).not.toContain(plain('85.00 – 84.99'));
    expect(text).not.toContain(plain('85.00 – 94.99'));
  });

  it.runIf(poppler)("makes Din Daeng's six-month progress report with its photos, and Bang Sue's committee order", async () => {
    const progress = pdfText(
      await make(ddAdmin, 'din-daeng', { kind: 'progress', format: 'pdf', year: 2567, round: 6 }),
      `progress-din-daeng-2567-${database.engine}`,
    );
    for (const expected of [
      'การรายงานผลการดำเนินการตามมาตรการยกระดับคุณธรรมและความโปร่งใส',
      'ผลการดำเนินการ',
      'ภาพกิจกรรม',
      'ภาพที่1',
      // The seeds' column headers and group rows.
      'ผลการดำเนินการตามมาตรการยกระดับคุณธรรมและความโปร่งใสภายในหน่วยงาน',
      'ภาพกิจกรรมที่แสดงถึงการปฏิบัติจริงอย่างเป็นรูปธรรม',
      'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)',
      'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่',
      'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
      // The period with its years, as seeds 000, 003 and 004 head it.
      'รอบ ๖ เดือนแรก (ตุลาคม ๒๕๖๖ – มีนาคม ๒๕๖๗)',
    ]) {
      expect(progress, expected).toContain(plain(expected));
    }
    // Every photo is in it, numbered 1, 2, 3 … (a row taller than a page must not lose any).
    const numbers = [
      ...execFileSync('pdftotext', ['-raw', `${OUTPUT}progress-din-daeng-2567-${database.engine}.pdf`, '-'], {
        encoding: 'utf8',
      }).matchAll(/ภาพที่ (\d+)/g),
    ].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.length).toBeGreaterThan(50);
    // Each caption carries its number once ("ภาพที่ 3 ประชุม…", not "ภาพที่ 3 ๓. ประชุม…").
    expect(progress).not.toMatch(/ภาพที่\d[0-9๐-๙]+[.)]/);
    // The captions' emoji (✨ 😊) come out of the emoji font, not as boxes.
    expect(missingGlyphsOfLastRender()).toEqual([]);
    expect(progress).toContain('✨');
    expect(execFileSync('pdffonts', [`${OUTPUT}progress-din-daeng-2567-${database.engine}.pdf`], { encoding: 'utf8' })).toContain(
      'NotoEmoji',
    );
    const order = pdfText(
      await make(sueAdmin, 'bang-sue', { kind: 'order', format: 'pdf', year: 2568 }),
      `order-bang-sue-2568-${database.engine}`,
    );
    for (const expected of [
      'คำสั่งสำนักงานเขตบางซื่อ',
      'ที่๒๘/๒๕๖๘',
      'ประธานคณะกรรมการ',
      'สั่งณวันที่๓๐มกราคมพ.ศ.๒๕๖๘',
      '(นายเจษฎาประภาสวัต)',
    ]) {
      expect(order, expected).toContain(plain(expected));
    }
    // Thai is not justified with spaces the text does not have: lines joined read as typed.
    const raw = execFileSync('pdftotext', ['-raw', `${OUTPUT}order-bang-sue-2568-${database.engine}.pdf`, '-'], {
      encoding: 'utf8',
    }).replace(/\n/g, '');
    expect(raw).toContain(plain('จึงแต่งตั้งคณะกรรมการประเมินคุณธรรมและความโปร่งใส'));
    expect(raw).toContain(plain('เพื่อประเมินระดับการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก'));
  });

  it.runIf(poppler)('prints Thai digits on request', async () => {
    const text = pdfText(
      await make(sueAdmin, 'bang-sue', { kind: 'order', format: 'pdf', year: 2568, thaiDigits: true }),
      `order-thai-digits-${database.engine}`,
    );
    expect(text).toContain('ที่๒๘/๒๕๖๘');
    const measures = pdfText(
      await make(khaeAdmin, 'bang-khae', { kind: 'measures', format: 'pdf', year: 2567, thaiDigits: true }),
      `measures-thai-digits-${database.engine}`,
    );
    expect(measures).toContain('๙๔.๘๗');
    expect(measures).not.toContain('94.87');
  });

  it('makes DOCX with Thai set in the complex-script font at 16 pt', async () => {
    const docx = await make(khaeAdmin, 'bang-khae', { kind: 'measures', format: 'docx', year: 2567 });
    writeFileSync(`${OUTPUT}measures-bang-khae-2567-${database.engine}.docx`, docx);
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(xml).toContain('w:cs="TH Sarabun New"');
    expect(xml).toContain('<w:szCs w:val="32"/>');
    expect(styles).toContain('w:cs="TH Sarabun New"');
    expect(styles).toContain('w:bidi="th-TH"');
    expect(xml).toContain('94.87');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgNumType[^>]*w:fmt="thaiNumbers"/);
    expect(xml).not.toContain('\u200B');
    expect(Object.keys(zip.files).some((f) => f.startsWith('word/media/'))).toBe(true);
    // Table 3 as in the PDF: indicator and sub-indicator rows, and the weighted average.
    for (const text of ['ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล', '9.1 ข้อมูลพื้นฐาน', 'คะแนนเฉลี่ย (ถ่วงน้ำหนัก)']) expect(xml).toContain(text);
  });

  it('publishes open data without sign-in, with documented columns, and an XLSX workbook', async () => {
    const csv = await app.inject({ method: 'GET', url: '/api/open-data/1040/2566/results.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('agency_code,fiscal_year,framework,level,code,name,score,published_score,source');
    expect(lines[1]).toBe('1040,2566,bma-district-2566,ita,ITA,ผ่านดี,94.87,,imported');
    const analysis = (await app.inject({ method: 'GET', url: '/api/open-data/bang-khae/2566/analysis.json' })).json() as {
      rows: { code: string }[];
    };
    expect(analysis.rows.map((r) => r.code)).toEqual(['I8', 'I9', 'I11', 'I13', 'I16', 'I17', 'I20', 'I22', 'E12']);
    const measures = (await app.inject({ method: 'GET', url: '/api/open-data/bang-khae/2567/measures.json' })).json() as {
      columns: string[];
      rows: unknown[];
    };
    expect(measures.rows.length).toBeGreaterThan(8);
    expect((await app.inject({ method: 'GET', url: '/api/open-data/bang-khae/2599/results.json' })).statusCode).toBe(404);
    const xlsx = await app.inject({ method: 'GET', url: '/api/agencies/bang-khae/workbook/2567', headers: khaeAdmin.headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['ผลการประเมิน 2566', 'วิเคราะห์ (ต่ำกว่าเกณฑ์)', 'มาตรการ 2567']);
  });

  it('runs a batch for every agency overseen, for central admins only, each job with its own outcome', async () => {
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/documents/batch',
          headers: khaeAdmin.headers,
          payload: { kind: 'order', format: 'docx', year: 2568 },
        })
      ).statusCode,
    ).toBe(403);
    const central = await login(app, 'admin@prongsai.demo');
    const started = await app.inject({
      method: 'POST',
      url: '/api/documents/batch',
      headers: central.headers,
      payload: { kind: 'order', format: 'docx', year: 2568 },
    });
    expect(started.statusCode).toBe(202);
    const batch = started.json() as { id: string; total: number };
    // Bangkok's 50 districts and Nonthaburi's seven agencies.
    expect(batch.total).toBe(57);
    type Page = {
      counts: Record<'queued' | 'running' | 'done' | 'failed', number>;
      rows: { agency: { slug: string }; status: string }[];
    };
    let page: Page | undefined;
    for (let round = 0; round < 400; round++) {
      page = (
        await app.inject({ method: 'GET', url: `/api/documents/batches/${batch.id}?status=done`, headers: central.headers })
      ).json() as Page;
      if (page.counts.queued + page.counts.running === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(page!.rows.map((r) => r.agency.slug)).toEqual(['bang-sue']);
    expect(page!.counts).toEqual({ queued: 0, running: 0, done: 1, failed: 56 });
  });

  it('keeps documents to their agency and says what is missing', async () => {
    const other = await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/documents',
      headers: sueAdmin.headers,
      payload: { kind: 'measures', format: 'pdf', year: 2567 },
    });
    expect(other.statusCode).toBe(404);
    const started = await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-sue/documents',
      headers: sueAdmin.headers,
      payload: { kind: 'order', format: 'pdf', year: 2590 },
    });
    const { id } = started.json() as { id: string };
    let job: { status: string; error: { messageTh: string } | null } = { status: 'queued', error: null };
    for (let i = 0; i < 100 && job.status !== 'failed'; i++) {
      job = (await app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: sueAdmin.headers })).json();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job.error?.messageTh).toContain('ยังไม่มีข้อมูลคณะกรรมการ');
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${id}`, headers: khaeAdmin.headers })).statusCode).toBe(404);
  });
});
