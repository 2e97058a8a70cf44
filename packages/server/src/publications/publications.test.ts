import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

describe.each(TEST_DATABASES)('open data shows only what was published, on $engine', (database) => {
  let app: FastifyInstance;
  let db: Db;
  let close: () => Promise<void>;
  let admin: Session;
  let director: Session;
  let finance: Session;
  let otherAdmin: Session;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, session?: Session, payload?: object) =>
    app.inject({ method, url, ...(session ? { headers: session.headers } : {}), ...(payload ? { payload } : {}) });
  const publicJson = async (url: string) => {
    const response = await call('GET', url);
    return { status: response.statusCode, body: response.statusCode === 200 ? response.json() : response.json().error };
  };

  beforeAll(async () => {
    ({ app, db, close } = await demoApp(database, { results: false, plans: false }));
    admin = await login(app, 'admin@din-daeng.demo');
    director = await login(app, 'director@din-daeng.demo');
    finance = await login(app, 'finance@din-daeng.demo');
    otherAdmin = await login(app, 'admin@lak-si.demo');
  });
  afterAll(async () => close());

  it('keeps an import out of results.json until the secretariat publishes it', async () => {
    const csv = Buffer.from('code,score\nO1,100\nO2,0\n').toString('base64');
    expect(
      (await call('POST', '/api/agencies/din-daeng/assessments/2567/imports', admin, { fileName: 's.csv', contentBase64: csv }))
        .statusCode,
    ).toBe(201);
    const before = await publicJson('/api/open-data/din-daeng/2567/results.json');
    expect(before.status).toBe(404);
    expect(before.body.messageTh).toContain('ยังไม่ได้เผยแพร่');
    expect(
      (await call('POST', '/api/agencies/din-daeng/publications', finance, { kind: 'results', year: 2567 })).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', '/api/agencies/din-daeng/publications', otherAdmin, { kind: 'results', year: 2567 })).statusCode,
    ).toBe(404);
    const published = await call('POST', '/api/agencies/din-daeng/publications', admin, { kind: 'results', year: 2567 });
    expect(published.statusCode).toBe(201);
    const after = await publicJson('/api/open-data/din-daeng/2567/results.json');
    expect(after.status).toBe(200);
    expect(after.body.publishedAt).toBe(published.json().publishedAt);
    expect(after.body.rows.find((r: { code: string }) => r.code === 'O1')).toMatchObject({ score: 100 });
    // A later import changes nothing public until it is published too.
    const later = Buffer.from('code,score\nO1,0\nO2,0\n').toString('base64');
    await call('POST', '/api/agencies/din-daeng/assessments/2567/imports', admin, { fileName: 't.csv', contentBase64: later });
    const still = await publicJson('/api/open-data/din-daeng/2567/results.json');
    expect(still.body.rows.find((r: { code: string }) => r.code === 'O1')).toMatchObject({ score: 100 });
  });

  it('publishes a plan as it was, leaves drafts typed since out, and audits withdrawing', async () => {
    await call('POST', '/api/agencies/din-daeng/plans/2568', admin, { mode: 'empty' });
    const entry = {
      section: 'extra',
      title: 'มาตรการเผยแพร่',
      issue: '=HYPERLINK("http://evil.example","คลิก")',
      measures: ['+ทดสอบ', '@สูตร'],
      divisions: ['all'],
      cadence: 'semiannual',
    };
    expect((await call('POST', '/api/agencies/din-daeng/plans/2568/entries', admin, entry)).statusCode).toBe(201);
    const published = (await call('POST', '/api/agencies/din-daeng/publications', admin, { kind: 'plan', year: 2568 })).json();
    await call('POST', '/api/agencies/din-daeng/plans/2568/entries', admin, { ...entry, title: 'ร่างที่ยังไม่เผยแพร่', issue: 'ร่าง' });
    const csv = await call('GET', '/api/open-data/din-daeng/2568/measures.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('ร่างที่ยังไม่เผยแพร่');
    // Formulas reach a spreadsheet as text (OWASP CSV injection).
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil.example"",""คลิก"")"`);
    expect(csv.body).toContain("'+ทดสอบ | @สูตร");
    expect(csv.body).not.toMatch(/(^|,)[=+@]/m);
    // Divisions by their names, never by internal ids.
    const json = (await call('GET', '/api/open-data/din-daeng/2568/measures.json')).json().rows as { divisions: string }[];
    expect(json.map((r) => r.divisions)).toEqual(['ทุกฝ่าย']);

    // The agency's public page links what it published as open data.
    const index = await app.inject({ method: 'GET', url: '/t/din-daeng' });
    expect(index.body).toContain('href="/api/open-data/din-daeng/2568/measures.csv"');
    expect(index.body).toContain('มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. 2568');

    const withdrawn = await call('POST', `/api/publications/${published.id}/withdraw`, admin);
    expect(withdrawn.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/t/din-daeng' })).body).not.toContain('/2568/measures.csv');
    expect((await call('GET', '/api/open-data/din-daeng/2568/measures.json')).statusCode).toBe(404);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity', '=', 'publication')
      .where('entity_id', '=', String(published.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['publish', 'withdraw']);
    const list = (await call('GET', '/api/agencies/din-daeng/publications', director)).json() as { id: number; live: boolean }[];
    expect(list.find((p) => p.id === published.id)?.live).toBe(false);
  });

  it('publishes a progress round only once it is approved', async () => {
    expect(
      (await call('POST', '/api/agencies/din-daeng/publications', admin, { kind: 'round', year: 2568, round: 6 })).statusCode,
    ).toBe(409);
    expect(
      (await call('POST', '/api/agencies/din-daeng/plans/2568/rounds/6/approve', director, { reason: 'ทดสอบการอนุมัติ' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('POST', '/api/agencies/din-daeng/publications', admin, { kind: 'round', year: 2568, round: 6 })).statusCode,
    ).toBe(201);
    const progress = await publicJson('/api/open-data/din-daeng/2568/progress-6.json');
    expect(progress.status).toBe(200);
    expect(progress.body.rows[0]).toMatchObject({ round: 6, revision: 1, status: 'not-started' });
    expect((await call('GET', '/api/open-data/din-daeng/2568/progress-12.json')).statusCode).toBe(404);
  });
});
