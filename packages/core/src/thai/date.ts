import { fromThaiDigits, toThaiDigits } from './digits.js';

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

const MONTHS_TH_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** The month (1–12) a written month name stands for: Thai in full or abbreviated (with or without dots), or English. */
function monthOfName(name: string): number | undefined {
  const bare = name.replace(/[.\s]/g, '').toLowerCase();
  if (bare === '') return undefined;
  const thai = MONTHS_TH.findIndex((m) => m === bare);
  if (thai >= 0) return thai + 1;
  const short = MONTHS_TH_SHORT.findIndex((m) => m.replace(/\./g, '') === bare);
  if (short >= 0) return short + 1;
  const english = bare.length >= 3 ? MONTHS_EN.findIndex((m) => bare.startsWith(m)) : -1;
  return english >= 0 ? english + 1 : undefined;
}

/**
 * A year as typed: four digits in the Buddhist Era (above 2400) or the Christian era, or two
 * digits, which Thai officials write for the Buddhist Era (`31/01/70` is 2570). Answers the
 * Christian-era year.
 */
function christianYearOfTyped(year: string): number {
  const value = Number(year);
  if (year.length <= 2) return 2500 + value - BE_OFFSET;
  return value > 2400 ? value - BE_OFFSET : value;
}

/**
 * Reads a date as people type it in a Thai form, day first: `31/1/2570`, `31-01-70`,
 * `31 ม.ค. 2570`, `31 มกราคม พ.ศ. 2570`, `วันที่ ๓๑ มกราคม ๒๕๗๐`, `31 Jan 2027`, or an ISO
 * `2027-01-31`. Two-digit years are Buddhist Era; four-digit years above 2400 are Buddhist Era,
 * others Christian era. Answers `YYYY-MM-DD` (Christian era) or `null` for text that is not a
 * date that exists.
 *
 * @example parseTypedThaiDate('31 ม.ค. 2570') // '2027-01-31'
 * @example parseTypedThaiDate('31/01/70') // '2027-01-31'
 */
export function parseTypedThaiDate(text: string): string | null {
  const typed = fromThaiDigits(text)
    .normalize('NFC')
    .trim()
    .replace(/^วันที่\s*/, '')
    .replace(/\s+/g, ' ');
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(typed);
  const named = /^(\d{1,2}) ?([^\d\s][^\d]*?) ?(?:(?:พ\.ศ\.|ค\.ศ\.) ?)?(\d{4}|\d{2})$/.exec(typed);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) [day, month, year] = [Number(numeric[1]), Number(numeric[2]), christianYearOfTyped(numeric[3]!)];
  else if (named) {
    const namedMonth = monthOfName(named[2]!);
    if (namedMonth === undefined) return null;
    [day, month, year] = [Number(named[1]), namedMonth, christianYearOfTyped(named[3]!)];
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The fiscal years a year picker offers: every year from the earliest that has data (or the
 * current one) through the next fiscal year, and any later year that has data, newest first.
 * Nothing is fixed: in FY2575 it offers 2576, with or without data.
 *
 * @example offeredFiscalYears(2570, [2566, 2567]) // [2571, 2570, 2569, 2568, 2567, 2566]
 */
export function offeredFiscalYears(currentFiscalYear: number, withData: readonly number[] = []): number[] {
  const from = Math.min(currentFiscalYear, ...withData);
  const through = currentFiscalYear + 1;
  const range = Array.from({ length: through - from + 1 }, (_, i) => through - i);
  return [...new Set([...range, ...withData])].sort((a, b) => b - a);
}

/**
 * The last day (ISO) of the period a round reports on: 31 March for the six-month round, 30
 * September for the full year. Approving a round before then locks a period still running.
 *
 * @example roundEndsOn(6, 2570) // '2027-03-31'
 */
export function roundEndsOn(round: 6 | 12, fiscalYear: number): string {
  const year = fiscalYear - 543;
  return round === 6 ? `${year}-03-31` : `${year}-09-30`;
}

/**
 * The Buddhist-Era fiscal years a file's name or a pasted text names: "ปีงบประมาณ พ.ศ. ๒๕๖๗",
 * "ปีงบประมาณ 2567", "FY2567", or a bare 25xx in a file name (`ita-bangkhae-2567.xlsx`).
 * An import compares them with the year it is going into.
 *
 * @example fiscalYearsNamed('ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗') // [2567]
 */
export function fiscalYearsNamed(text: string, { bare = false } = {}): number[] {
  const ascii = fromThaiDigits(text);
  const pattern = bare ? /(?<!\d)(25[5-9]\d)(?!\d)/g : /(?:ปีงบประมาณ|FY)\s*(?:พ\.ศ\.\s*)?(25[5-9]\d)(?!\d)/gi;
  return [...new Set([...ascii.matchAll(pattern)].map((m) => Number(m[1])))].sort((a, b) => a - b);
}
