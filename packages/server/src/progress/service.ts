import type { Kysely } from 'kysely';
import { listDivisions } from '../agencies/repository.js';
import type { Actor } from '../auth/policy.js';
import { policies } from '../auth/policy.js';
import type { Database, EvidenceFile, MeasureEntry, ProgressReport, ProgressRound } from '../db/schema.js';
import { presentEntry, type Divisions } from '../measures/service.js';

export const REPORT_STATUSES = ['not-started', 'in-progress', 'done', 'not-done'] as const;

export function presentEvidence(file: EvidenceFile) {
  return {
    id: file.id,
    position: file.position,
    kind: file.kind,
    caption: file.caption,
    link: file.link,
    mime: file.mime,
    bytes: file.bytes,
    width: file.width,
    height: file.height,
    url: `/api/evidence/${file.id}/file`,
    thumbUrl: file.thumb_name ? `/api/evidence/${file.id}/thumb` : null,
  };
}

export function presentReport(report: ProgressReport | undefined, entryId: number) {
  return report
    ? {
        id: report.id,
        entryId,
        status: report.status,
        reason: report.reason,
        narrative: report.narrative,
        review: report.review,
        reviewComment: report.review_comment,
        updatedAt: report.updated_at,
      }
    : {
        id: null,
        entryId,
        status: 'not-started',
        reason: null,
        narrative: '',
        review: 'draft',
        reviewComment: null,
        updatedAt: null,
      };
}

export const entryDivisions = (entry: MeasureEntry) => JSON.parse(entry.divisions) as Divisions;

/** Bangkok's calendar date today, as YYYY-MM-DD. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/**
 * A round as the actor may see it: the entries they may read (a division editor: those of their
 * division or of every division), each with its report and evidence, plus each division's
 * completeness and the overdue entries.
 */
export async function roundView(
  db: Kysely<Database>,
  actor: Actor,
  agencyId: number,
  round: ProgressRound,
  entries: MeasureEntry[],
) {
  const reports = await db.selectFrom('progress_reports').selectAll().where('round_id', '=', round.id).execute();
  const byEntry = new Map(reports.map((r) => [r.entry_id, r]));
  const reportIds = reports.map((r) => r.id);
  const evidence = reportIds.length
    ? await db
        .selectFrom('evidence_files')
        .selectAll()
        .where('report_id', 'in', reportIds)
        .orderBy('position')
        .orderBy('id')
        .execute()
    : [];
  const visible = entries.filter((e) => policies.report.read(actor, { agencyId, divisions: entryDivisions(e) }));
  const done = (report: ProgressReport | undefined) =>
    report !== undefined && (report.review === 'submitted' || report.review === 'accepted');
  const overdue = round.status === 'open' && round.due_date < todayIso();
  const divisions = await listDivisions(db, agencyId);
  const completeness = divisions.map((division) => {
    const assigned = entries.filter((e) => {
      const list = entryDivisions(e);
      return list.includes('all') || list.includes(division.id);
    });
    const reported = assigned.filter((e) => done(byEntry.get(e.id)));
    return {
      divisionId: division.id,
      nameTh: division.name_th,
      nameEn: division.name_en,
      assigned: assigned.length,
      reported: reported.length,
    };
  });
  return {
    round: round.round,
    dueDate: round.due_date,
    status: round.status,
    revision: round.revision,
    approvedAt: round.approved_at,
    overdue,
    entries: visible.map((entry) => {
      const report = byEntry.get(entry.id);
      return {
        entry: presentEntry(entry),
        report: presentReport(report, entry.id),
        evidence: report ? evidence.filter((f) => f.report_id === report.id).map(presentEvidence) : [],
        missing: !done(report),
        canEdit: round.status === 'open' && policies.report.edit(actor, { agencyId, divisions: entryDivisions(entry) }),
      };
    }),
    completeness,
  };
}
