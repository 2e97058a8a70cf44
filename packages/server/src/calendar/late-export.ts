import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { milestoneTh, type Milestone } from '@prongsai/core';
import { kindsResolver } from '../agencies/kinds-service.js';
import { authorize, overseen, type Actor } from '../auth/policy.js';
import type { Database } from '../db/schema.js';
import type { CsvValue } from '../exports/csv.js';
import { agenciesAfter } from '../exports/repository.js';
import { csvStream, EXPORT_CHUNK, xlsxStream } from '../exports/stream.js';
import { CalendarService, daysBetween } from './service.js';

/** Documented columns of the late-milestones export (CSV and XLSX alike). */
export const LATE_COLUMNS = ['milestone', 'milestone_th', 'agency', 'agency_th', 'due_on', 'days_late'] as const;

/**
 * The late rows of every agency in scope, a page of agencies (by code) at a time, each page in one
 * query: within a page, milestone by milestone as the view lists them, each page's agencies in code order;
 * each milestone named for its agency's kind.
 */
async function* lateRecords(
  db: Kysely<Database>,
  within: readonly number[] | undefined,
  fiscalYear: number,
  today: string,
  only: Milestone | undefined,
): AsyncGenerator<CsvValue[][]> {
  const calendar = new CalendarService(db);
  await calendar.keepLate(fiscalYear);
  const resolve = await kindsResolver(db);
  let after: string | null = null;
  for (;;) {
    const agencies = await agenciesAfter(db, within, after, EXPORT_CHUNK);
    if (agencies.length === 0) return;
    const rows = await calendar.lateOf(
      agencies.map((a) => a.id),
      fiscalYear,
      today,
      only,
    );
    yield rows.map((r) => [
      r.milestone,
      milestoneTh(r.milestone as Milestone, resolve(r.kind)),
      r.slug,
      r.name_th,
      r.due_on,
      daysBetween(r.due_on, today),
    ]);
    after = agencies.at(-1)!.code;
    if (agencies.length < EXPORT_CHUNK) return;
  }
}

/**
 * Every agency the central user oversees that is late on a milestone of the year (one milestone
 * when given), as a CSV or XLSX stream written as the agencies are read, a page at a time.
 */
export function lateExport(
  db: Kysely<Database>,
  actor: Actor,
  fiscalYear: number,
  today: string,
  only: Milestone | undefined,
  format: 'csv' | 'xlsx',
): Readable {
  authorize(actor, 'cityResults', 'read', undefined);
  const batches = lateRecords(db, overseen(actor), fiscalYear, today, only);
  // UTF-8 CSV with a BOM so that Excel opens Thai correctly; names guarded against formulas.
  if (format === 'csv') return csvStream(LATE_COLUMNS, batches);
  return xlsxStream({ name: `ITA ${fiscalYear} late`, columns: LATE_COLUMNS, batches });
}
