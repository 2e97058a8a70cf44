import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { LINK_VERDICT_TH, type LinkVerdict } from '@prongsai/core';
import { authorize, type Actor } from '../auth/policy.js';
import { linkCheckConfig, type LinkCheckConfig } from '../config.js';
import type { Engine } from '../db/database.js';
import { lockRow } from '../db/locks.js';
import type { Agency, Database, LinkCheckLatest, LinkCheckRun, LinkResult } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { DurableQueue } from '../jobs/durable-queue.js';
import { OitRepository } from '../oit/repository.js';
import { checkLinks } from './checker.js';
import { allowList, type FetchPolicy } from './fetch.js';
import { LinkRepository } from './repository.js';
import { dueChecklists, type LinkSchedule } from './schedule.js';
import type { linkResultSchema, linkRunSchema } from './schemas.js';

export const LINK_CHECKER_AGENT = 'Prongsai-LinkChecker/0.1 (OIT disclosure link check; +https://github.com/prongsai)';
/** How often the schedule looks for checklists due a check. */
export const SCHEDULE_TICK_MS = 10 * 60_000;

/** What a run shows of itself. */
type ShownRun = Pick<
  LinkCheckRun,
  'id' | 'fiscal_year' | 'trigger' | 'status' | 'total' | 'checked' | 'passed' | 'created_at' | 'finished_at' | 'error'
>;

/** A kept latest run (migration 0032) as the run it is: finished, so done and without error. */
export function keptRun(kept: LinkCheckLatest): ShownRun {
  const { run_id, fiscal_year, trigger, total, checked, passed, created_at, finished_at } = kept;
  return { id: run_id, fiscal_year, trigger, status: 'done', total, checked, passed, created_at, finished_at, error: null };
}

export function presentRun(run: ShownRun): z.infer<typeof linkRunSchema> {
  return {
    id: run.id,
    fiscalYear: run.fiscal_year,
    trigger: run.trigger,
    status: run.status as z.infer<typeof linkRunSchema>['status'],
    total: run.total,
    checked: run.checked,
    passed: run.passed,
    createdAt: run.created_at,
    finishedAt: run.finished_at,
    error: run.error ? (JSON.parse(run.error) as { message: string; messageTh: string }) : null,
  };
}

export function presentResult(row: LinkResult): z.infer<typeof linkResultSchema> & { verdict: LinkVerdict } {
  return {
    url: row.url,
    ok: row.ok === 1,
    verdict: row.verdict as LinkVerdict,
    verdictTh: LINK_VERDICT_TH[row.verdict as LinkVerdict] ?? row.verdict,
    statusCode: row.status_code,
    contentType: row.content_type,
    bytes: row.bytes,
    finalUrl: row.final_url,
    mentionsYear: row.mentions_year === null ? null : row.mentions_year === 1,
    detail: row.detail,
    durationMs: row.duration_ms,
    checkedAt: row.checked_at,
  };
}

/**
 * The OIT link checker: runs on the durable queue (so a restart or a second instance resumes
 * them), on demand or every `everyHours` for each checklist with links, each checklist at its own
 * offset within the interval (links/schedule.ts), a bounded batch per tick.
 */
export class LinkChecks {
  private readonly queue: DurableQueue<LinkCheckRun>;
  private readonly policy: FetchPolicy;
  private readonly settings: LinkCheckConfig;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    engine: Engine,
    settings: LinkCheckConfig = linkCheckConfig(),
    pollMs = 2000,
    private readonly tickMs = SCHEDULE_TICK_MS,
  ) {
    this.settings = settings;
    this.policy = {
      allow: allowList(settings.allow),
      timeoutMs: settings.timeoutMs,
      maxBytes: settings.maxBytes,
      maxRedirects: 5,
      userAgent: LINK_CHECKER_AGENT,
      ...(settings.caFile ? { ca: [readFileSync(settings.caFile, 'utf8')] } : {}),
    };
    this.queue = new DurableQueue<LinkCheckRun>(
      db,
      engine,
      'link_check_runs',
      {
        run: (run, update) => this.run(run, update),
        failed: (error) => ({
          error: JSON.stringify({ message: (error as Error).message, messageTh: 'ตรวจลิงก์ไม่สำเร็จ กรุณาสั่งตรวจใหม่' }),
        }),
        abandoned: (run) => ({
          error: JSON.stringify({
            message: `the server stopped while checking links (${run.attempts} tries)`,
            messageTh: 'ระบบหยุดทำงานระหว่างตรวจลิงก์หลายครั้ง กรุณาสั่งตรวจใหม่',
          }),
        }),
        requeued: { checked: 0, passed: 0 },
      },
      pollMs,
    );
  }

  async start(): Promise<void> {
    await this.queue.start();
    if (this.settings.everyHours > 0) {
      this.timer = setInterval(() => void this.enqueueDue().catch(() => {}), this.tickMs);
      this.timer.unref();
      void this.enqueueDue().catch(() => {});
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** The schedule of the checks (every `everyHours`, looked at every tick). */
  get schedule(): LinkSchedule {
    return { intervalMs: this.settings.everyHours * 3600_000, tickMs: this.tickMs };
  }

  /** Queues a check of a checklist's links (the secretariat), unless one is queued or running already. */
  async request(actor: Actor | null, agency: Agency, fiscalYear: number) {
    if (actor) authorize(actor, 'oitChecklist', 'manage', { agencyId: agency.id });
    return this.enqueue(agency.id, fiscalYear, actor?.id ?? null, 'manual', '9999', Date.now());
  }

  /**
   * Queues a check unless one is queued or running, or (scheduled) one was created since `since`;
   * decided under the agency's row lock, so two instances never queue the same check twice.
   */
  private async enqueue(
    agencyId: number,
    fiscalYear: number,
    requestedBy: number | null,
    trigger: 'manual' | 'schedule',
    since: string,
    at: number,
  ) {
    const checklist = await new OitRepository(this.db).findChecklist(agencyId, fiscalYear);
    if (!checklist) throw badRequest('no OIT checklist for this year', 'ยังไม่มีรายการ OIT ของปีนี้');
    const run = await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agencyId);
      const repository = new LinkRepository(trx);
      const recent = await repository.recentRun(agencyId, fiscalYear, since);
      if (recent) return { run: recent, queued: false };
      const urls = await new OitRepository(trx).linkUrls(checklist.id);
      const row = await repository.insertRun({
        id: randomUUID(),
        agency_id: agencyId,
        fiscal_year: fiscalYear,
        trigger,
        requested_by: requestedBy,
        status: 'queued',
        total: urls.length,
        checked: 0,
        passed: 0,
        attempts: 0,
        error: null,
        worker: null,
        heartbeat_at: null,
        created_at: new Date(at).toISOString(),
        finished_at: null,
      });
      return { run: row, queued: true };
    });
    this.queue.kick();
    return run;
  }

  /**
   * One tick of the schedule at `at`: queues the checks of the checklists with links that fell due
   * (each at its offset within the interval) and have not been checked since, the longest waiting
   * first, a bounded batch per tick. Answers how many it queued.
   */
  async enqueueDue(at = Date.now()): Promise<number> {
    const schedule = this.schedule;
    if (schedule.intervalMs <= 0) return 0;
    const runs = new Map(
      (await new LinkRepository(this.db).runsSince(new Date(at - schedule.intervalMs).toISOString())).map((r) => [
        `${r.agency_id}:${r.fiscal_year}`,
        r,
      ]),
    );
    const checklists = (await new OitRepository(this.db).checklistsWithLinks()).map((c) => {
      const run = runs.get(`${c.agency_id}:${c.fiscal_year}`);
      return { ...c, last_run_at: run?.last_run_at ?? null, pending: run?.pending ?? false };
    });
    let queued = 0;
    for (const due of dueChecklists(checklists, schedule, at)) {
      const since = new Date(due.dueAt).toISOString();
      if ((await this.enqueue(due.agencyId, due.fiscalYear, null, 'schedule', since, at)).queued) queued++;
    }
    return queued;
  }

  private async run(run: LinkCheckRun, update: (changes: Record<string, unknown>) => void): Promise<Record<string, unknown>> {
    const checklist = await new OitRepository(this.db).findChecklist(run.agency_id, run.fiscal_year);
    const urls = checklist ? await new OitRepository(this.db).linkUrls(checklist.id) : [];
    let checked = 0;
    let passed = 0;
    update({ total: urls.length });
    const repository = new LinkRepository(this.db);
    await checkLinks(urls, run.fiscal_year, this.policy, this.settings, async (url, result) => {
      await repository.insertResult({
        run_id: run.id,
        agency_id: run.agency_id,
        fiscal_year: run.fiscal_year,
        url,
        ok: result.ok ? 1 : 0,
        verdict: result.verdict,
        status_code: result.facts.status,
        content_type: result.facts.contentType?.slice(0, 255) ?? null,
        bytes: result.facts.bytes,
        final_url: result.facts.finalUrl,
        mentions_year: result.mentionsYear === null ? null : result.mentionsYear ? 1 : 0,
        detail: result.facts.detail ?? null,
        duration_ms: result.durationMs,
        checked_at: new Date().toISOString(),
      });
      checked++;
      if (result.ok) passed++;
      update({ checked, passed });
    });
    return { total: urls.length, checked, passed };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    linkChecks: LinkChecks;
  }
}
