import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** A job whose instance has not said it is alive for this long is taken as dead. */
export const STALE_AFTER_MS = 60_000;
/** A job that killed its instance this many times is not tried again. */
export const MAX_ATTEMPTS = 3;

/** Tables of background jobs: each has these columns besides its own. */
export type QueueTable = 'document_jobs' | 'link_check_runs' | 'reminder_jobs';

export interface QueuedRow {
  id: string;
  status: string;
  attempts: number;
  worker: string | null;
  heartbeat_at: string | null;
  created_at: string;
}

export interface QueueHandlers<Row extends QueuedRow> {
  /** Does the job; answers the columns to set on the row when it is done. `beat` writes progress columns. */
  run(row: Row, update: (changes: Record<string, unknown>) => void): Promise<Record<string, unknown>>;
  /** The columns of a job that failed with this error. */
  failed(error: unknown): Record<string, unknown>;
  /** The columns of a job whose instance died too often while running it. */
  abandoned(row: Row): Record<string, unknown>;
  /** The columns reset when a job of a dead instance is queued again. */
  requeued: Record<string, unknown>;
}

/**
 * Background jobs kept in the database: queued by any instance, claimed by one (row locks with
 * SKIP LOCKED on PostgreSQL; SQLite has one writer), with a heartbeat, so a restart or a second
 * instance resumes what was queued and a job whose instance died is retried or failed visibly.
 */
export class DurableQueue<Row extends QueuedRow> {
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly table: QueueTable,
    private readonly handlers: QueueHandlers<Row>,
    private readonly pollMs = 2000,
  ) {}

  // Every queue table has the queue columns; Kysely sees them through the document jobs' type.
  private get rows() {
    return this.table as 'document_jobs';
  }

  /** Takes over jobs of dead instances and starts polling for queued ones. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.recover();
    this.timer = setInterval(() => {
      void this.recover()
        .then(() => this.kick())
        .catch(() => {});
    }, this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Starts working if it is not already (after a job was queued). */
  kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      await this.running;
      const left = await this.db
        .selectFrom(this.rows)
        .select('id')
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      if (!left) return;
      this.kick();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Jobs left `running` by an instance that stopped: queued again, or failed after too many tries. */
  async recover(at = Date.now()): Promise<number> {
    const stale = new Date(at - STALE_AFTER_MS).toISOString();
    const dead = (await this.db
      .selectFrom(this.rows)
      .selectAll()
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', stale)]))
      .execute()) as unknown as Row[];
    for (const job of dead) {
      const abandoned = job.attempts >= MAX_ATTEMPTS;
      await this.db
        .updateTable(this.rows)
        .set(
          abandoned
            ? { status: 'failed', finished_at: new Date(at).toISOString(), ...this.handlers.abandoned(job) }
            : { status: 'queued', worker: null, heartbeat_at: null, ...this.handlers.requeued },
        )
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where((eb) => (job.worker === null ? eb('worker', 'is', null) : eb('worker', '=', job.worker)))
        .execute();
    }
    return dead.length;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const job = await this.claim();
      if (!job) return;
      await this.run(job);
    }
  }

  private async claim(): Promise<Row | undefined> {
    const at = new Date().toISOString();
    const table = sql.table(this.table);
    const next =
      this.engine === 'postgres'
        ? sql`(select id from ${table} where status = 'queued' order by created_at limit 1 for update skip locked)`
        : sql`(select id from ${table} where status = 'queued' order by created_at limit 1)`;
    const claimed = await sql<Row>`
      update ${table}
      set status = 'running', worker = ${this.worker}, heartbeat_at = ${at}, attempts = attempts + 1
      where id = ${next} and status = 'queued'
      returning *`.execute(this.db);
    return claimed.rows[0];
  }

  private async run(job: Row): Promise<void> {
    let pending: Record<string, unknown> = {};
    const beat = setInterval(() => {
      void this.db
        .updateTable(this.rows)
        .set({ heartbeat_at: new Date().toISOString(), ...pending })
        .where('id', '=', job.id)
        .where('worker', '=', this.worker)
        .execute()
        .catch(() => {});
    }, STALE_AFTER_MS / 4);
    beat.unref();
    try {
      const done = await this.handlers.run(job, (changes) => {
        pending = { ...pending, ...changes };
        void this.db
          .updateTable(this.rows)
          .set(changes)
          .where('id', '=', job.id)
          .where('status', '=', 'running')
          .execute()
          .catch(() => {});
      });
      await this.finish(job, { status: 'done', ...done });
    } catch (error) {
      await this.finish(job, { status: 'failed', ...this.handlers.failed(error) });
    } finally {
      clearInterval(beat);
    }
  }

  private async finish(job: Row, changes: Record<string, unknown>): Promise<void> {
    await this.db
      .updateTable(this.rows)
      .set({ ...changes, finished_at: new Date().toISOString() })
      .where('id', '=', job.id)
      .where('worker', '=', this.worker)
      .execute();
  }
}
