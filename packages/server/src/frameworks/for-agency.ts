// Which set an agency assesses with: the one for its kind of agency and the fiscal year. Two kinds
// of agency with different sets live side by side in one instance, in one year.
import { frameworkAgencyKinds, servesKind, shippedKind, type CompiledFramework } from '@prongsai/core';
import { badRequest, HttpError } from '../http/errors.js';
import { availableFrameworks, loadFramework } from './registry.js';

/**
 * The kind whose sets an agency takes. Agencies recorded before kinds were data (`central`, `other`)
 * were assessed with the district sets, and still are.
 */
export function assessedAs(kind: string): string {
  return kind === 'central' || kind === 'other' ? 'district' : kind;
}

const kindNameTh = (kind: string) => shippedKind(kind)?.nameTh ?? kind;
const kindNameEn = (kind: string) => shippedKind(kind)?.nameEn ?? kind;

function setsFor(kind: string): CompiledFramework[] {
  const as = assessedAs(kind);
  return availableFrameworks()
    .map((id) => loadFramework(id))
    .filter((framework) => servesKind(framework.data, as));
}

/**
 * An agency's framework for a fiscal year: the one asked for (which must be a set for the agency's
 * kind), or the set for its kind whose years include the year.
 */
export function frameworkForAgency(agency: { kind: string }, fiscalYear: number, requested?: string): CompiledFramework {
  const kind = assessedAs(agency.kind);
  if (requested) {
    // Only ids of the registry: a request must never name a path.
    if (!availableFrameworks().includes(requested)) {
      throw new HttpError(
        422,
        'unknown-framework',
        `no framework "${requested.slice(0, 64)}"; available: ${availableFrameworks().join(', ')}`,
        `ไม่มีชุดคำถาม "${requested.slice(0, 64)}"`,
      );
    }
    const framework = loadFramework(requested);
    if (!servesKind(framework.data, kind)) {
      const kinds = frameworkAgencyKinds(framework.data);
      throw new HttpError(
        422,
        'framework-not-for-kind',
        `framework "${framework.id}" is for ${kinds.map(kindNameEn).join(', ')}, not ${kindNameEn(kind)}`,
        `ชุดคำถาม "${framework.id}" ใช้กับ${kinds.map(kindNameTh).join(' ')} ไม่ใช่${kindNameTh(kind)}`,
      );
    }
    return framework;
  }
  const found = setsFor(kind).find((framework) => framework.data.fiscalYears.includes(fiscalYear));
  if (found) return found;
  throw badRequest(
    `no framework for ${kindNameEn(kind)} applies to fiscal year ${fiscalYear}; choose one`,
    `ไม่มีชุดคำถามสำหรับปีงบประมาณ ${fiscalYear} ของ${kindNameTh(kind)} กรุณาเลือกชุดคำถาม`,
  );
}

/** The kind's set of a year, or else its newest of an earlier year (a memo goes out before NACC publishes). */
export function frameworkOfOrBefore(
  agency: { kind: string },
  fiscalYear: number,
): { framework: CompiledFramework; earlier: boolean } | null {
  let best: { framework: CompiledFramework; year: number } | null = null;
  for (const framework of setsFor(agency.kind)) {
    for (const year of framework.data.fiscalYears) {
      if (year <= fiscalYear && (!best || year > best.year)) best = { framework, year };
    }
  }
  return best && { framework: best.framework, earlier: best.year < fiscalYear };
}

/** Fiscal years for which the kind has a set with OIT items, newest first. */
export function oitYearsFor(agency: { kind: string }): number[] {
  const years = setsFor(agency.kind).flatMap((framework) => (framework.data.oitItems.length ? framework.data.fiscalYears : []));
  return [...new Set(years)].sort((a, b) => b - a);
}
