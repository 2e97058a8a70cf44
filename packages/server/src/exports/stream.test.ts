import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import type { Session } from '../test-support/databases.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { bareApp } from '../test-support/factories.js';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/repository.js';
import { EXPORT_CHUNK } from './stream.js';

// More agencies than two pages of the streamed exports, with equal totals across a page's end.
const AGENCIES = 2 * EXPORT_CHUNK + 201;
const itaOf = (i: number) => (i % 50 === 49 ? null : 100 - Math.floor(i / 7) * 0.05);

describe.each(TEST_DATABASES)('the full exports of many agencies, streamed a page at a time, on $engine', (database) => {
  let app: FastifyInstance;
  let db: Db;
  let close: () => Promise<void>;
  let central: Session;
  let editor: Session;

  beforeAll(async () => {
    const bare = await bareApp(database);
    ({ app, db, close } = bare);
    central = (await bare.make.account('central_admin')).session;
    const own = await bare.make.agency();
    editor = (await bare.make.account('division_editor', { agency: own, division: await bare.make.division(own) })).session;
    for (let i = 0; i < EXPORT_CHUNK + 150; i++) {
      await recordAudit(db.kysely, {
        actorId: null,
        action: 'update',
        entity: 'export-test',
        entityId: i,
        agencyId: null,
        after: { i },
      });
    }
    const at = new Date().toISOString();
    for (let from = 0; from < AGENCIES; from += 200) {
      const ids = await db.kysely
        .insertInto('agencies')
        .values(
          Array.from({ length: Math.min(200, AGENCIES - from) }, (_, k) => ({
            code: `X${String(from + k).padStart(5, '0')}`,
            slug: `export-agency-${from + k}`,
            name_th: `หน่วยงาน ${from + k}`,
            name_en: `Agency ${from + k}`,
            kind: 'district',
            parent_id: null,
            created_at: at,
          })),
        )
        .returning('id')
        .execute();
      await db.kysely
        .insertInto('assessments')
        .values(
          ids.map(({ id }, k) => ({
            agency_id: id,
            fiscal_year: 2566,
            framework_id: 'bma-district-2566',
            source: 'imported',
            ita: itaOf(from + k),
            level_id: null,
            iit: 80,
            eit: 90,
            oit: 100,
            indicators: JSON.stringify({ 1: 91.234 }),
            result: '{}',
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
  }, 120_000);
  afterAll(async () => close());

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: central.headers });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response;
  };

  it('lists every agency once in the city CSV, ranked across pages as the view ranks them', async () => {
    const lines = (await get('/api/results/city?year=2566&format=csv')).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]!.startsWith('fiscal_year,rank,agency_code,')).toBe(true);
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.length).toBe(AGENCIES);
    expect(new Set(rows.map((r) => r[2])).size).toBe(AGENCIES);
    const ita = rows.map((r) => (r[8] === '' ? null : Number(r[8])));
    // Highest first, those without a total last; equal totals share the rank of the first of them.
    const totals = ita.filter((v): v is number => v !== null);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(ita.slice(totals.length).every((v) => v === null)).toBe(true);
    rows.forEach((row, i) => {
      const first = ita.findIndex((v) => v === ita[i]);
      expect(Number(row[1]), `row ${i + 1}`).toBe(first + 1);
    });
    expect(rows[0]!.slice(8, 14)).toEqual(['100.00', '', '80.00', '90.00', '100.00', '91.23']);
  });

  it('writes the same table as an XLSX workbook, header bold and frozen, scores with two decimals', async () => {
    const xlsx = await get('/api/results/city?year=2566&format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('ITA 2566');
    expect(sheet.rowCount).toBe(AGENCIES + 1);
    expect(sheet.getRow(1).getCell(3).value).toBe('agency_code');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(2).getCell(9).value).toBe(100);
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('0.00');
    expect(sheet.getRow(AGENCIES + 1).getCell(2).value).toBeGreaterThan(1);
  });

  it('lists every late agency once per milestone in the late CSV and XLSX', async () => {
    const lines = (await get('/api/calendar/2567/late?format=csv&milestone=schools-data')).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('milestone,milestone_th,agency,agency_th,due_on,days_late');
    // The agencies with results and the editor's own: every agency overseen.
    const agencies = lines.slice(1).map((line) => line.split(',')[2]);
    expect(agencies.length).toBe(AGENCIES + 1);
    expect(new Set(agencies).size).toBe(AGENCIES + 1);
    const xlsx = await get('/api/calendar/2567/late?format=xlsx&milestone=schools-data');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(AGENCIES + 2);
  });

  it('streams the audit log past a page, newest first, each entry once, and refuses before it starts', async () => {
    const lines = (await get('/api/audit?format=csv&entity=export-test')).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('id,at,user_email,user_name,agency,action,entity,entity_id,record,before,after');
    const ids = lines.slice(1).map((line) => Number(line.split(',')[0]));
    expect(ids.length).toBe(EXPORT_CHUNK + 150);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    const refused = await app.inject({ method: 'GET', url: '/api/audit?format=csv', headers: editor.headers });
    expect(refused.statusCode).toBe(403);
    // A refused export is an error to read, not a file to save.
    const city = await app.inject({ method: 'GET', url: '/api/results/city?year=2566&format=csv', headers: editor.headers });
    expect(city.statusCode).toBe(403);
    expect(city.headers['content-disposition']).toBeUndefined();
  });
});
