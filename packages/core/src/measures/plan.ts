import { findWeakPoints } from '../analysis/weak-points.js';
import type { CompiledFramework } from '../framework/compile.js';
import type { ScoreResult } from '../scoring/engine.js';
import { fiscalYearRange } from '../thai/date.js';

/** How often a measure is followed up (การกำกับติดตาม). */
export const CADENCES = ['bimonthly', 'quarterly', 'semiannual', 'twice-yearly', 'custom'] as const;
export type Cadence = (typeof CADENCES)[number];

export const CADENCE_LABELS: Record<Cadence, { th: string; en: string }> = {
  bimonthly: { th: 'ทุก 2 เดือน', en: 'Every 2 months' },
  quarterly: { th: 'ทุกไตรมาส', en: 'Quarterly' },
  semiannual: { th: 'ทุก 6 เดือน', en: 'Every 6 months' },
  'twice-yearly': { th: 'ปีละ 2 ครั้ง', en: 'Twice a year' },
  custom: { th: 'อื่น ๆ', en: 'Other' },
};

/** The progress rounds of a fiscal year: the first six months and the full year. */
export const ROUNDS = {
  6: { th: 'รอบ 6 เดือนแรก (ตุลาคม–มีนาคม)', en: 'First six months (October–March)' },
  12: { th: 'รอบ 12 เดือน (ตุลาคม–กันยายน)', en: 'Full year (October–September)' },
} as const;
export type RoundKind = keyof typeof ROUNDS;

/**
 * The months a round covers, with their Buddhist-Era years, as the seeds' progress reports
 * head them: FY2567's six-month round is "รอบ 6 เดือนแรก (ตุลาคม 2566 – มีนาคม 2567)".
 */
export function roundPeriod(round: RoundKind, fiscalYear: number): string {
  const last = round === 6 ? 'มีนาคม' : 'กันยายน';
  return `รอบ ${round} เดือน${round === 6 ? 'แรก' : ''} (ตุลาคม ${fiscalYear - 1} – ${last} ${fiscalYear})`;
}

/** A photo's caption as printed after its own number: a number typed at its start is not printed twice. */
export function captionWithoutNumber(caption: string): string {
  // Seed captions carry one number or two ("01. ๑๑. …"), or a stray "." left where one was.
  return caption
    .replace(/^(?:\s*(?:ภาพที่\s*)?[0-9๐-๙]+\s*[.):])+\s*/, '')
    .replace(/^[\s.]+/, '')
    .trim();
}

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** First and last day of a Buddhist-Era fiscal year as ISO dates (`2023-10-01`, `2024-09-30`). */
export function fiscalYearIsoRange(fiscalYear: number): { start: string; end: string } {
  const range = fiscalYearRange(fiscalYear);
  return { start: iso(range.start), end: iso(range.end) };
}

/** A round's default due date: 30 April for the six-month round, 31 October after the year for the full year. */
export function defaultDueDate(fiscalYear: number, round: RoundKind): string {
  const ce = fiscalYear - 543;
  return round === 6 ? `${ce}-04-30` : `${ce}-10-31`;
}

/** Whether `start`–`end` (ISO dates) lie inside the fiscal year, in order. */
export function datesInFiscalYear(fiscalYear: number, start: string | null, end: string | null): boolean {
  const range = fiscalYearIsoRange(fiscalYear);
  const inside = (d: string | null) => d === null || (d >= range.start && d <= range.end);
  return inside(start) && inside(end) && (start === null || end === null || start <= end);
}

export interface DraftEntry {
  section: 'question' | 'indicator' | 'extra';
  questionCode: string | null;
  indicatorNumber: number | null;
  /** The assessment point as it was when planned: text and score are kept, not looked up again. */
  questionText: string | null;
  score: number | null;
  issue: string;
  measures: string[];
  targetScore: number | null;
}

/** One draft entry per question below the threshold (or with an item below it), in framework order. */
export function entriesFromWeakPoints(framework: CompiledFramework, result: ScoreResult, threshold?: number): DraftEntry[] {
  return findWeakPoints(framework, result, threshold).flat.map((point) => {
    const unit = framework.units.get(point.code);
    const text = unit?.kind === 'question' ? unit.data.text.th : (unit?.data.name?.th ?? null);
    // An item below the threshold is what is cited (as seed 001 cites I17's item 1 at 84.56),
    // with the published score where the results carry one.
    const item = point.reason === 'item' ? point.weakItems[0]! : null;
    const cited = item ? (result.items[item.key]?.published ?? item.score) : (result.units[point.code]?.published ?? point.score);
    return {
      section: 'question',
      questionCode: point.code,
      indicatorNumber: point.indicator,
      questionText: text,
      score: Math.round(cited * 100) / 100,
      issue: '',
      measures: [],
      targetScore: framework.data.analysisThreshold,
    };
  });
}

/** One draft entry per indicator, even when all score at or above the threshold (seed 002's plan). */
export function entriesPerIndicator(framework: CompiledFramework, result: ScoreResult): DraftEntry[] {
  return [...framework.indicators.values()].map((indicator) => {
    const score = result.indicators[String(indicator.number)]?.score;
    return {
      section: 'indicator',
      questionCode: null,
      indicatorNumber: indicator.number,
      questionText: indicator.data.name.th,
      score: score === undefined ? null : Math.round(score * 100) / 100,
      issue: '',
      measures: [],
      targetScore: null,
    };
  });
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Thai-aware search terms: words found by `Intl.Segmenter`, lower-cased, without spaces and punctuation. */
export function searchTerms(text: string): string[] {
  const terms: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.toLowerCase())) {
    if (isWordLike && segment.trim().length > 0) terms.push(segment.trim());
  }
  return terms;
}

/**
 * How well a library text matches a query: the share of the query's words it contains, words
 * matched as found by Thai word segmentation, so "งบประมาณ" finds "แผนการใช้จ่ายงบประมาณ".
 */
export function matchScore(query: string, text: string): number {
  const wanted = [...new Set(searchTerms(query))];
  if (wanted.length === 0) return 0;
  const have = new Set(searchTerms(text));
  const joined = text.toLowerCase();
  let hits = 0;
  for (const term of wanted) if (have.has(term) || joined.includes(term)) hits++;
  return hits / wanted.length;
}
