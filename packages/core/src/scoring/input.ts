import type { ScoreWarning, SourceRef } from './warnings.js';

/** What is known about one survey item. */
export type ItemObservation =
  /** Published distribution: percent per answer option, in the scale's option order. */
  | { kind: 'shares'; shares: readonly number[]; published?: number; source?: SourceRef }
  /** Raw responses tallied: respondents per answer option, in the scale's option order. */
  | { kind: 'counts'; counts: readonly number[]; source?: SourceRef }
  /** A published item score. */
  | { kind: 'score'; score: number; source?: SourceRef };

export interface GivenScore {
  score: number;
  source?: SourceRef;
}

/**
 * Everything scoring can start from, at any level of detail. Lower levels win: a question
 * with item data is computed from its items, and a given question score is then only
 * compared with the computed one.
 */
export interface ScoreInput {
  /** Keyed `I1.2` (question code, dot, item number). */
  items: Map<string, ItemObservation>;
  /** Question scores (`I1`, `E5`) and OIT item scores (`O1`). */
  units: Map<string, GivenScore>;
  indicators: Map<number, GivenScore>;
  tools: Map<string, GivenScore>;
  /** Respondents per survey tool. */
  respondents: Map<string, number>;
  /** Problems found while reading the input. */
  warnings: ScoreWarning[];
}

export function emptyScoreInput(): ScoreInput {
  return {
    items: new Map(),
    units: new Map(),
    indicators: new Map(),
    tools: new Map(),
    respondents: new Map(),
    warnings: [],
  };
}

/**
 * Combines inputs read from several files. A code given twice is a warning (unless
 * `warnDuplicates` is false, for a later import correcting an earlier one) and the later value
 * is used; respondent counts of the same tool from two raw files add up.
 */
export function mergeScoreInputs(inputs: readonly ScoreInput[], options: { warnDuplicates?: boolean } = {}): ScoreInput {
  const merged = emptyScoreInput();
  const warnDuplicates = options.warnDuplicates ?? true;
  const take = <K, V extends { source?: SourceRef }>(target: Map<K, V>, from: Map<K, V>, label: (key: K) => string) => {
    for (const [key, value] of from) {
      if (warnDuplicates && target.has(key)) {
        merged.warnings.push({ code: 'duplicate', subject: label(key), ...(value.source ? { source: value.source } : {}) });
      }
      target.set(key, value);
    }
  };
  for (const input of inputs) {
    merged.warnings.push(...input.warnings);
    take(merged.items, input.items, String);
    take(merged.units, input.units, String);
    take(merged.indicators, input.indicators, (n) => `indicator ${n}`);
    take(merged.tools, input.tools, String);
    for (const [tool, count] of input.respondents) {
      merged.respondents.set(tool, (merged.respondents.get(tool) ?? 0) + count);
    }
  }
  return merged;
}
