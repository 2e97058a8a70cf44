import type { Kysely } from 'kysely';
import { addDays, fiscalYearOf, MILESTONES, templateDates, toThaiDigits, type Milestone } from '@prongsai/core';
import { kindById } from '../agencies/kinds-service.js';
import { findAgency, listDivisions } from '../agencies/repository.js';
import { CalendarRepository } from '../calendar/repository.js';
import { MemoRepository } from '../calendar/memo-repository.js';
import { findCommittee, latestCommitteeBefore } from '../committees/repository.js';
import { carryCommittee, committeeTemplate } from '../committees/template.js';
import { now, todayInBangkok } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** Milestones no record tells: the secretariat marks them done. */
const MANUAL: readonly Milestone[] = ['schools-data', 'staff-count', 'nacc-survey', 'nacc-oit'];

/** Who owns each step in a district's year, by division. */
const OWNERS: Partial<Record<Milestone, string>> = {
  'committee-order': 'ฝ่ายปกครอง',
  memos: 'ฝ่ายปกครอง',
  'measures-plan': 'ฝ่ายปกครอง',
  'schools-data': 'ฝ่ายการศึกษา',
  'staff-count': 'ฝ่ายปกครอง',
  'oit-evidence': 'ฝ่ายปกครอง',
  'iit-collection': 'ฝ่ายปกครอง',
  'eit-collection': 'ฝ่ายปกครอง',
};

/**
 * The current fiscal year in progress for the seed districts, wherever in the year today falls:
 * NACC's periods set city-wide; each step owned by its division; the steps whose date has passed
 * done by every district but Phasi Charoen, which is late; Bang Sue ahead, with its committee
 * order and memos issued once their window opens; Lak Si's OIT evidence due a fortnight early.
 */
export async function loadDemoCalendar(db: Kysely<Database>, districts: readonly string[]): Promise<void> {
  const today = todayInBangkok();
  const [year, month] = today.split('-').map(Number);
  const fiscalYear = fiscalYearOf({ year: year!, month: month! });
  const ce = fiscalYear - 543;
  const calendar = new CalendarRepository(db);
  if ((await calendar.defaults(fiscalYear)).length) return;
  const dates = templateDates(fiscalYear);
  dates['nacc-survey'] = { startsOn: `${ce}-04-01`, dueOn: `${ce}-06-30` };
  dates['nacc-oit'] = { startsOn: `${ce}-05-01`, dueOn: `${ce}-07-31` };
  for (const m of ['nacc-survey', 'nacc-oit'] as const) {
    await calendar.setDefault(fiscalYear, m, dates[m].startsOn, dates[m].dueOn);
  }
  const passed = (m: Milestone) => today > dates[m].dueOn;
  const opened = (m: Milestone) => passed(m) || (dates[m].startsOn !== null && today >= dates[m].startsOn!);
  for (const slug of districts) {
    const agency = await findAgency(db, slug);
    if (!agency) continue;
    const divisions = new Map((await listDivisions(db, agency.id)).map((d) => [d.name_th, d.id]));
    for (const milestone of MILESTONES) {
      const owner = OWNERS[milestone];
      const done = MANUAL.includes(milestone) && passed(milestone) && slug !== 'phasi-charoen';
      await calendar.setOwn(agency.id, fiscalYear, milestone, {
        owner_division_id: owner ? (divisions.get(owner) ?? null) : null,
        ...(done ? { done_at: now(), done_by: null } : {}),
      });
    }
    if (slug === 'lak-si') {
      await calendar.setOwn(agency.id, fiscalYear, 'oit-evidence', { due_on: addDays(dates['oit-evidence'].dueOn, -14) });
    }
    const ahead = slug === 'bang-sue';
    if (slug !== 'phasi-charoen' && (passed('committee-order') || (ahead && today >= `${ce - 1}-11-01`))) {
      await demoCommittee(db, agency, fiscalYear, today);
    }
    if (slug !== 'phasi-charoen' && (passed('memos') || (ahead && opened('memos')))) {
      await demoMemos(db, agency.id, fiscalYear, today, passed('memos'));
    }
  }
}

/** The year's committee order, carried from the agency's last one (or the template) and signed. */
async function demoCommittee(
  db: Kysely<Database>,
  agency: NonNullable<Awaited<ReturnType<typeof findAgency>>>,
  fiscalYear: number,
  today: string,
): Promise<void> {
  if (await findCommittee(db, agency.id, fiscalYear)) return;
  const last = await latestCommitteeBefore(db, agency.id, fiscalYear);
  const draft = last
    ? carryCommittee(last.committee, last.fiscalYear, fiscalYear)
    : committeeTemplate(agency, fiscalYear, await kindById(db, agency.kind));
  const signed = [`${fiscalYear - 544}-11-15`, today].sort()[0]!;
  const committee = {
    ...draft,
    orderNumber: toThaiDigits(`${agency.id * 3}/${fiscalYear}`),
    signedDate: signed,
    signatoryName: draft.signatoryName || 'ผู้อำนวยการเขต',
    signatoryTitle: draft.signatoryTitle || `ผู้อำนวยการ${agency.name_th.replace(/^สำนักงาน/, '')}`,
  };
  await db
    .insertInto('committees')
    .values({ agency_id: agency.id, fiscal_year: fiscalYear, data: JSON.stringify(committee), updated_at: now() })
    .execute();
}

/** The schools' memo issued (seed 002 sent it on 20 December) and the divisions' memo issued or drafted. */
async function demoMemos(db: Kysely<Database>, agencyId: number, fiscalYear: number, today: string, both: boolean) {
  const memos = new MemoRepository(db);
  if ((await memos.ofYear(agencyId, fiscalYear)).length) return;
  const schoolsDate = [`${fiscalYear - 544}-12-20`, today].sort()[0]!;
  await memos.save(
    agencyId,
    fiscalYear,
    'schools',
    JSON.stringify({ number: `กท ${7000 + agencyId}/${1300 + agencyId}`, date: schoolsDate }),
    null,
  );
  const schools = (await memos.find(agencyId, fiscalYear, 'schools'))!;
  await memos.setIssued(schools.id, now(), null, null);
  await memos.save(
    agencyId,
    fiscalYear,
    'collection',
    JSON.stringify({ number: `กท ${7000 + agencyId}/-`, phone: '6008 - 6009' }),
    null,
  );
  if (both) {
    await memos.save(
      agencyId,
      fiscalYear,
      'collection',
      JSON.stringify({ number: `กท ${7000 + agencyId}/-`, date: today }),
      null,
    );
    await memos.setIssued((await memos.find(agencyId, fiscalYear, 'collection'))!.id, now(), null, null);
  }
}
