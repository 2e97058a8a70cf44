import { createHash } from 'node:crypto';

/**
 * When the scheduled link checks fall due: each agency's checklist of a year at its own stable
 * offset within the interval (from a hash of the agency and year), so that the country's checks
 * are spread evenly over the interval instead of all starting at once.
 */
export interface LinkSchedule {
  /** How often each checklist is checked. */
  intervalMs: number;
  /** How often the schedule looks for checks due. */
  tickMs: number;
}

/** The checklist's offset within the interval, the same on every instance and every start. */
export function offsetOf(agencyId: number, fiscalYear: number, intervalMs: number): number {
  const digest = createHash('sha256').update(`${agencyId}:${fiscalYear}`).digest();
  return Math.floor((digest.readUInt32BE(0) / 0x1_0000_0000) * intervalMs);
}

/** The latest moment at or before `at` when the checklist fell due (its offset, plus whole intervals). */
export function lastDue(offset: number, intervalMs: number, at: number): number {
  return at - ((((at - offset) % intervalMs) + intervalMs) % intervalMs);
}

/**
 * The most checks one tick queues: twice the even share of a tick, so that ticks missed while
 * the server was down are caught up over the next ones instead of in one burst.
 */
export function perTick(checklists: number, schedule: LinkSchedule): number {
  return Math.max(1, Math.ceil((2 * checklists * schedule.tickMs) / schedule.intervalMs));
}

export interface ChecklistRuns {
  agency_id: number;
  fiscal_year: number;
  /** The newest run's creation (ISO), or null for none. */
  last_run_at: string | null;
  /** Whether a run is queued or running. */
  pending: boolean;
}

/**
 * The checklists to queue at `at`: those past their latest due moment with no run since (nor one
 * queued or running), the longest waiting first, at most `perTick` of them.
 */
export function dueChecklists(
  checklists: readonly ChecklistRuns[],
  schedule: LinkSchedule,
  at: number,
): { agencyId: number; fiscalYear: number; dueAt: number }[] {
  return checklists
    .map((c) => ({
      agencyId: c.agency_id,
      fiscalYear: c.fiscal_year,
      dueAt: lastDue(offsetOf(c.agency_id, c.fiscal_year, schedule.intervalMs), schedule.intervalMs, at),
      ran: c.last_run_at === null ? -Infinity : Date.parse(c.last_run_at),
      pending: c.pending,
    }))
    .filter((c) => !c.pending && c.ran < c.dueAt)
    .sort((a, b) => a.dueAt - b.dueAt || a.agencyId - b.agencyId || a.fiscalYear - b.fiscalYear)
    .slice(0, perTick(checklists.length, schedule))
    .map(({ agencyId, fiscalYear, dueAt }) => ({ agencyId, fiscalYear, dueAt }));
}
