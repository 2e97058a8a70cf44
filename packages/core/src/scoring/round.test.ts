import { describe, expect, it } from 'vitest';
import { formatScore, round2 } from './round.js';

describe('round2', () => {
  it.each([
    [88.0368, 88.04],
    [94.8714, 94.87],
    [96.8205, 96.82],
    [1.005, 1.01],
    [88.035, 88.04],
    [84.994999, 84.99],
    [100, 100],
    [0, 0],
  ])('%s → %s', (value, expected) => {
    expect(round2(value)).toBe(expected);
  });

  it('formats with two decimals', () => {
    expect(formatScore(100)).toBe('100.00');
    expect(formatScore(95.3)).toBe('95.30');
  });
});
