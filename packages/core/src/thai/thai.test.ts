import { describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearRange, fiscalYearsNamed, formatThaiDate, offeredFiscalYears } from './date.js';
import { fromThaiDigits, shiftBuddhistYears, toThaiDigits } from './digits.js';

describe('Thai digits', () => {
  it('converts both ways', () => {
    expect(toThaiDigits('พ.ศ. 2568 คะแนน 94.87')).toBe('พ.ศ. ๒๕๖๘ คะแนน ๙๔.๘๗');
    expect(fromThaiDigits('๙๔.๘๗')).toBe('94.87');
  });

  it('moves the years of a carried-over text on, in the digits they were written in, and nothing else', () => {
    const duty = 'แก้ไขข้อบกพร่องในปีงบประมาณ พ.ศ. ๒๕๖๗ และกำหนดแนวทางในปีงบประมาณ พ.ศ. ๒๕๖๘';
    expect(shiftBuddhistYears(duty, 2568, 1)).toBe('แก้ไขข้อบกพร่องในปีงบประมาณ พ.ศ. ๒๕๖๘ และกำหนดแนวทางในปีงบประมาณ พ.ศ. ๒๕๖๙');
    expect(shiftBuddhistYears('ITA 2568, มาตรา ๖๘ แห่ง พ.ร.บ. พ.ศ. ๒๕๒๘, 12345 คน', 2568, 1)).toBe(
      'ITA 2569, มาตรา ๖๘ แห่ง พ.ร.บ. พ.ศ. ๒๕๒๘, 12345 คน',
    );
  });
});

describe('Buddhist-Era dates and fiscal years', () => {
  it('formats a date in พ.ศ.', () => {
    expect(formatThaiDate({ year: 2025, month: 1, day: 30 })).toBe('30 มกราคม 2568');
  });

  it.each([
    [{ year: 2024, month: 9 }, 2567],
    [{ year: 2024, month: 10 }, 2568],
    [{ year: 2025, month: 9 }, 2568],
  ])('%j is in fiscal year %s', (date, fy) => {
    expect(fiscalYearOf(date)).toBe(fy);
  });

  it('gives the range of a fiscal year', () => {
    expect(fiscalYearRange(2568)).toEqual({ start: { year: 2024, month: 10, day: 1 }, end: { year: 2025, month: 9, day: 30 } });
  });
});

describe('the fiscal years a picker offers', () => {
  it('always include the current and the next fiscal year, whatever year it is, and every year with data', () => {
    for (const current of [2570, 2571, 2575]) {
      const offered = offeredFiscalYears(current, [2566, 2567]);
      expect(offered[0]).toBe(current + 1);
      expect(offered).toContain(current);
      expect(offered.at(-1)).toBe(2566);
      expect(offered).toHaveLength(current + 1 - 2566 + 1);
    }
    expect(offeredFiscalYears(2570)).toEqual([2571, 2570]);
    expect(offeredFiscalYears(2570, [2573])).toEqual([2573, 2571, 2570]);
  });
});

describe('the fiscal years a file names', () => {
  it('reads them from a title in Thai or ASCII digits, and from a file name', () => {
    expect(fiscalYearsNamed('ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ สำนักงานเขตบางแค')).toEqual([2567]);
    expect(fiscalYearsNamed('ปีงบประมาณ 2566 และ FY2567')).toEqual([2566, 2567]);
    expect(fiscalYearsNamed('คะแนน 2567 คน')).toEqual([]);
    expect(fiscalYearsNamed('ita-bangkhae-2567.xlsx', { bare: true })).toEqual([2567]);
    expect(fiscalYearsNamed('results-20250.csv', { bare: true })).toEqual([]);
  });
});
