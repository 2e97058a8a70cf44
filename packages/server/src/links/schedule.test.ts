import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkCheckConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { bareApp, type Factory } from '../test-support/factories.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { dueChecklists, lastDue, offsetOf, perTick } from './schedule.js';
import { LinkChecks } from './service.js';

const HOUR = 3600_000;

describe('the offsets of the scheduled link checks', () => {
  it('puts each checklist at a stable offset within the interval, and its due moments an interval apart', () => {
    const interval = 24 * HOUR;
    expect(offsetOf(7, 2567, interval)).toBe(offsetOf(7, 2567, interval));
    const offsets = Array.from({ length: 2000 }, (_, i) => offsetOf(i + 1, 2567, interval));
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(interval);
    // Spread over the interval: every hour of the day holds some, none holds many more than its share.
    const perHour = Array.from({ length: 24 }, (_, h) => offsets.filter((o) => Math.floor(o / HOUR) === h).length);
    expect(Math.min(...perHour)).toBeGreaterThan(2000 / 24 / 2);
    expect(Math.max(...perHour)).toBeLessThan((2000 / 24) * 1.5);
    const at = Date.parse('2026-01-01T05:00:00Z');
    const due = lastDue(offsets[0]!, interval, at);
    expect(due).toBeLessThanOrEqual(at);
    expect(at - due).toBeLessThan(interval);
    expect(lastDue(offsets[0]!, interval, due + interval)).toBe(due + interval);
  });

  it('queues at most a bounded batch per tick, the longest waiting first', () => {
    const schedule = { intervalMs: 24 * HOUR, tickMs: HOUR };
    const never = Array.from({ length: 240 }, (_, i) => ({
      agency_id: i + 1,
      fiscal_year: 2567,
      last_run_at: null,
      pending: false,
    }));
    const due = dueChecklists(never, schedule, Date.parse('2026-01-01T00:00:00Z'));
    expect(due.length).toBe(perTick(240, schedule));
    expect(due.length).toBe(20);
    expect(due.map((d) => d.dueAt)).toEqual([...due.map((d) => d.dueAt)].sort((a, b) => a - b));
  });
});

describe.each(TEST_DATABASES)('the scheduled link checks of many agencies on $engine', (database) => {
  let db: Db;
  let make: Factory;
  let close: () => Promise<void>;
  let checks: LinkChecks;
  const agencies: number[] = [];
  const year = 2567;
  const interval = 24 * HOUR;
  const tick = HOUR;

  beforeAll(async () => {
    ({ db, make, close } = await bareApp(database));
    for (let i = 0; i < 60; i++) {
      const agency = await make.agency();
      agencies.push(agency.id);
      const at = new Date().toISOString();
      const checklist = await db.kysely
        .insertInto('oit_checklists')
        .values({
          agency_id: agency.id,
          fiscal_year: year,
          framework_id: 'test',
          approved_by: null,
          approved_at: null,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const task = await db.kysely
        .insertInto('oit_tasks')
        .values({
          checklist_id: checklist.id,
          agency_id: agency.id,
          item_code: 'O1',
          carry: 'new',
          status: 'todo',
          due_date: null,
          review_comment: null,
          updated_by: null,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('oit_evidence')
        .values({
          task_id: task.id,
          agency_id: agency.id,
          division_id: null,
          position: 1,
          kind: 'link',
          title: 'structure',
          note: '',
          url: `https://agency-${agency.id}.example/structure`,
          stored_name: null,
          file_name: null,
          mime: null,
          bytes: 0,
          created_by: null,
          created_at: at,
        })
        .execute();
    }
    // The queue is stopped: runs are queued and never fetched; the test marks them done itself.
    checks = new LinkChecks(db.kysely, db.engine, { ...linkCheckConfig({}), everyHours: 24 }, 2000, tick);
    await checks.stop();
  });
  afterAll(async () => close());

  it('spreads the checks of 60 agencies over the day, each checked once per interval', async () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const cap = perTick(60, { intervalMs: interval, tickMs: tick });
    const queuedPerTick: number[] = [];
    for (let at = start; at <= start + 3 * interval; at += tick) {
      queuedPerTick.push(await checks.enqueueDue(at));
      await db.kysely
        .updateTable('link_check_runs')
        .set({ status: 'done', finished_at: new Date(at).toISOString() })
        .where('status', '=', 'queued')
        .execute();
    }
    // Never all at once, not even at the first start: at most the batch of a tick.
    expect(Math.max(...queuedPerTick)).toBeLessThanOrEqual(cap);
    expect(cap).toBeLessThan(60);
    const runs = await db.kysely.selectFrom('link_check_runs').select(['agency_id', 'created_at', 'trigger']).execute();
    expect(runs.every((r) => r.trigger === 'schedule')).toBe(true);
    for (const day of [1, 2]) {
      const from = start + day * interval;
      const inDay = runs.filter((r) => Date.parse(r.created_at) > from && Date.parse(r.created_at) <= from + interval);
      // Each agency once in the interval, at its own hour: the day's ticks share the checks.
      expect(inDay.map((r) => r.agency_id).sort((a, b) => a - b)).toEqual(agencies);
      const hours = new Set(inDay.map((r) => r.created_at));
      expect(hours.size).toBeGreaterThanOrEqual(15);
      const perHour = [...hours].map((h) => inDay.filter((r) => r.created_at === h).length);
      expect(Math.max(...perHour)).toBeLessThanOrEqual(cap);
    }
    // A check queued by hand since its due moment is not repeated by the schedule.
    const [first] = agencies;
    const afterwards = start + 3 * interval + tick;
    await db.kysely
      .updateTable('link_check_runs')
      .set({ created_at: new Date(afterwards).toISOString() })
      .where('agency_id', '=', first!)
      .execute();
    await checks.enqueueDue(afterwards);
    const own = await db.kysely.selectFrom('link_check_runs').select('id').where('agency_id', '=', first!).execute();
    expect(own.length).toBe(runs.filter((r) => r.agency_id === first).length);
  });
});
