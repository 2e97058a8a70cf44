import type { CompiledFramework, Unit } from '../framework/compile.js';
import { scoreAssessment, type ScoreResult } from '../scoring/engine.js';
import { emptyScoreInput, type ScoreInput } from '../scoring/input.js';
import { round2 } from '../scoring/round.js';

/**
 * The scores at their finest known level as input again: item scores, and question, OIT item and
 * indicator scores that were given rather than computed.
 */
function inputFromResult(result: ScoreResult): ScoreInput {
  const input = emptyScoreInput();
  for (const [key, item] of Object.entries(result.items)) input.items.set(key, { kind: 'score', score: item.score });
  for (const [code, unit] of Object.entries(result.units)) {
    if (unit.from === 'given') input.units.set(code, { score: unit.score });
  }
  for (const [number, indicator] of Object.entries(result.indicators)) {
    if (indicator.from === 'given') input.indicators.set(Number(number), { score: indicator.score });
  }
  for (const [code, tool] of Object.entries(result.tools)) {
    if (tool.from === 'given') input.tools.set(code, { score: tool.score });
  }
  for (const [tool, n] of Object.entries(result.respondents)) input.respondents.set(tool, n);
  return input;
}

/**
 * Scores again with some questions, items or OIT items raised (or lowered) to new scores:
 * `{ I8: 90, 'I17.1': 88, O3: 100 }`. A question set as a whole replaces its items.
 */
export function whatIf(
  framework: CompiledFramework,
  result: ScoreResult,
  changes: Readonly<Record<string, number>>,
): ScoreResult {
  const input = inputFromResult(result);
  for (const [code, score] of Object.entries(changes)) {
    if (framework.items.has(code)) {
      input.items.set(code, { kind: 'score', score });
      continue;
    }
    const unit = framework.units.get(code);
    if (!unit) continue;
    if (unit.kind === 'question') for (const item of unit.items ?? []) input.items.delete(item.key);
    input.units.set(code, { score });
  }
  const rescored = scoreAssessment(framework, input);
  return { ...rescored, warnings: rescored.warnings.filter((w) => w.code !== 'missing-items') };
}

export interface Improvement {
  code: string;
  tool: string;
  from: number;
  to: number;
}

export interface ImprovementPlan {
  reachable: boolean;
  target: string;
  steps: Improvement[];
  result: ScoreResult;
}

const levelRank = (framework: CompiledFramework, id: string | undefined) =>
  framework.data.levels.levels.findIndex((l) => l.id === id);

/**
 * The fewest questions (or OIT items) to raise to `targetScore` so that the assessment reaches
 * `levelId` or better.
 *
 * Method: every tool score and the total are linear in the question scores, so the gain of
 * raising one question is fixed. First, for each tool below the level's tool condition, take
 * that tool's questions with the largest gains until it meets the condition (the fewest that
 * can); then take the largest gains to the total until it reaches the level's minimum. Any
 * other set of the same size gains no more, so none smaller reaches the level. Each step is
 * checked by scoring again, on 2-decimal values as published.
 */
export function planImprovements(
  framework: CompiledFramework,
  result: ScoreResult,
  levelId: string,
  targetScore = 100,
): ImprovementPlan {
  const level = framework.data.levels.levels.find((l) => l.id === levelId);
  if (!level) throw new Error(`level ${levelId} is not in ${framework.data.levels.id}`);
  const goal = levelRank(framework, levelId);
  const changes: Record<string, number> = {};
  const steps: Improvement[] = [];
  let current = result;
  const reached = (r: ScoreResult) => r.level !== null && levelRank(framework, r.level.id) <= goal;

  const candidates = [...framework.units.values()].filter((u: Unit) => {
    const score = result.units[u.code]?.score;
    return score !== undefined && round2(score) < targetScore;
  });
  const gainOf = (unit: Unit, measure: (r: ScoreResult) => number) =>
    measure(whatIf(framework, current, { [unit.code]: targetScore })) - measure(current);
  const take = (unit: Unit) => {
    const from = current.units[unit.code]?.score ?? 0;
    changes[unit.code] = targetScore;
    steps.push({ code: unit.code, tool: unit.tool, from, to: targetScore });
    current = whatIf(framework, result, changes);
  };
  const remaining = () => candidates.filter((u) => !(u.code in changes));

  if (level.allToolsMin !== undefined) {
    for (const tool of framework.tools) {
      const toolScore = () => current.tools[tool.code]?.score ?? 0;
      while (round2(toolScore()) < level.allToolsMin) {
        const options = remaining().filter((u) => u.tool === tool.code);
        if (options.length === 0) return { reachable: false, target: levelId, steps, result: current };
        const best = options
          .map((u) => ({ u, gain: gainOf(u, (r) => r.tools[tool.code]?.score ?? 0) }))
          .sort((a, b) => b.gain - a.gain)[0]!;
        take(best.u);
      }
    }
  }
  while (!reached(current)) {
    const options = remaining();
    if (options.length === 0) return { reachable: false, target: levelId, steps, result: current };
    const best = options.map((u) => ({ u, gain: gainOf(u, (r) => r.ita ?? 0) })).sort((a, b) => b.gain - a.gain)[0]!;
    take(best.u);
  }
  return { reachable: true, target: levelId, steps, result: current };
}
