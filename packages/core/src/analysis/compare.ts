import type { CompiledFramework } from '../framework/compile.js';
import type { ScoreResult } from '../scoring/engine.js';
import { round2 } from '../scoring/round.js';

export interface Change {
  key: string;
  before: number;
  after: number;
  /** after − before, on the 2-decimal values. */
  delta: number;
}

export interface Comparison {
  ita: Change | null;
  tools: Change[];
  indicators: Change[];
  /** Questions compared: same code within one framework, or mapped by `previousCodes`. */
  questions: Change[];
}

function change(key: string, before: number | undefined | null, after: number | undefined | null): Change | null {
  if (before === undefined || before === null || after === undefined || after === null) return null;
  return { key, before: round2(before), after: round2(after), delta: round2(round2(after) - round2(before)) };
}

/**
 * Year over year: the total, tools and indicators (the ten indicators keep their numbers across
 * framework versions) and the questions that correspond — the same code in the same framework,
 * or, across versions, the codes a question lists in `previousCodes`.
 */
export function compareResults(
  earlier: { framework: CompiledFramework; result: ScoreResult },
  later: { framework: CompiledFramework; result: ScoreResult },
): Comparison {
  const tools = later.framework.tools
    .map((t) => change(t.code, earlier.result.tools[t.code]?.score, later.result.tools[t.code]?.score))
    .filter((c): c is Change => c !== null);
  const indicators = [...later.framework.indicators.keys()]
    .map((n) => change(String(n), earlier.result.indicators[n]?.score, later.result.indicators[n]?.score))
    .filter((c): c is Change => c !== null);
  const sameFramework = earlier.framework.id === later.framework.id;
  const questions: Change[] = [];
  for (const unit of later.framework.units.values()) {
    const previous = sameFramework ? [unit.code] : unit.kind === 'question' ? (unit.data.previousCodes ?? []) : [];
    const scores = previous.map((code) => earlier.result.units[code]?.score).filter((s): s is number => s !== undefined);
    if (scores.length === 0 || scores.length !== previous.length) continue;
    const c = change(unit.code, scores.reduce((a, b) => a + b, 0) / scores.length, later.result.units[unit.code]?.score);
    if (c) questions.push(c);
  }
  return { ita: change('ITA', earlier.result.ita, later.result.ita), tools, indicators, questions };
}
