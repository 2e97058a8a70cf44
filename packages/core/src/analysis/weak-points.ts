import type { CompiledFramework, Unit } from '../framework/compile.js';
import type { ScoreResult } from '../scoring/engine.js';
import { round2 } from '../scoring/round.js';

export interface WeakPoint {
  code: string;
  kind: Unit['kind'];
  tool: string;
  indicator: number;
  score: number;
  /** Items scoring below the threshold (survey questions with item data). */
  weakItems: { no: number; key: string; score: number }[];
  /** `question`: the question (or OIT item) itself is below; `item`: only some of its items are. */
  reason: 'question' | 'item';
}

export interface WeakPointGroup {
  tool: string;
  indicators: { number: number; points: WeakPoint[] }[];
}

/**
 * The questions scoring below the threshold, or with any item below it, and the OIT items
 * below it, grouped by tool and indicator (the analysis table of a measures document).
 * Scores are compared as published, on 2 decimals.
 *
 * @example findWeakPoints(framework, result).flat.map((p) => p.code) // ['I8', 'I9', …, 'E12']
 */
export function findWeakPoints(
  framework: CompiledFramework,
  result: ScoreResult,
  threshold = framework.data.analysisThreshold,
): { threshold: number; flat: WeakPoint[]; groups: WeakPointGroup[] } {
  const flat: WeakPoint[] = [];
  const groups: WeakPointGroup[] = [];
  for (const tool of framework.tools) {
    const group: WeakPointGroup = { tool: tool.code, indicators: [] };
    for (const indicator of tool.indicators) {
      const points: WeakPoint[] = [];
      for (const unit of indicator.units) {
        const scored = result.units[unit.code];
        if (!scored) continue;
        const weakItems =
          unit.kind === 'question'
            ? (unit.items ?? [])
                .map((item) => ({ no: item.no, key: item.key, score: result.items[item.key]?.score }))
                .filter(
                  (i): i is { no: number; key: string; score: number } => i.score !== undefined && round2(i.score) < threshold,
                )
            : [];
        const below = round2(scored.score) < threshold;
        if (!below && weakItems.length === 0) continue;
        points.push({
          code: unit.code,
          kind: unit.kind,
          tool: tool.code,
          indicator: indicator.number,
          score: scored.score,
          weakItems,
          reason: below ? 'question' : 'item',
        });
      }
      if (points.length > 0) {
        group.indicators.push({ number: indicator.number, points });
        flat.push(...points);
      }
    }
    if (group.indicators.length > 0) groups.push(group);
  }
  return { threshold, flat, groups };
}
