import { fromThaiDigits } from '@prongsai/core/thai';

export interface Localized {
  th: string;
  en?: string | null;
}
export interface Item {
  no: number;
  text: Localized;
  scale: string;
  polarity: 'positive' | 'negative';
  [key: string]: unknown;
}
export interface Question {
  code: string;
  indicator: number;
  text: Localized;
  items: Item[] | null;
  [key: string]: unknown;
}
export interface OitItem {
  code: string;
  indicator: number;
  subIndicator?: string;
  group?: string;
  name: Localized | null;
  scoring: 'binary' | 'partial';
  previousCodes?: string[];
  [key: string]: unknown;
}
export interface Scale {
  options: Localized[];
  answers: number[];
  scores: number[];
}
export type ToolAggregation =
  | { method: 'question-mean'; [key: string]: unknown }
  | { method: 'indicator-weights'; weights: Record<string, number>; status: string; [key: string]: unknown };
export type IndicatorAggregation =
  | { method: 'question-mean' }
  | { method: 'sub-indicator-weights'; weights: Record<string, number>; status: string; [key: string]: unknown };
export interface SubIndicator {
  code: string;
  name: Localized;
  groups?: { code: string; name: Localized }[];
}
export interface Tool {
  code: string;
  name: Localized;
  weight: number;
  kind: 'survey' | 'disclosure';
  aggregation?: ToolAggregation;
  [key: string]: unknown;
}
export interface Indicator {
  number: number;
  tool: string;
  name: Localized;
  subIndicators?: SubIndicator[];
  aggregation?: IndicatorAggregation;
  [key: string]: unknown;
}
export interface Level {
  id: string;
  name: Localized;
  min: number;
  allToolsMin?: number;
}
/** A set as the editor holds it: the parts it edits, and every other part kept as it came. */
export interface Draft {
  id: string;
  name: Localized;
  fiscalYears: number[];
  tools: Tool[];
  indicators: Indicator[];
  scales: Record<string, Scale>;
  questions: Question[];
  oitItems: OitItem[];
  levels: { id: string; name: Localized; levels: Level[]; [key: string]: unknown };
  [key: string]: unknown;
}
/** One edit of the draft, recorded for undo. */
export type Change = (edit: (draft: Draft) => void) => void;

/** A number as typed, Thai digits or Arabic, with a decimal point: NaN when it is not one. */
export function typedNumber(text: string): number {
  const ascii = fromThaiDigits(text).replace(/[\s,]/g, '');
  return /^\d{1,6}(\.\d{1,4})?$/.test(ascii) ? Number(ascii) : Number.NaN;
}
/** Fiscal years as typed ("2570, ๒๕๗๑"): NaN in the list where one is not a year. */
export function typedYears(text: string): number[] {
  return fromThaiDigits(text)
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((y) => (/^25\d\d$/.test(y) ? Number(y) : Number.NaN));
}
/** Codes as typed ("O1, o2"): upper case, Thai digits read, blanks dropped. */
export function typedCodes(text: string): string[] {
  return fromThaiDigits(text)
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
}

export const storageKey = (id: string) => `prongsai:framework-draft:${id}`;

/**
 * A set with nothing in it but its id and years, for a kind of agency or a year no published set resembles.
 * The check names every part still to be filled in.
 */
export function emptyDraft(id: string, fiscalYear: number): Draft {
  return {
    id,
    name: { th: '' },
    fiscalYears: [fiscalYear],
    provenance: {
      sources: [
        { id: 'editor', kind: 'inference', citation: 'Prongsai framework editor', gave: 'every part, typed by a central admin' },
      ],
      provisional: true,
      confirmedBy: null,
      confirmedAt: null,
      unknowns: [],
    },
    analysisThreshold: 85,
    scales: {},
    levels: { id: `${id}-levels`, name: { th: 'ระดับผลการประเมิน' }, levels: [] },
    tools: [],
    indicators: [],
    questions: [],
    oitItems: [],
  };
}

/** The next code of a series ("O22" → "O23", "I15" → "I16"), from the highest in use. */
export function nextCode(prefix: string, used: string[]): string {
  const numbers = used.filter((c) => c.startsWith(prefix)).map((c) => Number(c.slice(prefix.length)) || 0);
  return `${prefix}${Math.max(0, ...numbers) + 1}`;
}

/** A question's letter: the first letter of its tool (IIT → I, EIT → E). */
export function questionPrefix(draft: Draft, indicator: number): string {
  const tool = draft.indicators.find((i) => i.number === indicator)?.tool ?? '';
  return tool.slice(0, 1) || 'Q';
}

/** Removing a name leaves `null` (unknown), never an empty text the schema refuses. */
export function localizedOrNull(before: Localized | null, th: string): Localized | null {
  return th.trim() ? { ...(before ?? {}), th } : null;
}
