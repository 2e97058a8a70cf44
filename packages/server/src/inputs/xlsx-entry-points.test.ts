import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { HOSTILE_WORKBOOKS, xlsxBomb } from '../test-support/xlsx-bomb.js';

const XLSX = createRequire(import.meta.url)('exceljs/lib/xlsx/xlsx.js') as { prototype: { load: () => Promise<unknown> } };
const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const hostile = HOSTILE_WORKBOOKS.map((h) => ({ ...h, data: h.make() }));

/**
 * A workbook inside every limit (1.4 M cells in one sheet of 25 columns) that takes ExcelJS seconds:
 * read on the event loop, it held /api/health for seconds; in the reading worker, the server answers.
 */
const slowButLegal = xlsxBomb(56_000, 25);

describe.each(TEST_DATABASES)('every XLSX entry point behind one gate, on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let district: Session;
  let bangKhae: Session;
  let central: Session;
  let roundId: number;

  beforeAll(async () => {
    ({ app, close } = await demoApp(database, { results: false, plans: false }));
    district = await login(app, 'admin@phasi-charoen.demo');
    bangKhae = await login(app, 'admin@bang-khae.demo');
    central = await login(app, 'admin@prongsai.demo');
    await app.inject({ method: 'POST', url: '/api/agencies/bang-khae/oit/2566', headers: bangKhae.headers, payload: {} });
    const opened = await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/surveys',
      headers: bangKhae.headers,
      payload: { tool: 'IIT', fiscalYear: 2566, opensOn: day(-1), closesOn: day(10) },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = (opened.json() as { id: number }).id;
  }, 120_000);
  afterAll(async () => close());

  const entryPoints = () => [
    { name: 'results preview', session: district, url: '/api/agencies/phasi-charoen/assessments/2567/preview' },
    { name: 'results import', session: district, url: '/api/agencies/phasi-charoen/assessments/2567/imports' },
    { name: 'staff roster', session: bangKhae, url: `/api/surveys/${roundId}/roster` },
    { name: 'framework workbook', session: central, url: '/api/frameworks' },
    { name: 'OIT preliminary scores', session: bangKhae, url: '/api/agencies/bang-khae/oit/2566/clarification/preliminary' },
  ];

  /** Posts while asking /api/health every few milliseconds; the longest wait for an answer says whether the loop was held. */
  async function postWatchingHealth(session: Session, url: string, payload: object) {
    let settled = false;
    let longest = 0;
    const response = app.inject({ method: 'POST', url, headers: session.headers, payload }).finally(() => (settled = true));
    while (!settled) {
      const asked = performance.now();
      await app.inject({ method: 'GET', url: '/api/health' });
      longest = Math.max(longest, performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { response: await response, longest };
  }

  it('refuses each hostile workbook at each entry point with a Thai 422, quickly, while /api/health answers', async () => {
    const failures: string[] = [];
    for (const entry of entryPoints()) {
      for (const workbook of hostile) {
        const started = performance.now();
        const { response, longest } = await postWatchingHealth(entry.session, entry.url, {
          fileName: `${workbook.name}.xlsx`,
          contentBase64: workbook.data.toString('base64'),
        });
        const took = performance.now() - started;
        const messageTh = (response.json() as { error?: { messageTh?: string } }).error?.messageTh ?? '';
        if (response.statusCode !== 422 || !workbook.th.test(messageTh) || took > 8000 || longest > 1000) {
          failures.push(
            `${entry.name} / ${workbook.name}: ${response.statusCode} in ${Math.round(took)} ms, health waited ${Math.round(longest)} ms: ${messageTh.slice(0, 160)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('reads a slow but legal workbook off the event loop at the roster and the framework import', async () => {
    // ExcelJS of this thread: the reading worker loads its own copy, so a call here is a read on the event loop.
    const mainThreadLoads = vi.spyOn(XLSX.prototype, 'load');
    for (const [session, url] of [
      [bangKhae, `/api/surveys/${roundId}/roster`],
      [central, '/api/frameworks'],
    ] as const) {
      const { response, longest } = await postWatchingHealth(session, url, {
        fileName: 'slow.xlsx',
        contentBase64: slowButLegal.toString('base64'),
      });
      expect(mainThreadLoads, `${url} read the workbook with ExcelJS on the event loop`).toHaveBeenCalledTimes(0);
      // Read, then refused for what it says (no roster columns, no framework sheets), not for its size.
      expect(response.statusCode, `${url}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(500);
      expect(longest, url).toBeLessThan(1000);
    }
    mainThreadLoads.mockRestore();
  }, 180_000);

  it('answers the OIT preliminary import with a Thai 422 naming the row for text that is not a decimal', async () => {
    const url = '/api/agencies/bang-khae/oit/2566/clarification/preliminary';
    for (const value of ['1e2', 'Infinity', '0x10']) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: bangKhae.headers,
        payload: { fileName: 'scores.csv', contentBase64: Buffer.from(`code,score\nO1,${value}\n`).toString('base64') },
      });
      expect(response.statusCode, `${value}: ${response.body}`).toBe(422);
      expect(response.json().error.messageTh).toContain('ไม่ใช่ตัวเลข');
      expect(response.json().error.messageTh).toMatch(/แถว|บรรทัด/);
    }
    const unreadable = await app.inject({
      method: 'POST',
      url,
      headers: bangKhae.headers,
      payload: { fileName: 'scores.csv', contentBase64: Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]).toString('base64') },
    });
    expect(unreadable.statusCode, unreadable.body).toBe(422);
    expect(unreadable.json().error.messageTh).toMatch(/[\u0E00-\u0E7F]/);
  });
});
