import type { Kysely, Transaction } from 'kysely';
import { listDivisions } from '../agencies/repository.js';
import type { Actor } from '../auth/policy.js';
import { policies } from '../auth/policy.js';
import type { Database, EvidenceFile, MeasureEntry, ProgressReport } from '../db/schema.js';
import type { ProgressRepository, RoundScope } from './repository.js';
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
 * completeness (counts only) and whether the round is overdue.
 */
export async function roundView(
  repository: ProgressRepository,
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  scope: RoundScope,
) {
  const { agencyId, round } = scope;
  const entries = await repository.roundEntries(scope);
  const visible = await repository.readableEntries(actor, scope);
  const byEntry = await repository.reportsOf(round, entries);
  const visibleReports = visible.map((e) => byEntry.get(e.id)).filter((r): r is ProgressReport => r !== undefined);
  const evidence = await repository.evidenceOf(visibleReports);
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

/** Measures of a round whose report was never sent (or was returned), and those sent but not yet accepted. */
export function pendingReports(view: {
  entries: { entry: { id: number; questionCode: string | null; title: string | null }; report: { review: string } }[];
}) {
  const name = (e: (typeof view.entries)[number]) => e.entry.questionCode ?? e.entry.title ?? `#${e.entry.id}`;
  return {
    unsent: view.entries.filter((e) => e.report.review === 'draft' || e.report.review === 'returned').map(name),
    unreviewed: view.entries.filter((e) => e.report.review === 'submitted').map(name),
  };
}
