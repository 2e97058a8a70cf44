import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { makeDocument } from '../test-support/documents.js';

const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/', import.meta.url));
const poppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
mkdirSync(OUTPUT, { recursive: true });
const plain = (text: string) => text.replace(/\s+/g, '');

describe.each(TEST_DATABASES)('what the seeds say, in documents on $engine', (database) => {
  let app: FastifyInstance;
  let db: Awaited<ReturnType<typeof demoApp>>['db'];
  let close: () => Promise<void>;
  let admin: Session;
  let lakSi: Session;
  let khae: Session;

  beforeAll(async () => {
    ({ app, db, close } = await demoApp(database));
    admin = await login(app, 'admin@phasi-charoen.demo');
    lakSi = await login(app, 'admin@lak-si.demo');
    khae = await login(app, 'admin@bang-khae.demo');
  }, 60_000);
  afterAll(async () => close());

  it.runIf(poppler)(
    "prints seed 000's E13 results continued on the next page under E13, with no heading of its own",
    async () => {
      const path = `${OUTPUT}progress-phasi-charoen-2567-${database.engine}.pdf`;
      writeFileSync(
        path,
        await makeDocument(app, admin, 'phasi-charoen', { kind: 'progress', format: 'pdf', year: 2567, round: 6 }),
      );
      execFileSync('pdftoppm', ['-r', '60', '-png', path, path.replace(/\.pdf$/, '')]);
      const text = plain(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }));
      expect(text).not.toContain('noheading');
      expect(text).not.toContain('E-servicepromotion');
      // Seed 000, lines 95, 122 and 226: E13's results, then the ones its row carries onto the next page.
      const e13 = text.indexOf(plain('E13 สำนักงานเขตที่ท่านติดต่อ'));
      const manual = text.indexOf(plain('มีคู่มือการให้บริการผ่านระบบ E – service และเผยแพร่คู่มือให้แก่เจ้าหน้าที่ผู้ปฏิบัติงาน'));
      const assigned = text.indexOf(plain('มีการมอบหมายเจ้าหน้าที่ผู้รับผิดชอบ แต่ละกระบวนการงานในการสนับสนุนส่งเสริมการใช้งานระบบ BMA OSS'));
      const e14 = text.indexOf(plain('E14 สำนักงานเขตที่ท่านติดต่อเปิดโอกาส'));
      expect(e13).toBeGreaterThan(0);
      expect(manual).toBeGreaterThan(e13);
      expect(assigned).toBeGreaterThan(manual);
      expect(e14).toBeGreaterThan(assigned);
    },
    60_000,
  );

  /** The progress report's text between two rows' labels, as `pdftotext -raw` gives it. */
  async function progressRows(session: Session, agency: string, year: number, name: string) {
    const path = `${OUTPUT}${name}-${database.engine}.pdf`;
    writeFileSync(path, await makeDocument(app, session, agency, { kind: 'progress', format: 'pdf', year, round: 6 }));
    execFileSync('pdftoppm', ['-r', '60', '-png', path, path.replace(/\.pdf$/, '')]);
    const text = plain(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }));
    return (from: string, to: string) => {
      const start = text.indexOf(plain(from));
      const end = text.indexOf(plain(to), start + 1);
      expect(start, from).toBeGreaterThan(0);
      expect(end, to).toBeGreaterThan(start);
      return text.slice(start, end);
    };
  }

  it.runIf(poppler)(
    'reports the measures and results of a row whose cells the seed merges with the row above',
    async () => {
      // Seed 000 line 86–87: E11's cells run on over E12's row.
      const phasi = await progressRows(admin, 'phasi-charoen', 2567, 'progress-phasi-charoen-2567-merged');
      const e12 = phasi('E12 เจ้าหน้าที่ของสำนักงานเขตที่ท่านติดต่อ', 'E13 สำนักงานเขตที่ท่านติดต่อ');
      expect(e12).not.toContain('ยังไม่เริ่มดำเนินการ');
      expect(e12).toContain(plain('มีการจัดประชุมผู้บริหารอย่างต่อเนื่อง'));
      // Seed 004 lines 22–23 and 26: I1's measures are numbered on into I2's row, its results likewise.
      const lak = await progressRows(lakSi, 'lak-si', 2568, 'progress-lak-si-2568-merged');
      const i2 = lak('I2 อำนวยความสะดวกในการให้บริการประชาชน', 'I3');
      expect(i2).not.toContain('ยังไม่เริ่มดำเนินการ');
      expect(i2).toContain(plain('เผยแพร่ประชาสัมพันธ์คู่มือ/มาตรฐานการปฏิบัติงานผ่านทางเว็บไซต์ของสำนักงานเขต'));
      const i5 = lak('I5', 'I6');
      expect(i5).not.toContain('ยังไม่เริ่มดำเนินการ');
      expect(i5).toContain(plain('เวียนแจ้ง/จัดประชุมชี้แจง ชักซ้อมทำความเข้าใจเกี่ยวกับการจัดซื้อจัดจ้าง'));
    },
    60_000,
  );

  it.runIf(poppler)(
    "prints yes/no items under seed 001's own มี | ไม่มี | คะแนน header",
    async () => {
      const path = `${OUTPUT}measures-bang-khae-2567-yesno-${database.engine}.pdf`;
      writeFileSync(path, await makeDocument(app, khae, 'bang-khae', { kind: 'measures', format: 'pdf', year: 2567 }));
      const text = plain(execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }));
      // Seed 001 lines 128–129 (I17, item 1) and 238–239 (E5, item 1).
      expect(text).toContain(plain('หัวข้อการประเมิน มี ไม่มี คะแนน 1.เงิน 0.51 99.49 99.49'));
      expect(text).toContain(plain('หัวข้อการประเมิน มี ไม่มี คะแนน 1.เงิน ของขวัญ ของรางวัล 0.32 99.68 99.68'));
      expect(text).not.toContain(plain('ช่อง "มาก" คือ มี'));
      // The มี share sits under มี, left of the ไม่มี share, on the same line.
      const words = [
        ...execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' }).matchAll(
          /xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</g,
        ),
      ].map(([, x, y, w]) => ({ x: Number(x), y: Number(y), w }));
      const yes = words.findIndex((w, i) => w.w === '0.51' && words[i + 1]?.w === '99.49');
      expect(yes).toBeGreaterThan(0);
      const header = words
        .slice(0, yes)
        .reverse()
        .find((w) => w.w === 'มี')!;
      const noHeader = words
        .slice(0, yes)
        .reverse()
        .find((w) => w.w === 'ไม่มี')!;
      expect(Math.abs(words[yes]!.x - header.x)).toBeLessThan(40);
      expect(Math.abs(words[yes + 1]!.x - noHeader.x)).toBeLessThan(40);
      expect(words[yes + 1]!.y).toBe(words[yes]!.y);
    },
    60_000,
  );

  it.runIf(poppler)(
    'labels OIT rows with the item ranges seed 004 prints, under the OIT group row',
    async () => {
      const rows = await progressRows(lakSi, 'lak-si', 2568, 'progress-lak-si-2568-oit');
      // Seed 004 lines 196–212.
      const oit = rows('แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', 'O10, O15');
      expect(oit).toContain(plain('ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล O1 – O9, O11-O14, O16-O17 (100.00 คะแนน)'));
      const rest = rows('O10, O15', 'ภาพที่');
      expect(rest.startsWith(plain('O10, O15 (0.00 คะแนน)'))).toBe(true);
      const indicator10 = rows('ตัวชี้วัดที่ ๑๐', 'O18, O19, O21, O22');
      expect(indicator10).toContain(plain('O20 (100.00 คะแนน)'));
      expect(indicator10).not.toContain(plain('O20 การป้องกันการทุจริต'));
      expect(rows('O18, O19, O21, O22', 'หน่วยงานยังขาด').startsWith(plain('O18, O19, O21, O22 (0.00 คะแนน)'))).toBe(true);
    },
    60_000,
  );

  it('refuses to print placeholder text left by a transcription, and names the entry', async () => {
    await db.kysely
      .updateTable('measure_entries')
      .set({ title: '(no heading in source) BMA OSS / E-service promotion results' })
      .where('question_code', '=', 'E13')
      .execute();
    const started = await app.inject({
      method: 'POST',
      url: '/api/agencies/phasi-charoen/documents',
      headers: admin.headers,
      payload: { kind: 'measures', format: 'pdf', year: 2567 },
    });
    const outcome =
      started.statusCode === 202
        ? await makeDocument(app, admin, 'phasi-charoen', { kind: 'measures', format: 'pdf', year: 2567 }).catch(
            (e: Error) => e.message,
          )
        : started.body;
    expect(String(outcome)).toContain('ข้อความแทนที่');
    expect(String(outcome)).toContain('E13');
  }, 60_000);
});
