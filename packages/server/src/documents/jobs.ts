import type { Kysely } from 'kysely';
import type { Engine } from '../db/database.js';
import type { Database, DocumentJob } from '../db/schema.js';
import { DurableQueue } from '../jobs/durable-queue.js';
import { DocumentJobRepository, type NewDocumentJob } from './repository.js';

export { MAX_ATTEMPTS, STALE_AFTER_MS } from '../jobs/durable-queue.js';

export interface JobError {
  message: string;
  messageTh: string;
}

export type NewJob = NewDocumentJob;

export type JobWork = (job: DocumentJob, progress: (fraction: number) => void) => Promise<{ hash: string; bytes: number }>;

/** Document jobs, on the durable queue: a restart or a second instance resumes what was queued. */
export class DocumentJobs {
  private readonly queue: DurableQueue<DocumentJob>;
  private readonly repository: DocumentJobRepository;

  constructor(db: Kysely<Database>, engine: Engine, work: JobWork, pollMs = 2000) {
    this.repository = new DocumentJobRepository(db);
    this.queue = new DurableQueue<DocumentJob>(
      db,
      engine,
      'document_jobs',
      {
        run: async (job, update) => {
          const done = await work(job, (fraction) => update({ progress: Math.round(fraction * 100) }));
          return { progress: 100, hash: done.hash, bytes: done.bytes };
        },
        failed: (error) => {
          const e = error as Error & { th?: string };
          return { error: JSON.stringify({ message: e.message, messageTh: e.th ?? 'สร้างเอกสารไม่สำเร็จ' } satisfies JobError) };
        },
        abandoned: (job) => ({
          error: JSON.stringify({
            message: `the server stopped while making this document (${job.attempts} tries)`,
            messageTh: 'ระบบหยุดทำงานระหว่างสร้างเอกสารหลายครั้ง กรุณาสั่งสร้างใหม่',
          } satisfies JobError),
        }),
        requeued: { progress: 0 },
      },
      pollMs,
    );
  }

  get worker(): string {
    return this.queue.worker;
  }

  start(): Promise<void> {
    return this.queue.start();
  }

  stop(): Promise<void> {
    return this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  recover(at = Date.now()): Promise<number> {
    return this.queue.recover(at);
  }

  async enqueue(job: NewJob): Promise<DocumentJob> {
    const row = await this.repository.insert(job);
    this.queue.kick();
    return row;
  }

  /** Wakes the queue after jobs were inserted without `enqueue` (a batch's, in one statement). */
  kick(): void {
    this.queue.kick();
  }

  get(id: string): Promise<DocumentJob | undefined> {
    return this.repository.find(id);
  }
}
