import type { ScoreResult } from './engine.js';
import { round2 } from './round.js';
import { formatWarning, type ScoreWarning } from './warnings.js';

/** A score result as published: every number rounded to 2 decimals, the level's Thai name. */
export interface PresentedResult {
  framework: string;
  ita: number | null;
  level: string | null;
  levelId: string | null;
  tools: Record<string, number>;
  weighted: Record<string, number>;
  indicators: Record<string, number>;
  subIndicators: Record<string, number>;
  questions: Record<string, number>;
  items: Record<string, number>;
  respondents: Record<string, number>;
  warnings: (ScoreWarning & { message: string; messageTh: string })[];
}

const roundAll = (record: Record<string, { score: number } | number>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, round2(typeof v === 'number' ? v : v.score)]));

export function presentResult(result: ScoreResult): PresentedResult {
  return {
    framework: result.framework,
    ita: result.ita === null ? null : round2(result.ita),
    level: result.level?.name.th ?? null,
    levelId: result.level?.id ?? null,
    tools: roundAll(result.tools),
    weighted: Object.fromEntries(Object.entries(result.tools).map(([k, v]) => [k, round2(v.weighted)])),
    indicators: roundAll(result.indicators),
    subIndicators: roundAll(result.subIndicators),
    questions: roundAll(result.units),
    items: roundAll(result.items),
    respondents: result.respondents,
    warnings: result.warnings.map((w) => ({ ...w, message: formatWarning(w, 'en'), messageTh: formatWarning(w, 'th') })),
  };
}
