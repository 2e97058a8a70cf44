import { describe, expect, it } from 'vitest';
import { parseThaiDate } from './thaiDate';

describe('typed dates', () => {
  it('are read day first in the Buddhist Era, in ASCII or Thai digits', () => {
    expect(parseThaiDate('5/1/2568')).toBe('2025-01-05');
    expect(parseThaiDate('30-04-2570')).toBe('2027-04-30');
    expect(parseThaiDate('๓๑/๑๐/๒๕๖๙')).toBe('2026-10-31');
  });

  it('take a Christian-era year or an ISO date as such', () => {
    expect(parseThaiDate('5/1/2025')).toBe('2025-01-05');
    expect(parseThaiDate('2026-12-02')).toBe('2026-12-02');
  });

  it('refuse dates that do not exist and month-first forms', () => {
    expect(parseThaiDate('31/2/2568')).toBeNull();
    expect(parseThaiDate('12/31/2568')).toBeNull();
    expect(parseThaiDate('พรุ่งนี้')).toBeNull();
  });
});
