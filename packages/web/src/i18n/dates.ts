import { withDigits } from './digits';
import { fiscalYearOf, fiscalYearRange, formatThaiDate } from '@prongsai/core/thai';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A calendar date in the Buddhist Era: Thai month names in Thai, English ones in English. */
export function formatDate(date: { year: number; month: number; day: number }, lang: string): string {
  if (lang === 'th') return withDigits(formatThaiDate(date), lang);
  return `${date.day} ${EN_MONTHS[date.month - 1]} ${date.year + 543} BE`;
}

/** Today's calendar date in Bangkok. */
export function todayInBangkok(): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [year, month, day] = parts.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** A stored timestamp (UTC ISO) as a Bangkok date and time, Buddhist Era. */
export function formatTimestamp(iso: string, lang: string): string {
  const d = new Date(iso);
  const fields = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: string) => Number(fields.find((f) => f.type === type)?.value);
  const time = `${String(get('hour')).padStart(2, '0')}:${String(get('minute')).padStart(2, '0')}`;
  return `${formatDate({ year: get('year'), month: get('month'), day: get('day') }, lang)} ${withDigits(time, lang)}`;
}

export { fiscalYearOf, fiscalYearRange };

/** An ISO date (YYYY-MM-DD) as the language writes it. */
export function formatIsoDate(iso: string, lang: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return formatDate({ year: year!, month: month!, day: day! }, lang);
}
