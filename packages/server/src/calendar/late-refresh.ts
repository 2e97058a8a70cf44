import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { keepLateYear, onLateKeepingFailure, settleLateKeeping } from './late-kept.js';
import { CalendarRepository } from './repository.js';

/**
 * Keeps the late states of every kept year that changed, in the background: what a city-wide read
 * leaves (more changed agencies than LATE_KEPT_PER_READ, a year-wide date, a year never kept).
 * Every instance may run one; the years are kept one transaction at a time.
 */
export class LateRefresh {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: { enabled: boolean; everyMs: number },
    private readonly onError: (error: unknown) => void,
  ) {
    onLateKeepingFailure(db, onError);
  }

  start(): void {
    if (!this.settings.enabled || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.settings.everyMs);
    this.timer.unref();
    void this.tick();
  }

  /** Stops the schedule and waits for what is being kept, the reads' background work among it. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    await settleLateKeeping(this.db);
  }

  /** Keeps every kept year waiting for changes; a tick while the last one still runs does nothing. Answers how many years. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = (async () => {
      let kept = 0;
      for (const fiscalYear of await new CalendarRepository(this.db).latePendingYears()) {
        await keepLateYear(this.db, fiscalYear);
        kept++;
      }
      return kept;
    })()
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
