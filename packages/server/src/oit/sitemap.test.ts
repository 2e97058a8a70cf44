import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { now } from '../db/database.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { bareApp } from '../test-support/factories.js';
import { SITEMAP_PUBLICATIONS } from './transparency-service.js';

describe.each(TEST_DATABASES)('the sitemap of the transparency pages, on $engine', (database) => {
  let context: Awaited<ReturnType<typeof bareApp>>;
  const agencies = 26;
  const years = 20;

  beforeAll(async () => {
    context = await bareApp(database);
    const snapshot = JSON.stringify({
      frameworkId: 'bma-district-2567',
      approvedAt: now(),
      items: [{ code: 'O1', indicator: 9, subIndicator: null, name: null, requirement: null, documents: [], links: [] }],
    });
    for (let a = 0; a < agencies; a++) {
      const agency = await context.make.agency();
      await context.db.kysely
        .insertInto('publications')
        .values(
          Array.from({ length: years }, (_, y) => ({
            agency_id: agency.id,
            kind: 'oit',
            fiscal_year: 2550 + y,
            round: null,
            snapshot,
            published_by: null,
            published_at: now(),
            withdrawn_by: null,
            withdrawn_at: null,
          })),
        )
        .execute();
    }
  });
  afterAll(() => context.close());

  it('is an index of files, each holding the pages of a bounded number of publications, every page once', async () => {
    expect(agencies * years).toBeGreaterThan(SITEMAP_PUBLICATIONS);
    const get = (url: string) => context.app.inject({ method: 'GET', url });
    const index = (await get('/t/sitemap.xml')).body;
    const files = [...index.matchAll(/<loc>[^<]*(\/t\/sitemap-\d+\.xml)<\/loc>/g)].map((m) => m[1]!);
    expect(files).toEqual(['/t/sitemap-1.xml', '/t/sitemap-2.xml']);
    const locs: string[] = [];
    for (const file of files) {
      const body = (await get(file)).body;
      const inFile = [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(inFile.length).toBeLessThanOrEqual(50_000);
      locs.push(...inFile);
    }
    // A year's page and its one item's page for every publication, none twice.
    expect(locs).toHaveLength(agencies * years * 2);
    expect(new Set(locs).size).toBe(locs.length);
    expect((await get('/t/sitemap-3.xml')).statusCode).toBe(404);
  });
});
