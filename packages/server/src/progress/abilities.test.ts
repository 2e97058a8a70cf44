import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

interface RoundView {
  status: string;
  entries: { entry: { id: number; title: string | null }; can: { edit: boolean; review: boolean } }[];
  can: { approve: boolean; reopen: boolean; review: boolean; readCompleteness: boolean };
  completeness: unknown[];
}

describe.each(TEST_DATABASES)('what each role may do with a round and a plan, on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let admin: Session;
  let finance: Session;
  let director: Session;
  let central: Session;
  const url = '/api/agencies/bang-khae/plans/2567';

  const call = (method: 'GET' | 'POST', path: string, session: Session, payload?: object) =>
    app.inject({ method, url: path, headers: session.headers, ...(payload ? { payload } : {}) });
  const round = async (session: Session) => {
    const response = await call('GET', `${url}/rounds/6`, session);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json() as RoundView;
    const entries = Object.fromEntries(view.entries.map((e) => [e.entry.title, e.can]));
    return { status: view.status, can: view.can, entries, divisionsCounted: view.completeness.length > 0 };
  };

  beforeAll(async () => {
    ({ app, close } = await demoApp(database, { plans: false }));
    admin = await login(app, 'admin@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    director = await login(app, 'director@bang-khae.demo');
    central = await login(app, 'admin@prongsai.demo');
    const divisions = (await call('GET', '/api/agencies/bang-khae/divisions', admin)).json() as { id: number; nameTh: string }[];
    const divisionOf = (name: string) => divisions.find((d) => d.nameTh === name)!.id;
    expect((await call('POST', url, admin, { mode: 'empty' })).statusCode).toBe(201);
    for (const [title, division] of [
      ['finance', divisionOf('ฝ่ายการคลัง')],
      ['works', divisionOf('ฝ่ายโยธา')],
    ] as const) {
      const entry = { section: 'extra', title, issue: title, measures: ['m'], divisions: [division], cadence: 'semiannual' };
      expect((await call('POST', `${url}/entries`, admin, entry)).statusCode).toBe(201);
    }
  });
  afterAll(async () => close());

  it('a plan says who may manage it, with or without a plan of the year', async () => {
    const manage = async (session: Session) => ({
      plan: ((await call('GET', url, session)).json() as { can: { manage: boolean } }).can.manage,
      agency: ((await call('GET', '/api/agencies/bang-khae/plan-abilities', session)).json() as { manage: boolean }).manage,
    });
    expect(await manage(admin)).toEqual({ plan: true, agency: true });
    expect(await manage(central)).toEqual({ plan: true, agency: true });
    expect(await manage(finance)).toEqual({ plan: false, agency: false });
    expect(await manage(director)).toEqual({ plan: false, agency: false });
  });

  it('an open round: the secretariat edits and reviews every report, a division editor edits its own only, an executive approves', async () => {
    expect(await round(admin)).toMatchObject({
      can: { approve: false, reopen: false, review: true, readCompleteness: true },
      entries: { finance: { edit: true, review: true }, works: { edit: true, review: true } },
      divisionsCounted: true,
    });
    // The division editor reads only its division's measure, and may neither review nor see every division.
    expect(await round(finance)).toEqual({
      status: 'open',
      can: { approve: false, reopen: false, review: false, readCompleteness: false },
      entries: { finance: { edit: true, review: false } },
      divisionsCounted: false,
    });
    expect(await round(director)).toMatchObject({
      can: { approve: true, reopen: false, review: false, readCompleteness: true },
      entries: { finance: { edit: false, review: false }, works: { edit: false, review: false } },
    });
    expect(await round(central)).toMatchObject({
      can: { approve: true, reopen: false, review: true, readCompleteness: true },
      entries: { finance: { edit: true, review: true } },
    });
  });

  it('an approved round: nothing is edited or reviewed; the secretariat may reopen it', async () => {
    const approved = await call('POST', `${url}/rounds/6/approve`, director, { reason: 'อนุมัติตามมติคณะทำงาน' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await round(admin)).toMatchObject({
      status: 'approved',
      can: { approve: false, reopen: true, review: false, readCompleteness: true },
      entries: { finance: { edit: false, review: false }, works: { edit: false, review: false } },
    });
    expect((await round(director)).can).toEqual({ approve: false, reopen: false, review: false, readCompleteness: true });
    expect((await round(finance)).entries).toEqual({ finance: { edit: false, review: false } });
  });
});
