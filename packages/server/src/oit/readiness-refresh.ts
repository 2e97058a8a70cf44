import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { PeriodicWork } from '../jobs/periodic.js';
import { OitService } from './service.js';

/**
 * Keeps stale OIT readiness up to date in the background, a batch at a time: what a city-wide read
 * leaves to it (see READINESS_KEPT_PER_READ). Every instance may run one; keeping a row twice is harmless.
 * A tick answers how many rows it kept.
 */
export class ReadinessRefresh extends PeriodicWork {
  constructor(
    db: Kysely<Database>,
    dataDir: string,
    settings: { enabled: boolean; everyMs: number; batch: number },
    onError: (error: unknown) => void,
  ) {
    super(() => new OitService(db, dataDir).refreshStaleReadiness(settings.batch), settings, onError);
  }
}
