import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { xlsxBomb, xlsxPadded } from '../test-support/xlsx-bomb.js';

const csv = (text: string) => ({ fileName: 'scores.csv', contentBase64: Buffer.from(text).toString('base64') });

describe.each(TEST_DATABASES)('imports that must not commit, on $engine', (database) => {
  let app: FastifyInstance;
  let db: Db;
  let close: () => Promise<void>;
  let admin: Session;
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: admin.headers, payload });
  const liveImports = async (year: number) =>
    db.kysely
      .selectFrom('assessment_imports')
      .innerJoin('assessments', 'assessments.id', 'assessment_imports.assessment_id')
      .select(['assessment_imports.id', 'assessment_imports.scope'])
      .where('assessments.fiscal_year', '=', year)
      .where('assessment_imports.superseded_at', 'is', null)
      .execute();

  beforeAll(async () => {
    ({ app, db, close } = await demoApp(database, { results: false, plans: false }));
    admin = await login(app, 'admin@phasi-charoen.demo');
  });
  afterAll(async () => close());

  it('refuses an import in which every row was rejected, keeping the good data it would supersede', async () => {
    const good = await post('/api/agencies/phasi-charoen/assessments/2567/imports', csv('code,score\nO1,100\nO2,0\n'));
    expect(good.statusCode).toBe(201);
    const before = await liveImports(2567);
    const bad = await post('/api/agencies/phasi-charoen/assessments/2567/imports', csv('code,score\nO1,-5\n'));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.messageTh).toContain('ไม่มีข้อมูลที่ใช้ได้');
    expect(await liveImports(2567)).toEqual(before);
    const preview = await post('/api/agencies/phasi-charoen/assessments/2567/preview', csv('code,score\nO1,101\n'));
    expect(preview.statusCode).toBe(422);
  });

  it('does not read 0x10 (or 1e2, Infinity) as a number', async () => {
    for (const value of ['0x10', '1e2', 'Infinity', '0b1']) {
      const response = await post('/api/agencies/phasi-charoen/assessments/2567/preview', csv(`code,score\nO1,${value}\n`));
      expect(response.statusCode, value).toBe(422);
      expect(response.json().error.messageTh).toContain('ไม่ใช่ตัวเลข');
    }
  });

  it('accepts only framework ids of the registry, never a path', async () => {
    for (const framework of ['../package', '../../package.json', 'bma-district-9999']) {
      const response = await post('/api/agencies/phasi-charoen/assessments/2568/preview', {
        ...csv('code,score\nO1,100\n'),
        framework,
      });
      expect(response.statusCode, framework).toBe(422);
      expect(response.json().error.code).toBe('unknown-framework');
    }
  });

  it('leaves one live import when 20 imports of one scope run at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post('/api/agencies/phasi-charoen/assessments/2566/imports', csv(`code,score\nO1,${i}\nO2,100\n`)),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(await liveImports(2566)).toHaveLength(1);
  });

  it('refuses an XLSX that inflates to millions of cells with a Thai 422, while the server keeps answering', async () => {
    const bomb = xlsxBomb(200_000, 26);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    let answeredMeanwhile = 0;
    let settled = false;
    const preview = post('/api/agencies/phasi-charoen/assessments/2567/preview', {
      fileName: 'bomb.xlsx',
      contentBase64: bomb.toString('base64'),
    }).finally(() => (settled = true));
    while (!settled) {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      if (health.statusCode === 200 && !settled) answeredMeanwhile++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const response = await preview;
    expect(response.statusCode).toBe(422);
    expect(response.json().error.messageTh).toContain('มีข้อมูลมากเกินกว่าจะอ่านได้');
    expect(answeredMeanwhile).toBeGreaterThan(0);
  });

  it('refuses an XLSX whose parts inflate past the limit, whatever their headers say', async () => {
    const response = await post('/api/agencies/phasi-charoen/assessments/2567/preview', {
      fileName: 'padded.xlsx',
      contentBase64: xlsxPadded(120).toString('base64'),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.messageTh).toContain('เกิน 64 MB');
  });

  it('still reads a real workbook through the worker', async () => {
    const template = await app.inject({
      method: 'GET',
      url: '/api/frameworks/bma-district-2567/template.xlsx',
      headers: admin.headers,
    });
    expect(template.statusCode).toBe(200);
    const response = await post('/api/agencies/phasi-charoen/assessments/2567/preview', {
      fileName: 'template.xlsx',
      contentBase64: template.rawPayload.toString('base64'),
    });
    // The empty template holds no results: refused by what it says, not by the limits.
    expect(response.statusCode).toBe(422);
    expect(response.json().error.messageTh).toContain('ไม่มีแผ่นงานใดที่มีผลการประเมิน');
  });
});
