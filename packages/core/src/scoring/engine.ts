import type { CompiledFramework, CompiledIndicator, CompiledItem, CompiledTool, Unit } from '../framework/compile.js';
import type { LevelData } from '../framework/schema.js';
import type { GivenScore, ItemObservation, ScoreInput } from './input.js';
import { mean, scoreFromCounts, scoreFromShares } from './item.js';
import { determineLevel } from './levels.js';
import { round2 } from './round.js';
import type { ScoreWarning, SourceRef } from './warnings.js';

/** Shares of a published row may miss 100 by this much (2-decimal rounding of 2–4 values). */
export const SHARES_TOLERANCE = 0.1;
/** A published score recomputed from 2-decimal shares matches to about this. */
export const PUBLISHED_TOLERANCE = 0.02;

export interface ItemScore {
  score: number;
  from: 'shares' | 'counts' | 'given';
  /** Respondents who answered this item (raw responses only). */
  answered?: number;
  published?: number;
}

export interface AggregateScore {
  score: number;
  /** What the score was computed from. */
  from: 'items' | 'units' | 'indicators' | 'given';
  /** The score the input gave for this level too, if any. */
  published?: number;
}

export interface ToolScore extends AggregateScore {
  weight: number;
  /** weight × score / 100: the tool's share of the total. */
  weighted: number;
}

/** Scores at every level, full precision; round with `round2` to present them. */
export interface ScoreResult {
  framework: string;
  items: Record<string, ItemScore>;
  /** Question scores and OIT item scores. */
  units: Record<string, AggregateScore>;
  subIndicators: Record<string, number>;
  indicators: Record<string, AggregateScore>;
  tools: Record<string, ToolScore>;
  ita: number | null;
  level: LevelData | null;
  respondents: Record<string, number>;
  warnings: ScoreWarning[];
}

const withSource = (warning: ScoreWarning, source: SourceRef | undefined): ScoreWarning =>
  source ? { ...warning, source } : warning;

function inRange(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100;
}

/**
 * Computes an assessment the way NACC does: item → question (mean of items) → indicator
 * (mean of questions, or explicit sub-indicator weights) → tool (mean of all its questions,
 * or explicit indicator weights) → total (tool weights) → level.
 *
 * @example
 * const result = scoreAssessment(framework, input);
 * round2(result.ita ?? NaN); // 94.87
 */
export function scoreAssessment(framework: CompiledFramework, input: ScoreInput): ScoreResult {
  const warnings: ScoreWarning[] = [...input.warnings];
  const warn = (w: ScoreWarning, source?: SourceRef) => warnings.push(withSource(w, source));
  const frameworkParam = { framework: framework.id };

  for (const [key, value] of input.items) {
    if (!framework.items.has(key)) warn({ code: 'unknown-code', subject: key, params: frameworkParam }, value.source);
  }
  for (const [code, value] of input.units) {
    if (!framework.units.has(code)) warn({ code: 'unknown-code', subject: code, params: frameworkParam }, value.source);
  }
  for (const [number, value] of input.indicators) {
    if (!framework.indicators.has(number)) {
      warn({ code: 'unknown-code', subject: `indicator ${number}`, params: frameworkParam }, value.source);
    }
  }
  for (const [code, value] of input.tools) {
    if (!framework.tools.some((t) => t.code === code)) {
      warn({ code: 'unknown-code', subject: code, params: frameworkParam }, value.source);
    }
  }

  const items: Record<string, ItemScore> = {};
  const units: Record<string, AggregateScore> = {};
  const subIndicators: Record<string, number> = {};
  const indicators: Record<string, AggregateScore> = {};
  const tools: Record<string, ToolScore> = {};

  const flaggedItems = new Set<string>();
  const given = (value: GivenScore | undefined, subject: string): number | undefined => {
    if (!value) return undefined;
    if (!inRange(value.score)) {
      warn({ code: 'value-out-of-range', subject, params: { column: 'score', value: value.score } }, value.source);
      return undefined;
    }
    return value.score;
  };

  const scoreItem = (item: CompiledItem, observation: ItemObservation): ItemScore | null => {
    switch (observation.kind) {
      case 'score': {
        if (!inRange(observation.score)) {
          warn(
            { code: 'value-out-of-range', subject: item.key, params: { column: 'score', value: observation.score } },
            observation.source,
          );
          return null;
        }
        return { score: observation.score, from: 'given' };
      }
      case 'shares': {
        if (observation.shares.length !== item.points.length) {
          warn(
            {
              code: 'scale-mismatch',
              subject: item.key,
              params: { scale: item.scaleId, columns: `${observation.shares.length} shares` },
            },
            observation.source,
          );
          return null;
        }
        const bad = observation.shares.find((s) => !inRange(s));
        if (bad !== undefined) {
          warn({ code: 'value-out-of-range', subject: item.key, params: { column: 'share', value: bad } }, observation.source);
          return null;
        }
        const score = scoreFromShares(observation.shares, item.points);
        const sum = observation.shares.reduce((a, b) => a + b, 0);
        const sharesOk = Math.abs(sum - 100) <= SHARES_TOLERANCE + 1e-9;
        if (!sharesOk) {
          flaggedItems.add(item.key);
          warn({ code: 'shares-sum', subject: item.key, params: { sum: round2(sum).toFixed(2) } }, observation.source);
        } else if (observation.published !== undefined && Math.abs(score - observation.published) > PUBLISHED_TOLERANCE + 1e-9) {
          warn(
            {
              code: 'published-differs',
              subject: item.key,
              params: { computed: round2(score).toFixed(2), published: observation.published.toFixed(2) },
            },
            observation.source,
          );
        }
        return {
          score,
          from: 'shares',
          ...(observation.published === undefined ? {} : { published: observation.published }),
        };
      }
      case 'counts': {
        const score = scoreFromCounts(observation.counts, item.points);
        if (score === null) return null;
        return { score, from: 'counts', answered: observation.counts.reduce((a, b) => a + b, 0) };
      }
    }
  };

  const scoreUnit = (unit: Unit): number | undefined => {
    const givenUnit = input.units.get(unit.code);
    const published = givenUnit && inRange(givenUnit.score) ? givenUnit.score : undefined;
    if (unit.kind === 'question' && unit.items) {
      const scores: number[] = [];
      const missing: number[] = [];
      let observed = 0;
      for (const item of unit.items) {
        const observation = input.items.get(item.key);
        const scored = observation ? scoreItem(item, observation) : null;
        if (observation) observed++;
        if (scored) {
          items[item.key] = scored;
          scores.push(scored.score);
        } else {
          missing.push(item.no);
        }
      }
      if (scores.length > 0) {
        if (missing.length > 0) warn({ code: 'missing-items', subject: unit.code, params: { items: missing.join(', ') } });
        const score = mean(scores);
        units[unit.code] = { score, from: 'items', ...(published === undefined ? {} : { published }) };
        // A difference already explained by an item whose shares do not add up is not repeated.
        const explained = unit.items.some((item) => flaggedItems.has(item.key));
        if (published !== undefined && !explained && Math.abs(score - published) > PUBLISHED_TOLERANCE + 1e-9) {
          warn(
            {
              code: 'published-differs',
              subject: unit.code,
              params: { computed: round2(score).toFixed(2), published: published.toFixed(2) },
            },
            givenUnit?.source,
          );
        }
        return score;
      }
      if (
        observed > 0 &&
        missing.length === unit.items.length &&
        unit.items.every((i) => input.items.get(i.key)?.kind === 'counts')
      ) {
        warn({ code: 'empty-question', subject: unit.code });
      }
    }
    const score = given(givenUnit, unit.code);
    if (score === undefined) return undefined;
    if (unit.kind === 'oit' && unit.data.scoring === 'binary' && score !== 0 && score !== 100) {
      warn({ code: 'oit-not-binary', subject: unit.code, params: { value: score } }, givenUnit?.source);
    }
    units[unit.code] = { score, from: 'given' };
    return score;
  };

  const scoreIndicator = (indicator: CompiledIndicator): { score: number; completeUnits: number[] | null } | undefined => {
    const subject = `indicator ${indicator.number}`;
    const scored: { unit: Unit; score: number }[] = [];
    const missing: string[] = [];
    for (const unit of indicator.units) {
      const score = scoreUnit(unit);
      if (score === undefined) missing.push(unit.code);
      else scored.push({ unit, score });
    }
    const givenIndicator = input.indicators.get(indicator.number);
    const published = givenIndicator && inRange(givenIndicator.score) ? givenIndicator.score : undefined;

    const bySub = new Map<string, number[]>();
    for (const { unit, score } of scored) {
      if (unit.subIndicator === undefined) continue;
      const list = bySub.get(unit.subIndicator) ?? [];
      list.push(score);
      bySub.set(unit.subIndicator, list);
    }
    for (const [code, scores] of bySub) subIndicators[code] = mean(scores);

    if (scored.length > 0) {
      if (missing.length > 0) warn({ code: 'missing-units', subject, params: { codes: missing.join(', ') } });
      let score: number;
      const aggregation = indicator.data.aggregation;
      if (aggregation?.method === 'sub-indicator-weights') {
        let weighted = 0;
        let weights = 0;
        for (const [code, weight] of Object.entries(aggregation.weights)) {
          const sub = subIndicators[code];
          if (sub === undefined) continue;
          weighted += weight * sub;
          weights += weight;
        }
        score = weighted / weights;
      } else {
        score = mean(scored.map((s) => s.score));
      }
      indicators[String(indicator.number)] = { score, from: 'units', ...(published === undefined ? {} : { published }) };
      return { score, completeUnits: missing.length === 0 ? scored.map((s) => s.score) : null };
    }
    const score = given(givenIndicator, subject);
    if (score === undefined) {
      warn({ code: 'missing-indicator', subject });
      return undefined;
    }
    indicators[String(indicator.number)] = { score, from: 'given' };
    return { score, completeUnits: null };
  };

  const scoreTool = (tool: CompiledTool): number | undefined => {
    const parts = tool.indicators.map((indicator) => ({ indicator, scored: scoreIndicator(indicator) }));
    const givenTool = input.tools.get(tool.code);
    const published = givenTool && inRange(givenTool.score) ? givenTool.score : undefined;
    const missing = parts.filter((p) => p.scored === undefined).map((p) => p.indicator.number);
    if (missing.length === parts.length) {
      const score = given(givenTool, tool.code);
      if (score === undefined) {
        warn({ code: 'missing-tool', subject: tool.code });
        return undefined;
      }
      tools[tool.code] = { score, from: 'given', weight: tool.data.weight, weighted: (tool.data.weight * score) / 100 };
      return score;
    }
    if (missing.length > 0) {
      warn({ code: 'missing-tool', subject: tool.code, params: { indicators: missing.join(', ') } });
      return undefined;
    }
    let score: number;
    let from: AggregateScore['from'] = 'indicators';
    if (tool.indicatorWeights) {
      let weighted = 0;
      let weights = 0;
      for (const { indicator, scored } of parts) {
        const weight = tool.indicatorWeights.get(indicator.number) ?? 0;
        weighted += weight * (scored?.score ?? 0);
        weights += weight;
      }
      score = weighted / weights;
    } else if (parts.every((p) => p.scored?.completeUnits)) {
      // Question weighting: the mean of every question of the tool.
      score = mean(parts.flatMap((p) => p.scored?.completeUnits ?? []));
      from = 'units';
    } else {
      // The same question weighting from indicator scores: each indicator counts as many
      // times as it has questions.
      let weighted = 0;
      let count = 0;
      for (const { indicator, scored } of parts) {
        weighted += indicator.units.length * (scored?.score ?? 0);
        count += indicator.units.length;
      }
      score = weighted / count;
    }
    tools[tool.code] = {
      score,
      from,
      weight: tool.data.weight,
      weighted: (tool.data.weight * score) / 100,
      ...(published === undefined ? {} : { published }),
    };
    return score;
  };

  const toolScores = framework.tools.map(scoreTool);
  let ita: number | null = null;
  let level: LevelData | null = null;
  if (toolScores.every((s): s is number => s !== undefined)) {
    ita = framework.tools.reduce((sum, tool, i) => sum + (tool.data.weight * (toolScores[i] ?? 0)) / 100, 0);
    level = determineLevel(framework.data.levels, ita, toolScores);
  }

  return {
    framework: framework.id,
    items,
    units,
    subIndicators,
    indicators,
    tools,
    ita,
    level,
    respondents: Object.fromEntries(input.respondents),
    warnings,
  };
}
