import { describe, expect, it } from 'vitest';
import { loadFramework } from '../test-support/files.js';
import { predictOit, readinessOf, type OitReadiness } from './readiness.js';

const fy2566 = loadFramework('bma-district-2566');
const codes = fy2566.data.oitItems.map((i) => i.code);
// Bang Khae's published FY2566 survey scores (seed 001, table 1).
const bangKhae = { scores: { IIT: 88.04, EIT: 94.86 }, source: 'FY2566 results' };
const all = (state: OitReadiness) => new Map(codes.map((c) => [c, state]));

describe('OIT readiness and prediction', () => {
  it('calls an item ready only when accepted with every link passing', () => {
    expect(readinessOf({ status: 'accepted', evidence: 2, links: [true] })).toBe('ready');
    expect(readinessOf({ status: 'accepted', evidence: 1, links: [] })).toBe('ready');
    expect(readinessOf({ status: 'accepted', evidence: 2, links: [true, false] })).toBe('at-risk');
    expect(readinessOf({ status: 'accepted', evidence: 1, links: [null] })).toBe('at-risk');
    expect(readinessOf({ status: 'submitted', evidence: 1, links: [true] })).toBe('at-risk');
    expect(readinessOf({ status: 'todo', evidence: 0, links: [] })).toBe('missing');
  });

  it('gives Bang Khae its published FY2566 ITA of 94.87 with every item ready, as the engine scores it', () => {
    const prediction = predictOit(fy2566, all('ready'), bangKhae);
    expect(prediction.oit).toEqual({ low: 100, high: 100 });
    expect(prediction.ita).toEqual({ low: 94.87, high: 94.87 });
    expect(prediction.level.low?.name.th).toBe('ผ่านดี');
    expect(prediction.costly).toEqual([]);
  });

  it('spans the range of the items at risk, and lists what each missing item costs', () => {
    const readiness = all('ready');
    readiness.set('O1', 'at-risk');
    readiness.set('O30', 'missing');
    const prediction = predictOit(fy2566, readiness, bangKhae);
    expect(prediction.counts).toEqual({ ready: 28, 'at-risk': 1, missing: 1 });
    expect(prediction.ita!.high).toBeLessThan(94.87);
    expect(prediction.ita!.low).toBeLessThan(prediction.ita!.high);
    expect(prediction.costly.map((c) => c.code).sort()).toEqual(['O1', 'O30']);
    // The score is linear in the items: what every item adds sums to the whole OIT weight (40
    // points), each rounded to 2 decimals.
    const none = predictOit(fy2566, all('missing'), bangKhae);
    expect(none.oit).toEqual({ low: 0, high: 0 });
    expect(none.ita!.low).toBe(54.87);
    expect(Math.abs(none.costly.reduce((sum, c) => sum + c.points, 0) - 40)).toBeLessThan(30 * 0.005);
    expect(none.costly[0]!.points).toBeGreaterThanOrEqual(none.costly.at(-1)!.points);
  });

  it('predicts the OIT score alone without survey scores', () => {
    const prediction = predictOit(fy2566, all('ready'), null);
    expect(prediction).toMatchObject({ oit: { low: 100, high: 100 }, ita: null, basis: null });
  });
});
