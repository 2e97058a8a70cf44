import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

/** Routes no other suite calls: one's own sessions, results years and trends, OIT years, a round's QR code. */
describe.each(TEST_DATABASES)('the less travelled routes on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let central: Session;
  let khae: Session;
  let sue: Session;
  const get = (url: string, session: Session) => app.inject({ method: 'GET', url, headers: session.headers });

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
    khae = await login(app, 'admin@bang-khae.demo');
    sue = await login(app, 'admin@bang-sue.demo');
  });
  afterAll(async () => close());

  it("lists one's own live sessions and ends one of them, and no one else's", async () => {
    const other = await login(app, 'finance@bang-khae.demo');
    const again = await login(app, 'finance@bang-khae.demo');
    const sessions = (await get('/api/auth/sessions', again)).json() as { id: string; current: boolean }[];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const first = sessions.find((s) => !s.current)!;
    // Another user cannot end it: to them it does not exist.
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${first.id}`, headers: khae.headers })).statusCode,
    ).toBe(404);
    const ended = await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${first.id}`, headers: again.headers });
    expect(ended.statusCode).toBe(204);
    const left = (await get('/api/auth/sessions', again)).json() as { id: string }[];
    expect(left.map((s) => s.id)).not.toContain(first.id);
    expect(left).toHaveLength(sessions.length - 1);
    // The ended session is signed out.
    expect((await get('/api/me', other)).statusCode).toBe(401);
    expect((await get('/api/me', again)).statusCode).toBe(200);
  });

  it('gives the years with results and every agency’s ITA by year to central users only', async () => {
    // A district sees the years of its own results; central users those of every agency they oversee.
    expect((await get('/api/results/years', khae)).json()).toEqual([2567, 2566]);
    const years = (await get('/api/results/years', central)).json() as number[];
    expect(years).toEqual(expect.arrayContaining([2566, 2567]));
    const page = (await get('/api/results/trends?limit=200', central)).json() as {
      total: number;
      rows: { agency: { id: number }; years: { fiscalYear: number; ita: number; levelId: string }[] }[];
      years: { fiscalYear: number; agencies: number; mean: number }[];
    };
    const trends = page.rows.flatMap((r) => r.years);
    expect(trends.length).toBeGreaterThan(50);
    expect(new Set(trends.map((t) => t.fiscalYear))).toEqual(new Set(years));
    expect(page.years.map((y) => y.fiscalYear)).toEqual([...years].sort());
    for (const t of trends) {
      expect(t.ita).toBeGreaterThanOrEqual(0);
      expect(t.ita).toBeLessThanOrEqual(100);
      expect(t.levelId).toMatch(/\S/);
    }
    expect((await get('/api/results/trends', khae)).statusCode).toBe(403);
  });

  it('gives the years any agency has an OIT checklist of, newest first, to central admins only', async () => {
    const years = (await get('/api/oit/years', central)).json() as number[];
    expect(years.length).toBeGreaterThan(0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect((await get('/api/oit/years', khae)).statusCode).toBe(403);
  });

  it("draws a round's QR code for its link, per division when one is named, for its own agency only", async () => {
    const opened = await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/surveys',
      headers: khae.headers,
      payload: { tool: 'IIT', fiscalYear: 2566, framework: 'bma-district-2566', opensOn: '2023-06-01', closesOn: '2023-06-30' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const round = opened.json() as { id: number; code: string };
    const divisions = (await get('/api/agencies/bang-khae/divisions', khae)).json() as { id: number }[];
    const whole = await get(`/api/surveys/${round.id}/qr.svg`, khae);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toContain('image/svg+xml');
    const options = { type: 'svg', errorCorrectionLevel: 'M', margin: 1 } as const;
    expect(whole.body).toBe(await QRCode.toString(`http://localhost:80/s/${round.code}`, options));
    const division = divisions[0]!.id;
    const one = await get(`/api/surveys/${round.id}/qr.svg?d=${division}`, khae);
    expect(one.body).toBe(await QRCode.toString(`http://localhost:80/s/${round.code}?d=${division}`, options));
    expect((await get(`/api/surveys/${round.id}/qr.svg`, sue)).statusCode).toBe(404);
  });
});
