import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { PeriodicWork } from '../jobs/periodic.js';
import { keepLateYear, onLateKeepingFailure, settleLateKeeping } from './late-kept.js';
import { CalendarRepository } from './repository.js';

/**
 * Keeps the late states of every kept year that changed, in the background: what a city-wide read
 * leaves (more changed agencies than LATE_KEPT_PER_READ, a year-wide date, a year never kept).
 * Every instance may run one; the years are kept one transaction at a time. A tick answers how many years it kept.
 */
export class LateRefresh extends PeriodicWork {
  constructor(
    private readonly db: Kysely<Database>,
    settings: { enabled: boolean; everyMs: number },
    onError: (error: unknown) => void,
  ) {
    super(
      async () => {
        let kept = 0;
        for (const fiscalYear of await new CalendarRepository(db).latePendingYears()) {
          await keepLateYear(db, fiscalYear);
          kept++;
        }
        return kept;
      },
      settings,
      onError,
    );
    onLateKeepingFailure(db, onError);
  }

  /** Stops the schedule and waits for what is being kept, the reads' background work among it. */
  override async stop(): Promise<void> {
    await super.stop();
    await settleLateKeeping(this.db);
  }
}
