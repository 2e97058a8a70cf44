import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../inputs/table.js';
import { countRoster, countRosterByKind, eligibleFrom, iitRequired, parseRosterDate } from './roster.js';

describe('counting eligible staff from a roster', () => {
  it('reads ISO and Thai day-first dates, Buddhist or Common Era', () => {
    expect(parseRosterDate('2023-05-01')).toBe('2023-05-01');
    expect(parseRosterDate('1/5/2566')).toBe('2023-05-01');
    expect(parseRosterDate('31/12/2023')).toBe('2023-12-31');
    expect(parseRosterDate('31/2/2566')).toBeNull();
    expect(parseRosterDate('เมื่อวาน')).toBeNull();
  });

  it('counts those with a full year of service before 1 January, per division, and says what it could not count', () => {
    expect(eligibleFrom(2568)).toBe('2024-01-01');
    const roster = parseCsvTable(
      [
        'ฝ่าย,ชื่อ,วันที่เริ่มปฏิบัติงาน',
        'ฝ่ายการคลัง,ก,1/1/2567',
        'ฝ่ายการคลัง,ข,2/1/2567',
        'ฝ่ายโยธา,ค,2010-06-01',
        'ฝ่ายลับ,ง,2010-06-01',
        'ฝ่ายโยธา,จ,ไม่ทราบ',
      ].join('\n'),
      'roster.csv',
    );
    const counted = countRoster(roster, 2568, ['ฝ่ายการคลัง', 'ฝ่ายโยธา']);
    expect([...counted.counts]).toEqual([
      ['ฝ่ายการคลัง', 1],
      ['ฝ่ายโยธา', 1],
    ]);
    expect(counted).toMatchObject({ eligible: 2, notYet: 1 });
    expect(counted.problems.map((p) => `${p.row} ${p.th}`)).toEqual(['5 ไม่รู้จักฝ่าย "ฝ่ายลับ"', '6 อ่านวันที่เริ่มปฏิบัติงานไม่ได้']);
  });

  it('sets the IIT sample by the BMA rule: every civil servant, all or 80% of employees', () => {
    expect(iitRequired('ฝ่ายโยธา', 10, 50)).toBe(60);
    expect(iitRequired('ฝ่ายปกครอง', 10, 51)).toBe(51);
    const roster = parseCsvTable(
      [
        'division,type,start_date',
        'ฝ่ายปกครอง,ข้าราชการ,2015-01-01',
        'ฝ่ายปกครอง,ลูกจ้าง,2015-01-01',
        'ฝ่ายปกครอง,ลูกจ้างประจำ,2015-01-01',
        'ฝ่ายปกครอง,ลูกจ้าง,2026-01-01',
      ].join('\n'),
      'roster.csv',
    );
    expect(countRosterByKind(roster, 2568, ['ฝ่ายปกครอง']).byKind.get('ฝ่ายปกครอง')).toEqual({ civilServants: 1, employees: 2 });
  });
});
