import { todayInBangkok } from '../db/database.js';
import type { Kysely, Transaction } from 'kysely';
import { listDivisions } from '../agencies/repository.js';
import type { Actor } from '../auth/policy.js';
import { policies } from '../auth/policy.js';
import type { Database, Division, EvidenceFile, MeasureEntry, ProgressReport, ReportPart } from '../db/schema.js';
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

/**
 * The divisions that each report their own part of a measure: every division for one assigned
 * to ทุกฝ่าย, the listed ones when several are; `null` when one division carries it alone.
 */
export function sharedDivisions(entry: MeasureEntry, divisions: Pick<Division, 'id'>[]): number[] | null {
  const list = entryDivisions(entry);
  const ids = list.includes('all')
    ? divisions.map((d) => d.id)
    : list.filter((d): d is number => typeof d === 'number' && divisions.some((x) => x.id === d));
  return ids.length > 1 ? ids : null;
}

export function presentPart(division: Division, part: ReportPart | undefined, canEdit: boolean) {
  return {
    divisionId: division.id,
    nameTh: division.name_th,
    nameEn: division.name_en,
    status: part?.status ?? 'not-started',
    narrative: part?.narrative ?? '',
    submitted: (part?.submitted_at ?? null) !== null,
    submittedAt: part?.submitted_at ?? null,
    updatedAt: part?.updated_at ?? null,
    canEdit,
  };
}

/** A shared measure's narrative as documents print it: the report's own text, then each division's part. */
export function narrativeWithParts(narrative: string, parts: ReportPart[], divisions: Division[]): string {
  const lines = parts
    .filter((p) => p.submitted_at !== null && p.narrative.trim() !== '')
    .map((p) => {
      const division = divisions.find((d) => d.id === p.division_id);
      return `${division?.name_th ?? `#${p.division_id}`}: ${p.narrative.trim()}`;
    });
  return [narrative.trim(), ...lines].filter((l) => l !== '').join('\n');
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
  const parts = await repository.partsOf([...byEntry.values()]);
  const partOf = (entry: MeasureEntry, divisionId: number) => {
    const report = byEntry.get(entry.id);
    return report ? parts.find((p) => p.report_id === report.id && p.division_id === divisionId) : undefined;
  };
  const overdue = round.status === 'open' && round.due_date < todayInBangkok();
  const divisions = await listDivisions(db, agencyId);
  const shared = new Map(entries.map((e) => [e.id, sharedDivisions(e, divisions)]));
  // A division has reported a shared measure when it sent its own part, not when another did.
  const reportedBy = (entry: MeasureEntry, divisionId: number) =>
    shared.get(entry.id) ? (partOf(entry, divisionId)?.submitted_at ?? null) !== null : done(byEntry.get(entry.id));
  const completeness = divisions.map((division) => {
    const assigned = entries.filter((e) => {
      const list = entryDivisions(e);
      return list.includes('all') || list.includes(division.id);
    });
    const reported = assigned.filter((e) => reportedBy(e, division.id));
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
        // A division editor owes their own part of a shared measure, whatever the others did.
        missing:
          actor.role === 'division_editor' && actor.divisionId !== null && shared.get(entry.id)
            ? !reportedBy(entry, actor.divisionId)
            : !done(report),
        canEdit: round.status === 'open' && policies.report.edit(actor, { agencyId, divisions: entryDivisions(entry) }),
        parts: (shared.get(entry.id) ?? []).map((divisionId) =>
          presentPart(
            divisions.find((d) => d.id === divisionId)!,
            partOf(entry, divisionId),
            round.status === 'open' &&
              policies.report.editPart(actor, { agencyId, divisions: entryDivisions(entry), divisionId }),
          ),
        ),
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
