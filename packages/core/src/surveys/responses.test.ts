import { describe, expect, it } from 'vitest';
import { RawCsvParser } from '../inputs/raw-tally.js';
import { scoreAssessment } from '../scoring/engine.js';
import { loadFramework } from '../test-support/files.js';
import { checkAnswers, surveyItems, talliesToScoreInput, unknownItems } from './responses.js';

const fy2566 = loadFramework('bma-district-2566');

/** A small deterministic generator, so the test's answers are the same every run. */
function* randoms(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x / 2 ** 31;
  }
}

describe('survey responses as tallies', () => {
  it("asks exactly the framework's items of a tool, and none where the items are not known", () => {
    expect(surveyItems(fy2566, 'IIT')).toHaveLength(37);
    expect(surveyItems(fy2566, 'EIT')).toHaveLength(23);
    expect(unknownItems(fy2566, 'IIT')).toEqual([]);
    expect(unknownItems(loadFramework('bma-district-2567'), 'EIT')).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6']);
  });

  it('checks that every item is answered with a code of its scale, and nothing else', () => {
    const items = surveyItems(fy2566, 'IIT');
    const full = Object.fromEntries(items.map((i) => [i.key, i.scale.answers[0]!]));
    expect(checkAnswers(items, full).ok).toBe(true);
    const wrong = checkAnswers(items, { ...full, 'I1.1': 9, 'X9.9': 1 });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.problems.map((p) => p.key).sort()).toEqual(['I1.1', 'X9.9']);
    const partial = { ...full };
    delete partial['I25.1'];
    const missing = checkAnswers(items, partial);
    expect(!missing.ok && missing.problems[0]!.th).toBe('ยังไม่ได้ตอบข้อ I25.1');
    expect(checkAnswers(items, { ...full, 'I1.1': '4' }).ok).toBe(false);
  });

  it('scores tallied answers exactly as the same answers in a raw-responses file', () => {
    const items = surveyItems(fy2566, 'IIT');
    const random = randoms(2566);
    const respondents = Array.from({ length: 257 }, () =>
      items.map((item) => item.scale.answers[Math.floor(random.next().value! * item.scale.answers.length)]!),
    );
    const tallies = new Map<string, number[]>();
    for (const answers of respondents) {
      items.forEach((item, i) => {
        const counts = tallies.get(item.key) ?? item.scale.options.map(() => 0);
        counts[item.scale.answers.indexOf(answers[i]!)]!++;
        tallies.set(item.key, counts);
      });
    }
    const fromTallies = scoreAssessment(fy2566, talliesToScoreInput(items, 'IIT', tallies, respondents.length));
    const csv = ['respondent,' + items.map((i) => i.key).join(','), ...respondents.map((r, n) => `R${n},${r.join(',')}`)].join(
      '\n',
    );
    const parser = new RawCsvParser(fy2566, 'iit.csv');
    parser.push(new TextEncoder().encode(csv + '\n'));
    const fromFile = scoreAssessment(fy2566, parser.finish().toScoreInput());
    expect(fromTallies.tools.IIT!.score).toBe(fromFile.tools.IIT!.score);
    expect(fromTallies.units).toEqual(fromFile.units);
    expect(fromTallies.respondents).toEqual({ IIT: 257 });
  });
});
