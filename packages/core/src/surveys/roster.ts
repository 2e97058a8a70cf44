import { iitUnitRequired } from '../agency-kinds/kinds.js';
import type { Table } from '../inputs/table.js';

/** A date as a roster gives it: `2023-05-01`, `1/5/2566` or `1/5/2023` (a year over 2400 is Buddhist Era). */
export function parseRosterDate(text: string): string | null {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(value);
  const thai = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (thai) [day, month, year] = [Number(thai[1]), Number(thai[2]), Number(thai[3])];
  else return null;
  if (year > 2400) year -= 543;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The day staff must have started by to count: one full year of service before 1 January of the
 * fiscal year's survey (FY2568's survey counts those who started by 1 January 2567, i.e. 2024-01-01).
 */
export const eligibleFrom = (fiscalYear: number) => `${fiscalYear - 543 - 1}-01-01`;

export interface RosterCount {
  /** Eligible staff per division name. */
  counts: Map<string, number>;
  /** Rows that could not be counted, with the reason in Thai. */
  problems: { row: number; th: string; message: string }[];
  eligible: number;
  notYet: number;
}

/**
 * Counts the eligible staff of each division from a roster (columns `division` and `start_date`,
 * or Thai `ฝ่าย` and `วันที่เริ่มปฏิบัติงาน`). Nothing but the counts leaves this function.
 */
export function countRoster(table: Table, fiscalYear: number, divisions: readonly string[]): RosterCount {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const divisionColumn = header.findIndex((h) => h === 'division' || h === 'ฝ่าย');
  const startColumn = header.findIndex((h) => h === 'start_date' || h === 'วันที่เริ่มปฏิบัติงาน');
  const result: RosterCount = { counts: new Map(), problems: [], eligible: 0, notYet: 0 };
  if (divisionColumn < 0 || startColumn < 0) {
    result.problems.push({
      row: 1,
      message: 'the roster needs the columns division and start_date',
      th: 'ไฟล์รายชื่อต้องมีคอลัมน์ ฝ่าย (division) และ วันที่เริ่มปฏิบัติงาน (start_date)',
    });
    return result;
  }
  const cutoff = eligibleFrom(fiscalYear);
  const known = new Set(divisions);
  for (const { row, cells } of table.rows) {
    const division = String(cells[divisionColumn] ?? '').trim();
    const started = parseRosterDate(String(cells[startColumn] ?? ''));
    if (!known.has(division)) {
      result.problems.push({
        row,
        message: `unknown division "${division.slice(0, 40)}"`,
        th: `ไม่รู้จักฝ่าย "${division.slice(0, 40)}"`,
      });
      continue;
    }
    if (!started) {
      result.problems.push({ row, message: 'the start date cannot be read', th: 'อ่านวันที่เริ่มปฏิบัติงานไม่ได้' });
      continue;
    }
    if (started > cutoff) {
      result.notYet++;
      continue;
    }
    result.eligible++;
    result.counts.set(division, (result.counts.get(division) ?? 0) + 1);
  }
  return result;
}

/**
 * Employees (ลูกจ้าง) every one of whom answers IIT in a BMA district (seed 002, group 2 (1.1));
 * of the other divisions' employees, 80% do (group 2 (1.2)). Civil servants all answer.
 */
export const IIT_ALL_EMPLOYEES = ['ฝ่ายโยธา', 'ฝ่ายรายได้', 'ฝ่ายสิ่งแวดล้อมและสุขาภิบาล', 'ฝ่ายเทคนิค'];
export const IIT_EMPLOYEE_SHARE = 0.8;

/** The IIT sample a division must reach by the BMA district rule: its civil servants, and all or 80% of its employees. */
export function iitRequired(division: string, civilServants: number, employees: number): number {
  const rule = { rule: 'bma-district' as const, employeeShare: IIT_EMPLOYEE_SHARE, allEmployeesUnits: IIT_ALL_EMPLOYEES };
  return iitUnitRequired(rule, division, civilServants, employees, civilServants + employees);
}

/**
 * EIT respondents each division must reach at least, the BMA district default (seed 002); a
 * division not listed has no minimum until the secretariat sets one.
 */
export const EIT_MINIMUMS: Record<string, number> = {
  ฝ่ายโยธา: 60,
  ฝ่ายสิ่งแวดล้อมและสุขาภิบาล: 60,
  ฝ่ายรายได้: 60,
  ฝ่ายเทศกิจ: 60,
  ฝ่ายปกครอง: 40,
  ฝ่ายทะเบียน: 40,
  ฝ่ายรักษาความสะอาดและสวนสาธารณะ: 40,
  ฝ่ายการศึกษา: 20,
  ฝ่ายการคลัง: 40,
  ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม: 40,
};

/** What the district's schools send together, seed 002: IIT from 25 civil servants and 25 employees, EIT from at least 40. */
export const SCHOOL_IIT = { civilServants: 25, employees: 25 };
export const SCHOOL_EIT_MINIMUM = 40;

const EMPLOYEE = /^(ลูกจ้าง|employee)/i;

/** Counts a roster by division and kind of staff (column `type`/`ประเภท`: ข้าราชการ or ลูกจ้าง; civil servant when absent). */
export function countRosterByKind(
  table: Table,
  fiscalYear: number,
  divisions: readonly string[],
): RosterCount & { byKind: Map<string, { civilServants: number; employees: number }> } {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const kindColumn = header.findIndex((h) => h === 'type' || h === 'ประเภท');
  const divisionColumn = header.findIndex((h) => h === 'division' || h === 'ฝ่าย');
  const counted = countRoster(table, fiscalYear, divisions);
  const byKind = new Map<string, { civilServants: number; employees: number }>();
  const skipped = new Set(counted.problems.map((p) => p.row));
  const cutoff = eligibleFrom(fiscalYear);
  const startColumn = header.findIndex((h) => h === 'start_date' || h === 'วันที่เริ่มปฏิบัติงาน');
  for (const { row, cells } of table.rows) {
    if (skipped.has(row) || divisionColumn < 0 || startColumn < 0) continue;
    const started = parseRosterDate(String(cells[startColumn] ?? ''));
    if (!started || started > cutoff) continue;
    const division = String(cells[divisionColumn] ?? '').trim();
    const entry = byKind.get(division) ?? { civilServants: 0, employees: 0 };
    if (kindColumn >= 0 && EMPLOYEE.test(String(cells[kindColumn] ?? '').trim())) entry.employees++;
    else entry.civilServants++;
    byKind.set(division, entry);
  }
  return { ...counted, byKind };
}
