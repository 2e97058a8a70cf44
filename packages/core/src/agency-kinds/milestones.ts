import { GENERAL_MILESTONES, MILESTONE_TH, MILESTONES, type Milestone } from '../calendar/milestones.js';
import { MEMO_KIND_TH, MEMO_KINDS, type MemoKind } from '../calendar/memos.js';
import { UNIT_TERMS, type AgencyKind } from './kinds.js';
import { shippedKind } from './shipped.js';

/** What the milestones of a kind's year depend on. */
export type KindOfMilestones = Pick<AgencyKind, 'id' | 'unitTerm' | 'milestones'>;

/**
 * The milestones of a kind's year, in the year's order: those the kind lists, else those of the
 * kind Prongsai ships with its id (a kind stored before kinds listed theirs), else the general list.
 */
export function kindMilestones(kind: Pick<AgencyKind, 'id' | 'milestones'>): Milestone[] {
  const listed: readonly string[] = kind.milestones ?? shippedKind(kind.id)?.milestones ?? GENERAL_MILESTONES;
  return MILESTONES.filter((m) => listed.includes(m));
}

/** The general word for an agency's units, where the milestone is named for agencies of several kinds. */
const ANY_UNIT = 'หน่วยย่อย';

/**
 * A milestone's Thai name for agencies of a kind: its units by the kind's word for them, and its
 * schools only where the kind's year has the schools' step; without a kind, in words that fit any.
 */
export function milestoneTh(milestone: Milestone, kind?: KindOfMilestones): string {
  const unit = kind?.unitTerm ?? ANY_UNIT;
  switch (milestone) {
    case 'memos':
      return `บันทึกข้อความแจ้งกำหนดการถึงทุก${unit}${kind && kindMilestones(kind).includes('schools-data') ? 'และโรงเรียน' : ''}`;
    case 'oit-evidence':
      return `${unit}ส่งหลักฐาน OIT ตามรหัสข้อ`;
    case 'eit-collection':
      return `เก็บแบบวัด EIT ตามสัดส่วนของแต่ละ${unit}`;
    default:
      return MILESTONE_TH[milestone];
  }
}

/**
 * The memos that open a kind's year: the one to every unit, and the one to the schools only where
 * the kind's year has the schools' step. The year's memos step is done once each of them is issued.
 */
export function kindMemoKinds(kind: Pick<AgencyKind, 'id' | 'milestones'>): MemoKind[] {
  const schools = kindMilestones(kind).includes('schools-data');
  return MEMO_KINDS.filter((memo) => memo !== 'schools' || schools);
}

/**
 * A memo's Thai name for agencies of a kind: to every unit by the kind's word for them. A Bangkok
 * district office's also name the divisions that write them, as seed 002 does; without a kind, in
 * words that fit any.
 */
export function memoKindTh(memo: MemoKind, kind?: KindOfMilestones): string {
  if (kind?.id === 'district') return MEMO_KIND_TH[memo];
  return memo === 'schools' ? 'บันทึกข้อความถึงโรงเรียนในสังกัด' : `บันทึกข้อความแจ้งทุก${kind?.unitTerm ?? ANY_UNIT}`;
}

/** The memos' English names in a Bangkok district office, as its pages named them before kinds had their own memos. */
const DISTRICT_MEMO_EN: Record<MemoKind, string> = {
  collection: 'Memo to every division (administration)',
  schools: 'Memo to the schools (education division)',
};

/**
 * A memo's English name for agencies of a kind, as `memoKindTh` names it in Thai: to every unit by
 * the English of the kind's word for them (without its Thai gloss), else a word that fits any.
 */
export function memoKindEn(memo: MemoKind, kind?: KindOfMilestones): string {
  if (kind?.id === 'district') return DISTRICT_MEMO_EN[memo];
  if (memo === 'schools') return 'Memo to the schools';
  const unit = kind && kind.unitTerm in UNIT_TERMS ? UNIT_TERMS[kind.unitTerm].split(' (')[0]!.toLowerCase() : 'unit';
  return `Memo to every ${unit}`;
}
