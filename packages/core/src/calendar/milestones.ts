/** The steps of an agency's ITA year, in the order the year runs them. */
export const MILESTONES = [
  'committee-order',
  'memos',
  'measures-plan',
  'measures-publication',
  'schools-data',
  'staff-count',
  'oit-evidence',
  'iit-collection',
  'eit-collection',
  'oit-publication',
  'nacc-survey',
  'nacc-oit',
  'progress-6',
  'results',
  'progress-12',
] as const;
export type Milestone = (typeof MILESTONES)[number];

/**
 * The milestones an agency's year has unless its kind lists its own: every step but the schools'
 * staff data, which only Bangkok's district offices collect from their schools.
 */
export const GENERAL_MILESTONES: readonly Milestone[] = MILESTONES.filter((m) => m !== 'schools-data');

/**
 * The milestones' Thai names as a Bangkok district office's year words them; `milestoneTh` words
 * them for the agency's kind (its units, its schools), and every screen and export names them so.
 */
export const MILESTONE_TH: Record<Milestone, string> = {
  'committee-order': 'คำสั่งแต่งตั้งคณะกรรมการ ITA',
  memos: 'บันทึกข้อความแจ้งกำหนดการถึงทุกฝ่ายและโรงเรียน',
  'measures-plan': 'จัดทำมาตรการยกระดับคุณธรรมและความโปร่งใส',
  'measures-publication': 'เผยแพร่มาตรการ',
  'schools-data': 'โรงเรียนส่งข้อมูลบุคลากร',
  'staff-count': 'ส่งจำนวนบุคลากรที่ปฏิบัติงานไม่น้อยกว่า 1 ปี และหลักฐานการตอบ IIT',
  'oit-evidence': 'ฝ่ายส่งหลักฐาน OIT ตามรหัสข้อ',
  'iit-collection': 'เก็บแบบวัด IIT',
  'eit-collection': 'เก็บแบบวัด EIT ตามสัดส่วนของแต่ละฝ่าย',
  'oit-publication': 'เผยแพร่ข้อมูล OIT บนเว็บไซต์และกรอก URL ในระบบ ITAS',
  'nacc-survey': 'ช่วงตอบแบบวัด IIT/EIT ในระบบของสำนักงาน ป.ป.ช.',
  'nacc-oit': 'ช่วงตรวจและชี้แจง OIT ของสำนักงาน ป.ป.ช.',
  'progress-6': 'รายงานความก้าวหน้ารอบ 6 เดือน',
  results: 'ประกาศผลการประเมิน',
  'progress-12': 'รายงานผลรอบ 12 เดือน',
};

/** Dates as month and day, in the fiscal year (October of the year before to September) or just after it. */
interface TemplateDate {
  month: number;
  day: number;
  /** 0: the calendar year the fiscal year ends in; -1: the one it starts in (October–December). */
  year: 0 | -1;
}

export interface TemplateEntry {
  starts?: TemplateDate;
  due: TemplateDate;
}

/**
 * The BMA district template: the dates seed 002's memos set (OIT evidence and the first staff
 * count by 31 March, IIT/EIT by 31 May, schools by 15 January), the progress rounds (30 April,
 * 31 October) and the order of the year; NACC's periods as a central admin sets them each year.
 */
export const BMA_TEMPLATE: Record<Milestone, TemplateEntry> = {
  'committee-order': { due: { month: 1, day: 31, year: 0 } },
  memos: { starts: { month: 12, day: 1, year: -1 }, due: { month: 2, day: 15, year: 0 } },
  'measures-plan': { starts: { month: 10, day: 1, year: -1 }, due: { month: 12, day: 31, year: -1 } },
  'measures-publication': { due: { month: 1, day: 31, year: 0 } },
  'schools-data': { due: { month: 1, day: 15, year: 0 } },
  'staff-count': { due: { month: 3, day: 31, year: 0 } },
  'oit-evidence': { starts: { month: 1, day: 15, year: 0 }, due: { month: 3, day: 31, year: 0 } },
  'iit-collection': { starts: { month: 2, day: 1, year: 0 }, due: { month: 5, day: 31, year: 0 } },
  'eit-collection': { starts: { month: 2, day: 1, year: 0 }, due: { month: 5, day: 31, year: 0 } },
  'oit-publication': { due: { month: 4, day: 30, year: 0 } },
  'nacc-survey': { starts: { month: 4, day: 1, year: 0 }, due: { month: 6, day: 30, year: 0 } },
  'nacc-oit': { starts: { month: 5, day: 1, year: 0 }, due: { month: 7, day: 31, year: 0 } },
  'progress-6': { due: { month: 4, day: 30, year: 0 } },
  results: { due: { month: 9, day: 30, year: 0 } },
  'progress-12': { due: { month: 10, day: 31, year: 0 } },
};

const isoOf = (fiscalYear: number, date: TemplateDate) =>
  `${fiscalYear - 543 + date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

export interface MilestoneDates {
  startsOn: string | null;
  dueOn: string;
}

/** The template's dates of a Buddhist-Era fiscal year, as ISO dates. */
export function templateDates(
  fiscalYear: number,
  template: Record<Milestone, TemplateEntry> = BMA_TEMPLATE,
): Record<Milestone, MilestoneDates> {
  return Object.fromEntries(
    MILESTONES.map((m) => [
      m,
      { startsOn: template[m].starts ? isoOf(fiscalYear, template[m].starts!) : null, dueOn: isoOf(fiscalYear, template[m].due) },
    ]),
  ) as Record<Milestone, MilestoneDates>;
}

/** Where a milestone stands on a day. */
export type MilestoneState = 'done' | 'late' | 'due-soon' | 'open' | 'upcoming';

/** Days before a due date that a milestone is due soon. */
export const DUE_SOON_DAYS = 14;

/** An ISO date moved by a number of days. */
export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * NACC's own windows (its survey and OIT review periods in ITAS): the calendar shows them so that
 * an agency plans around them, but an agency has nothing to hand in for them, so it is never late
 * for one; once the window has closed it is over.
 */
export const NACC_WINDOWS: readonly Milestone[] = ['nacc-survey', 'nacc-oit'];

export function milestoneState(dates: MilestoneDates, done: boolean, today: string, milestone?: Milestone): MilestoneState {
  if (done) return 'done';
  if (milestone && NACC_WINDOWS.includes(milestone) && today > dates.dueOn) return 'done';
  if (today > dates.dueOn) return 'late';
  if (today >= addDays(dates.dueOn, -DUE_SOON_DAYS)) return 'due-soon';
  if (dates.startsOn && today >= dates.startsOn) return 'open';
  return 'upcoming';
}

/** Milestones whose state comes from a feature, not from a tick box. */
export const FEATURE_MILESTONES: readonly Milestone[] = [
  'committee-order',
  'memos',
  'measures-plan',
  'measures-publication',
  'oit-evidence',
  'oit-publication',
  'iit-collection',
  'eit-collection',
  'progress-6',
  'results',
  'progress-12',
];
