import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RawResponseTally } from '../inputs/raw-tally.js';
import { loadFramework } from '../test-support/files.js';
import { scoreAssessment } from './engine.js';
import { emptyScoreInput, type ScoreInput } from './input.js';
import { scoreFromCounts, scoreFromShares } from './item.js';

const framework = loadFramework('bma-district-2566');
const iitColumns = [...framework.items.values()].filter((i) => i.questionCode.startsWith('I'));
const header = ['respondent', ...iitColumns.map((i) => i.key)];

/** Respondents' answer codes for every IIT item; 255 = no answer. */
const respondents = fc.array(
  fc.tuple(...iitColumns.map((item) => fc.oneof(fc.constantFrom(...item.scale.answers), fc.constant(255)))),
  { minLength: 1, maxLength: 40 },
);

function tallyOf(rows: number[][]): ScoreInput {
  const tally = RawResponseTally.fromHeader(framework, header, 'p.csv');
  tally.addAnswerMatrix(Uint8Array.from(rows.flat()), rows.length);
  return tally.toScoreInput();
}

const counts4 = fc.array(fc.nat({ max: 1000 }), { minLength: 4, maxLength: 4 });

describe('scoring properties', () => {
  it('every score is within 0–100', () => {
    fc.assert(
      fc.property(respondents, (rows) => {
        const result = scoreAssessment(framework, tallyOf(rows));
        const all = [
          ...Object.values(result.items).map((s) => s.score),
          ...Object.values(result.units).map((s) => s.score),
          ...Object.values(result.indicators).map((s) => s.score),
          ...Object.values(result.tools).map((s) => s.score),
        ];
        return all.every((s) => s >= 0 && s <= 100 + 1e-9);
      }),
    );
  });

  it('a better answer never lowers the item, question, indicator or tool score', () => {
    fc.assert(
      fc.property(respondents, fc.nat(), fc.nat(), (rows, r, c) => {
        const row = rows[r % rows.length]!;
        const column = c % iitColumns.length;
        const item = iitColumns[column]!;
        const current = row[column]!;
        const option = item.scale.answers.indexOf(current);
        if (option < 0) return true; // no answer to improve
        // An option with more points for this item's polarity.
        const better = item.points.findIndex((p) => p > item.points[option]!);
        if (better < 0) return true;
        const improved = rows.map((x) => [...x]);
        improved[r % rows.length]![column] = item.scale.answers[better]!;
        const before = scoreAssessment(framework, tallyOf(rows));
        const after = scoreAssessment(framework, tallyOf(improved));
        const q = item.questionCode;
        const indicator = String(framework.units.get(q)?.indicator);
        const eps = 1e-9;
        return (
          (after.units[q]?.score ?? 0) + eps >= (before.units[q]?.score ?? 0) &&
          (after.indicators[indicator]?.score ?? 0) + eps >= (before.indicators[indicator]?.score ?? 0) &&
          (after.tools.IIT?.score ?? 0) + eps >= (before.tools.IIT?.score ?? 0)
        );
      }),
    );
  });

  it('reverse polarity is symmetric: a negative item scores 100 minus the positive score', () => {
    const likert = framework.items.get('I1.1')!;
    const reversed = framework.items.get('I10.1')!;
    fc.assert(
      fc.property(
        counts4.filter((c) => c.some((n) => n > 0)),
        (counts) => {
          const positive = scoreFromCounts(counts, likert.points)!;
          const negative = scoreFromCounts(counts, reversed.points)!;
          const mirrored = scoreFromCounts([...counts].reverse(), reversed.points)!;
          return Math.abs(positive + negative - 100) < 1e-9 && Math.abs(mirrored - positive) < 1e-9;
        },
      ),
    );
  });

  it('raw responses and their distribution give the same scores', () => {
    fc.assert(
      fc.property(respondents, (rows) => {
        const raw = tallyOf(rows);
        const shares = emptyScoreInput();
        for (const [key, observation] of raw.items) {
          if (observation.kind !== 'counts') continue;
          const total = observation.counts.reduce((a, b) => a + b, 0);
          if (total > 0) shares.items.set(key, { kind: 'shares', shares: observation.counts.map((n) => (100 * n) / total) });
        }
        const a = scoreAssessment(framework, raw);
        const b = scoreAssessment(framework, shares);
        return Object.entries(a.units).every(([code, s]) => Math.abs(s.score - (b.units[code]?.score ?? NaN)) < 1e-9);
      }),
    );
  });

  it('item scores from shares and from counts agree', () => {
    fc.assert(
      fc.property(
        counts4.filter((c) => c.some((n) => n > 0)),
        (counts) => {
          const total = counts.reduce((a, b) => a + b, 0);
          const points = [0, 33, 67, 100];
          const fromShares = scoreFromShares(
            counts.map((n) => (100 * n) / total),
            points,
          );
          expect(fromShares).toBeCloseTo(scoreFromCounts(counts, points)!, 9);
        },
      ),
    );
  });
});
