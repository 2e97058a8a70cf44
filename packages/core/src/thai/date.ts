import { toThaiDigits } from './digits.js';

const MONTHS_TH = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

/** Buddhist Era = Common Era + 543. */
export const BE_OFFSET = 543;

/**
 * A calendar date as Thai officials write it, in the Buddhist Era: `30 มกราคม 2568`.
 * Takes the date's calendar fields as given (no time-zone shift).
 *
 * @example formatThaiDate({ year: 2025, month: 1, day: 30 }) // '30 มกราคม 2568'
 */
export function formatThaiDate(date: { year: number; month: number; day: number }): string {
  return `${date.day} ${MONTHS_TH[date.month - 1] ?? '?'} ${date.year + BE_OFFSET}`;
}

/** An ISO date as Thai official documents print it: day, month and Buddhist year in Thai digits ("๓๑ มีนาคม ๒๕๖๘"). */
export function officialThaiDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return toThaiDigits(formatThaiDate({ year: year!, month: month!, day: day! }));
}

/**
 * The Buddhist-Era fiscal year a date falls in: fiscal year N runs 1 October of N−1 to
 * 30 September of N.
 *
 * @example fiscalYearOf({ year: 2024, month: 10, day: 1 }) // 2568
 */
export function fiscalYearOf(date: { year: number; month: number }): number {
  return date.year + BE_OFFSET + (date.month >= 10 ? 1 : 0);
}

/** First and last day (Common Era calendar fields) of a Buddhist-Era fiscal year. */
export function fiscalYearRange(fiscalYear: number): {
  start: { year: number; month: number; day: number };
  end: { year: number; month: number; day: number };
} {
  const ce = fiscalYear - BE_OFFSET;
  return { start: { year: ce - 1, month: 10, day: 1 }, end: { year: ce, month: 9, day: 30 } };
}
