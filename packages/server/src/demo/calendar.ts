import { todayInBangkok } from '../db/database.js';
import type { Kysely } from 'kysely';
import { fiscalYearOf } from '@prongsai/core';
import { findAgency, listDivisions } from '../agencies/repository.js';
import { CalendarRepository } from '../calendar/repository.js';
import type { Database } from '../db/schema.js';

/**
 * The current fiscal year in progress for the seed districts: NACC's periods as a central admin
 * sets them, and each district's OIT evidence owned by ฝ่ายปกครอง with its schools' data by ฝ่ายการศึกษา.
 */
export async function loadDemoCalendar(db: Kysely<Database>, districts: readonly string[]): Promise<void> {
  const [year, month] = todayInBangkok().split('-').map(Number);
  const fiscalYear = fiscalYearOf({ year: year!, month: month! });
  const ce = fiscalYear - 543;
  const calendar = new CalendarRepository(db);
  if ((await calendar.defaults(fiscalYear)).length) return;
  await calendar.setDefault(fiscalYear, 'nacc-survey', `${ce}-04-01`, `${ce}-06-30`);
  await calendar.setDefault(fiscalYear, 'nacc-oit', `${ce}-05-01`, `${ce}-07-31`);
  for (const slug of districts) {
    const agency = await findAgency(db, slug);
    if (!agency) continue;
    const divisions = new Map((await listDivisions(db, agency.id)).map((d) => [d.name_th, d.id]));
    await calendar.setOwn(agency.id, fiscalYear, 'oit-evidence', { owner_division_id: divisions.get('ฝ่ายปกครอง') ?? null });
    await calendar.setOwn(agency.id, fiscalYear, 'schools-data', { owner_division_id: divisions.get('ฝ่ายการศึกษา') ?? null });
  }
}
