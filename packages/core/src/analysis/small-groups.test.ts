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
    expect(shown.map((s) => s.suppressed)).toEqual([true, true, false, false]);
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
