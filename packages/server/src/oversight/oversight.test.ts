import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../db/schema.js';
import { frameworkForAgency } from '../frameworks/for-agency.js';
import { TEST_DATABASES, type Session } from '../test-support/databases.js';
import { bareApp } from '../test-support/factories.js';

const YEAR = 2567;
const AT = '2025-01-01T00:00:00.000Z';

// Two provinces, each over two local administrations; one overseer per province and one of the whole country.
describe.each(TEST_DATABASES)('oversight by part of the agency tree, on $engine', (database) => {
  let context: Awaited<ReturnType<typeof bareApp>>;
  let north: Agency[];
  let south: Agency[];
  const sessions: Record<'national' | 'north' | 'south', Session> = {} as never;

  beforeAll(async () => {
    context = await bareApp(database);
    const { make, db } = context;
    const province = async (name: string) => {
      const top = await make.agency({ slug: name, kind: 'district' });
      const locals = [
        await make.agency({ slug: `${name}-1`, kind: 'district', parent_id: top.id }),
        await make.agency({ slug: `${name}-2`, kind: 'district', parent_id: top.id }),
      ];
      return [top, ...locals];
    };
    north = await province('north');
    south = await province('south');
    sessions.national = (await make.account('central_admin')).session;
    sessions.north = (await make.account('central_admin', { oversees: north[0]! })).session;
    sessions.south = (await make.account('central_admin', { oversees: south[0]! })).session;

    const framework = frameworkForAgency({ kind: 'district' }, YEAR).id;
    for (const agency of [...north, ...south]) {
      await make.account('agency_admin', { agency });
      await db.kysely
        .insertInto('assessments')
        .values({
          agency_id: agency.id,
          fiscal_year: YEAR,
          framework_id: framework,
          source: 'imported',
          ita: 80,
          level_id: null,
          iit: 80,
          eit: 80,
          oit: 80,
          indicators: '{}',
          result: '{}',
          created_at: AT,
          updated_at: AT,
        })
        .execute();
      await db.kysely
        .insertInto('oit_checklists')
        .values({
          agency_id: agency.id,
          fiscal_year: YEAR,
          framework_id: framework,
          approved_by: null,
          approved_at: null,
          created_at: AT,
        })
        .execute();
      await db.kysely
        .insertInto('link_check_runs')
        .values({
          id: `00000000-0000-4000-8000-${String(agency.id).padStart(12, '0')}`,
          agency_id: agency.id,
          fiscal_year: YEAR,
          trigger: 'manual',
          requested_by: null,
          status: 'done',
          total: 1,
          checked: 1,
          passed: 1,
          attempts: 1,
          error: null,
          worker: null,
          heartbeat_at: null,
          created_at: AT,
          finished_at: AT,
        })
        .execute();
      await db.kysely
        .insertInto('survey_rounds')
        .values({
          agency_id: agency.id,
          fiscal_year: YEAR,
          tool: 'EIT',
          framework_id: framework,
          code: `code${agency.id}`,
          opens_on: '2025-01-01',
          closes_on: '2025-01-31',
          use_codes: 0,
          closed_at: AT,
          created_by: null,
          created_at: AT,
        })
        .execute();
    }
    // An entry in every agency's audit log.
    for (const agency of [...north, ...south]) {
      const response = await context.app.inject({
        method: 'PATCH',
        url: `/api/agencies/${agency.slug}`,
        headers: sessions.national.headers,
        payload: { nameEn: `Renamed ${agency.slug}` },
      });
      expect(response.statusCode).toBe(200);
    }
  });
  afterAll(() => context.close());

  const get = async (who: keyof typeof sessions, url: string) => {
    const response = await context.app.inject({ method: 'GET', url, headers: sessions[who].headers });
    return { status: response.statusCode, body: response.json() as unknown };
  };
  const ids = (agencies: Agency[]) => agencies.map((a) => a.id).sort((a, b) => a - b);
  const slugs = (agencies: Agency[]) => agencies.map((a) => a.slug).sort();
  const sorted = <T>(values: T[]) => [...new Set(values)].sort();
  /** A list's rows, whether it answers them all or a page of them. */
  const rowsOf = <T>(body: unknown) => (Array.isArray(body) ? body : (body as { rows: unknown[] }).rows) as T[];

  /** What each oversight path shows, as the set of agencies it covers. */
  const paths: Record<string, (who: keyof typeof sessions) => Promise<unknown[]>> = {
    agencies: async (who) => sorted(((await get(who, '/api/agencies')).body as { slug: string }[]).map((a) => a.slug)),
    users: async (who) =>
      sorted(
        ((await get(who, '/api/users')).body as { agencyId: number | null }[]).map((u) => u.agencyId).filter((id) => id !== null),
      ),
    audit: async (who) =>
      sorted(
        ((await get(who, '/api/audit')).body as { agencyId: number | null }[]).map((e) => e.agencyId).filter((id) => id !== null),
      ),
    cityResults: async (who) =>
      sorted(
        rowsOf<{ agency: { slug: string } }>((await get(who, `/api/results/city?year=${YEAR}`)).body).map((r) => r.agency.slug),
      ),
    trends: async (who) => {
      const body = JSON.stringify((await get(who, '/api/results/trends')).body);
      return [...north, ...south].filter((a) => new RegExp(`"(agencyId|id)":${a.id}[,}]`).test(body)).map((a) => a.slug);
    },
    readiness: async (who) => {
      const body = (await get(who, `/api/oit/readiness?year=${YEAR}`)).body as
        { agency: { slug: string } }[] | { rows: { agency: { slug: string } }[] };
      return sorted((Array.isArray(body) ? body : body.rows).map((r) => r.agency.slug));
    },
    linkChecks: async (who) =>
      sorted(
        rowsOf<{ agency: { slug: string } }>((await get(who, `/api/oit/link-checks?year=${YEAR}`)).body).map(
          (r) => r.agency.slug,
        ),
      ),
    surveys: async (who) =>
      sorted(
        rowsOf<{ agencyId: number }>((await get(who, `/api/surveys/city?year=${YEAR}&tool=EIT`)).body).map((r) => r.agencyId),
      ),
    late: async (who) =>
      sorted(
        rowsOf<{ late?: { slug: string }[]; dueSoon?: { slug: string }[]; agency?: { slug: string } }>(
          (await get(who, `/api/calendar/${YEAR}/late?limit=200`)).body,
        ).flatMap((m) => (m.agency ? [m.agency.slug] : [...m.late!, ...m.dueSoon!].map((d) => d.slug))),
      ),
  };
  const expected = (path: string, agencies: Agency[]) =>
    ['users', 'audit', 'surveys'].includes(path) ? ids(agencies) : slugs(agencies);

  for (const path of Object.keys(paths)) {
    it(`${path}: a province's overseer sees exactly its province, the national admin every agency`, async () => {
      expect(await paths[path]!('north')).toEqual(expected(path, north));
      expect(await paths[path]!('south')).toEqual(expected(path, south));
      expect(await paths[path]!('national')).toEqual(expected(path, [...north, ...south]));
    });
  }

  it("the years with results are those of the overseer's own agencies", async () => {
    const { db } = context;
    const [older] = await db.kysely.selectFrom('assessments').selectAll().where('agency_id', '=', south[1]!.id).execute();
    await db.kysely
      .insertInto('assessments')
      .values({ ...older!, id: undefined, fiscal_year: YEAR - 1 })
      .execute();
    expect((await get('north', '/api/results/years')).body).toEqual([YEAR]);
    expect((await get('south', '/api/results/years')).body).toEqual([YEAR, YEAR - 1]);
    expect((await get('national', '/api/results/years')).body).toEqual([YEAR, YEAR - 1]);
  });

  it("the document batch starts one job per agency of the province, and another province's overseer cannot read it", async () => {
    const batch = async (who: keyof typeof sessions) => {
      const response = await context.app.inject({
        method: 'POST',
        url: '/api/documents/batch',
        headers: sessions[who].headers,
        payload: { kind: 'order', format: 'docx', year: YEAR },
      });
      expect(response.statusCode).toBe(202);
      return response.json() as { id: string; total: number };
    };
    const read = (who: keyof typeof sessions, id: string) =>
      context.app.inject({ method: 'GET', url: `/api/documents/batches/${id}?limit=200`, headers: sessions[who].headers });
    const started = await batch('north');
    expect(started.total).toBe(north.length);
    const page = (await read('north', started.id)).json() as { rows: { agency: { slug: string } }[] };
    expect(sorted(page.rows.map((r) => r.agency.slug))).toEqual(slugs(north));
    expect((await read('south', started.id)).statusCode).toBe(404);
    expect((await read('national', started.id)).statusCode).toBe(200);
    expect((await batch('national')).total).toBe(north.length + south.length);
  });

  it("another province's agency is not there for the overseer, and cannot be written", async () => {
    const other = south[1]!;
    expect((await get('north', `/api/agencies/${other.slug}`)).status).toBe(404);
    expect((await get('north', `/api/agencies/${north[1]!.slug}`)).status).toBe(200);
    expect([403, 404]).toContain((await get('north', `/api/audit?agency=${other.id}`)).status);
    const rename = await context.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${other.slug}`,
      headers: sessions.north.headers,
      payload: { nameEn: 'Not theirs' },
    });
    expect([403, 404]).toContain(rename.statusCode);
    const own = await context.app.inject({
      method: 'PATCH',
      url: `/api/agencies/${north[2]!.slug}`,
      headers: sessions.north.headers,
      payload: { nameEn: 'Theirs' },
    });
    expect(own.statusCode).toBe(200);
  });

  it('accounts: a scoped overseer makes central admins only within its province, never of the whole country', async () => {
    const create = (who: keyof typeof sessions, overseesAgencyId: number | null) =>
      context.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: sessions[who].headers,
        payload: { email: `c${Math.random()}@test.local`, displayName: 'c', role: 'central_admin', overseesAgencyId },
      });
    const within = await create('north', north[1]!.id);
    expect(within.statusCode).toBe(201);
    expect((within.json() as { user: { overseesAgencyId: number } }).user.overseesAgencyId).toBe(north[1]!.id);
    expect((await create('north', south[0]!.id)).statusCode).toBe(403);
    expect((await create('north', null)).statusCode).toBe(403);
    expect((await create('national', south[0]!.id)).statusCode).toBe(201);
    // Widening one's own scope is refused.
    const me = (await get('north', '/api/users')).body as { id: number; role: string; overseesAgencyId: number | null }[];
    const self = me.find((u) => u.role === 'central_admin' && u.overseesAgencyId === north[0]!.id)!;
    const widen = await context.app.inject({
      method: 'PATCH',
      url: `/api/users/${self.id}`,
      headers: sessions.north.headers,
      payload: { overseesAgencyId: null },
    });
    expect(widen.statusCode).toBe(403);
  });
});
