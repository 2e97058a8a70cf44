import { fiscalYearOf } from '@prongsai/core';

/** The Buddhist-Era fiscal year a Bangkok day (YYYY-MM-DD, today by default) falls in. */
export function fiscalYearOfDay(day = todayInBangkok()): number {
  const [year, month] = day.split('-').map(Number);
  return fiscalYearOf({ year: year!, month: month! });
}

// One formatter for the process: building one per call costs time and memory on every round of a list.
const bangkokDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Bangkok's calendar day of an instant (now by default), as YYYY-MM-DD: due dates and rounds go by it. */
export function todayInBangkok(at = Date.now()): string {
  return bangkokDay.format(at);
}
