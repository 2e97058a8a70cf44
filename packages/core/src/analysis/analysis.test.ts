import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNaccText } from '../inputs/pasted.js';
import { scoreAssessment } from '../scoring/engine.js';
import { emptyScoreInput } from '../scoring/input.js';
import { round2 } from '../scoring/round.js';
import { loadFramework, readExample, repoPath } from '../test-support/files.js';
import { compareResults } from './compare.js';
import { findWeakPoints } from './weak-points.js';
import { planImprovements, whatIf } from './what-if.js';

const framework = loadFramework('bma-district-2566');
const bangKhae = scoreAssessment(framework, readExample(framework, 'bang-khae-2566-question-scores.csv'));
const bangKhaeDetailed = scoreAssessment(
  framework,
  readExample(framework, 'bang-khae-2566-distributions.csv', 'bang-khae-2566-oit.csv'),
);

describe('weak points', () => {
  it('lists the questions of the Bang Khae analysis table (seed 001 §3)', () => {
    const weak = findWeakPoints(framework, bangKhaeDetailed);
    expect(weak.flat.map((p) => p.code)).toEqual(['I8', 'I9', 'I11', 'I13', 'I16', 'I17', 'I20', 'I22', 'E12']);
    const i17 = weak.flat.find((p) => p.code === 'I17')!;
    expect(i17).toMatchObject({ reason: 'item', weakItems: [{ no: 1, key: 'I17.1' }] });
    expect(Math.abs(i17.score - 87.36)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(i17.weakItems[0]!.score - 84.56)).toBeLessThanOrEqual(0.02);
    expect(weak.groups.map((g) => [g.tool, g.indicators.map((i) => i.number)])).toEqual([
      ['IIT', [2, 3, 4, 5]],
      ['EIT', [8]],
    ]);
  });

  it('takes another threshold', () => {
    expect(findWeakPoints(framework, bangKhaeDetailed, 80).flat.map((p) => p.code)).toEqual(['I8', 'I22', 'E12']);
  });
});

describe('what-if', () => {
  it('recomputes indicators, tools, total and level from raised questions', () => {
    const raised = whatIf(framework, bangKhae, { I22: 100, E12: 100 });
    expect(round2(raised.indicators['5']!.score)).toBe(
      round2((89.01 + 100 + 87.63 + bangKhae.units.I24!.score + bangKhae.units.I25!.score) / 5),
    );
    expect(round2(raised.tools.IIT!.score)).toBe(round2(88.042 + (100 - 77.82) / 25));
    expect(raised.ita).toBeGreaterThan(bangKhae.ita!);
  });

  it('raises a single item of a question', () => {
    const raised = whatIf(framework, bangKhaeDetailed, { 'I17.1': 100 });
    expect(round2(raised.units.I17!.score)).toBe(round2((100 + bangKhaeDetailed.items['I17.2']!.score) / 2));
  });

  it('changes nothing without changes', () => {
    const same = whatIf(framework, bangKhaeDetailed, {});
    expect(same.ita).toBeCloseTo(bangKhaeDetailed.ita!, 10);
  });
});

describe('planImprovements', () => {
  it('finds what Bang Khae FY2566 needs for ผ่านดีเยี่ยม, and no step is superfluous', () => {
    const plan = planImprovements(framework, bangKhae, 'excellent');
    expect(plan.reachable).toBe(true);
    expect(plan.result.level?.name.th).toBe('ผ่านดีเยี่ยม');
    expect(round2(plan.result.tools.IIT!.score)).toBeGreaterThanOrEqual(95);
    expect(round2(plan.result.tools.EIT!.score)).toBeGreaterThanOrEqual(95);
    // The lowest questions come first: I22 (77.82) and E12 (77.05) among them.
    expect(plan.steps.map((s) => s.code)).toEqual(expect.arrayContaining(['I22', 'I8', 'I13', 'E12']));
    for (const step of plan.steps) {
      const without = Object.fromEntries(plan.steps.filter((s) => s !== step).map((s) => [s.code, s.to]));
      expect(whatIf(framework, bangKhae, without).level?.id, `without ${step.code}`).not.toBe('excellent');
    }
  });

  it('needs nothing for a level already reached', () => {
    expect(planImprovements(framework, bangKhae, 'good').steps).toEqual([]);
  });

  it('says when a level cannot be reached with the target score', () => {
    expect(planImprovements(framework, bangKhae, 'excellent', 90).reachable).toBe(false);
  });
});

describe('compareResults', () => {
  it('compares the same framework question by question', () => {
    const later = whatIf(framework, bangKhae, { I8: 90 });
    const comparison = compareResults({ framework, result: bangKhae }, { framework, result: later });
    expect(comparison.questions.find((q) => q.key === 'I8')).toEqual({ key: 'I8', before: 79.53, after: 90, delta: 10.47 });
    expect(comparison.indicators.find((i) => i.key === '2')?.delta).toBeGreaterThan(0);
  });

  it('compares indicators and tools across framework versions without inventing question pairs', () => {
    const fy67 = loadFramework('bma-district-2567');
    const later = scoreAssessment(fy67, readExample(fy67, 'bang-sue-2567-indicators.csv'));
    const comparison = compareResults({ framework, result: bangKhae }, { framework: fy67, result: later });
    expect(comparison.indicators).toHaveLength(10);
    expect(comparison.tools.map((t) => t.key)).toEqual(['IIT', 'EIT', 'OIT']);
    expect(comparison.questions).toEqual([]);
  });
});

describe('parseNaccText (pasted result tables)', () => {
  const text = readFileSync(repoPath('examples/bang-khae-2566-pasted.txt'), 'utf8');

  it('reads every question, item, OIT item, indicator and tool of seed 001', () => {
    const pasted = parseNaccText(framework, text);
    expect(pasted.unread).toEqual([]);
    expect(pasted.counts).toMatchObject({ questions: 40, items: 60, oitItems: 30, tools: 3 });
    const distributions = readExample(framework, 'bang-khae-2566-distributions.csv');
    for (const [key, observation] of distributions.items) {
      expect(pasted.input.items.get(key), key).toMatchObject({
        kind: 'shares',
        shares: (observation as { shares: number[] }).shares,
      });
    }
    const result = scoreAssessment(framework, pasted.input);
    expect(round2(result.ita!)).toBe(94.87);
    expect(result.warnings.map((w) => `${w.code} ${w.subject}`)).toEqual(['shares-sum I11.1', 'shares-sum I22.1']);
  });

  it('copes with Thai digits and OCR codes, and names the rows it cannot read', () => {
    const variant = [
      'ตัวชี้วัดที่ ๒ การใช้งบประมาณ ๘๔.๑๘',
      '18. ท่านรับรู้เกี่ยวกับงบประมาณที่ได้รับการจัดสรรและแผนการใช้จ่ายงบประมาณของสำนักงานเขตที่ท่านปฏิบัติงาน มากน้อยระดับใด ๗๙.๕๓',
      '1.จำนวนงบประมาณที่ได้รับการจัดสรรและแผนการใช้จ่ายงบประมาณ ๒.๘๔ ๑๕.๗๒ ๒๙.๗๒ ๕๑.๗๒ ๗๖.๘๒',
      '9.ข้อที่ไม่มีอยู่จริง 1 2 3 94 80',
      '11. สำนักงานเขตที่ท่านปฏิบัติงาน มีกระบวนการและมอบหมายผู้รับผิดชอบที่ชัดเจน 84.59',
      'O1 โครงสร้าง อัตรากำลัง ข้อมูลผู้บริหารสำนักงานเขต/โรงเรียน 100.00',
      'แถวขยะ 12.5 13.5 14.5',
    ].join('\n');
    const pasted = parseNaccText(framework, variant);
    expect(pasted.input.indicators.get(2)?.score).toBe(84.18);
    expect(pasted.input.units.get('I8')?.score).toBe(79.53);
    expect(pasted.input.items.get('I8.1')).toMatchObject({ shares: [2.84, 15.72, 29.72, 51.72], published: 76.82 });
    expect(pasted.input.units.get('I11')?.score).toBe(84.59);
    expect(pasted.input.units.get('O1')?.score).toBe(100);
    expect(pasted.unread.map((u) => u.line)).toEqual([4, 7]);
    expect(pasted.unread[0]?.reason).toBe('I8 has no item 9');
  });
});

describe('an empty result', () => {
  it('has no weak points', () => {
    expect(findWeakPoints(framework, scoreAssessment(framework, emptyScoreInput())).flat).toEqual([]);
  });
});
