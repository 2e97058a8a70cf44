import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../db/schema.js';
import { frameworkForAgency } from '../frameworks/for-agency.js';
import { tmpdir } from 'node:os';
import { ReadinessRefresh } from '../oit/readiness-refresh.js';
import { OitService, READINESS_KEPT_PER_READ } from '../oit/service.js';
import { systemActor } from '../auth/policy.js';
import { TEST_DATABASES, type Session } from '../test-support/databases.js';
import { bareApp, StatementCounter } from '../test-support/factories.js';
import { round2 } from '@prongsai/core';
import { cityPage } from './repository.js';
import { keepCityFigures } from './service.js';

const YEAR = 2567;
const OTHER = YEAR - 1;
const AT = '2025-01-01T00:00:00.000Z';
const LEVELS = ['excellent', 'good', 'pass', 'improve', 'urgent'];

/** Every city-wide list, as the city page asks for it (a page of rows and the group's figures). */
const LISTS = [
  `/api/results/city?year=${YEAR}`,
  '/api/results/trends',
  `/api/oit/readiness?year=${YEAR}`,
  `/api/oit/link-checks?year=${YEAR}`,
  `/api/surveys/city?year=${YEAR}&tool=EIT`,
  `/api/calendar/${YEAR}/late`,
];

describe.each(TEST_DATABASES)('city-wide lists a page at a time, on $engine', (database) => {
  const counter = new StatementCounter();
  let context: Awaited<ReturnType<typeof bareApp>>;
  let central: Session;
  const agencies: Agency[] = [];

  /** Agencies with a year of results (and the year before), a checklist, a link check and a survey round. */
  const add = async (n: number) => {
    const { make, db } = context;
    const framework = frameworkForAgency({ kind: 'district' }, YEAR).id;
    for (let i = 0; i < n; i++) {
      const serial = agencies.length;
      const agency = await make.agency({ kind: 'district', name_th: `เขตทดสอบ ${String(serial).padStart(3, '0')}` });
      agencies.push(agency);
      // Some agencies share a total, a few have none.
      const ita = serial % 11 === 10 ? null : 60 + ((serial * 7) % 40);
      for (const fiscalYear of [YEAR - 1, YEAR]) {
        await db.kysely
          .insertInto('assessments')
          .values({
            agency_id: agency.id,
            fiscal_year: fiscalYear,
            framework_id: framework,
            source: 'imported',
            ita: fiscalYear === YEAR ? ita : 70,
            level_id: ita === null ? null : LEVELS[serial % LEVELS.length]!,
            iit: 80,
            eit: 80,
            oit: ita,
            indicators: '{"1": 90}',
            result: '{}',
            created_at: AT,
            updated_at: AT,
          })
          .execute();
      }
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
          total: 4,
          checked: 4,
          passed: serial % 3 === 0 ? 3 : 4,
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
  };

  const get = async (url: string) => {
    const response = await context.app.inject({ method: 'GET', url, headers: central.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { total: number; rows: Record<string, unknown>[] } & Record<string, unknown>;
  };
  /** The statements each list takes, once what it keeps is up to date. */
  const statements = async () => {
    await new OitService(context.db.kysely, tmpdir()).refreshStaleReadiness(10_000);
    // A fresh sign-in: a session older than a minute is renewed by its next request, one statement more.
    central = (await context.make.account('central_admin')).session;
    const counts: Record<string, number> = {};
    for (const url of LISTS) {
      await get(url);
      counts[url] = await counter.least(() => get(url));
    }
    return counts;
  };

  beforeAll(async () => {
    context = await bareApp(database, { counter });
    central = (await context.make.account('central_admin')).session;
  });
  afterAll(() => context.close());

  it('takes as many statements for 60 agencies as for 3', async () => {
    await add(3);
    const few = await statements();
    await add(57);
    const many = await statements();
    expect(many).toEqual(few);
    for (const url of LISTS) expect(many[url]).toBeLessThan(15);
  });

  it('the city table: pages that add up to the whole, sorted, filtered, ranked over the group', async () => {
    const first = await get(`/api/results/city?year=${YEAR}`);
    expect(first.total).toBe(agencies.length);
    expect(first.rows).toHaveLength(50);
    expect(first.agencies).toBe(agencies.length);
    const levels = first.levels as { levelId: string | null; count: number }[];
    expect(levels.reduce((n, l) => n + l.count, 0)).toBe(agencies.length);
    const scores = agencies.map((_, serial) => (serial % 11 === 10 ? null : 60 + ((serial * 7) % 40)));
    const scored = scores.filter((s): s is number => s !== null);
    expect(first.mean).toBeCloseTo(scored.reduce((a, b) => a + b, 0) / scored.length, 2);

    type Row = { rank: number; ita: number | null; agency: { code: string; nameTh: string }; levelId: string | null };
    const all: Row[] = [];
    for (let offset = 0; offset < agencies.length; offset += 7) {
      const page = await get(`/api/results/city?year=${YEAR}&sort=ita&order=desc&limit=7&offset=${offset}`);
      all.push(...(page.rows as Row[]));
    }
    expect(all).toHaveLength(agencies.length);
    expect(new Set(all.map((r) => r.agency.code)).size).toBe(agencies.length);
    // Highest first, those without a total last; equal totals share the rank of the first of them.
    const itas = all.map((r) => r.ita);
    expect(itas).toEqual([...scored].sort((a, b) => b - a).concat(scores.filter((s) => s === null) as null[]));
    all.forEach((row, i) => {
      const firstEqual = all.findIndex((r) => r.ita === row.ita);
      expect(row.rank, `row ${i}`).toBe(row.ita === null ? scored.length + 1 : firstEqual + 1);
    });
    // Ranks stay the group's when the page is filtered.
    const found = await get(`/api/results/city?year=${YEAR}&q=${encodeURIComponent('ทดสอบ 012')}`);
    expect(found.total).toBe(1);
    const twelve = all.find((r) => r.agency.nameTh.endsWith('012'))!;
    expect((found.rows[0] as Row).rank).toBe(twelve.rank);
    const good = await get(`/api/results/city?year=${YEAR}&level=good&limit=200`);
    expect(good.total).toBe(levels.find((l) => l.levelId === 'good')!.count);
    expect((good.rows as Row[]).every((r) => r.levelId === 'good')).toBe(true);
    const byName = await get(`/api/results/city?year=${YEAR}&sort=name&order=asc&limit=200`);
    const names = (byName.rows as Row[]).map((r) => r.agency.nameTh);
    expect(names).toEqual([...names].sort());
    // Bad pages are refused with a clear error.
    for (const query of ['limit=201', 'limit=0', 'offset=-1', 'sort=password', 'order=up']) {
      const response = await context.app.inject({
        method: 'GET',
        url: `/api/results/city?year=${YEAR}&${query}`,
        headers: central.headers,
      });
      expect(response.statusCode).toBe(400);
    }
  });

  it('trends, link checks, survey rounds and late milestones page and filter too', async () => {
    const trends = await get('/api/results/trends?limit=10&offset=50');
    expect(trends.total).toBe(agencies.length);
    expect(trends.rows).toHaveLength(10);
    expect(trends.years).toEqual([
      { fiscalYear: YEAR - 1, agencies: agencies.length, mean: 70 },
      expect.objectContaining({ fiscalYear: YEAR }),
    ]);
    // Each agency's years, read with its row, oldest first.
    for (const row of trends.rows as { years: { fiscalYear: number; ita: number | null }[] }[]) {
      expect(row.years.map((y) => y.fiscalYear)).toEqual([YEAR - 1, YEAR]);
      expect(row.years[0]!.ita).toBe(70);
    }
    const links = await get(`/api/oit/link-checks?year=${YEAR}&failing=true&limit=200`);
    const failing = agencies.filter((_, serial) => serial % 3 === 0).length;
    expect(links.total).toBe(failing);
    expect(links.failing).toBe(failing);
    expect(links.agencies).toBe(agencies.length);
    expect(links.checked).toBe(agencies.length * 4);
    const surveys = await get(`/api/surveys/city?year=${YEAR}&tool=EIT&sort=name&order=desc&limit=5`);
    expect(surveys.total).toBe(agencies.length);
    expect(surveys.closed).toBe(agencies.length);
    expect((surveys.rows[0] as { agency: { nameTh: string } }).agency.nameTh).toBe(agencies.at(-1)!.name_th);
    expect((await get(`/api/surveys/city?year=${YEAR}&tool=EIT&state=open`)).total).toBe(0);
    const late = await get(`/api/calendar/${YEAR}/late?limit=3`);
    const counts = late.milestones as { late: number; dueSoon: number }[];
    expect(late.total).toBe(counts.reduce((n, m) => n + m.late + m.dueSoon, 0));
    expect(late.rows.length).toBeLessThanOrEqual(3);
  });

  it('keeps the readiness as the checklist changes, equal to computing it again', async () => {
    const { db } = context;
    const agency = agencies[1]!;
    const service = new OitService(db.kysely, '/nonexistent');
    const admin = systemActor(agency.id);
    // A checklist of the year before, opened and worked on through the OIT service.
    await service.open(admin, agency, OTHER);
    const kept = async () =>
      (await get(`/api/oit/readiness?year=${OTHER}&q=${encodeURIComponent(agency.name_th)}`)).rows[0] as {
        counts: Record<string, number>;
        oit: { low: number; high: number };
        ita: { low: number; high: number } | null;
      };
    const recomputed = async () => {
      const p = await service.prediction(null, agency, OTHER);
      return { counts: p.counts, oit: p.oit, ita: p.ita };
    };
    const row = await db.kysely
      .selectFrom('oit_readiness')
      .selectAll()
      .where('agency_id', '=', agency.id)
      .where('fiscal_year', '=', OTHER)
      .executeTakeFirst();
    expect(row).toBeDefined();
    expect(await kept()).toMatchObject(await recomputed());
    const code = (await service.checklist(admin, agency, OTHER)).tasks[0]!.task.item_code;
    await service.addEvidence(admin, agency, OTHER, code, { title: 'แผน', note: '', url: 'https://example.org/plan' });
    expect((await kept()).counts.missing).toBe((await recomputed()).counts.missing);
    expect(await kept()).toMatchObject(await recomputed());
    await service.transition(admin, agency, OTHER, code, 'accept', null);
    expect(await kept()).toMatchObject(await recomputed());
    // Kept in the change's own transaction: the readiness read makes no statement to catch up.
    const summary = await get(`/api/oit/readiness?year=${OTHER}`);
    expect(summary.agencies).toBe(1);
    const evidence = (await service.checklist(admin, agency, OTHER)).tasks[0]!.evidence[0]!;
    await service.transition(admin, agency, OTHER, code, 'return', 'แก้ไข');
    await service.removeEvidence(admin, evidence.id);
    const before = await counter.least(() => get(`/api/oit/readiness?year=${OTHER}`));
    expect(await kept()).toMatchObject(await recomputed());
    expect(before).toBe(await counter.least(() => get(`/api/oit/readiness?year=${OTHER}`)));
    // Results imported elsewhere (the ITA range reads them) are caught up on the next read.
    await db.kysely
      .updateTable('assessments')
      .set({ iit: 95, eit: 60, updated_at: new Date().toISOString() })
      .where('agency_id', '=', agency.id)
      .where('fiscal_year', '=', OTHER)
      .execute();
    expect(await kept()).toMatchObject(await recomputed());
    // So are responses counted in a survey round of the year (the self-assessment may become the basis).
    const round = await db.kysely
      .insertInto('survey_rounds')
      .values({
        agency_id: agency.id,
        fiscal_year: OTHER,
        tool: 'IIT',
        framework_id: frameworkForAgency(agency, OTHER).id,
        code: `other${agency.id}`,
        opens_on: '2025-01-01',
        closes_on: '2099-01-31',
        use_codes: 0,
        closed_at: null,
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely.insertInto('survey_counts').values({ round_id: round.id, division_id: 0, responses: 7 }).execute();
    // The statements of a read once nothing is left to catch up (the fewest of a few reads: a session
    // renewed, a change stamped in the very millisecond of a keeping, or a queue's poll add to one).
    await get(`/api/oit/readiness?year=${OTHER}`);
    const steady = await counter.least(() => get(`/api/oit/readiness?year=${OTHER}`));
    await db.kysely.updateTable('survey_counts').set({ responses: 8 }).where('round_id', '=', round.id).execute();
    expect(await counter.of(() => get(`/api/oit/readiness?year=${OTHER}`))).toBeGreaterThan(steady);
    expect(await kept()).toMatchObject(await recomputed());
    // Filtered by state: the agency with items missing.
    expect((await get(`/api/oit/readiness?year=${OTHER}&state=missing`)).total).toBe(1);
    expect((await get(`/api/oit/readiness?year=${OTHER}&state=ready`)).total).toBe(0);
    const page = await get(`/api/oit/readiness?year=${YEAR}&sort=name&order=desc&limit=10`);
    expect(page.total).toBe(agencies.length);
    expect((page.rows[0] as { agency: { nameTh: string } }).agency.nameTh).toBe(agencies.at(-1)!.name_th);
    expect((page.counts as Record<string, number>).missing).toBeGreaterThan(0);
    // The whole country's sums the database keeps equal the kept rows summed again, through every
    // change above and after a row is removed.
    const totalsAgree = async () => {
      const live = await db.kysely
        .selectFrom('oit_readiness')
        .select([
          'fiscal_year',
          (eb) => eb.fn.countAll<number | string>().as('agencies'),
          (eb) => eb.fn.sum<number | string>('ready').as('ready'),
          (eb) => eb.fn.sum<number | string>('at_risk').as('at_risk'),
          (eb) => eb.fn.sum<number | string>('missing').as('missing'),
          sql<number | string>`sum(round(oit_low * 100))`.as('oit_low_hundredths'),
          sql<number | string>`sum(round(oit_high * 100))`.as('oit_high_hundredths'),
        ])
        .groupBy('fiscal_year')
        .orderBy('fiscal_year')
        .execute();
      const kept = await db.kysely
        .selectFrom('readiness_totals')
        .selectAll()
        .where('agencies', '>', 0)
        .orderBy('fiscal_year')
        .execute();
      expect(kept.map((k) => [k.fiscal_year, Number(k.agencies), Number(k.ready), Number(k.at_risk), Number(k.missing)])).toEqual(
        live.map((l) => [l.fiscal_year, Number(l.agencies), Number(l.ready), Number(l.at_risk), Number(l.missing)]),
      );
      // Exactly, in hundredths: no drift however many times a row is kept again.
      expect(kept.map((k) => [Number(k.oit_low_hundredths), Number(k.oit_high_hundredths)])).toEqual(
        live.map((l) => [Number(l.oit_low_hundredths), Number(l.oit_high_hundredths)]),
      );
    };
    await totalsAgree();
    expect(summary.agencies).toBeGreaterThan(0);
    await db.kysely.deleteFrom('oit_readiness').where('agency_id', '=', agency.id).where('fiscal_year', '=', OTHER).execute();
    await totalsAgree();
    expect((await get(`/api/oit/readiness?year=${OTHER}`)).agencies).toBe(0);
  });

  it('ranks by the ITA as published, to the hundredth rounded half up, on the page and in the export alike', async () => {
    const { make, db } = context;
    const year = YEAR + 1;
    const framework = frameworkForAgency({ kind: 'district' }, YEAR).id;
    // 80.345 and 1.005 are stored a hair below the half; both are published rounded up.
    const scores = [80.35, 80.345, 80.34, 1.005, 1.01];
    for (const [i, ita] of scores.entries()) {
      const agency = await make.agency({ kind: 'district', name_th: `เขตปัดเศษ ${i}` });
      await db.kysely
        .insertInto('assessments')
        .values({
          agency_id: agency.id,
          fiscal_year: year,
          framework_id: framework,
          source: 'imported',
          ita,
          level_id: null,
          iit: 80,
          eit: 80,
          oit: ita,
          indicators: '{}',
          result: '{}',
          created_at: AT,
          updated_at: AT,
        })
        .execute();
    }
    const page = await get(`/api/results/city?year=${year}`);
    const ranks = (page.rows as { rank: number; agency: { nameTh: string } }[]).map((r) => [r.agency.nameTh, r.rank]);
    expect(ranks).toEqual([
      ['เขตปัดเศษ 0', 1],
      ['เขตปัดเศษ 1', 1],
      ['เขตปัดเศษ 2', 3],
      ['เขตปัดเศษ 3', 4],
      ['เขตปัดเศษ 4', 4],
    ]);
    const csv = await context.app.inject({
      method: 'GET',
      url: `/api/results/city?year=${year}&format=csv`,
      headers: central.headers,
    });
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .slice(1);
    expect(
      lines.map((line) =>
        line
          .split(',')
          .slice(1, 2)
          .concat(line.includes('เขตปัดเศษ') ? [line.match(/เขตปัดเศษ \d/)![0]] : []),
      ),
    ).toEqual(ranks.map(([name, rank]) => [String(rank), name]));
  });

  it('a read keeps no more than its share of stale checklists and says how many wait; the background refresh keeps the rest', async () => {
    const refresh = (batch: number) =>
      new ReadinessRefresh(context.db.kysely, tmpdir(), { enabled: false, everyMs: 60_000, batch }, (error) => {
        throw error;
      });
    await refresh(10_000).tick();
    const before = await get(`/api/oit/readiness?year=${YEAR}`);
    expect(before.pending).toBe(0);
    // A national import, or the first read after an upgrade: more checklists stale than a read keeps.
    await add(READINESS_KEPT_PER_READ + 5);
    const first = await get(`/api/oit/readiness?year=${YEAR}`);
    expect(first.total).toBe(before.total + READINESS_KEPT_PER_READ);
    expect(first.pending).toBe(5);
    const background = refresh(3);
    expect(await background.tick()).toBe(3);
    expect(await background.tick()).toBe(2);
    expect(await background.tick()).toBe(0);
    const after = await get(`/api/oit/readiness?year=${YEAR}`);
    expect(after.total).toBe(agencies.length);
    expect(after.pending).toBe(0);
  });

  it("keeps the whole country's ranks and figures as the results change, equal to the same page ranked on the read", async () => {
    const { kysely } = context.db;
    const ids = (await kysely.selectFrom('agencies').select('id').execute()).map((a) => a.id);
    const page = { limit: 200, offset: 0, sort: 'rank' as const, order: 'asc' as const };
    /** The kept page (the whole country) beside the same page ranked on the read (every agency named). */
    const both = async (fiscalYear: number) => {
      await keepCityFigures(kysely);
      const kept = await cityPage(kysely, fiscalYear, undefined, page);
      const live = await cityPage(kysely, fiscalYear, ids, page);
      return { kept, live };
    };
    const same = async (fiscalYear = YEAR) => {
      const { kept, live } = await both(fiscalYear);
      const shown = (rows: typeof kept.rows) => rows.map((r) => [r.code, Number(r.rank), r.ita, r.level_id]);
      expect(shown(kept.rows)).toEqual(shown(live.rows));
      expect(kept.total).toBe(live.total);
      const byLevel = (levels: typeof kept.levels) =>
        levels
          .map((l) => [l.level_id, Number(l.agencies), Number(l.scored), Number(l.sum ?? 0), Number(l.generated)])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(byLevel(kept.levels)).toEqual(byLevel(live.levels));
      return kept;
    };
    await same();
    // A corrected total moves the agency; one made equal to another's (to two decimals) shares its rank.
    const [first, second, third] = agencies;
    const itaOf = async (id: number) =>
      (
        await kysely
          .selectFrom('assessments')
          .select('ita')
          .where('agency_id', '=', id)
          .where('fiscal_year', '=', YEAR)
          .executeTakeFirstOrThrow()
      ).ita;
    await kysely
      .updateTable('assessments')
      .set({ ita: 99.991 })
      .where('agency_id', '=', first!.id)
      .where('fiscal_year', '=', YEAR)
      .execute();
    await kysely
      .updateTable('assessments')
      .set({ ita: 99.994 })
      .where('agency_id', '=', second!.id)
      .where('fiscal_year', '=', YEAR)
      .execute();
    const top = (await same()).rows.slice(0, 2);
    expect(top.map((r) => Number(r.rank))).toEqual([1, 1]);
    // Equal ranks are placed by code, also once a code changes.
    await kysely.updateTable('agencies').set({ code: '0000-first' }).where('id', '=', second!.id).execute();
    expect((await same()).rows[0]!.code).toBe('0000-first');
    // Results removed, moved to another year, and added.
    const before = (await cityPage(kysely, YEAR, ids, page)).total;
    await kysely.deleteFrom('assessments').where('agency_id', '=', third!.id).where('fiscal_year', '=', YEAR).execute();
    expect((await same()).total).toBe(before - 1);
    await kysely
      .updateTable('assessments')
      .set({ fiscal_year: YEAR + 1 })
      .where('agency_id', '=', first!.id)
      .where('fiscal_year', '=', YEAR)
      .execute();
    await same();
    expect((await same(YEAR + 1)).rows.map((r) => r.code)).toContain(first!.code);
    await kysely
      .updateTable('assessments')
      .set({ fiscal_year: YEAR })
      .where('agency_id', '=', first!.id)
      .where('fiscal_year', '=', YEAR + 1)
      .execute();
    expect((await same(YEAR + 1)).rows.map((r) => r.code)).not.toContain(first!.code);
    // How many agencies have results in any year, and each year's mean, for the trends.
    const trends = await get('/api/results/trends?limit=1');
    const withResults = await kysely.selectFrom('assessments').select('agency_id').distinct().execute();
    expect(trends.total).toBe(withResults.length);
    const years = trends.years as { fiscalYear: number; agencies: number; mean: number | null }[];
    const year = years.find((y) => y.fiscalYear === YEAR)!;
    const scored = await kysely
      .selectFrom('assessments')
      .select([(eb) => eb.fn.count<number | string>('ita').as('n'), (eb) => eb.fn.avg<number | string>('ita').as('mean')])
      .where('fiscal_year', '=', YEAR)
      .executeTakeFirstOrThrow();
    expect(year.agencies).toBe(Number(scored.n));
    expect(year.mean).toBe(round2(Number(scored.mean)));
    expect(await itaOf(second!.id)).toBeCloseTo(99.994, 3);
    // Nothing left to keep: a read takes one statement more than the page itself.
    expect(await kysely.selectFrom('result_changes').select('id').execute()).toEqual([]);
  });
});
