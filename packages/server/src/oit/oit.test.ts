import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function officeFile(part: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  zip.file(part, '<?xml version="1.0"?><root/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe.each(TEST_DATABASES)('the OIT workspace on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let admin: Session;
  let director: Session;
  let finance: Session;
  let works: Session;
  let otherAdmin: Session;
  let divisions: { id: number; nameTh: string }[];
  const year = 2566;
  const base = `/api/agencies/bang-khae/oit/${year}`;
  let publishedFile = '';

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    admin = await login(app, 'admin@bang-khae.demo');
    director = await login(app, 'director@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    works = await login(app, 'works@bang-khae.demo');
    otherAdmin = await login(app, 'admin@bang-sue.demo');
    divisions = (await app.inject({ method: 'GET', url: '/api/agencies/bang-khae/divisions', headers: admin.headers })).json();
  }, 60_000);
  afterAll(async () => close());

  const call = (session: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const divisionId = (name: string) => divisions.find((d) => d.nameTh === name)!.id;

  it("opens the year's checklist from the framework, for the secretariat only", async () => {
    expect((await call(finance, 'POST', base, {})).statusCode).toBe(403);
    expect((await call(otherAdmin, 'POST', base, {})).statusCode).toBe(404);
    const opened = await call(admin, 'POST', base, {});
    expect(opened.statusCode, opened.body).toBe(201);
    const checklist = opened.json() as { items: { code: string; dueDate: string; status: string; carry: string }[] };
    expect(checklist.items.map((i) => i.code)).toEqual(Array.from({ length: 30 }, (_, i) => `O${i + 1}`));
    expect(checklist.items.every((i) => i.dueDate === '2023-03-31' && i.status === 'todo' && i.carry === 'new')).toBe(true);
    expect((await call(admin, 'POST', base, {})).statusCode).toBe(409);
    expect((await call(admin, 'POST', '/api/agencies/bang-khae/oit/2590', {})).statusCode).toBe(400);
  });

  it("dates a new checklist's items by the agency's calendar, as its memo does", async () => {
    const sue = otherAdmin;
    const moved = await call(sue, 'PUT', '/api/agencies/bang-sue/calendar/2568/oit-evidence', { dueOn: '2025-03-17' });
    expect(moved.statusCode, moved.body).toBe(200);
    const opened = await call(sue, 'POST', '/api/agencies/bang-sue/oit/2568', { framework: 'bma-district-2567' });
    expect(opened.statusCode, opened.body).toBe(201);
    const items = (opened.json() as { items: { dueDate: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.dueDate))).toEqual(new Set(['2025-03-17']));
  });

  it('assigns items in bulk and shows each division only its own items', async () => {
    const finance_ = divisionId('ฝ่ายการคลัง');
    const works_ = divisionId('ฝ่ายโยธา');
    expect((await call(finance, 'PUT', `${base}/assignments`, { codes: ['O1'], divisions: [finance_] })).statusCode).toBe(403);
    const assigned = await call(admin, 'PUT', `${base}/assignments`, {
      codes: ['O1', 'O2', 'O3'],
      divisions: [finance_],
      dueDate: '2023-03-15',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await call(admin, 'PUT', `${base}/assignments`, { codes: ['O3', 'O4'], divisions: [finance_, works_] });
    const other = await call(admin, 'PUT', `${base}/assignments`, { codes: ['O5'], divisions: [999_999] });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.messageTh).toContain('ฝ่าย');
    const board = (await call(admin, 'GET', base)).json() as {
      items: { code: string; divisions: number[]; dueDate: string }[];
      board: { owed: { divisionId: number; codes: string[] }[]; unassigned: string[] };
    };
    expect(board.items.find((i) => i.code === 'O1')).toMatchObject({ divisions: [finance_], dueDate: '2023-03-15' });
    expect(board.items.find((i) => i.code === 'O4')?.dueDate).toBe('2023-03-31');
    expect(board.board.owed.find((o) => o.divisionId === finance_)?.codes).toEqual(['O1', 'O2', 'O3', 'O4']);
    expect(board.board.unassigned).toHaveLength(26);
    const seenByWorks = (await call(works, 'GET', base)).json() as { items: { code: string }[] };
    expect(seenByWorks.items.map((i) => i.code)).toEqual(['O3', 'O4']);
  });

  it('takes documents and links from the assigned divisions, checking what each file really is', async () => {
    const url = `${base}/items/O1/evidence`;
    const pdf = await call(finance, 'POST', url, {
      fileName: 'โครงสร้าง.pdf',
      contentBase64: PDF.toString('base64'),
      note: 'ฉบับปรับปรุง',
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ kind: 'file', title: 'โครงสร้าง', fileName: 'โครงสร้าง.pdf', mime: 'application/pdf' });
    const link = await call(finance, 'POST', url, {
      title: 'หน้าโครงสร้างบนเว็บไซต์',
      url: 'https://webportal.bangkok.go.th/bangkhae/page/sub/10676',
    });
    expect(link.statusCode, link.body).toBe(201);
    const docx = await call(finance, 'POST', `${base}/items/O2/evidence`, {
      fileName: 'อำนาจหน้าที่.docx',
      contentBase64: (await officeFile('word/document.xml')).toString('base64'),
    });
    expect(docx.statusCode, docx.body).toBe(201);
    expect(docx.json().mime).toContain('wordprocessingml');
    // A ZIP that is neither Word nor Excel, a script named .pdf, a javascript: link: refused, nothing kept.
    for (const body of [
      { fileName: 'x.docx', contentBase64: (await officeFile('other/part.xml')).toString('base64') },
      { fileName: 'x.pdf', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') },
      { title: 'x', url: 'javascript:alert(1)' },
    ]) {
      const refused = await call(finance, 'POST', `${base}/items/O2/evidence`, body);
      expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(400);
      expect(refused.statusCode).toBeLessThan(500);
    }
    // ฝ่ายโยธา is not assigned O1: the item does not exist for it; another agency sees nothing.
    expect((await call(works, 'POST', url, { title: 'x', url: 'https://example.org' })).statusCode).toBe(404);
    expect((await call(otherAdmin, 'GET', base)).statusCode).toBe(404);
    const file = await call(finance, 'GET', `/api/oit-evidence/${pdf.json().id}/file`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await call(works, 'GET', `/api/oit-evidence/${pdf.json().id}/file`)).statusCode).toBe(404);
    const o2 = (await call(admin, 'GET', base)).json().items.find((i: { code: string }) => i.code === 'O2');
    expect(o2.evidence).toHaveLength(1);
  });

  it('moves items through submission, review and approval; the public page shows only what was approved', async () => {
    expect((await call(finance, 'POST', `${base}/items/O3/submit`, {})).statusCode).toBe(400);
    expect((await call(finance, 'POST', `${base}/items/O1/submit`, {})).json().status).toBe('submitted');
    // Sent items are locked for the division until returned.
    expect(
      (await call(finance, 'POST', `${base}/items/O1/evidence`, { title: 'x', url: 'https://example.org/x' })).statusCode,
    ).toBe(409);
    expect((await call(finance, 'POST', `${base}/items/O1/accept`, {})).statusCode).toBe(403);
    expect((await call(admin, 'POST', `${base}/items/O1/return`, {})).statusCode).toBe(400);
    const returned = await call(admin, 'POST', `${base}/items/O1/return`, { comment: 'ขอเอกสารปีงบประมาณ 2566' });
    expect(returned.json()).toMatchObject({ status: 'returned', comment: 'ขอเอกสารปีงบประมาณ 2566' });
    await call(finance, 'POST', `${base}/items/O1/submit`, {});
    expect((await call(admin, 'POST', `${base}/items/O1/accept`, {})).json().status).toBe('accepted');
    await call(finance, 'POST', `${base}/items/O2/submit`, {});

    expect((await call(admin, 'POST', `${base}/approve`, {})).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/t/bang-khae/${year}` })).statusCode).toBe(404);
    const approved = await call(director, 'POST', `${base}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().items).toBe(1);

    const page = await app.inject({ method: 'GET', url: `/t/bang-khae/${year}` });
    expect(page.body).toContain('โครงสร้าง อัตรากำลัง');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="th">');
    expect(page.body).toContain('/t/bang-khae/2566/O1');
    expect(page.body).not.toContain('/t/bang-khae/2566/O2');
    const item = await app.inject({ method: 'GET', url: `/t/bang-khae/${year}/O1` });
    expect(item.body).toContain('หน้าโครงสร้างบนเว็บไซต์');
    const href = /href="(\/t\/bang-khae\/2566\/O1\/files\/[^"]+)"/.exec(item.body)![1]!;
    const file = await app.inject({ method: 'GET', url: href });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    // Caches may keep a published page or file but must ask again each time; asking again is cheap.
    expect(file.headers['cache-control']).toBe('public, no-cache');
    expect(page.headers['cache-control']).toBe('public, no-cache');
    const again = await app.inject({ method: 'GET', url: href, headers: { 'if-none-match': String(file.headers.etag) } });
    expect(again.statusCode).toBe(304);
    publishedFile = href;
    // O2 was sent but not accepted: no page, and its document is not served by any public URL.
    expect((await app.inject({ method: 'GET', url: `/t/bang-khae/${year}/O2` })).statusCode).toBe(404);
    const o2 = (await call(admin, 'GET', base)).json().items.find((i: { code: string }) => i.code === 'O2');
    expect(
      (await app.inject({ method: 'GET', url: `/t/bang-khae/${year}/O1/files/${o2.evidence[0].id}/x.docx` })).statusCode,
    ).toBe(404);
    // An index of files within the protocol's 50,000 URLs each; the first lists the published pages.
    const index = await app.inject({ method: 'GET', url: '/t/sitemap.xml' });
    expect(index.body).toContain('<sitemapindex');
    expect(index.body).toMatch(/<loc>[^<]*\/t\/sitemap-1\.xml<\/loc>/);
    expect((await app.inject({ method: 'GET', url: '/t/sitemap-2.xml' })).statusCode).toBe(404);
    const sitemap = await app.inject({ method: 'GET', url: '/t/sitemap-1.xml' });
    expect(sitemap.headers['content-type']).toContain('application/xml');
    expect(sitemap.body).toContain('/t/bang-khae/2566/O1</loc>');
    expect(sitemap.body).not.toContain('/t/bang-khae/2566/O2<');

    // Returned after approval: the published page keeps what was approved, and its document cannot be removed.
    await call(admin, 'POST', `${base}/items/O1/return`, { comment: 'ตรวจอีกครั้ง' });
    const evidence = (await call(admin, 'GET', base)).json().items.find((i: { code: string }) => i.code === 'O1').evidence;
    expect((await call(finance, 'DELETE', `/api/oit-evidence/${evidence[0].id}`)).statusCode).toBe(409);
    // The item is being prepared again, but its published document is not offered for removal.
    const seen = (await call(finance, 'GET', base)).json().items.find((i: { code: string }) => i.code === 'O1');
    expect(seen.can.edit).toBe(true);
    expect(seen.evidence[0].can.remove).toBe(false);
    expect((await app.inject({ method: 'GET', url: `/t/bang-khae/${year}/O1` })).statusCode).toBe(200);
  });

  it('withdraws the page on purpose, audited', async () => {
    const publications = (await call(admin, 'GET', '/api/agencies/bang-khae/publications')).json() as {
      id: number;
      kind: string;
      live: boolean;
    }[];
    const live = publications.find((p) => p.kind === 'oit' && p.live)!;
    expect((await call(finance, 'POST', `/api/publications/${live.id}/withdraw`, {})).statusCode).toBe(403);
    expect((await call(admin, 'POST', `/api/publications/${live.id}/withdraw`, {})).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/t/bang-khae/${year}/O1` })).statusCode).toBe(404);
    // A cache revalidating the file it kept is told at once that it is gone.
    expect((await app.inject({ method: 'GET', url: publishedFile, headers: { 'if-none-match': '"anything"' } })).statusCode).toBe(
      404,
    );
    const central = await login(app, 'admin@prongsai.demo');
    const audit = (await call(central, 'GET', '/api/audit?limit=50')).json() as
      { entries?: { action: string; entity: string }[] } | { action: string; entity: string }[];
    const entries = Array.isArray(audit) ? audit : (audit.entries ?? []);
    const actions = entries.map((e) => `${e.action} ${e.entity}`);
    expect(actions).toContain('withdraw publication');
    expect(actions).toContain('publish publication');
    expect(actions).toContain('upload oit-evidence');
    expect(actions).toContain('return oit-task');
  });

  it("rolls last year's divisions over into the new year's checklist", async () => {
    const central = await login(app, 'admin@prongsai.demo');
    const own = (await call(central, 'GET', '/api/agencies/1007/divisions')).json() as { id: number }[];
    await call(central, 'POST', '/api/agencies/1007/oit/2566', {});
    await call(central, 'PUT', '/api/agencies/1007/oit/2566/assignments', { codes: ['O1', 'O9'], divisions: [own[0]!.id] });
    const next = (await call(central, 'POST', '/api/agencies/1007/oit/2567', {})).json() as {
      items: { code: string; divisions: number[]; carry: string }[];
    };
    expect(next.items.find((i) => i.code === 'O1')).toMatchObject({ divisions: [own[0]!.id], carry: 'carried' });
    expect(next.items.find((i) => i.code === 'O9')?.divisions).toEqual([own[0]!.id]);
    expect(next.items.find((i) => i.code === 'O2')).toMatchObject({ divisions: [], carry: 'carried' });
  });

  it("holds the seed districts' FY2567 checklists in the demo, Bang Khae's published whole", async () => {
    const page = await app.inject({ method: 'GET', url: '/t/bang-khae/2567' });
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/href="\/t\/bang-khae\/2567\/O\d+"/g)).toHaveLength(22);
    const laksi = (await call(await login(app, 'admin@lak-si.demo'), 'GET', '/api/agencies/lak-si/oit/2567')).json() as {
      board: { counts: Record<string, number> };
    };
    expect(laksi.board.counts).toEqual({ todo: 21, submitted: 1, returned: 0, accepted: 0 });
    expect((await app.inject({ method: 'GET', url: '/t/lak-si/2567' })).statusCode).toBe(404);
  });

  it('predicts the OIT score, the ITA range and the level from readiness, for the secretariat and city-wide', async () => {
    expect((await call(finance, 'GET', '/api/agencies/bang-khae/oit/2567/prediction')).statusCode).toBe(403);
    const khae = (await call(director, 'GET', '/api/agencies/bang-khae/oit/2567/prediction')).json() as {
      counts: Record<string, number>;
      oit: { low: number; high: number };
      ita: { low: number; high: number } | null;
      basis: string | null;
      costly: { code: string; points: number }[];
      readiness: Record<string, string>;
    };
    // Every item accepted, but no link checked yet: all at risk until the link check passes them.
    expect(khae.counts).toEqual({ ready: 0, 'at-risk': 22, missing: 0 });
    expect(khae.oit).toEqual({ low: 0, high: 100 });
    expect(khae.basis).toMatch(/ปีงบประมาณ พ\.ศ\. 256[67]/);
    expect(khae.ita!.high - khae.ita!.low).toBeCloseTo(40, 1);
    expect(khae.costly).toHaveLength(22);
    const laksi = (
      await call(await login(app, 'admin@lak-si.demo'), 'GET', '/api/agencies/lak-si/oit/2567/prediction')
    ).json() as typeof khae;
    expect(laksi.counts).toEqual({ ready: 0, 'at-risk': 1, missing: 21 });
    expect(laksi.readiness.O1).toBe('at-risk');
    const central = await login(app, 'admin@prongsai.demo');
    expect((await call(admin, 'GET', '/api/oit/readiness?year=2567')).statusCode).toBe(403);
    const city = (
      (await call(central, 'GET', '/api/oit/readiness?year=2567&limit=200')).json() as {
        rows: { agency: { slug: string }; counts: Record<string, number> }[];
      }
    ).rows;
    expect(city.map((c) => c.agency.slug)).toEqual(
      expect.arrayContaining(['bang-khae', 'bang-sue', 'din-daeng', 'phasi-charoen', 'lak-si']),
    );
    expect(city.find((c) => c.agency.slug === 'bang-sue')!.counts).toEqual({ ready: 0, 'at-risk': 19, missing: 3 });
  });
  it("keeps each division's documents its own on an item shared by two divisions; the secretariat manages all", async () => {
    // O4 is shared by ฝ่ายการคลัง and ฝ่ายโยธา (see the assignments above).
    const url = `${base}/items/O4/evidence`;
    const send = (session: Session, title: string) =>
      call(session, 'POST', url, { title, fileName: `${title}.pdf`, contentBase64: PDF.toString('base64') });
    const financeDoc = await send(finance, 'งบการเงิน');
    expect(financeDoc.statusCode, financeDoc.body).toBe(201);
    const worksDoc = await send(works, 'แผนงานโยธา');
    expect(worksDoc.statusCode, worksDoc.body).toBe(201);
    const secretariatLink = await call(admin, 'POST', url, { title: 'หน้าเว็บ', url: 'https://example.org/o4' });
    expect(secretariatLink.statusCode, secretariatLink.body).toBe(201);
    // ฝ่ายโยธา may read ฝ่ายการคลัง's document on the shared item, but not remove it.
    const refused = await call(works, 'DELETE', `/api/oit-evidence/${financeDoc.json().id}`);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.messageTh).toMatch(/ฝ่ายอื่น|หน่วยงานอื่น|ของฝ่าย/);
    expect((await call(works, 'DELETE', `/api/oit-evidence/${secretariatLink.json().id}`)).statusCode).toBe(403);
    const o4 = (await call(admin, 'GET', base)).json().items.find((i: { code: string }) => i.code === 'O4');
    expect(o4.evidence.map((e: { id: number }) => e.id)).toEqual(
      expect.arrayContaining([financeDoc.json().id, worksDoc.json().id, secretariatLink.json().id]),
    );
    // Each division removes its own; the secretariat removes any.
    expect((await call(works, 'DELETE', `/api/oit-evidence/${worksDoc.json().id}`)).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', `/api/oit-evidence/${financeDoc.json().id}`)).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', `/api/oit-evidence/${secretariatLink.json().id}`)).statusCode).toBe(204);
  });
});
