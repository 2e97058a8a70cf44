import { todayInBangkok } from '../db/database.js';
import type { Kysely } from 'kysely';
import { isOitOverdue, type OitTaskStatus } from '@prongsai/core';
import { authorize, type Actor } from '../auth/policy.js';
import type { Agency, Database } from '../db/schema.js';
import { findPlan } from '../measures/repository.js';
import { OitRepository } from '../oit/repository.js';
import { ProgressRepository } from '../progress/repository.js';
import { pendingReports, roundView } from '../progress/service.js';
import { CalendarService } from './service.js';
import { owedByDivision } from './task-sheet.js';

export interface Task {
  kind:
    | 'oit-evidence'
    | 'oit-review'
    | 'oit-approve'
    | 'progress-report'
    | 'progress-review'
    | 'progress-approve'
    | 'division-late'
    | 'milestone';
  title: string;
  dueOn: string | null;
  late: boolean;
  /** Where in the web app it is done. */
  href: string;
}

/**
 * What the signed-in person must do now in an agency's year, read through the same policies as
 * their screens: a division editor what their division owes, the secretariat what to review, which
 * divisions are late with what, and which milestones are late, an executive what waits for approval.
 */
export async function tasksFor(
  db: Kysely<Database>,
  actor: Actor,
  agency: Agency,
  fiscalYear: number,
  today = todayInBangkok(),
): Promise<Task[]> {
  authorize(actor, 'calendar', 'read', { agencyId: agency.id });
  const tasks: Task[] = [];
  const base = `/a/${agency.slug}`;
  const secretariat = actor.role === 'agency_admin';
  const oit = new OitRepository(db);
  const checklist = await oit.findChecklist(agency.id, fiscalYear);
  if (checklist) {
    const { tasks: items } = await oit.checklist(actor, agency.id, fiscalYear);
    for (const view of items) {
      const status = view.task.status as OitTaskStatus;
      const late = isOitOverdue(
        { code: view.task.item_code, status, dueDate: view.task.due_date, divisionIds: view.divisions },
        today,
      );
      if (actor.role === 'division_editor' && (status === 'todo' || status === 'returned')) {
        tasks.push({
          kind: 'oit-evidence',
          title: `ส่งหลักฐาน OIT ข้อ ${view.task.item_code}${status === 'returned' ? ' (ถูกส่งกลับ)' : ''}`,
          dueOn: view.task.due_date,
          late,
          href: `${base}/disclosure`,
        });
      }
      if (secretariat && status === 'submitted') {
        tasks.push({
          kind: 'oit-review',
          title: `ตรวจหลักฐาน OIT ข้อ ${view.task.item_code}`,
          dueOn: null,
          late: false,
          href: `${base}/disclosure`,
        });
      }
    }
    if (actor.role === 'executive') {
      const accepted = items.filter((v) => v.task.status === 'accepted').length;
      if (
        accepted > 0 &&
        (!checklist.approved_at || items.some((v) => v.task.status === 'accepted' && v.task.updated_at > checklist.approved_at!))
      ) {
        tasks.push({
          kind: 'oit-approve',
          title: `อนุมัติและเผยแพร่รายการ OIT (${accepted} ข้อผ่านการตรวจ)`,
          dueOn: null,
          late: false,
          href: `${base}/disclosure`,
        });
      }
    }
  }
  const plan = await findPlan(db, agency.id, fiscalYear);
  if (plan) {
    const progress = new ProgressRepository(db);
    for (const kind of [6, 12] as const) {
      const scope = await progress.round(actor, agency.id, fiscalYear, kind);
      if (scope.round.status === 'approved') continue;
      const view = await roundView(progress, db, actor, scope);
      const pending = pendingReports(view);
      const late = scope.round.due_date < today;
      if (actor.role === 'division_editor') {
        for (const entry of view.entries.filter((e) => e.missing)) {
          tasks.push({
            kind: 'progress-report',
            title: `รายงานความก้าวหน้ารอบ ${kind} เดือน: ${entry.entry.questionCode ?? entry.entry.title ?? ''}`,
            dueOn: scope.round.due_date,
            late,
            href: `${base}/progress`,
          });
        }
      }
      if (secretariat && pending.unreviewed.length) {
        tasks.push({
          kind: 'progress-review',
          title: `ตรวจรายงานรอบ ${kind} เดือน ${pending.unreviewed.length} รายการ`,
          dueOn: scope.round.due_date,
          late,
          href: `${base}/progress`,
        });
      }
      if (
        actor.role === 'executive' &&
        view.entries.length > 0 &&
        pending.unsent.length === 0 &&
        pending.unreviewed.length === 0
      ) {
        tasks.push({
          kind: 'progress-approve',
          title: `อนุมัติรายงานรอบ ${kind} เดือน`,
          dueOn: scope.round.due_date,
          late,
          href: `${base}/progress`,
        });
      }
    }
  }
  if (secretariat) {
    // Who is late: each division past its date, with the OIT items or progress reports it still owes.
    const { divisions, owed } = await owedByDivision(db, actor, agency, fiscalYear, today);
    for (const division of divisions) {
      const late = owed.get(division.id)!.filter((o) => o.late);
      const items = late.filter((o) => o.kind === 'oit');
      if (items.length) {
        tasks.push({
          kind: 'division-late',
          title: `${division.name_th} ยังไม่ส่งหลักฐาน OIT ที่เลยกำหนด ${items.length} ข้อ (${items.map((o) => o.code).join(', ')})`,
          dueOn: items.reduce<string | null>((first, o) => (o.dueOn && (!first || o.dueOn < first) ? o.dueOn : first), null),
          late: true,
          href: `${base}/disclosure`,
        });
      }
      for (const round of [6, 12] as const) {
        const reports = late.filter((o) => o.kind === 'progress' && o.round === round);
        if (!reports.length) continue;
        tasks.push({
          kind: 'division-late',
          title: `${division.name_th} ยังไม่ส่งรายงานความก้าวหน้ารอบ ${round} เดือน ${reports.length} รายการ`,
          dueOn: reports[0]!.dueOn,
          late: true,
          href: `${base}/progress`,
        });
      }
    }
  }
  if (actor.role === 'agency_admin' || actor.role === 'central_admin') {
    for (const m of await new CalendarService(db).milestones(actor, agency, fiscalYear, today)) {
      if (m.state === 'late' || m.state === 'due-soon') {
        tasks.push({ kind: 'milestone', title: m.nameTh, dueOn: m.dueOn, late: m.state === 'late', href: base });
      }
    }
  }
  return tasks.sort((a, b) => Number(b.late) - Number(a.late) || (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
}
