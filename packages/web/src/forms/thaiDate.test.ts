import { describe, expect, it } from 'vitest';
import { parseThaiDate } from './thaiDate';

describe('typed dates', () => {
  it('are read day first in the Buddhist Era, in ASCII or Thai digits', () => {
    expect(parseThaiDate('5/1/2568')).toBe('2025-01-05');
    expect(parseThaiDate('30-04-2570')).toBe('2027-04-30');
    expect(parseThaiDate('๓๑/๑๐/๒๕๖๙')).toBe('2026-10-31');
  });

  it('take the forms people type: month names in full or abbreviated, two-digit Buddhist years', () => {
    expect(parseThaiDate('31 ม.ค. 2570')).toBe('2027-01-31');
    expect(parseThaiDate('31 มกราคม 2570')).toBe('2027-01-31');
    expect(parseThaiDate('31/01/70')).toBe('2027-01-31');
    expect(parseThaiDate('31 ม.ค. 70')).toBe('2027-01-31');
    expect(parseThaiDate('31มค2570')).toBe('2027-01-31');
    expect(parseThaiDate('วันที่ ๓๑ มกราคม พ.ศ. ๒๕๗๐')).toBe('2027-01-31');
    expect(parseThaiDate('17 มี.ค. 2570')).toBe('2027-03-17');
    expect(parseThaiDate('31 Jan 2027')).toBe('2027-01-31');
    expect(parseThaiDate('31 January 2570')).toBe('2027-01-31');
  });

  it('take a Christian-era year or an ISO date as such', () => {
    expect(parseThaiDate('5/1/2025')).toBe('2025-01-05');
    expect(parseThaiDate('2026-12-02')).toBe('2026-12-02');
  });

  it('refuse dates that do not exist, unknown months and month-first forms', () => {
    expect(parseThaiDate('31/2/2568')).toBeNull();
    expect(parseThaiDate('12/31/2568')).toBeNull();
    expect(parseThaiDate('30 ก.พ. 2570')).toBeNull();
    expect(parseThaiDate('31 มกรา 2570')).toBeNull();
    expect(parseThaiDate('พรุ่งนี้')).toBeNull();
    expect(parseThaiDate('')).toBeNull();
  });
});
