import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup, restoreBackup, writeBackup } from '../db/backup.js';
import type { Agency, LinkCheckRun } from '../db/schema.js';
import { TEST_DATABASES, type Session } from '../test-support/databases.js';
import { bareApp, StatementCounter } from '../test-support/factories.js';
import { LinkRepository } from './repository.js';

const YEAR = 2567;
const DAY = 86_400_000;
const START = Date.parse('2024-10-01T00:00:00.000Z');

interface ListRow {
  id: string;
  status: string;
  trigger: string;
  total: number;
  checked: number;
  passed: number;
  createdAt: string;
  finishedAt: string | null;
  error: unknown;
  agency: { slug: string; nameTh: string };
}
type List = { total: number; rows: ListRow[]; agencies: number; checked: number; passed: number; failing: number };

describe.each(TEST_DATABASES)("each agency's latest finished link check, kept, on $engine", (database) => {
  const counter = new StatementCounter();
  let context: Awaited<ReturnType<typeof bareApp>>;
  let central: Session;
  const agencies: Agency[] = [];
  /** Every run written, as the database holds it. */
  const runs: LinkCheckRun[] = [];
  let serial = 0;

  const run = (agency: Agency, day: number, fields: Partial<LinkCheckRun> = {}): LinkCheckRun => {
    const at = new Date(START + day * DAY).toISOString();
    return {
      id: `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
      agency_id: agency.id,
      fiscal_year: YEAR,
      trigger: 'schedule',
      requested_by: null,
      status: 'done',
      total: 6,
      checked: 6,
      passed: (day + agency.id) % 7 === 0 ? 6 : 6 - ((day + agency.id) % 3),
      attempts: 1,
      error: null,
      worker: null,
      heartbeat_at: null,
      created_at: at,
      finished_at: new Date(START + day * DAY + 60_000).toISOString(),
      ...fields,
    };
  };
  const insert = async (rows: LinkCheckRun[]) => {
    await context.db.kysely.insertInto('link_check_runs').values(rows).execute();
    runs.push(...rows);
  };
  /** The finish the queue writes: one update that marks the run done with its figures. */
  const finish = async (id: string, passed: number, at: number) => {
    await context.db.kysely
      .updateTable('link_check_runs')
      .set({ status: 'done', checked: 6, passed, finished_at: new Date(at).toISOString() })
      .where('id', '=', id)
      .execute();
    const row = runs.find((r) => r.id === id)!;
    Object.assign(row, { status: 'done', checked: 6, passed, finished_at: new Date(at).toISOString() });
  };
  /** Each agency's latest finished run, as the list read it before it was kept: the newest done run by creation. */
  const newestDone = () =>
    agencies
      .map((a) => runs.filter((r) => r.agency_id === a.id && r.status === 'done'))
      .filter((own) => own.length > 0)
      .map((own) => own.reduce((a, b) => (b.created_at > a.created_at ? b : a)));
  const get = async (url: string): Promise<List> => {
    const response = await context.app.inject({ method: 'GET', url, headers: central.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as List;
  };
  const list = (query = '') => get(`/api/oit/link-checks?year=${YEAR}&limit=200${query}`);
  /** What the list should answer: each agency's newest done run, by agency code, and their sums. */
  const expected = () => {
    const latest = newestDone();
    return {
      rows: latest
        .map((r) => {
          const agency = agencies.find((a) => a.id === r.agency_id)!;
          return {
            code: agency.code,
            row: {
              id: r.id,
              status: 'done',
              trigger: r.trigger,
              total: r.total,
              checked: r.checked,
              passed: r.passed,
              createdAt: r.created_at,
              finishedAt: r.finished_at,
              error: null,
              agency: { slug: agency.slug, nameTh: agency.name_th },
            },
          };
        })
        .sort((a, b) => (a.code < b.code ? -1 : 1))
        .map((r) => r.row),
      agencies: latest.length,
      checked: latest.reduce((n, r) => n + r.checked, 0),
      passed: latest.reduce((n, r) => n + r.passed, 0),
      failing: latest.filter((r) => r.passed < r.checked).length,
    };
  };
  const statements = async () => ({
    all: await counter.least(() => list()),
    failing: await counter.least(() => list('&failing=true')),
  });

  beforeAll(async () => {
    context = await bareApp(database, { counter });
    central = (await context.make.account('central_admin')).session;
    for (let i = 0; i < 4; i++) agencies.push(await context.make.agency({ code: `L${i}` }));
    // One finished run each, and a failed one after it that the list does not show.
    for (const agency of agencies) await insert([run(agency, 0), run(agency, 1, { status: 'failed', checked: 2, passed: 0 })]);
  });
  afterAll(() => context.close());

  it('shows the newest of many finished runs, its statements the same however many there are', async () => {
    const { all: few, failing: fewFailing } = await statements();
    const first = await list();
    expect(first).toMatchObject({ total: 4, ...expected() });
    // A month of daily checks of every agency, written in no particular order.
    for (const agency of agencies) {
      const month = Array.from({ length: 30 }, (_, day) => run(agency, day + 2));
      await insert([...month.filter((_, i) => i % 2 === 1), ...month.filter((_, i) => i % 2 === 0)]);
    }
    const after = await list();
    expect(after).toMatchObject({ total: 4, ...expected() });
    expect(after.rows.map((r) => r.createdAt)).toEqual(agencies.map(() => new Date(START + 31 * DAY).toISOString()));
    expect(await statements()).toEqual({ all: few, failing: fewFailing });
    // Counted only when filtered: otherwise the sums hold the count.
    expect(fewFailing).toBe(few + 1);
    const failing = await list('&failing=true');
    expect(failing.total).toBe(expected().failing);
    expect(failing.rows.every((r) => r.passed < r.checked)).toBe(true);
    expect((await list(`&q=${encodeURIComponent(agencies[2]!.code)}`)).rows.map((r) => r.agency.slug)).toEqual([
      agencies[2]!.slug,
    ]);
    const byFailed = await list('&sort=failed&order=desc');
    const failed = byFailed.rows.map((r) => r.checked - r.passed);
    expect(failed).toEqual([...failed].sort((a, b) => b - a));
    const kept = await context.db.kysely
      .selectFrom('link_check_latest')
      .select('run_id')
      .where('fiscal_year', '=', YEAR)
      .orderBy('agency_id')
      .execute();
    expect(kept.map((k) => k.run_id)).toEqual(
      newestDone()
        .sort((a, b) => a.agency_id - b.agency_id)
        .map((r) => r.id),
    );
  });

  it('keeps the newer run when an older one finishes after it', async () => {
    const agency = agencies[0]!;
    // Two checks running at once: the one queued first finishes last.
    const older = run(agency, 40, { status: 'running', checked: 0, passed: 0, finished_at: null });
    const newer = run(agency, 41, { status: 'running', checked: 0, passed: 0, finished_at: null });
    await insert([older, newer]);
    await finish(newer.id, 2, START + 42 * DAY);
    await finish(older.id, 6, START + 43 * DAY);
    const row = (await list()).rows.find((r) => r.agency.slug === agency.slug)!;
    expect(row).toMatchObject({ id: newer.id, passed: 2, createdAt: newer.created_at });
    expect(await list()).toMatchObject(expected());
    // A run created later that fails replaces nothing; one that finishes does.
    const failed = run(agency, 44, { status: 'running', checked: 0, passed: 0, finished_at: null });
    const latest = run(agency, 45, { status: 'queued', checked: 0, passed: 0, finished_at: null });
    await insert([failed, latest]);
    await context.db.kysely.updateTable('link_check_runs').set({ status: 'failed' }).where('id', '=', failed.id).execute();
    failed.status = 'failed';
    expect((await list()).rows.find((r) => r.agency.slug === agency.slug)!.id).toBe(newer.id);
    await finish(latest.id, 5, START + 46 * DAY);
    expect((await list()).rows.find((r) => r.agency.slug === agency.slug)).toMatchObject({ id: latest.id, passed: 5 });
    expect(await list()).toMatchObject(expected());
  });

  it('tells the schedule of recent and pending runs only', async () => {
    const agency = agencies[1]!;
    const pending = run(agency, -30, { status: 'queued', checked: 0, passed: 0, finished_at: null });
    await insert([pending]);
    const since = new Date(START + 31 * DAY).toISOString();
    const due = await new LinkRepository(context.db.kysely).runsSince(since);
    const wanted = agencies
      .map((a) => {
        const own = runs.filter(
          (r) => r.agency_id === a.id && (r.created_at >= since || r.status === 'queued' || r.status === 'running'),
        );
        if (!own.length) return null;
        return {
          agency_id: a.id,
          fiscal_year: YEAR,
          last_run_at: own
            .map((r) => r.created_at)
            .sort()
            .at(-1)!,
          pending: own.some((r) => r.status === 'queued' || r.status === 'running'),
        };
      })
      .filter((r) => r !== null);
    expect([...due].sort((a, b) => a.agency_id - b.agency_id)).toEqual(wanted);
    expect(due.find((r) => r.agency_id === agency.id)!.pending).toBe(true);
  });

  it('is rebuilt by a restore, and goes with its agency', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'prongsai-latest-'));
    const target = await database.open();
    try {
      const file = join(folder, 'backup.jsonl.gz');
      await writeBackup(context.db, file);
      await restoreBackup(target, await openBackup(file));
      const kept = (db: typeof target.kysely) =>
        db.selectFrom('link_check_latest').selectAll().orderBy('agency_id').orderBy('fiscal_year').execute();
      expect(await kept(target.kysely)).toEqual(await kept(context.db.kysely));
      expect((await kept(target.kysely)).map((k) => k.run_id)).toEqual(
        newestDone()
          .sort((a, b) => a.agency_id - b.agency_id)
          .map((r) => r.id),
      );
      const gone = agencies[3]!;
      await target.kysely.deleteFrom('agencies').where('id', '=', gone.id).execute();
      expect((await kept(target.kysely)).map((k) => k.agency_id)).not.toContain(gone.id);
    } finally {
      await target.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
