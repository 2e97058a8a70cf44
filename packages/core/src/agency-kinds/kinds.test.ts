import { describe, expect, it } from 'vitest';
import { EIT_MINIMUMS, iitRequired } from '../surveys/roster.js';
import {
  checkAgencyKind,
  eitMinimum,
  headTitleTh,
  iitUnitRequired,
  officialNameEn,
  officialNameTh,
  shortNameTh,
} from './kinds.js';
import { DISTRICT_UNITS, SHIPPED_AGENCY_KINDS, shippedKind } from './shipped.js';

describe('kinds of agency', () => {
  it('ships every kind the assessment covers, each valid, with unique ids', () => {
    const ids = SHIPPED_AGENCY_KINDS.map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['district', 'central', 'other', 'province', 'pao', 'municipality', 'sao', 'amphoe', 'department']) {
      expect(ids).toContain(id);
    }
    for (const id of ['state_enterprise', 'public_org', 'university', 'hospital', 'school', 'police_station']) {
      expect(ids).toContain(id);
    }
    for (const kind of SHIPPED_AGENCY_KINDS) expect(checkAgencyKind(kind).problems, kind.id).toEqual([]);
  });

  it('keeps the Bangkok district rule as the surveys apply it today, and marks only it official', () => {
    const district = shippedKind('district')!;
    expect(district.sampling.status).toBe('official');
    expect(district.sampling.eit.minimums).toEqual(EIT_MINIMUMS);
    for (const unit of DISTRICT_UNITS) expect(eitMinimum(district, unit.th)).toBe(EIT_MINIMUMS[unit.th] ?? null);
    for (const unit of ['ฝ่ายโยธา', 'ฝ่ายการคลัง']) {
      expect(iitUnitRequired(district.sampling.iit, unit, 7, 13, 100)).toBe(iitRequired(unit, 7, 13));
    }
    expect(SHIPPED_AGENCY_KINDS.filter((k) => k.sampling.status === 'official').map((k) => k.id)).toEqual(['district']);
  });

  it("sets a unit's IIT sample by its kind's rule", () => {
    const district = shippedKind('district')!.sampling.iit;
    // The BMA rule: every civil servant; all employees of the listed divisions, 80% (rounded up) of the others'.
    expect(iitUnitRequired(district, 'ฝ่ายโยธา', 7, 13, 500)).toBe(20);
    expect(iitUnitRequired(district, 'ฝ่ายการคลัง', 7, 13, 500)).toBe(18);
    expect(iitUnitRequired(district, 'ฝ่ายการคลัง', 0, 0, 0)).toBe(0);
    // ITAS computes its own sample: a self-assessment asks every eligible person.
    for (const id of ['municipality', 'sao', 'province', 'other']) {
      const rule = shippedKind(id)!.sampling.iit;
      expect(rule.rule, id).toBe('itas-computed');
      expect(iitUnitRequired(rule, 'กองคลัง', 7, 13, 500), id).toBe(20);
      expect(iitUnitRequired(rule, 'กองคลัง', 0, 0, 500), id).toBe(0);
    }
    // A minimum for the whole agency: each unit its share by its eligible staff, rounded up.
    const school = shippedKind('school')!.sampling.iit;
    expect(school).toEqual({ rule: 'minimum', minimum: 25 });
    expect(iitUnitRequired(school, 'กลุ่มบริหารงานวิชาการ', 20, 10, 100)).toBe(8);
    expect(iitUnitRequired(school, 'กลุ่มบริหารงานงบประมาณ', 5, 0, 100)).toBe(2);
    const units = [30, 25, 25, 20];
    const shares = units.map((n) => iitUnitRequired(school, 'x', n, 0, 100));
    expect(shares).toEqual([8, 7, 7, 5]);
    expect(shares.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(25);
    // Fewer eligible than the minimum: every one of them.
    expect(iitUnitRequired(school, 'x', 6, 4, 18)).toBe(10);
    expect(iitUnitRequired(school, 'x', 0, 0, 0)).toBe(0);
    // The agency's total never counts fewer than the unit's own.
    expect(iitUnitRequired(school, 'x', 30, 0, 0)).toBe(25);
  });

  it('names an agency and its head by the kind pattern, and finds the short name back', () => {
    const district = shippedKind('district')!;
    expect(officialNameTh(district, 'บางแค')).toBe('สำนักงานเขตบางแค');
    expect(officialNameEn(district, 'Bang Khae')).toBe('Bang Khae District Office');
    expect(headTitleTh(district, 'บางแค')).toBe('ผู้อำนวยการเขตบางแค');
    expect(shortNameTh(district, 'สำนักงานเขตบางแค')).toBe('บางแค');
    expect(shortNameTh(district, 'กรุงเทพมหานคร')).toBe('กรุงเทพมหานคร');
    const municipality = shippedKind('municipality')!;
    expect(officialNameTh(municipality, 'นครเชียงใหม่')).toBe('เทศบาลนครเชียงใหม่');
    expect(headTitleTh(municipality, 'นครเชียงใหม่')).toBe('นายกเทศมนตรีนครเชียงใหม่');
  });

  it('names every problem of a kind given as data', () => {
    const result = checkAgencyKind({
      id: 'Bad Id',
      nameTh: '',
      nameEn: 'x',
      naming: { agencyTh: 'no pattern', agencyEn: '{name}', headTh: '{name}', headEn: '{name}' },
      unitTerm: 'แผนก',
      defaultUnits: [
        { th: 'ก', en: 'a' },
        { th: 'ก', en: 'b' },
      ],
      sampling: { iit: { rule: 'guess' }, eit: { minimums: { ก: -1 }, defaultMinimum: null }, status: 'official', source: '' },
    });
    expect(result.kind).toBeNull();
    expect(result.problems.map((p) => p.field)).toEqual([
      'id',
      'nameTh',
      'naming.agencyTh',
      'unitTerm',
      'defaultUnits.1.th',
      'sampling.iit.rule',
      'sampling.eit.minimums',
    ]);
    expect(result.problems.every((p) => p.th.length > 0)).toBe(true);
  });
});
