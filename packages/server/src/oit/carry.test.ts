import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentFiscalYear } from '../demo/current-year.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

interface Item {
  code: string;
  divisions: number[];
  carry: string;
  dueDate: string | null;
}

describe.each(TEST_DATABASES)("a new year's OIT checklist on $engine", (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let central: Session;
  let admin: Session;

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
    admin = await login(app, 'admin@bang-khae.demo');
  }, 60_000);
  afterAll(async () => close());

  // The demo's checklists of the current year carry FY2567's; a year three on skips two years without one.
  const year = currentFiscalYear() + 3;

  it("carries FY2567's divisions over across the years without a checklist, and takes the calendar's date", async () => {
    // A later year's set, made from FY2567's (the same items and codes), published once.
    const id = `bma-district-${year}-${database.engine}`;
    const draft = (
      await app.inject({ method: 'GET', url: `/api/frameworks/bma-district-2567/draft?newId=${id}`, headers: central.headers })
    ).json() as { fiscalYears: number[] };
    draft.fiscalYears = [year];
    const published = await app.inject({
      method: 'POST',
      url: '/api/frameworks',
      headers: central.headers,
      payload: { fileName: `${id}.json`, contentBase64: Buffer.from(JSON.stringify(draft)).toString('base64') },
    });
    expect(published.statusCode, published.body).toBe(201);

    const before = (
      await app.inject({ method: 'GET', url: '/api/agencies/bang-khae/oit/2567', headers: admin.headers })
    ).json() as { items: Item[] };
    const assigned = before.items.filter((i) => i.divisions.length > 0);
    expect(assigned.length).toBeGreaterThan(10);
    // The demo's current year, on its provisional set, already carries them.
    const current = (
      await app.inject({ method: 'GET', url: `/api/agencies/bang-khae/oit/${currentFiscalYear()}`, headers: admin.headers })
    ).json() as { items: Item[] };
    for (const item of assigned) {
      expect(current.items.find((i) => i.code === item.code)!.divisions, item.code).toEqual(item.divisions);
    }

    const calendar = (
      await app.inject({ method: 'GET', url: `/api/agencies/bang-khae/calendar/${year}`, headers: admin.headers })
    ).json() as {
      milestone: string;
      dueOn: string;
    }[];
    const due = calendar.find((m) => m.milestone === 'oit-evidence')!.dueOn;

    const opened = await app.inject({
      method: 'POST',
      url: `/api/agencies/bang-khae/oit/${year}`,
      headers: admin.headers,
      payload: {},
    });
    expect(opened.statusCode, opened.body).toBeLessThan(300);
    const after = (
      await app.inject({ method: 'GET', url: `/api/agencies/bang-khae/oit/${year}`, headers: admin.headers })
    ).json() as { items: Item[] };
    for (const item of assigned) {
      const carried = after.items.find((i) => i.code === item.code)!;
      expect(carried.divisions, item.code).toEqual(item.divisions);
      expect(carried.carry, item.code).not.toBe('new');
    }
    expect(new Set(after.items.map((i) => i.dueDate))).toEqual(new Set([due]));
  });
});
