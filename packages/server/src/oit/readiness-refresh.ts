import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { OitService } from './service.js';

/**
 * Keeps stale OIT readiness up to date in the background, a batch at a time: what a city-wide read
 * leaves to it (see READINESS_KEPT_PER_READ). Every instance may run one; keeping a row twice is harmless.
 */
export class ReadinessRefresh {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dataDir: string,
    private readonly settings: { enabled: boolean; everyMs: number; batch: number },
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (!this.settings.enabled || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.settings.everyMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One batch; a tick while the last one still runs does nothing. Answers how many were kept. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = new OitService(this.db, this.dataDir)
      .refreshStaleReadiness(this.settings.batch)
      .catch((error: unknown) => {
        this.onError(error);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
