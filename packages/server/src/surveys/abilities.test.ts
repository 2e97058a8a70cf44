import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

describe.each(TEST_DATABASES)('what each role may do with survey rounds, on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const sessions: Record<string, Session> = {};

  const get = (url: string, session: Session) => app.inject({ method: 'GET', url, headers: session.headers });
  /** What a reader may do: opening rounds, and managing each round of the agency's list (or the status refused with). */
  const abilities = async (who: string) => {
    const rounds = await get('/api/agencies/din-daeng/surveys', sessions[who]!);
    const agency = await get('/api/agencies/din-daeng/survey-abilities', sessions[who]!);
    if (rounds.statusCode !== 200) return { status: rounds.statusCode, agencyStatus: agency.statusCode };
    const list = rounds.json() as { can: { manage: boolean } }[];
    expect(list.length).toBeGreaterThan(0);
    return { open: (agency.json() as { open: boolean }).open, manage: [...new Set(list.map((r) => r.can.manage))] };
  };

  beforeAll(async () => {
    ({ app, close } = await demoApp(database, { results: false }));
    for (const [who, email] of [
      ['secretariat', 'admin@din-daeng.demo'],
      ['executive', 'director@din-daeng.demo'],
      ['division editor', 'finance@din-daeng.demo'],
      ['central', 'admin@prongsai.demo'],
      ['other agency', 'admin@bang-khae.demo'],
    ] as const) {
      sessions[who] = await login(app, email);
    }
  }, 60_000);
  afterAll(async () => close());

  it('the secretariat and central admins open and manage rounds, an executive only reads them, others see none', async () => {
    expect(await abilities('secretariat')).toEqual({ open: true, manage: [true] });
    expect(await abilities('central')).toEqual({ open: true, manage: [true] });
    expect(await abilities('executive')).toEqual({ open: false, manage: [false] });
    expect(await abilities('division editor')).toEqual({ status: 404, agencyStatus: 404 });
    expect(await abilities('other agency')).toEqual({ status: 404, agencyStatus: 404 });
  });

  it('a round opened or closed answers with the same abilities', async () => {
    const [round] = (await get('/api/agencies/din-daeng/surveys', sessions.secretariat!)).json() as { id: number }[];
    const closed = await app.inject({
      method: 'POST',
      url: `/api/surveys/${round!.id}/close`,
      headers: sessions.secretariat!.headers,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as { can: { manage: boolean }; closedAt: string | null }).can).toEqual({ manage: true });
  });
});
