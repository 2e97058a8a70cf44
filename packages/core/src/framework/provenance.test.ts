import { describe, expect, it } from 'vitest';
import { frameworkAgencyKinds, servesDistricts, servesKind, shareAgencyKinds } from './provenance.js';
import type { FrameworkData } from './schema.js';

const set = (agencyKinds?: string[]) => ({ agencyKinds }) as FrameworkData;

describe('the kinds of agency a set is for', () => {
  it('are the ones it names, or Bangkok district offices when it names none', () => {
    expect(frameworkAgencyKinds(set())).toEqual(['district']);
    expect(servesDistricts(set())).toBe(true);
    expect(servesKind(set(['hospital', 'police_station']), 'police_station')).toBe(true);
    expect(servesKind(set(['hospital']), 'district')).toBe(false);
  });

  it('make two sets rivals only when they share one', () => {
    expect(shareAgencyKinds(set(), set(['district', 'department']))).toBe(true);
    expect(shareAgencyKinds(set(['hospital']), set(['school']))).toBe(false);
    expect(shareAgencyKinds(set(['hospital']), set())).toBe(false);
  });
});
