import type { FrameworkData, ProvenanceData } from './schema.js';

/** Thai notice shown wherever a provisional set is listed or used. */
export const PROVISIONAL_NOTICE_TH = 'ชั่วคราว — ยังไม่ได้ยืนยันกับคู่มือของ ป.ป.ช.';
export const PROVISIONAL_NOTICE_EN = "Provisional — not yet confirmed against NACC's manual";

/**
 * A set's provenance in one shape: older sets list notes (`provenance: string[]`, `unknowns` beside it) and
 * are taken as confirmed (they are what a central admin loaded); newer ones give sources, the provisional
 * flag, who confirmed them and what stays unknown.
 */
export function frameworkProvenance(data: FrameworkData): ProvenanceData {
  const given = data.provenance;
  if (given && !Array.isArray(given)) {
    return { ...given, unknowns: [...given.unknowns, ...(data.unknowns ?? [])] };
  }
  return {
    sources: [],
    provisional: false,
    confirmedBy: null,
    confirmedAt: null,
    unknowns: data.unknowns ?? [],
    notes: given ?? [],
  };
}

/** Kinds of agency a set is for; a set that names none is a Bangkok district set. */
export function frameworkAgencyKinds(data: FrameworkData): string[] {
  return data.agencyKinds ?? ['district'];
}

/** Whether agencies of the kind assess with the set: an agency's set is found by its kind and the fiscal year. */
export function servesKind(data: FrameworkData, kind: string): boolean {
  return frameworkAgencyKinds(data).includes(kind);
}

/** Whether two sets are for some kind of agency in common (only then can they compete for the same year). */
export function shareAgencyKinds(a: FrameworkData, b: FrameworkData): boolean {
  const kinds = frameworkAgencyKinds(b);
  return frameworkAgencyKinds(a).some((kind) => kinds.includes(kind));
}

/**
 * Whether a Bangkok district office may assess with the set. Finding a district's set by fiscal year
 * passes over the others (a department's FY2568 set never becomes a district's).
 */
export function servesDistricts(data: FrameworkData): boolean {
  return frameworkAgencyKinds(data).includes('district');
}
