import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Board {
  can: { manage: boolean; approve: boolean; readWhole: boolean };
  items: { code: string; can: { edit: boolean; review: boolean }; evidence: { title: string; can: { remove: boolean } }[] }[];
}

describe.each(TEST_DATABASES)('what each role may do with an OIT checklist, on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let admin: Session;
  let director: Session;
  let finance: Session;
  let works: Session;
  let central: Session;
  const base = '/api/agencies/bang-khae/oit/2566';

  const call = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  /** Per item its abilities, and per document of it whether the reader may remove it. */
  const board = async (session: Session) => {
    const response = await call(session, 'GET', base);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json() as Board;
    const items = Object.fromEntries(
      view.items
        .filter((i) => ['O1', 'O2', 'O3'].includes(i.code))
        .map((i) => [i.code, { ...i.can, remove: Object.fromEntries(i.evidence.map((e) => [e.title, e.can.remove])) }]),
    );
    return { can: view.can, items };
  };

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    admin = await login(app, 'admin@bang-khae.demo');
    director = await login(app, 'director@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    works = await login(app, 'works@bang-khae.demo');
    central = await login(app, 'admin@prongsai.demo');
    const divisions = (await call(admin, 'GET', '/api/agencies/bang-khae/divisions')).json() as { id: number; nameTh: string }[];
    const divisionOf = (name: string) => divisions.find((d) => d.nameTh === name)!.id;
    expect((await call(admin, 'POST', base, {})).statusCode).toBe(201);
    for (const [codes, names] of [
      [['O1'], ['ฝ่ายการคลัง']],
      [['O2'], ['ฝ่ายโยธา']],
      [['O3'], ['ฝ่ายการคลัง', 'ฝ่ายโยธา']],
    ] as const) {
      const assigned = await call(admin, 'PUT', `${base}/assignments`, { codes, divisions: names.map(divisionOf) });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const added = [
      await call(finance, 'POST', `${base}/items/O3/evidence`, {
        title: 'finance',
        fileName: 'a.pdf',
        contentBase64: PDF.toString('base64'),
      }),
      await call(admin, 'POST', `${base}/items/O3/evidence`, { title: 'secretariat', url: 'https://example.org/oit' }),
      await call(finance, 'POST', `${base}/items/O1/evidence`, { title: 'o1', url: 'https://example.org/o1' }),
    ];
    for (const response of added) expect(response.statusCode, response.body).toBe(201);
  }, 60_000);
  afterAll(async () => close());

  it('the checklist says who manages, approves and sees it whole, also before a year is opened', async () => {
    const years = async (session: Session) =>
      ((await call(session, 'GET', '/api/agencies/bang-khae/oit')).json() as { can: Board['can'] }).can;
    expect(await years(admin)).toEqual({ manage: true, approve: false, readWhole: true });
    expect(await years(director)).toEqual({ manage: false, approve: true, readWhole: true });
    expect(await years(finance)).toEqual({ manage: false, approve: false, readWhole: false });
    expect(await years(central)).toEqual({ manage: true, approve: true, readWhole: true });
    expect((await board(director)).can).toEqual(await years(director));
    expect((await board(finance)).can).toEqual(await years(finance));
  });

  it("a division editor edits only its division's items and removes only its division's documents", async () => {
    expect((await board(admin)).items).toEqual({
      O1: { edit: true, review: true, remove: { o1: true } },
      O2: { edit: true, review: true, remove: {} },
      O3: { edit: true, review: true, remove: { finance: true, secretariat: true } },
    });
    expect((await board(finance)).items).toEqual({
      O1: { edit: true, review: false, remove: { o1: true } },
      O3: { edit: true, review: false, remove: { finance: true, secretariat: false } },
    });
    expect((await board(works)).items).toEqual({
      O2: { edit: true, review: false, remove: {} },
      O3: { edit: true, review: false, remove: { finance: false, secretariat: false } },
    });
    // An executive reads every item and changes none; central admins act as the secretariat.
    expect((await board(director)).items.O3).toEqual({
      edit: false,
      review: false,
      remove: { finance: false, secretariat: false },
    });
    expect((await board(central)).items.O3).toEqual({ edit: true, review: true, remove: { finance: true, secretariat: true } });
  });

  it('an item sent to the secretariat is no longer edited, by anyone, until returned', async () => {
    const sent = await call(finance, 'POST', `${base}/items/O1/submit`, {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', can: { edit: false, review: false } });
    expect((await board(admin)).items.O1).toEqual({ edit: false, review: true, remove: { o1: false } });
    const returned = await call(admin, 'POST', `${base}/items/O1/return`, { comment: 'ขาดเอกสาร' });
    expect(returned.json()).toMatchObject({ status: 'returned', can: { edit: true, review: true } });
    expect((await board(finance)).items.O1).toEqual({ edit: true, review: false, remove: { o1: true } });
  });
});
