import type { CompiledFramework } from '../framework/compile.js';
import type { LevelData } from '../framework/schema.js';
import { scoreAssessment } from '../scoring/engine.js';
import { emptyScoreInput } from '../scoring/input.js';
import { round2 } from '../scoring/round.js';

/**
 * How ready an OIT item is before the assessors score it: `ready` (accepted, its links pass),
 * `at-risk` (prepared but not accepted, or a link fails or is unchecked), `missing` (nothing yet).
 */
export type OitReadiness = 'ready' | 'at-risk' | 'missing';

export interface ReadinessInput {
  status: 'todo' | 'submitted' | 'returned' | 'accepted';
  evidence: number;
  /** Verdicts of the item's links: true passing, false failing, null unchecked. */
  links: (boolean | null)[];
}

export function readinessOf(item: ReadinessInput): OitReadiness {
  if (item.evidence === 0) return 'missing';
  if (item.status === 'accepted' && item.links.every((ok) => ok === true)) return 'ready';
  return 'at-risk';
}

/** The survey tools' scores the prediction starts from, and where they come from. */
export interface SurveyBasis {
  scores: Record<string, number>;
  /** e.g. `FY2567 results` or `FY2566 results`: shown with the prediction. */
  source: string;
}

export interface OitPrediction {
  counts: Record<OitReadiness, number>;
  /** OIT score if every item at risk fails (low) or passes (high); missing items score 0, ready ones full. */
  oit: { low: number; high: number };
  ita: { low: number; high: number } | null;
  level: { low: LevelData | null; high: LevelData | null };
  basis: string | null;
  /** Items not ready, by the ITA points (OIT points without a survey basis) their full score would add. */
  costly: { code: string; readiness: OitReadiness; points: number }[];
}

/**
 * Predicts the OIT score, the ITA range and the level with the same engine that scores the
 * results: ready items at full score, missing ones at 0, items at risk either way.
 */
export function predictOit(
  framework: CompiledFramework,
  readiness: ReadonlyMap<string, OitReadiness>,
  survey: SurveyBasis | null,
): OitPrediction {
  const oitItems = framework.data.oitItems.map((item) => item.code);
  const oitTool = framework.tools.find((tool) => tool.indicators.some((i) => i.units.some((u) => u.kind === 'oit')));
  const score = (atRisk: number, override: Record<string, number> = {}) => {
    const input = emptyScoreInput();
    for (const code of oitItems) {
      const state = readiness.get(code) ?? 'missing';
      input.units.set(code, { score: override[code] ?? (state === 'ready' ? 100 : state === 'at-risk' ? atRisk : 0) });
    }
    for (const [tool, value] of Object.entries(survey?.scores ?? {})) {
      if (tool !== oitTool?.code) input.tools.set(tool, { score: value });
    }
    return scoreAssessment(framework, input);
  };
  const low = score(0);
  const high = score(100);
  const oitOf = (result: ReturnType<typeof score>) => (oitTool ? (result.tools[oitTool.code]?.score ?? 0) : 0);
  const counts: Record<OitReadiness, number> = { ready: 0, 'at-risk': 0, missing: 0 };
  for (const code of oitItems) counts[readiness.get(code) ?? 'missing']++;
  const hasIta = survey !== null && low.ita !== null && high.ita !== null;
  const measure = (result: ReturnType<typeof score>) => (hasIta ? result.ita! : oitOf(result));
  const costly = oitItems
    .filter((code) => (readiness.get(code) ?? 'missing') !== 'ready')
    .map((code) => ({
      code,
      readiness: readiness.get(code) ?? 'missing',
      points: round2(measure(score(0, { [code]: 100 })) - measure(low)),
    }))
    .sort((a, b) => b.points - a.points || oitItems.indexOf(a.code) - oitItems.indexOf(b.code));
  return {
    counts,
    oit: { low: round2(oitOf(low)), high: round2(oitOf(high)) },
    ita: hasIta ? { low: round2(low.ita!), high: round2(high.ita!) } : null,
    level: { low: hasIta ? low.level : null, high: hasIta ? high.level : null },
    basis: survey?.source ?? null,
    costly,
  };
}
