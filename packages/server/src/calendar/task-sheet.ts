import type { Kysely } from 'kysely';
import { isOitOverdue, toThaiDigits, type AgencyKind, type MilestoneState, type OitTaskStatus } from '@prongsai/core';
import { kindById } from '../agencies/kinds-service.js';
import { listDivisions } from '../agencies/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import { todayInBangkok } from '../db/database.js';
import type { Agency, Database, Division } from '../db/schema.js';
import { officialDate } from '../documents/common.js';
import { loadFramework } from '../frameworks/registry.js';
import { findPlan } from '../measures/repository.js';
import { readableRound } from '../progress/access.js';
import { readableChecklist } from '../oit/access.js';
import { OitRepository } from '../oit/repository.js';
import { ProgressRepository } from '../progress/repository.js';
import { roundView } from '../progress/service.js';
import { CalendarService } from './service.js';

/** One thing a division still owes: what, by when, where it stands. */
export interface OwedRow {
  what: string;
  dueOn: string | null;
  state: string;
  late: boolean;
}

/** The sheet the secretariat hands each division: what it still owes this year, one division a page. */
export interface TaskSheetModel {
  agency: Agency;
  /** The agency's kind as stored, whose word for its units the sheet uses (documents/agency-wording.ts). */
  kind?: AgencyKind | undefined;
  fiscalYear: number;
  /** The day the sheet was made, as an official date. */
  asOf: string;
  divisions: { nameTh: string; rows: OwedRow[] }[];
  /** Divisions that owe nothing now. */
  clear: string[];
}

const OIT_STATE: Record<string, string> = { todo: 'ยังไม่ส่ง', returned: 'ส่งกลับให้แก้ไข' };
const MILESTONE_STATE: Record<MilestoneState, string> = {
  late: 'เลยกำหนด',
  'due-soon': 'ใกล้ครบกำหนด',
  open: 'อยู่ระหว่างดำเนินการ',
  upcoming: 'ยังไม่ถึงกำหนด',
  done: 'เสร็จแล้ว',
};

/** One thing a division owes, as the tasks and the sheet read it. */
export interface Owed {
  kind: 'oit' | 'progress' | 'milestone';
  what: string;
  /** The OIT item's code, for `oit`. */
  code: string | null;
  /** The progress round, for `progress`. */
  round: 6 | 12 | null;
  /** ISO date. */
  dueOn: string | null;
  state: string;
  late: boolean;
}

/**
 * What each division still owes in an agency's year, read through the same policies as the
 * screens (a division editor reads their own division only): the OIT items not sent or returned,
 * the progress reports (or shared measures' parts) not sent, and the steps it owns not done.
 * The secretariat's "who is late" and the printed sheet both come from here.
 */
export async function owedByDivision(
  db: Kysely<Database>,
  reader: Actor,
  agency: Agency,
  fiscalYear: number,
  today = todayInBangkok(),
): Promise<{ divisions: Division[]; owed: Map<number, Owed[]> }> {
  authorize(reader, 'calendar', 'read', { agencyId: agency.id });
  const divisions = (await listDivisions(db, agency.id)).filter(
    (d) => reader.role !== 'division_editor' || d.id === reader.divisionId,
  );
  const owed = new Map<number, Owed[]>(divisions.map((d) => [d.id, []]));
  const add = (divisionId: number, row: Owed) => owed.get(divisionId)?.push(row);

  const oit = new OitRepository(db);
  const checklist = await oit.findChecklist(agency.id, fiscalYear);
  if (checklist) {
    const items = new Map(loadFramework(checklist.framework_id).data.oitItems.map((i) => [i.code, i.name?.th ?? '']));
    for (const view of (await readableChecklist(oit, reader, agency.id, fiscalYear)).tasks) {
      const status = view.task.status as OitTaskStatus;
      if (status !== 'todo' && status !== 'returned') continue;
      const code = view.task.item_code;
      const late = isOitOverdue({ code, status, dueDate: view.task.due_date, divisionIds: view.divisions }, today);
      for (const divisionId of view.divisions) {
        add(divisionId, {
          kind: 'oit',
          what: `หลักฐาน OIT ข้อ ${code} ${items.get(code) ?? ''}`.trim(),
          code,
          round: null,
          dueOn: view.task.due_date,
          state: OIT_STATE[status]!,
          late,
        });
      }
    }
  }

  const plan = await findPlan(db, agency.id, fiscalYear);
  if (plan) {
    const progress = new ProgressRepository(db);
    for (const round of [6, 12] as const) {
      const scope = await readableRound(progress, reader, agency.id, fiscalYear, round);
      if (scope.round.status === 'approved') continue;
      const view = await roundView(progress, db, reader, scope);
      const late = scope.round.due_date < today;
      for (const { entry, report, parts } of view.entries) {
        const what =
          `รายงานความก้าวหน้ารอบ ${toThaiDigits(String(round))} เดือน: ${entry.questionCode ? `${entry.questionCode} ` : ''}${entry.title ?? entry.questionText ?? ''}`.trim();
        const state = report.review === 'returned' ? 'ส่งกลับให้แก้ไข' : 'ยังไม่ส่ง';
        // A shared measure is owed by each division that has not sent its part; another by its division until it is sent.
        const owing = parts.length
          ? parts.filter((p) => !p.submitted).map((p) => p.divisionId)
          : report.review === 'draft' || report.review === 'returned'
            ? entry.divisions.includes('all')
              ? divisions.map((d) => d.id)
              : entry.divisions.filter((d): d is number => typeof d === 'number')
            : [];
        for (const divisionId of owing) {
          add(divisionId, { kind: 'progress', what, code: null, round, dueOn: scope.round.due_date, state, late });
        }
      }
    }
  }

  for (const m of await new CalendarService(db).milestones(reader, agency, fiscalYear, today)) {
    if (m.ownerDivisionId === null || m.done) continue;
    add(m.ownerDivisionId, {
      kind: 'milestone',
      what: m.nameTh,
      code: null,
      round: null,
      dueOn: m.dueOn,
      state: MILESTONE_STATE[m.state],
      late: m.state === 'late',
    });
  }
  return { divisions, owed };
}

/** The sheet of what each division still owes, one division a page. */
export async function taskSheetModel(
  db: Kysely<Database>,
  reader: Actor,
  agency: Agency,
  fiscalYear: number,
  today = todayInBangkok(),
): Promise<TaskSheetModel> {
  const { divisions, owed } = await owedByDivision(db, reader, agency, fiscalYear, today);
  const byDue = (a: Owed, b: Owed) => Number(b.late) - Number(a.late) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999');
  return {
    agency,
    kind: await kindById(db, agency.kind),
    fiscalYear,
    asOf: officialDate(today),
    divisions: divisions
      .filter((d) => owed.get(d.id)!.length > 0)
      .map((d) => ({
        nameTh: d.name_th,
        rows: owed
          .get(d.id)!
          .sort(byDue)
          .map((row) => ({ what: row.what, dueOn: row.dueOn && officialDate(row.dueOn), state: row.state, late: row.late })),
      })),
    clear: divisions.filter((d) => owed.get(d.id)!.length === 0).map((d) => d.name_th),
  };
}
