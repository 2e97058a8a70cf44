import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, type Session } from '../test-support/databases.js';
import { bareApp } from '../test-support/factories.js';

describe.each(TEST_DATABASES)('what each role may do with an agency, on $engine', (database) => {
  let context: Awaited<ReturnType<typeof bareApp>>;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    context = await bareApp(database);
    const { make } = context;
    const agency = await make.agency({ slug: 'own' });
    await make.agency({ slug: 'other' });
    const division = await make.division(agency);
    sessions.central = (await make.account('central_admin')).session;
    sessions.admin = (await make.account('agency_admin', { agency })).session;
    sessions.executive = (await make.account('executive', { agency })).session;
    sessions.editor = (await make.account('division_editor', { agency, division })).session;
  });
  afterAll(() => context.close());

  const read = async (who: string, slug = 'own') => {
    const response = await context.app.inject({ method: 'GET', url: `/api/agencies/${slug}`, headers: sessions[who]!.headers });
    return { status: response.statusCode, can: (response.json() as { can?: unknown }).can };
  };

  it('says it on the agency record, from the policy', async () => {
    const all = { update: true, manageDivisions: true, importResults: true, publish: true };
    const none = { update: false, manageDivisions: false, importResults: false, publish: false };
    expect(await read('central')).toEqual({ status: 200, can: all });
    expect(await read('central', 'other')).toEqual({ status: 200, can: all });
    expect(await read('admin')).toEqual({ status: 200, can: all });
    expect(await read('executive')).toEqual({ status: 200, can: none });
    expect(await read('editor')).toEqual({ status: 200, can: none });
  });

  it("gives the kind's word for the agency's units, in Thai and English", async () => {
    await context.make.agency({
      slug: 'pak-kret',
      kind: 'municipality',
      name_th: 'เทศบาลนครปากเกร็ด',
      name_en: 'Nakhon Pak Kret Municipality',
    });
    const unitTerm = async (slug: string) =>
      (
        (
          await context.app.inject({ method: 'GET', url: `/api/agencies/${slug}`, headers: sessions.central!.headers })
        ).json() as { unitTerm: unknown }
      ).unitTerm;
    expect(await unitTerm('pak-kret')).toEqual({ th: 'กอง', en: 'Division (Kong)' });
    const own = await context.app.inject({ method: 'GET', url: '/api/agencies/own', headers: sessions.central!.headers });
    const kind = (own.json() as { kind: string }).kind;
    expect(kind).toBe('district');
    expect(await unitTerm('own')).toEqual({ th: 'ฝ่าย', en: 'Division' });
  });

  it('are found by a search of their name, code or slug, a page at a time, within what the reader may see', async () => {
    const search = async (who: string, query: string) =>
      (
        (await context.app.inject({ method: 'GET', url: `/api/agencies?${query}`, headers: sessions[who]!.headers })).json() as {
          slug: string;
        }[]
      ).map((a) => a.slug);
    expect(await search('central', 'q=' + encodeURIComponent('หน่วยงานทดสอบ'))).toEqual(['own', 'other']);
    expect(await search('central', 'q=TEST%20AGENCY&limit=1')).toEqual(['own']);
    expect(await search('central', 'q=TEST%20AGENCY&limit=1&offset=1')).toEqual(['other']);
    expect(await search('central', 'q=oth')).toEqual(['other']);
    expect(await search('central', 'q=%25')).toEqual([]);
    expect(await search('admin', 'q=' + encodeURIComponent('หน่วยงานทดสอบ'))).toEqual(['own']);
    const tooMany = await context.app.inject({
      method: 'GET',
      url: '/api/agencies?limit=501',
      headers: sessions.central!.headers,
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('of an agency not theirs: there is none', async () => {
    expect((await read('admin', 'other')).status).toBe(404);
  });
});
