import ExcelJS from 'exceljs';
import { toCsv } from '../exports/csv.js';

/** The districts late on one milestone, as the city-wide view lists them. */
export interface LateMilestone {
  milestone: string;
  nameTh: string;
  late: { slug: string; nameTh: string; dueOn: string }[];
}

/** Documented columns of the late-milestones export (CSV and XLSX alike). */
export const LATE_COLUMNS = ['milestone', 'milestone_th', 'agency', 'agency_th', 'due_on', 'days_late'] as const;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function records(late: LateMilestone[], today: string): (string | number)[][] {
  return late.flatMap((m) => m.late.map((d) => [m.milestone, m.nameTh, d.slug, d.nameTh, d.dueOn, daysBetween(d.dueOn, today)]));
}

/** UTF-8 CSV with a BOM so that Excel opens Thai correctly; names guarded against formulas. */
export function lateCsv(late: LateMilestone[], today: string): string {
  return toCsv(LATE_COLUMNS, records(late, today));
}

export async function lateXlsx(late: LateMilestone[], today: string, fiscalYear: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`ITA ${fiscalYear} late`);
  sheet.addRow([...LATE_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const record of records(late, today)) sheet.addRow(record);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
