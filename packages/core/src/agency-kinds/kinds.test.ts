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
    for (const unit of ['ฝ่ายโยธา', 'ฝ่ายการคลัง']) expect(iitUnitRequired(district, unit, 7, 13)).toBe(iitRequired(unit, 7, 13));
    expect(SHIPPED_AGENCY_KINDS.filter((k) => k.sampling.status === 'official').map((k) => k.id)).toEqual(['district']);
    expect(iitUnitRequired(shippedKind('municipality')!, 'กองคลัง', 7, 13)).toBeNull();
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
