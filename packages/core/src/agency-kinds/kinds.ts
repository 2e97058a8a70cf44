import { MILESTONES, type Milestone } from '../calendar/milestones.js';

/**
 * Kinds of agency NACC assesses: how their documents name the agency and its head, what their
 * units are called and which units they usually have, and how many respondents their surveys need.
 */

/** What an agency's units are called in its documents. */
export const UNIT_TERMS = {
  ฝ่าย: 'Division',
  กอง: 'Division (Kong)',
  สำนัก: 'Bureau',
  กลุ่มงาน: 'Work group',
  งาน: 'Section',
} as const;
export type UnitTerm = keyof typeof UNIT_TERMS;

export interface UnitName {
  th: string;
  en: string;
}

/**
 * Patterns with `{name}` (the agency's own short name: บางแค, เชียงใหม่, นครเชียงใหม่) for the
 * agency as documents name it and for its head's title.
 */
export interface KindNaming {
  agencyTh: string;
  agencyEn: string;
  headTh: string;
  headEn: string;
}

/** Who answers IIT (staff with a full year of service). */
export type IitRule =
  /** The BMA district rule: every civil servant; all employees of some units, a share of the others'. */
  | { rule: 'bma-district'; employeeShare: number; allEmployeesUnits: string[] }
  /** ITAS computes the minimum from the number of eligible staff the agency declares. */
  | { rule: 'itas-computed' }
  /** At least this many respondents for the agency as a whole. */
  | { rule: 'minimum'; minimum: number };

export interface EitRule {
  /** Minimum respondents per unit (by its Thai name). */
  minimums: Record<string, number>;
  /** For a unit not listed; null: none until the secretariat sets one. */
  defaultMinimum: number | null;
}

/** Whether the values come from an official source, or are defaults an administrator should review. */
export type KindValueStatus = 'official' | 'review';

export interface AgencyKind {
  /** Lower-case letters, digits and `_`, at most 16 characters. */
  id: string;
  nameTh: string;
  nameEn: string;
  naming: KindNaming;
  unitTerm: UnitTerm;
  defaultUnits: UnitName[];
  sampling: { iit: IitRule; eit: EitRule; status: KindValueStatus; source: string };
  /**
   * The milestones of its agencies' year (ids of MILESTONES, in any order); absent: the general
   * list (every step but the schools' staff data, which only Bangkok's district offices collect).
   */
  milestones?: Milestone[] | undefined;
}

export interface KindProblem {
  /** The field, as a path (`naming.agencyTh`, `defaultUnits.2.th`). */
  field: string;
  message: string;
  th: string;
}

export const KIND_ID = /^[a-z][a-z0-9_]{1,15}$/;

/** Fills a naming pattern with an agency's short name. */
export const fillName = (pattern: string, name: string) => pattern.split('{name}').join(name.trim());

/** The agency's official name (Thai) from its short name: `สำนักงานเขต` + `บางแค`. */
export const officialNameTh = (kind: AgencyKind, name: string) => fillName(kind.naming.agencyTh, name);
export const officialNameEn = (kind: AgencyKind, name: string) => fillName(kind.naming.agencyEn, name);
/** The title of the agency's head (Thai): `ผู้อำนวยการเขต` + `บางแค`. */
export const headTitleTh = (kind: AgencyKind, name: string) => fillName(kind.naming.headTh, name);
export const headTitleEn = (kind: AgencyKind, name: string) => fillName(kind.naming.headEn, name);

/** The short name inside an official Thai name (`สำนักงานเขตบางแค` → `บางแค`), or the name itself when the pattern does not fit. */
export function shortNameTh(kind: AgencyKind, officialName: string): string {
  const [before = '', after = ''] = kind.naming.agencyTh.split('{name}');
  const text = officialName.trim();
  if (text.length > before.length + after.length && text.startsWith(before) && text.endsWith(after)) {
    return text.slice(before.length, text.length - after.length);
  }
  return text;
}

/** The EIT minimum of a unit under a kind's rule, if any. */
export function eitMinimum(kind: AgencyKind, unitTh: string): number | null {
  return kind.sampling.eit.minimums[unitTh] ?? kind.sampling.eit.defaultMinimum;
}

/**
 * The IIT respondents a unit must reach under a kind's rule, from its eligible civil servants and
 * employees (a full year of service) and the eligible staff of the whole agency (for a minimum set
 * on the agency as a whole).
 */
export function iitUnitRequired(
  iit: IitRule,
  unitTh: string,
  civilServants: number,
  employees: number,
  agencyEligible: number,
): number {
  const eligible = civilServants + employees;
  switch (iit.rule) {
    case 'bma-district':
      return civilServants + (iit.allEmployeesUnits.includes(unitTh) ? employees : Math.ceil(employees * iit.employeeShare));
    case 'itas-computed':
      // ITAS computes the minimum sample from the number of eligible staff declared, and that formula
      // is not published: a self-assessment asks every eligible person, which never falls short of it.
      return eligible;
    case 'minimum': {
      // The agency as a whole must reach the minimum (or all its eligible staff, if fewer): each unit
      // takes its share of it by its eligible staff, rounded up, never more than it has.
      const total = Math.max(agencyEligible, eligible);
      return total === 0 ? 0 : Math.min(eligible, Math.ceil((eligible * iit.minimum) / total));
    }
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max = 200): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000;

/** Checks a kind given as data (a request body, a stored row); returns it typed, or every problem found. */
export function checkAgencyKind(input: unknown): { kind: AgencyKind; problems: [] } | { kind: null; problems: KindProblem[] } {
  const problems: KindProblem[] = [];
  const add = (field: string, message: string, th: string) => problems.push({ field, message, th });
  if (!isRecord(input)) {
    return { kind: null, problems: [{ field: '', message: 'a kind must be an object', th: 'ข้อมูลประเภทหน่วยงานไม่ถูกต้อง' }] };
  }
  if (typeof input.id !== 'string' || !KIND_ID.test(input.id)) {
    add('id', 'the id must be 2–16 lower-case letters, digits or _', 'รหัสประเภทต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ _ ยาว 2–16 ตัว');
  }
  if (!text(input.nameTh)) add('nameTh', 'the Thai name is missing', 'ไม่มีชื่อภาษาไทย');
  if (!text(input.nameEn)) add('nameEn', 'the English name is missing', 'ไม่มีชื่อภาษาอังกฤษ');
  const naming = isRecord(input.naming) ? input.naming : {};
  for (const key of ['agencyTh', 'agencyEn', 'headTh', 'headEn'] as const) {
    const value = naming[key];
    if (!text(value)) add(`naming.${key}`, 'the naming pattern is missing', 'ไม่มีรูปแบบการเรียกชื่อ');
    else if (!value.includes('{name}')) add(`naming.${key}`, 'the pattern must contain {name}', 'รูปแบบชื่อต้องมี {name}');
  }
  if (typeof input.unitTerm !== 'string' || !(input.unitTerm in UNIT_TERMS)) {
    add(
      'unitTerm',
      `the unit term must be one of ${Object.keys(UNIT_TERMS).join(', ')}`,
      `คำเรียกหน่วยย่อยต้องเป็น ${Object.keys(UNIT_TERMS).join(' ')}`,
    );
  }
  const units = Array.isArray(input.defaultUnits) ? input.defaultUnits : null;
  if (!units || units.length > 100) {
    add('defaultUnits', 'the default units must be a list (at most 100)', 'รายการหน่วยย่อยตั้งต้นไม่ถูกต้อง');
  }
  const seen = new Set<string>();
  for (const [i, unit] of (units ?? []).entries()) {
    if (!isRecord(unit) || !text(unit.th) || !text(unit.en)) {
      add(`defaultUnits.${i}`, 'a unit needs a Thai and an English name', 'หน่วยย่อยต้องมีชื่อภาษาไทยและภาษาอังกฤษ');
    } else if (seen.has(unit.th.trim())) {
      add(`defaultUnits.${i}.th`, `"${unit.th}" is listed twice`, `"${unit.th}" ซ้ำ`);
    } else seen.add(unit.th.trim());
  }
  const sampling = isRecord(input.sampling) ? input.sampling : {};
  const iit = isRecord(sampling.iit) ? sampling.iit : {};
  if (iit.rule === 'bma-district') {
    if (typeof iit.employeeShare !== 'number' || iit.employeeShare < 0 || iit.employeeShare > 1) {
      add('sampling.iit.employeeShare', 'the employee share must be between 0 and 1', 'สัดส่วนลูกจ้างต้องอยู่ระหว่าง 0 ถึง 1');
    }
    if (!Array.isArray(iit.allEmployeesUnits) || !iit.allEmployeesUnits.every((u) => text(u))) {
      add('sampling.iit.allEmployeesUnits', 'a list of unit names is expected', 'ต้องเป็นรายชื่อหน่วยย่อย');
    }
  } else if (iit.rule === 'minimum') {
    if (!count(iit.minimum)) add('sampling.iit.minimum', 'the minimum must be a whole number', 'จำนวนขั้นต่ำต้องเป็นจำนวนเต็ม');
  } else if (iit.rule !== 'itas-computed') {
    add('sampling.iit.rule', 'the IIT rule must be bma-district, itas-computed or minimum', 'เกณฑ์ IIT ไม่ถูกต้อง');
  }
  const eit = isRecord(sampling.eit) ? sampling.eit : {};
  if (!isRecord(eit.minimums) || !Object.values(eit.minimums).every(count)) {
    add('sampling.eit.minimums', 'the EIT minimums must be whole numbers by unit', 'จำนวนขั้นต่ำ EIT ต้องเป็นจำนวนเต็มรายหน่วยย่อย');
  }
  if (eit.defaultMinimum !== null && !count(eit.defaultMinimum)) {
    add('sampling.eit.defaultMinimum', 'the default EIT minimum must be a whole number or null', 'จำนวนขั้นต่ำ EIT ตั้งต้นไม่ถูกต้อง');
  }
  if (sampling.status !== 'official' && sampling.status !== 'review') {
    add('sampling.status', 'the status must be official or review', 'สถานะต้องเป็น official หรือ review');
  }
  if (typeof sampling.source !== 'string' || sampling.source.length > 500) {
    add('sampling.source', 'the source must be a text', 'ที่มาต้องเป็นข้อความ');
  }
  if (input.milestones !== undefined) {
    const milestones = Array.isArray(input.milestones) ? input.milestones : null;
    if (!milestones || milestones.length === 0) {
      add('milestones', 'the milestones must be a list of milestone ids', 'ขั้นตอนของปีต้องเป็นรายการรหัสขั้นตอนอย่างน้อยหนึ่งขั้นตอน');
    }
    const listed = new Set<unknown>();
    for (const [i, milestone] of (milestones ?? []).entries()) {
      if (typeof milestone !== 'string' || !(MILESTONES as readonly string[]).includes(milestone)) {
        add(
          `milestones.${i}`,
          `unknown milestone "${String(milestone)}" (known: ${MILESTONES.join(', ')})`,
          `ไม่รู้จักขั้นตอน "${String(milestone)}" (ขั้นตอนที่มี: ${MILESTONES.join(' ')})`,
        );
      } else if (listed.has(milestone)) {
        add(`milestones.${i}`, `"${milestone}" is listed twice`, `ขั้นตอน "${milestone}" ซ้ำ`);
      }
      listed.add(milestone);
    }
  }
  if (problems.length > 0) return { kind: null, problems };
  return { kind: input as unknown as AgencyKind, problems: [] };
}
