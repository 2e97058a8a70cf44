import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { makeDocument } from '../test-support/documents.js';

const poppler = existsSync('/usr/bin/pdftotext');
const OUTPUT = fileURLToPath(new URL('../../../../test-output/documents/', import.meta.url));
mkdirSync(OUTPUT, { recursive: true });
const details = readFileSync(
  fileURLToPath(new URL('../../../../examples/bang-khae-2566-oit-details.csv', import.meta.url)),
  'utf8',
);
/** Bang Khae's FY2566 OIT details as the assessors' preliminary result, with O5 and O12 scored 0. */
const preliminary = details
  .split('\n')
  .map((line) =>
    /^O(5|12),/.test(line) ? line.replace(/,100\.00,/, ',0.00,').replace(/,- ไม่มี,/, ',ไม่พบข้อมูลของปีงบประมาณ พ.ศ. 2566,') : line,
  )
  .join('\n');

describe.each(TEST_DATABASES)('the OIT clarification round on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let admin: Session;
  let finance: Session;
  const year = 2566;
  const base = `/api/agencies/bang-khae/oit/${year}`;
  const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    admin = await login(app, 'admin@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    await call(admin, 'POST', base, {});
  }, 60_000);
  afterAll(async () => close());

  it("imports the assessors' preliminary scores from the OIT details format, for the secretariat only", async () => {
    const upload = { fileName: 'bang-khae-2566-oit-preliminary.csv', contentBase64: Buffer.from(preliminary).toString('base64') };
    expect((await call(finance, 'POST', `${base}/clarification/preliminary`, upload)).statusCode).toBe(403);
    expect(
      (await call(await login(app, 'admin@bang-sue.demo'), 'POST', `${base}/clarification/preliminary`, upload)).statusCode,
    ).toBe(404);
    const bad = await call(admin, 'POST', `${base}/clarification/preliminary`, {
      fileName: 'x.csv',
      contentBase64: Buffer.from('code,score\nI1,90\n').toString('base64'),
    });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    const imported = await call(admin, 'POST', `${base}/clarification/preliminary`, upload);
    expect(imported.statusCode, imported.body).toBe(200);
    const round = imported.json().round as {
      items: { code: string; preliminary: number; suggestion: string | null }[];
      preliminaryOit: number;
    };
    expect(round.items).toHaveLength(30);
    expect(round.items.find((i) => i.code === 'O5')).toMatchObject({
      preliminary: 0,
      suggestion: 'ไม่พบข้อมูลของปีงบประมาณ พ.ศ. 2566',
    });
    expect(round.preliminaryOit).toBeLessThan(100);
    expect((await call(finance, 'GET', `${base}/clarification`)).statusCode).toBe(403);
  });

  it('disputes an item with its clarification and evidence, and makes the clarification form', async () => {
    const link = await call(admin, 'POST', `${base}/items/O5/evidence`, {
      title: 'แผนการใช้จ่ายงบประมาณประจำปี พ.ศ. 2566',
      url: 'https://webportal.bangkok.go.th/bangkhae/page/sub/26001/แผนการใช้จ่ายงบประมาณ',
    });
    const other = await call(admin, 'POST', `${base}/items/O6/evidence`, {
      title: 'x',
      url: 'https://webportal.bangkok.go.th/bangkhae/x',
    });
    // A document uploaded to Prongsai: its address on the transparency page is printed whole, with its host.
    const uploaded = await call(admin, 'POST', `${base}/items/O5/evidence`, {
      fileName: 'แผนการใช้จ่าย.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString(
        'base64',
      ),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const clarification = 'หน่วยงานเผยแพร่แผนการใช้จ่ายงบประมาณประจำปี พ.ศ. 2566 แล้ว ตั้งแต่วันที่ 1 ตุลาคม 2565 ตาม URL ที่แนบ';
    expect((await call(admin, 'PUT', `${base}/clarification/items/O5`, { disputed: true, clarification: '' })).statusCode).toBe(
      400,
    );
    expect(
      (await call(admin, 'PUT', `${base}/clarification/items/O5`, { disputed: true, clarification, evidence: [other.json().id] }))
        .statusCode,
    ).toBe(400);
    const disputed = await call(admin, 'PUT', `${base}/clarification/items/O5`, {
      disputed: true,
      clarification,
      evidence: [link.json().id, uploaded.json().id],
    });
    expect(disputed.statusCode, disputed.body).toBe(200);
    const o5 = (disputed.json().round.items as { code: string; disputed: boolean; evidence: { url: string }[] }[]).find(
      (i) => i.code === 'O5',
    )!;
    expect(o5.disputed).toBe(true);
    expect(o5.evidence.map((e) => e.url)).toContain(
      'https://webportal.bangkok.go.th/bangkhae/page/sub/26001/แผนการใช้จ่ายงบประมาณ',
    );
    if (poppler) {
      const pdf = await makeDocument(app, admin, 'bang-khae', { kind: 'clarification', format: 'pdf', year });
      // Kept to look at: test-output/documents/clarification-bang-khae-2566-<engine>.pdf
      const file = join(OUTPUT, `clarification-bang-khae-2566-${database.engine}.pdf`);
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const expected of [
        'แบบชี้แจงผลการประเมินการเปิดเผยข้อมูลสาธารณะ(OIT)',
        'สำนักงานเขตบางแค',
        'O5',
        clarification.replace(/\s+/g, ''),
        'ไม่พบข้อมูลของปีงบประมาณพ.ศ.2566',
      ]) {
        expect(text, expected).toContain(expected);
      }
      // O12 is not disputed: silence means its preliminary score is accepted, and it is not on the form.
      expect(text).not.toContain('O12');
      // No address without its host: the uploaded document's reads from http://<host>/t/bang-khae/2566/O5.
      expect(text).toContain('http://localhost:80/t/bang-khae/2566/O5');
      expect(text).not.toMatch(/\(\/t\/|URL\/t\//);
    }
    const docx = await makeDocument(app, admin, 'bang-khae', { kind: 'clarification', format: 'docx', year });
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    writeFileSync(join(OUTPUT, `clarification-bang-khae-2566-${database.engine}.docx`), docx);
  });

  it("records the confirmed scores, keeping the undisputed items' preliminary ones, as the year's OIT result", async () => {
    const missing = await call(admin, 'POST', `${base}/clarification/confirm`, { scores: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.messageTh).toContain('O5');
    const confirmed = await call(admin, 'POST', `${base}/clarification/confirm`, { scores: { O5: 100 } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const round = confirmed.json().round as {
      confirmedAt: string;
      confirmedOit: number;
      preliminaryOit: number;
      items: { code: string; confirmed: number }[];
    };
    expect(round.confirmedAt).not.toBeNull();
    expect(round.items.find((i) => i.code === 'O5')?.confirmed).toBe(100);
    expect(round.items.find((i) => i.code === 'O12')?.confirmed).toBe(0);
    expect(round.confirmedOit).toBeGreaterThan(round.preliminaryOit);
    const results = (await call(admin, 'GET', `/api/agencies/bang-khae/assessments/${year}`)).json() as {
      result: { tools: Record<string, number> };
      oit: { code: string; explanation: string | null }[];
    };
    expect(results.result.tools.OIT).toBeCloseTo(round.confirmedOit, 2);
    expect(results.oit.find((o) => o.code === 'O5')?.explanation).toContain('หน่วยงานเผยแพร่แผนการใช้จ่ายงบประมาณ');
    // The round is closed.
    expect((await call(admin, 'PUT', `${base}/clarification/items/O12`, { disputed: true, clarification: 'x' })).statusCode).toBe(
      409,
    );
  });
});
