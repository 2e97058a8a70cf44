import { describe, expect, it } from 'vitest';
import { suppressSmallGroups } from './small-groups.js';

const stat = (label: string, count: number, dimension = 'gender') => ({
  tool: 'IIT',
  dimension,
  label,
  count,
  percent: count,
});

describe('small respondent groups', () => {
  it('hides groups under 5, zero included', () => {
    const shown = suppressSmallGroups([stat('a', 0), stat('b', 3), stat('c', 40), stat('d', 57)]);
    // 0 and 3 hidden would leave 3 people to work out from the total: 40 goes with them.
    expect(shown.map((s) => s.hiddenBecause)).toEqual(['small', 'small', 'complement', null]);
    expect(shown[1]).toMatchObject({ count: null, percent: null });
  });

  it('hides a second group when one hidden group could be recovered from the total', () => {
    const shown = suppressSmallGroups([stat('ชาย', 3), stat('หญิง', 90), stat('อื่น ๆ', 7)]);
    expect(shown.map((s) => [s.label, s.suppressed])).toEqual([
      ['ชาย', true],
      ['หญิง', false],
      ['อื่น ๆ', true],
    ]);
    // Total minus what is shown no longer gives any one group.
    const visible = shown.filter((s) => !s.suppressed).reduce((sum, s) => sum + (s.count ?? 0), 0);
    expect(100 - visible).toBe(10);
  });

  it('needs no second group when the one hidden group has nobody in it', () => {
    const shown = suppressSmallGroups([stat('ชาย', 374), stat('หญิง', 612), stat('อื่น ๆ', 0)]);
    expect(shown.map((s) => s.suppressed)).toEqual([false, false, true]);
  });

  it('hides more when the hidden groups together hold 1–4 people (seed 001: nobody under 20, one over 60)', () => {
    const ages = [stat('ต่ำกว่า 20 ปี', 0), stat('20 - 30 ปี', 55), stat('31 - 40 ปี', 189), stat('มากกว่า 60 ปี', 1)];
    const shown = suppressSmallGroups(ages);
    expect(shown.map((s) => s.hiddenBecause)).toEqual(['small', 'complement', null, 'small']);
    const total = ages.reduce((sum, s) => sum + s.count, 0);
    const visible = shown.reduce((sum, s) => sum + (s.count ?? 0), 0);
    expect(total - visible).toBe(56);
  });

  it('decides per breakdown, and leaves breakdowns without small groups alone', () => {
    const shown = suppressSmallGroups([
      stat('a', 2, 'age'),
      stat('b', 20, 'age'),
      stat('c', 8, 'gender'),
      stat('d', 9, 'gender'),
    ]);
    expect(shown.map((s) => s.suppressed)).toEqual([true, true, false, false]);
  });
});
