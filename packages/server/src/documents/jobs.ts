import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db/database.js';
import type { Database, DocumentJob } from '../db/schema.js';

/** A job whose instance has not said it is alive for this long is taken as dead. */
export const STALE_AFTER_MS = 60_000;
/** A job that killed its instance this many times is not tried again. */
export const MAX_ATTEMPTS = 3;

export interface JobError {
  message: string;
  messageTh: string;
}

export interface NewJob {
  agencyId: number;
  requestedBy: number | null;
  request: unknown;
  fileName: string;
  format: string;
}

export type JobWork = (job: DocumentJob, progress: (fraction: number) => void) => Promise<{ hash: string; bytes: number }>;

/**
 * Document jobs kept in the database: queued by any instance, claimed by one (row locks with
 * SKIP LOCKED on PostgreSQL; SQLite has one writer), with a heartbeat, so a restart or a second
 * instance resumes what was queued and a job whose instance died is retried or failed visibly.
 */
export class DocumentJobs {
  readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
    private readonly work: JobWork,
    private readonly pollMs = 2000,
  ) {}

  /** Takes over jobs of dead instances and starts polling for queued ones. */
  async start(): Promise<void> {
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

  async enqueue(job: NewJob): Promise<DocumentJob> {
    const row = await this.db
      .insertInto('document_jobs')
      .values({
        id: randomUUID(),
        agency_id: job.agencyId,
        requested_by: job.requestedBy,
        request: JSON.stringify(job.request),
        file_name: job.fileName,
        format: job.format,
        status: 'queued',
        progress: 0,
        attempts: 0,
        hash: null,
        bytes: null,
        error: null,
        worker: null,
        heartbeat_at: null,
        created_at: new Date().toISOString(),
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.kick();
    return row;
  }

  get(id: string): Promise<DocumentJob | undefined> {
    return this.db.selectFrom('document_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Resolves when nothing is queued or running here (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      await this.running;
      const left = await this.db
        .selectFrom('document_jobs')
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
    const dead = await this.db
      .selectFrom('document_jobs')
      .selectAll()
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', stale)]))
      .execute();
    for (const job of dead) {
      const failed = job.attempts >= MAX_ATTEMPTS;
      await this.db
        .updateTable('document_jobs')
        .set(
          failed
            ? {
                status: 'failed',
                finished_at: new Date(at).toISOString(),
                error: JSON.stringify({
                  message: `the server stopped while making this document (${job.attempts} tries)`,
                  messageTh: 'ระบบหยุดทำงานระหว่างสร้างเอกสารหลายครั้ง กรุณาสั่งสร้างใหม่',
                } satisfies JobError),
              }
            : { status: 'queued', worker: null, heartbeat_at: null, progress: 0 },
        )
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where((eb) => (job.worker === null ? eb('worker', 'is', null) : eb('worker', '=', job.worker)))
        .execute();
    }
    return dead.length;
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const job = await this.claim();
      if (!job) return;
      await this.run(job);
    }
  }

  private async claim(): Promise<DocumentJob | undefined> {
    const at = new Date().toISOString();
    const next =
      this.engine === 'postgres'
        ? sql`(select id from document_jobs where status = 'queued' order by created_at limit 1 for update skip locked)`
        : sql`(select id from document_jobs where status = 'queued' order by created_at limit 1)`;
    const claimed = await sql<DocumentJob>`
      update document_jobs
      set status = 'running', worker = ${this.worker}, heartbeat_at = ${at}, attempts = attempts + 1
      where id = ${next} and status = 'queued'
      returning *`.execute(this.db);
    return claimed.rows[0];
  }

  private async run(job: DocumentJob): Promise<void> {
    let progress = 0;
    const beat = setInterval(() => {
      void this.db
        .updateTable('document_jobs')
        .set({ heartbeat_at: new Date().toISOString(), progress })
        .where('id', '=', job.id)
        .where('worker', '=', this.worker)
        .execute()
        .catch(() => {});
    }, STALE_AFTER_MS / 4);
    beat.unref();
    try {
      const done = await this.work(job, (fraction) => {
        progress = Math.round(fraction * 100);
        void this.db
          .updateTable('document_jobs')
          .set({ progress })
          .where('id', '=', job.id)
          .where('status', '=', 'running')
          .execute()
          .catch(() => {});
      });
      await this.finish(job, { status: 'done', progress: 100, hash: done.hash, bytes: done.bytes });
    } catch (error) {
      const e = error as Error & { th?: string };
      await this.finish(job, {
        status: 'failed',
        error: JSON.stringify({ message: e.message, messageTh: e.th ?? 'สร้างเอกสารไม่สำเร็จ' } satisfies JobError),
      });
    } finally {
      clearInterval(beat);
    }
  }

  private async finish(job: DocumentJob, changes: Partial<DocumentJob>): Promise<void> {
    await this.db
      .updateTable('document_jobs')
      .set({ ...changes, finished_at: new Date().toISOString() })
      .where('id', '=', job.id)
      .where('worker', '=', this.worker)
      .execute();
  }
}
