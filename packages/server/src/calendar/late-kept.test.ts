import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILESTONES, NACC_WINDOWS, type Milestone } from '@prongsai/core';
import type { Actor } from '../auth/policy.js';
import type { Agency } from '../db/schema.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { bareApp } from '../test-support/factories.js';
import { keepLateYear, LATE_KEPT_PER_READ, settleLateKeeping } from './late-kept.js';
import { LateRefresh } from './late-refresh.js';
import { CalendarService } from './service.js';

const YEAR = 2567;
/** After every template date of the year: each milestone not done is late. */
const TODAY = '2024-10-15';
const AT = '2024-01-01T00:00:00.000Z';

const central: Actor = {
  id: 0,
  email: 'central@kept.test',
  displayName: 'central',
  role: 'central_admin',
  agencyId: null,
  divisionId: null,
  oversees: 'all',
};

describe.each(TEST_DATABASES)('late milestones kept as the records change, on $engine', (database) => {
  let context: Awaited<ReturnType<typeof bareApp>>;
  const agencies: Agency[] = [];
  let a: Agency;
  let b: Agency;
  const k = () => context.db.kysely;

  const pageOf = (today: string, offset: number, q?: string) =>
    new CalendarService(k()).cityLatePage(central, YEAR, today, { sort: 'dueOn', order: 'asc', limit: 100, offset, q });

  /** Every row the city-wide page lists on the day, and the counts per milestone. */
  const everyRow = async (today = TODAY, q?: string) => {
    const rows: Awaited<ReturnType<typeof pageOf>>['rows'] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await pageOf(today, offset, q);
      expect(page.pending).toBe(false);
      rows.push(...page.rows);
      if (page.rows.length < 100) return { rows, total: page.total, milestones: page.milestones };
    }
  };

  /** The page agrees with each agency's year decided in code from the records, on the day. */
  const agrees = async (today = TODAY) => {
    const years = await new CalendarService(k()).yearOf(
      agencies.map((x) => x.id),
      YEAR,
      today,
    );
    const want = agencies.flatMap((agency) =>
      years
        .get(agency.id)!
        .filter((m) => !NACC_WINDOWS.includes(m.milestone) && (m.state === 'late' || m.state === 'due-soon'))
        .map((m) => `${agency.slug} ${m.milestone} ${m.dueOn} ${m.state}`),
    );
    const { rows, total, milestones } = await everyRow(today);
    expect(rows.map((r) => `${r.agency.slug} ${r.milestone} ${r.dueOn} ${r.state}`).sort()).toEqual(want.sort());
    expect(total).toBe(want.length);
    expect(milestones.reduce((sum, m) => sum + m.late + m.dueSoon, 0)).toBe(want.length);
  };

  /** The milestones the agency is late with (or due soon), as the page lists them. */
  const lateOf = async (agency: Agency, today = TODAY) =>
    (await everyRow(today)).rows.filter((r) => r.agency.slug === agency.slug).map((r) => r.milestone as Milestone);

  /** Checks that a change to the records shows on the next read: the milestone's listing before and after. */
  const shows = async (agency: Agency, milestone: Milestone, change: () => Promise<unknown>, listed: [boolean, boolean]) => {
    expect((await lateOf(agency)).includes(milestone), `${milestone} before`).toBe(listed[0]);
    await change();
    // The database noted what changed: the agency's year, or every agency's.
    const noted = await k().selectFrom('late_changes').select(['fiscal_year', 'agency_id']).execute();
    expect(noted.some((c) => c.fiscal_year === YEAR && (c.agency_id === agency.id || c.agency_id === null))).toBe(true);
    expect((await lateOf(agency)).includes(milestone), `${milestone} after`).toBe(listed[1]);
    expect(await k().selectFrom('late_changes').select('id').execute()).toHaveLength(0);
    await agrees();
  };

  const plan = async (agency: Agency) =>
    (
      await k()
        .insertInto('measure_plans')
        .values({ agency_id: agency.id, fiscal_year: YEAR, based_on_year: null, created_at: AT, updated_at: AT })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    context = await bareApp(database);
    a = await context.make.agency({ name_th: 'เขตเก็บไว้ ก' });
    b = await context.make.agency({ name_th: 'เขตเก็บไว้ ข' });
    agencies.push(a, b);
  });
  afterAll(() => context.close());

  it('keeps the year on its first read, as each agency year decides it', async () => {
    await agrees();
    expect(await lateOf(a)).toContain('committee-order');
    // Nothing changed since: a read keeps nothing.
    const kept = await k().selectFrom('late_kept').selectAll().execute();
    expect(kept.map((r) => r.fiscal_year)).toEqual([YEAR]);
    await everyRow();
    expect(await k().selectFrom('late_kept').selectAll().execute()).toEqual(kept);
  });

  it('shows a committee made', async () => {
    await shows(
      a,
      'committee-order',
      () => k().insertInto('committees').values({ agency_id: a.id, fiscal_year: YEAR, data: '{}', updated_at: AT }).execute(),
      [true, false],
    );
    await shows(a, 'committee-order', () => k().deleteFrom('committees').where('agency_id', '=', a.id).execute(), [false, true]);
  });

  it("shows the memos issued: a district's both, a municipality's to every unit alone", async () => {
    const m = await context.make.agency({ name_th: 'เทศบาลเก็บไว้', kind: 'municipality' });
    agencies.push(m);
    // A municipality's memo to the schools (one its kind does not have, kept from before) counts for nothing.
    for (const agency of [a, m]) {
      for (const kind of ['collection', 'schools']) {
        await k()
          .insertInto('memos')
          .values({
            agency_id: agency.id,
            fiscal_year: YEAR,
            kind,
            content: '{}',
            updated_by: null,
            updated_at: AT,
            issued_at: null,
            issued_by: null,
            issued_content: null,
          })
          .execute();
      }
    }
    const issue = (agency: Agency, kind: string) => () =>
      k().updateTable('memos').set({ issued_at: AT }).where('agency_id', '=', agency.id).where('kind', '=', kind).execute();
    await shows(a, 'memos', issue(a, 'collection'), [true, true]);
    await shows(a, 'memos', issue(a, 'schools'), [true, false]);
    await shows(m, 'memos', issue(m, 'schools'), [true, true]);
    await shows(m, 'memos', issue(m, 'collection'), [true, false]);
  });

  it("shows a plan's entries written, and an approved progress round", async () => {
    const id = await plan(a);
    const entry = {
      plan_id: id,
      section: 'extra',
      position: 1,
      question_code: null,
      indicator_number: null,
      question_text: null,
      score: null,
      title: null,
      issue: '',
      measures: '[]',
      divisions: '[]',
      cadence: 'once',
      cadence_text: null,
      start_date: null,
      end_date: null,
      target_score: null,
      created_at: AT,
      updated_at: AT,
    };
    await shows(a, 'measures-plan', () => k().insertInto('measure_entries').values(entry).execute(), [true, true]);
    await shows(
      a,
      'measures-plan',
      () => k().updateTable('measure_entries').set({ issue: 'ประเด็น' }).where('plan_id', '=', id).execute(),
      [true, false],
    );
    await k()
      .insertInto('progress_rounds')
      .values({
        plan_id: id,
        round: 6,
        due_date: '2024-04-30',
        status: 'draft',
        revision: 1,
        approved_by: null,
        approved_at: null,
      })
      .execute();
    await shows(
      a,
      'progress-6',
      () => k().updateTable('progress_rounds').set({ status: 'approved', approved_at: AT }).where('plan_id', '=', id).execute(),
      [true, false],
    );
  });

  it('shows a publication, and its withdrawal', async () => {
    await shows(
      a,
      'measures-publication',
      () =>
        k()
          .insertInto('publications')
          .values({
            agency_id: a.id,
            kind: 'plan',
            fiscal_year: YEAR,
            round: null,
            snapshot: '{}',
            published_by: null,
            published_at: AT,
            withdrawn_by: null,
            withdrawn_at: null,
          })
          .execute(),
      [true, false],
    );
    await shows(
      a,
      'measures-publication',
      () => k().updateTable('publications').set({ withdrawn_at: AT }).where('agency_id', '=', a.id).execute(),
      [false, true],
    );
  });

  it("shows the OIT checklist's tasks handed in", async () => {
    const checklist = await k()
      .insertInto('oit_checklists')
      .values({ agency_id: a.id, fiscal_year: YEAR, framework_id: 'x', approved_by: null, approved_at: null, created_at: AT })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k()
      .insertInto('oit_tasks')
      .values({
        checklist_id: checklist.id,
        agency_id: a.id,
        item_code: 'O1',
        carry: 'new',
        status: 'todo',
        due_date: null,
        review_comment: null,
        updated_by: null,
        updated_at: AT,
      })
      .execute();
    await shows(
      a,
      'oit-evidence',
      () => k().updateTable('oit_tasks').set({ status: 'submitted' }).where('checklist_id', '=', checklist.id).execute(),
      [true, false],
    );
  });

  it('shows a survey round closed by hand, and one whose closing day has passed', async () => {
    const round = (tool: string, closesOn: string) =>
      k()
        .insertInto('survey_rounds')
        .values({
          agency_id: a.id,
          fiscal_year: YEAR,
          tool,
          framework_id: 'x',
          code: `kept-${tool}`,
          opens_on: '2024-02-01',
          closes_on: closesOn,
          use_codes: 0,
          closed_at: null,
          created_by: null,
          created_at: AT,
        })
        .execute();
    await round('IIT', '2024-12-01');
    await shows(
      a,
      'iit-collection',
      () => k().updateTable('survey_rounds').set({ closed_at: AT }).where('tool', '=', 'IIT').execute(),
      [true, false],
    );
    await round('EIT', '2024-10-20');
    expect(await lateOf(a)).toContain('eit-collection');
    expect(await lateOf(a, '2024-10-21')).not.toContain('eit-collection');
    await agrees('2024-10-21');
  });

  it('shows results', async () => {
    await shows(
      a,
      'results',
      () =>
        k()
          .insertInto('assessments')
          .values({
            agency_id: a.id,
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
          .execute(),
      [true, false],
    );
  });

  it("shows an agency's own date and mark, and the year's default date for every agency", async () => {
    const own = (milestone: string, fields: { due_on?: string; done_at?: string }) =>
      k()
        .insertInto('agency_milestones')
        .values({
          agency_id: a.id,
          fiscal_year: YEAR,
          milestone,
          starts_on: null,
          due_on: fields.due_on ?? null,
          owner_division_id: null,
          done_at: fields.done_at ?? null,
          done_by: null,
        })
        .execute();
    await shows(a, 'schools-data', () => own('schools-data', { due_on: '2024-12-01' }), [true, false]);
    await shows(a, 'schools-data', () => own('staff-count', { done_at: AT }), [false, false]);
    expect(await lateOf(a)).not.toContain('staff-count');
    // Due soon: within a few days of the day.
    await shows(
      a,
      'schools-data',
      () => k().updateTable('agency_milestones').set({ due_on: '2024-10-17' }).where('milestone', '=', 'schools-data').execute(),
      [false, true],
    );
    expect((await everyRow()).rows.find((r) => r.agency.slug === a.slug && r.milestone === 'schools-data')?.state).toBe(
      'due-soon',
    );
    await shows(
      b,
      'schools-data',
      () =>
        k()
          .insertInto('calendar_defaults')
          .values({ fiscal_year: YEAR, milestone: 'schools-data', starts_on: null, due_on: '2024-12-01' })
          .execute(),
      [true, false],
    );
    // The agency's own date still decides for it.
    expect(await lateOf(a)).toContain('schools-data');
  });

  it('shows an agency added and renamed, and finds it by code', async () => {
    const c = await context.make.agency({ name_th: 'เขตเก็บไว้ ค' });
    agencies.push(c);
    expect((await lateOf(c)).length).toBeGreaterThan(0);
    await agrees();
    // Another year kept too: a change to the agency is every year's.
    const next = (q?: string) =>
      new CalendarService(k()).cityLatePage(central, YEAR + 1, '2025-10-15', {
        sort: 'dueOn',
        order: 'asc',
        limit: 100,
        offset: 0,
        q,
      });
    expect((await next(c.code)).rows.every((r) => r.agency.nameTh === 'เขตเก็บไว้ ค')).toBe(true);
    await k().updateTable('agencies').set({ name_th: 'เขตเปลี่ยนชื่อ' }).where('id', '=', c.id).execute();
    const { rows } = await everyRow(TODAY, c.code.toLowerCase());
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.agency.nameTh === 'เขตเปลี่ยนชื่อ')).toBe(true);
    const later = (await next(c.code)).rows;
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((r) => r.agency.nameTh === 'เขตเปลี่ยนชื่อ')).toBe(true);
    expect(await k().selectFrom('late_changes').select('id').execute()).toHaveLength(0);
  });

  it('pages by milestone and by due date, last first, each by agency, as the whole list sorted', async () => {
    const { rows } = await everyRow();
    const place = (m: string) => MILESTONES.indexOf(m as Milestone);
    const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const orders = {
      milestone: (x: (typeof rows)[number], y: (typeof rows)[number]) =>
        place(y.milestone) - place(x.milestone) || text(x.agency.slug, y.agency.slug),
      dueOn: (x: (typeof rows)[number], y: (typeof rows)[number]) =>
        text(y.dueOn, x.dueOn) || text(x.agency.slug, y.agency.slug) || place(x.milestone) - place(y.milestone),
    };
    for (const [sort, order] of Object.entries(orders) as [keyof typeof orders, (typeof orders)['dueOn']][]) {
      const want = [...rows].sort(order);
      for (const state of [undefined, 'late', 'due-soon'] as const) {
        const paged: typeof rows = [];
        for (let offset = 0; ; offset += 3) {
          const page = await new CalendarService(k()).cityLatePage(central, YEAR, TODAY, {
            sort,
            order: 'desc',
            limit: 3,
            offset,
            state,
          });
          paged.push(...page.rows);
          if (page.rows.length < 3) break;
        }
        expect(paged, `${sort} ${state}`).toEqual(want.filter((r) => !state || r.state === state));
      }
    }
  });

  it('leaves more changed agencies than a read keeps to the background, and says so meanwhile', async () => {
    await k()
      .insertInto('late_changes')
      .values(Array.from({ length: LATE_KEPT_PER_READ + 1 }, (_, i) => ({ fiscal_year: YEAR, agency_id: 900_000 + i })))
      .execute();
    expect((await pageOf(TODAY, 0)).pending).toBe(true);
    await settleLateKeeping(k());
    expect(await k().selectFrom('late_changes').select('id').execute()).toHaveLength(0);
    await agrees();
  });

  // PostgreSQL alone: SQLite's one connection runs one transaction at a time, so nothing is held beside a read.
  it.skipIf(database.engine !== 'postgres')(
    "answers pending at once while a year's first keeping is held, instead of waiting for it",
    async () => {
      const year = YEAR + 3;
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      // Another transaction holds the table the keeping writes last, so the first keeping of the year
      // stays inside its transaction for as long as the test wants.
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const blocker = k()
        .transaction()
        .execute(async (trx) => {
          await sql`lock table late_states in exclusive mode`.execute(trx);
          holding();
          await released;
        });
      await held;
      const first = keepLateYear(k(), year);
      // Until the keeping waits on the held table, with the year's row locked.
      for (let i = 0; i < 200; i++) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where wait_event_type = 'Lock' and datname = current_database()`.execute(k());
        if (rows[0]!.n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const read = new CalendarService(k()).cityLatePage(central, year, TODAY, {
        sort: 'dueOn',
        order: 'asc',
        limit: 10,
        offset: 0,
      });
      const answered = await Promise.race([
        read.then((page) => page.pending),
        new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 10_000)),
      ]);
      release();
      await blocker;
      expect(await first).toBe(true);
      await read;
      await settleLateKeeping(k());
      expect(answered).toBe(true);
    },
    30_000,
  );

  // PostgreSQL alone: on SQLite's one connection nothing can commit between a page's two reads.
  it.skipIf(database.engine !== 'postgres')(
    "reads a page's tallies and its rows on one snapshot, so a keeping committed between them shows in neither",
    async () => {
      // Due date first (tallies and rows in one statement), and last first (the groups' sizes read
      // first, then only the groups the page reaches, in one transaction).
      for (const order of ['asc', 'desc'] as const) {
        const everything = { sort: 'dueOn', order, limit: 100, offset: 0 } as const;
        const before = await new CalendarService(k()).cityLatePage(central, YEAR, TODAY, everything);
        expect(before.total).toBe(before.rows.length);
        const first = before.rows[0]!;
        const agency = agencies.find((x) => x.slug === first.agency.slug)!;
        // What a keeping of the agency does when it is no longer late: its row and its count go, together.
        const keeping = () =>
          k()
            .transaction()
            .execute(async (trx) => {
              const gone = await trx
                .deleteFrom('late_states')
                .where('fiscal_year', '=', YEAR)
                .where('agency_id', '=', agency.id)
                .where('milestone', '=', first.milestone)
                .returning(['place', 'due_on', 'done_after'])
                .executeTakeFirstOrThrow();
              await trx
                .updateTable('late_tallies')
                .set((eb) => ({ agencies: eb('agencies', '-', 1) }))
                .where('fiscal_year', '=', YEAR)
                .where('place', '=', gone.place)
                .where('due_on', '=', gone.due_on)
                .where('done_after', '=', gone.done_after ?? '')
                .execute();
            });
        // Commits that keeping as soon as the page has read its tallies, before anything else it reads.
        const between = new (class implements KyselyPlugin {
          private readonly tallies = new Set<unknown>();
          transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
            if (JSON.stringify(node).includes('from late_tallies')) this.tallies.add(queryId);
            return node;
          }
          async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
            if (this.tallies.delete(queryId)) await keeping();
            return result;
          }
        })();
        const page = await new CalendarService(k().withPlugin(between)).cityLatePage(central, YEAR, TODAY, everything);
        expect(page.total, order).toBe(page.rows.length);
        expect(page.rows, order).toEqual(before.rows);
        const after = await new CalendarService(k()).cityLatePage(central, YEAR, TODAY, everything);
        expect(after.total, order).toBe(before.total - 1);
        expect(after.rows, order).toHaveLength(before.rows.length - 1);
        // The agency noted as changed, its year is kept again as the records decide it.
        await k().insertInto('late_changes').values({ fiscal_year: YEAR, agency_id: agency.id }).execute();
        await keepLateYear(k(), YEAR);
        await agrees();
      }
    },
  );

  it('is kept in the background too, and the export lists what the page does', async () => {
    await k().insertInto('committees').values({ agency_id: b.id, fiscal_year: YEAR, data: '{}', updated_at: AT }).execute();
    expect(await k().selectFrom('late_changes').select('id').execute()).not.toHaveLength(0);
    await new LateRefresh(k(), { enabled: false, everyMs: 60_000 }, (error) => {
      throw error;
    }).tick();
    expect(await k().selectFrom('late_changes').select('id').execute()).toHaveLength(0);
    await agrees();
    const service = new CalendarService(k());
    const exported = await service.lateOf(
      agencies.map((x) => x.id),
      YEAR,
      TODAY,
    );
    const page = (await everyRow()).rows.filter((r) => r.state === 'late');
    expect(exported.map((r) => `${r.slug} ${r.milestone}`).sort()).toEqual(
      page.map((r) => `${r.agency.slug} ${r.milestone}`).sort(),
    );
  });
});
