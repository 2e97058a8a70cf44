import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILESTONES, NACC_WINDOWS } from '@prongsai/core';
import type { Actor } from '../auth/policy.js';
import { todayInBangkok } from '../db/database.js';
import type { Agency } from '../db/schema.js';
import { TEST_DATABASES, type Session } from '../test-support/databases.js';
import { bareApp, StatementCounter } from '../test-support/factories.js';
import { CalendarService } from './service.js';

const YEAR = 2567;
const TODAY = '2024-03-20';
const AT = '2024-01-01T00:00:00.000Z';

const central: Actor = {
  id: 0,
  email: 'central@late.test',
  displayName: 'central',
  role: 'central_admin',
  agencyId: null,
  divisionId: null,
  oversees: 'all',
};

type Row = { milestone: string; agency: { slug: string; nameTh: string }; dueOn: string; state: string; daysLate: number };

describe.each(TEST_DATABASES)('late milestones decided in SQL, on $engine', (database) => {
  const counter = new StatementCounter();
  let context: Awaited<ReturnType<typeof bareApp>>;
  let session: Session;
  const agencies: Agency[] = [];

  /** Agencies whose records and own dates cover each way a milestone is done, late or due soon. */
  const add = async (n: number) => {
    const { make, db } = context;
    const k = db.kysely;
    for (let j = 0; j < n; j++) {
      const i = agencies.length;
      const agency = await make.agency({ name_th: `เขตล่าช้า ${String(i).padStart(3, '0')}` });
      agencies.push(agency);
      const id = agency.id;
      if (i % 2 === 0) {
        await k.insertInto('committees').values({ agency_id: id, fiscal_year: YEAR, data: '{}', updated_at: AT }).execute();
      }
      for (const kind of i % 3 === 0 ? [] : i % 3 === 1 ? ['collection'] : ['collection', 'schools']) {
        await k
          .insertInto('memos')
          .values({
            agency_id: id,
            fiscal_year: YEAR,
            kind,
            content: '{}',
            updated_by: null,
            updated_at: AT,
            issued_at: AT,
            issued_by: null,
            issued_content: null,
          })
          .execute();
      }
      if (i % 4 !== 0) {
        const plan = await k
          .insertInto('measure_plans')
          .values({ agency_id: id, fiscal_year: YEAR, based_on_year: null, created_at: AT, updated_at: AT })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (i % 4 !== 3) {
          await k
            .insertInto('measure_entries')
            .values({
              plan_id: plan.id,
              section: 'extra',
              position: 1,
              question_code: null,
              indicator_number: null,
              question_text: null,
              score: null,
              title: null,
              issue: i % 4 === 1 ? 'ประเด็น' : '',
              measures: '[]',
              divisions: '[]',
              cadence: 'once',
              cadence_text: null,
              start_date: null,
              end_date: null,
              target_score: null,
              created_at: AT,
              updated_at: AT,
            })
            .execute();
        }
        if (i % 4 === 1) {
          await k
            .insertInto('progress_rounds')
            .values({
              plan_id: plan.id,
              round: 6,
              due_date: '2024-04-30',
              status: 'approved',
              revision: 1,
              approved_by: null,
              approved_at: AT,
            })
            .execute();
        }
      }
      if (i % 3 !== 2) {
        await k
          .insertInto('publications')
          .values({
            agency_id: id,
            kind: 'plan',
            fiscal_year: YEAR,
            round: null,
            snapshot: '{}',
            published_by: null,
            published_at: AT,
            withdrawn_by: null,
            withdrawn_at: i % 3 === 1 ? AT : null,
          })
          .execute();
      }
      if (i % 2 === 1) {
        const checklist = await k
          .insertInto('oit_checklists')
          .values({ agency_id: id, fiscal_year: YEAR, framework_id: 'x', approved_by: null, approved_at: null, created_at: AT })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const [t, status] of (i % 4 === 1 ? ['submitted', 'accepted'] : ['submitted', 'todo']).entries()) {
          await k
            .insertInto('oit_tasks')
            .values({
              checklist_id: checklist.id,
              agency_id: id,
              item_code: `O${t}`,
              carry: 'new',
              status,
              due_date: null,
              review_comment: null,
              updated_by: null,
              updated_at: AT,
            })
            .execute();
        }
      }
      if (i % 3 !== 2) {
        await k
          .insertInto('survey_rounds')
          .values({
            agency_id: id,
            fiscal_year: YEAR,
            tool: 'IIT',
            framework_id: 'x',
            code: `late${id}`,
            opens_on: '2024-02-01',
            closes_on: i % 3 === 0 ? '2024-03-01' : '2024-06-01',
            use_codes: 0,
            closed_at: null,
            created_by: null,
            created_at: AT,
          })
          .execute();
      }
      if (i % 6 === 0) {
        await k
          .insertInto('assessments')
          .values({
            agency_id: id,
            fiscal_year: YEAR,
            framework_id: 'x',
            source: 'imported',
            ita: 80,
            level_id: 'good',
            iit: 80,
            eit: 80,
            oit: 80,
            indicators: '{}',
            result: '{}',
            created_at: AT,
            updated_at: AT,
          })
          .execute();
      }
      const own = (milestone: string, fields: { due_on?: string; done_at?: string }) =>
        k
          .insertInto('agency_milestones')
          .values({
            agency_id: id,
            fiscal_year: YEAR,
            milestone,
            starts_on: null,
            due_on: fields.due_on ?? null,
            owner_division_id: null,
            done_at: fields.done_at ?? null,
            done_by: null,
          })
          .execute();
      if (i % 5 === 0) await own('schools-data', { done_at: AT });
      if (i % 5 === 1) await own('staff-count', { due_on: '2024-04-20' });
      if (i % 5 === 2) {
        await own('eit-collection', { done_at: AT });
        // A mark where the records tell is not what decides.
        await own('memos', { done_at: AT });
      }
      if (i % 5 === 3) await own('schools-data', { due_on: '2024-03-25' });
      if (i % 5 === 4) await own('committee-order', { due_on: '2024-03-30' });
    }
  };

  /** What the milestones of each agency's year say, decided in code one agency at a time. */
  const expected = async (today = TODAY) => {
    const years = await new CalendarService(context.db.kysely).yearOf(
      agencies.map((a) => a.id),
      YEAR,
      today,
    );
    return agencies.flatMap((agency) =>
      years
        .get(agency.id)!
        .filter((m) => !NACC_WINDOWS.includes(m.milestone) && (m.state === 'late' || m.state === 'due-soon'))
        .map((m) => ({ milestone: m.milestone, slug: agency.slug, dueOn: m.dueOn, state: m.state })),
    );
  };

  const pageOf = (query: Parameters<CalendarService['cityLatePage']>[3]) =>
    new CalendarService(context.db.kysely).cityLatePage(central, YEAR, TODAY, query);

  const everyRow = async (query: Omit<Parameters<CalendarService['cityLatePage']>[3], 'limit' | 'offset'>) => {
    const rows: Row[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = await pageOf({ ...query, limit: 7, offset });
      rows.push(...page.rows);
      if (page.rows.length < 7) return { rows, total: page.total, milestones: page.milestones };
    }
  };

  const get = async (url: string) => {
    const response = await context.app.inject({ method: 'GET', url, headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response;
  };

  beforeAll(async () => {
    context = await bareApp(database, { counter });
    session = (await context.make.account('central_admin')).session;
    await context.db.kysely
      .insertInto('calendar_defaults')
      .values({ fiscal_year: YEAR, milestone: 'oit-publication', starts_on: null, due_on: '2024-03-25' })
      .execute();
  });
  afterAll(() => context.close());

  it('takes as many statements for 40 agencies as for 3, the page and the export alike', async () => {
    const urls = [
      `/api/calendar/${YEAR}/late`,
      `/api/calendar/${YEAR}/late?state=late&sort=name&q=001`,
      `/api/calendar/${YEAR}/late?format=csv`,
    ];
    const statements = async () => {
      // A fresh session: a session seen over a minute ago is refreshed, a statement more.
      session = (await context.make.account('central_admin')).session;
      const counts: Record<string, number> = {};
      for (const url of urls) {
        await get(url);
        counts[url] = await counter.of(() => get(url));
      }
      return counts;
    };
    await add(3);
    const few = await statements();
    await add(37);
    const many = await statements();
    expect(many, JSON.stringify({ few, many })).toEqual(few);
    for (const url of urls) expect(many[url]).toBeLessThan(10);
  });

  it('lists exactly the late and due-soon milestones the year of each agency shows', async () => {
    const want = await expected();
    expect(new Set(want.map((w) => w.state))).toEqual(new Set(['late', 'due-soon']));
    const { rows, total, milestones } = await everyRow({ sort: 'dueOn', order: 'asc' });
    expect(total).toBe(want.length);
    const key = (r: { milestone: string; slug: string; dueOn: string; state: string }) =>
      `${r.slug} ${r.milestone} ${r.dueOn} ${r.state}`;
    expect(rows.map((r) => key({ ...r, slug: r.agency.slug })).sort()).toEqual(want.map(key).sort());
    // Due date first, then agency, then the year's order of milestones.
    const place = (m: string) => MILESTONES.indexOf(m as never);
    const sorted = [...rows].sort(
      (a, b) =>
        (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
        (a.agency.slug < b.agency.slug ? -1 : a.agency.slug > b.agency.slug ? 1 : 0) ||
        place(a.milestone) - place(b.milestone),
    );
    expect(rows).toEqual(sorted);
    for (const r of rows) expect(r.daysLate).toBe(Math.round((Date.parse(TODAY) - Date.parse(r.dueOn)) / 86_400_000));
    // The counts per milestone are of every agency, in the year's order, NACC's windows left out.
    expect(milestones.map((m) => m.milestone)).toEqual(MILESTONES.filter((m) => !NACC_WINDOWS.includes(m)));
    for (const m of milestones) {
      expect(m.late, m.milestone).toBe(want.filter((w) => w.milestone === m.milestone && w.state === 'late').length);
      expect(m.dueSoon, m.milestone).toBe(want.filter((w) => w.milestone === m.milestone && w.state === 'due-soon').length);
    }
  });

  it('filters by milestone, state and text, and sorts by milestone', async () => {
    const want = await expected();
    const soon = await everyRow({ sort: 'milestone', order: 'desc', state: 'due-soon', milestone: 'schools-data' });
    expect(soon.total).toBe(want.filter((w) => w.state === 'due-soon' && w.milestone === 'schools-data').length);
    expect(soon.total).toBeGreaterThan(0);
    expect(soon.rows.every((r) => r.state === 'due-soon' && r.milestone === 'schools-data' && r.dueOn === '2024-03-25')).toBe(
      true,
    );
    const byMilestone = await everyRow({ sort: 'milestone', order: 'desc' });
    const places = byMilestone.rows.map((r) => MILESTONES.indexOf(r.milestone as never));
    expect(places).toEqual([...places].sort((a, b) => b - a));
    const one = await everyRow({ sort: 'name', order: 'asc', q: 'ล่าช้า 007' });
    expect(one.total).toBe(want.filter((w) => w.slug === agencies[7]!.slug).length);
    expect(one.rows.every((r) => r.agency.slug === agencies[7]!.slug)).toBe(true);
    expect((await everyRow({ sort: 'name', order: 'asc', q: agencies[7]!.slug.toUpperCase() })).total).toBe(one.total);
    expect((await everyRow({ sort: 'name', order: 'asc', q: '%' })).total).toBe(0);
  });

  it('exports the late rows milestone by milestone, agencies by code, as the page decides them', async () => {
    // The download is of the day the server is on.
    const want = (await expected(todayInBangkok())).filter((w) => w.state === 'late');
    const lines = (await get(`/api/calendar/${YEAR}/late?format=csv`)).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const code = new Map(agencies.map((a) => [a.slug, a.code]));
    const order = [...want].sort(
      (a, b) =>
        MILESTONES.indexOf(a.milestone) - MILESTONES.indexOf(b.milestone) || (code.get(a.slug)! < code.get(b.slug)! ? -1 : 1),
    );
    expect(lines.map((l) => [l[0], l[2], l[4]])).toEqual(order.map((w) => [w.milestone, w.slug, w.dueOn]));
  });
});
