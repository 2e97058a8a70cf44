import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFramework, repoPath } from '../test-support/files.js';
import { compileFramework, formatFrameworkProblems } from './compile.js';
import { frameworkProvenance } from './provenance.js';

const rawFramework = () =>
  JSON.parse(readFileSync(repoPath('frameworks/bma-district-2566.json'), 'utf8')) as Record<string, unknown>;

describe('shipped frameworks', () => {
  it('bma-district-2566 holds the full FY2566 set', () => {
    const fw = loadFramework('bma-district-2566');
    const count = (prefix: string) => [...fw.units.keys()].filter((c) => c.startsWith(prefix)).length;
    expect([count('I'), count('E'), count('O')]).toEqual([25, 15, 30]);
    expect([...fw.items.keys()].filter((k) => k.startsWith('I'))).toHaveLength(37);
    expect([...fw.items.keys()].filter((k) => k.startsWith('E'))).toHaveLength(23);
    expect(fw.tools.map((t) => t.indicators.map((i) => i.units.length))).toEqual([
      [7, 4, 6, 3, 5],
      [6, 4, 5],
      [22, 8],
    ]);
    expect(fw.items.get('I9.2')?.polarity).toBe('negative');
    expect(fw.items.get('I9.2')?.points).toEqual([100, 67, 33, 0]);
    expect(fw.items.get('E12.1')?.points).toEqual([100, 0]);
    expect(fw.units.get('O30')?.subIndicator).toBe('10.2');
  });

  it('bma-district-2567 holds the FY2567 grouping and marks what is unknown', () => {
    const fw = loadFramework('bma-district-2567');
    expect(fw.tools.map((t) => t.indicators.map((i) => i.units.length))).toEqual([
      [3, 3, 3, 1, 2],
      [3, 1, 2],
      [17, 5],
    ]);
    expect(fw.items.size).toBe(0);
    expect(frameworkProvenance(fw.data).unknowns.length).toBeGreaterThan(0);
    const oit = fw.tools.find((t) => t.code === 'OIT');
    expect(oit?.data.aggregation).toMatchObject({ method: 'indicator-weights', status: 'inferred' });
    expect(fw.data.oitItems.filter((o) => o.name !== null).map((o) => o.code)).toEqual(['O3', 'O19']);
  });
});

describe('a bad framework file', () => {
  const problemsOf = (data: unknown) => {
    const result = compileFramework(data, 'frameworks/bad.json');
    if (result.ok) throw new Error('expected problems');
    return formatFrameworkProblems(result.problems);
  };

  it('names the file, the path and the problem for a schema error', () => {
    const data = rawFramework();
    (data.questions as { code: string }[])[3]!.code = 'i-4';
    expect(problemsOf(data)).toContain('frameworks/bad.json: questions[3].code: must be a question code such as I1 or E12');
  });

  it('reports references to undefined indicators, scales and sub-indicators', () => {
    const data = rawFramework();
    const questions = data.questions as { indicator: number; items: { scale: string }[] }[];
    questions[0]!.indicator = 11;
    questions[1]!.items[0]!.scale = 'likert5';
    (data.oitItems as { subIndicator: string }[])[0]!.subIndicator = '9.9';
    const text = problemsOf(data);
    expect(text).toContain('questions[0].indicator: indicator 11 is not defined');
    expect(text).toContain('questions[1].items[0].scale: scale likert5 is not defined in scales');
    expect(text).toContain('oitItems[0].subIndicator: sub-indicator 9.9 is not defined in indicator 9');
  });

  it('requires tool weights to add up to 100 and the lowest level to start at 0', () => {
    const data = rawFramework();
    (data.tools as { weight: number }[])[0]!.weight = 35;
    (data.levels as { levels: { min: number }[] }).levels.at(-1)!.min = 10;
    const text = problemsOf(data);
    expect(text).toContain('tools: tool weights add up to 105, not 100');
    expect(text).toContain('levels.levels: the lowest level must start at 0');
  });

  it('reports duplicate codes and unknown fields', () => {
    const data = rawFramework();
    const questions = data.questions as { code: string }[];
    questions[1]!.code = questions[0]!.code;
    expect(problemsOf(data)).toContain('questions[1].code: code I1 is used twice');
    expect(problemsOf({ ...rawFramework(), colour: 'red' })).toContain('(root)');
  });
});
