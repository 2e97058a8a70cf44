import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { officialThaiDate, roundEndsOn } from '@prongsai/core';
import { listDivisions } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import { allows, authorize, type Actor } from '../auth/policy.js';
import { now, todayInBangkok } from '../db/database.js';
import type { Agency, Database, Division, EvidenceFile, MeasureEntry, ProgressReport, ReportPart } from '../db/schema.js';
import { processUpload } from '../evidence/process.js';
import { EvidenceStore } from '../evidence/store.js';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.js';
import { readableEntries, readableRevisions, readableRound, roundLocked } from './access.js';
import { ProgressRepository, reportTarget, type ReportScope, type RoundScope } from './repository.js';
import { presentEntry } from '../measures/service.js';
import { entryDivisions } from './entries.js';
import type { evidenceSchema, partSchema, REPORT_STATUSES, reportSchema, roundSchema } from './schemas.js';

type Report = z.infer<typeof reportSchema>;

export { entryDivisions, narrativeWithParts } from './entries.js';

export function presentEvidence(file: EvidenceFile): z.infer<typeof evidenceSchema> {
  return {
    id: file.id,
    position: file.position,
    kind: file.kind as 'image' | 'pdf',
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

export function presentReport(report: ProgressReport | undefined, entryId: number): z.infer<typeof reportSchema> {
  return report
    ? {
        id: report.id,
        entryId,
        status: report.status as Report['status'],
        reason: report.reason,
        narrative: report.narrative,
        review: report.review as Report['review'],
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

export function presentPart(division: Division, part: ReportPart | undefined, canEdit: boolean): z.infer<typeof partSchema> {
  return {
    divisionId: division.id,
    nameTh: division.name_th,
    nameEn: division.name_en,
    status: (part?.status ?? 'not-started') as Report['status'],
    narrative: part?.narrative ?? '',
    submitted: (part?.submitted_at ?? null) !== null,
    submittedAt: part?.submitted_at ?? null,
    updatedAt: part?.updated_at ?? null,
    can: { edit: canEdit },
  };
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
): Promise<z.infer<typeof roundSchema>> {
  const { agencyId, round } = scope;
  const entries = await repository.roundEntries(scope);
  const visible = await readableEntries(repository, actor, scope);
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
  const open = round.status === 'open';
  return {
    round: round.round as 6 | 12,
    dueDate: round.due_date,
    status: round.status as 'open' | 'approved',
    revision: round.revision,
    approvedAt: round.approved_at,
    overdue,
    entries: visible.map((entry) => {
      const report = byEntry.get(entry.id);
      const target = reportTarget(agencyId, entry);
      const canEdit = open && allows(actor, 'report', 'edit', target);
      return {
        entry: presentEntry(entry),
        report: presentReport(report, entry.id),
        evidence: report ? evidence.filter((f) => f.report_id === report.id).map(presentEvidence) : [],
        // A division editor owes their own part of a shared measure, whatever the others did.
        missing:
          actor.role === 'division_editor' && actor.divisionId !== null && shared.get(entry.id)
            ? !reportedBy(entry, actor.divisionId)
            : !done(report),
        parts: (shared.get(entry.id) ?? []).map((divisionId) =>
          presentPart(
            divisions.find((d) => d.id === divisionId)!,
            partOf(entry, divisionId),
            round.status === 'open' && allows(actor, 'report', 'editPart', { ...reportTarget(agencyId, entry), divisionId }),
          ),
        ),
        can: { edit: canEdit, review: open && allows(actor, 'report', 'review', target) },
      };
    }),
    // Every division's counts are the secretariat's and the executives' to read, not each division's.
    completeness: allows(actor, 'round', 'readCompleteness', { agencyId }) ? completeness : [],
    can: {
      approve: open && allows(actor, 'round', 'approve', { agencyId }),
      reopen: round.status === 'approved' && allows(actor, 'round', 'reopen', { agencyId }),
      review: open && allows(actor, 'report', 'review', { agencyId }),
      readCompleteness: allows(actor, 'round', 'readCompleteness', { agencyId }),
    },
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

const missingEvidenceFile = (id: number) =>
  new HttpError(
    410,
    'evidence-file-missing',
    `the file of evidence ${id} is missing from storage; restore it from a backup with files or upload it again`,
    'ไม่พบไฟล์หลักฐานในที่จัดเก็บ กรุณากู้คืนจากข้อมูลสำรองหรืออัปโหลดใหม่',
  );

/**
 * The use cases of progress rounds: writing, sending and reviewing reports, adding and changing
 * their evidence, approving and reopening rounds. Each is authorised, run in its transaction and
 * audited here; the handlers validate, call one of these and present.
 */
export class ProgressService {
  private readonly repository: ProgressRepository;
  private readonly store: EvidenceStore;

  constructor(
    private readonly db: Kysely<Database>,
    dataDir: string,
    /** The agency's quota; the store's configured one unless given. */
    quotaBytes?: number,
  ) {
    this.repository = new ProgressRepository(db);
    this.store = new EvidenceStore(dataDir, quotaBytes);
  }

  /** A round as the actor may see it. */
  async round(actor: Actor, agency: Agency, fiscalYear: number, kind: number) {
    const scope = await readableRound(this.repository, actor, agency.id, fiscalYear, kind);
    return roundView(this.repository, this.db, actor, scope);
  }

  /** The approved revisions of a round, each cut down to the entries the actor may read. */
  async revisions(actor: Actor, agency: Agency, fiscalYear: number, kind: number) {
    const scope = await readableRound(this.repository, actor, agency.id, fiscalYear, kind);
    return readableRevisions(this.repository, actor, scope);
  }

  /** Writes the progress of one measure in a round (its division, or the secretariat); the report goes back to draft. */
  async writeReport(
    actor: Actor,
    entryId: number,
    kind: number,
    input: { status: (typeof REPORT_STATUSES)[number]; reason?: string | null; narrative: string },
  ) {
    if (input.status === 'not-done' && !input.reason) {
      throw badRequest('say why the measure was not done', 'กรุณาระบุเหตุผลที่ไม่ได้ดำเนินการ');
    }
    const progress = this.repository;
    const scope = await readableReport(progress, actor, entryId, kind);
    authorize(actor, 'report', 'edit', reportTarget(scope.agencyId, scope.entry));
    const after = await progress.changeReport(actor, scope, roundLocked, async (trx, report) => {
      const updated = await progress.updateReport(trx, report.id, {
        status: input.status,
        reason: input.reason ?? null,
        narrative: input.narrative,
        review: 'draft',
        updated_by: actor.id,
        updated_at: now(),
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'update',
        entity: 'progress-report',
        entityId: report.id,
        agencyId: scope.agencyId,
        before: presentReport(report, scope.entry.id),
        after: presentReport(updated, scope.entry.id),
      });
      return updated;
    });
    return presentReport(after, scope.entry.id);
  }

  /** Sends the report to the secretariat for review. */
  async submitReport(actor: Actor, entryId: number, kind: number) {
    const progress = this.repository;
    const scope = await readableReport(progress, actor, entryId, kind);
    authorize(actor, 'report', 'edit', reportTarget(scope.agencyId, scope.entry));
    const updated = await progress.changeReport(actor, scope, roundLocked, async (trx, report) => {
      const row = await progress.updateReport(trx, report.id, { review: 'submitted', updated_by: actor.id, updated_at: now() });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'submit',
        entity: 'progress-report',
        entityId: report.id,
        agencyId: scope.agencyId,
      });
      return row;
    });
    return presentReport(updated, scope.entry.id);
  }

  /** Accepts a report, returns it to its division, or comments (the secretariat). */
  async reviewReport(
    actor: Actor,
    entryId: number,
    kind: number,
    input: { action: 'accept' | 'return' | 'comment'; comment?: string },
  ) {
    if (input.action !== 'accept' && !input.comment) throw badRequest('a comment is needed', 'กรุณาระบุความเห็น');
    const progress = this.repository;
    const scope = await readableReport(progress, actor, entryId, kind);
    authorize(actor, 'report', 'review', reportTarget(scope.agencyId, scope.entry));
    const updated = await progress.changeReport(actor, scope, roundLocked, async (trx, report, created) => {
      if (created) throw badRequest('nothing has been reported yet', 'ยังไม่มีการรายงานผล');
      const review = input.action === 'accept' ? 'accepted' : input.action === 'return' ? 'returned' : report.review;
      const row = await progress.updateReport(trx, report.id, {
        review,
        review_comment: input.comment ?? report.review_comment,
        updated_at: now(),
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: `review-${input.action}`,
        entity: 'progress-report',
        entityId: report.id,
        agencyId: scope.agencyId,
        after: { review, comment: input.comment },
      });
      return row;
    });
    return presentReport(updated, scope.entry.id);
  }

  /**
   * Approves the round (an executive), locking it. Refused (409) while reports are unsent or
   * unreviewed, or before the round's period ends, unless a reason is given (audited).
   */
  async approveRound(actor: Actor, agency: Agency, fiscalYear: number, kind: number, reason: string | null) {
    const progress = this.repository;
    const scope = await readableRound(progress, actor, agency.id, fiscalYear, kind);
    authorize(actor, 'round', 'approve', { agencyId: agency.id });
    const revision = await progress.changeRound(scope, async (trx, round) => {
      if (round.status === 'approved') throw conflict('the round is approved already', 'รอบนี้อนุมัติแล้ว');
      // The revision keeps the whole round, as the secretariat sees it; each reader gets their part.
      const secretariat = { ...actor, role: 'agency_admin' as const, agencyId: agency.id, divisionId: null };
      const snapshot = await roundView(new ProgressRepository(trx), trx, secretariat, { ...scope, round });
      const periodEndsOn = roundEndsOn(round.round as 6 | 12, fiscalYear);
      const pending = { ...pendingReports(snapshot), ...(todayInBangkok() < periodEndsOn ? { periodEndsOn } : {}) };
      if ((pending.unsent.length > 0 || pending.unreviewed.length > 0) && !reason) {
        throw new HttpError(
          409,
          'round-incomplete',
          `${pending.unsent.length} reports are not sent and ${pending.unreviewed.length} not reviewed; give a reason to approve anyway`,
          `ยังไม่ส่งรายงาน ${pending.unsent.length} รายการ และยังไม่ได้ตรวจ ${pending.unreviewed.length} รายการ หากจะอนุมัติก่อน กรุณาระบุเหตุผล`,
          pending,
        );
      }
      if (pending.periodEndsOn && !reason) {
        throw new HttpError(
          409,
          'round-period-running',
          `the round's period runs until ${periodEndsOn}; give a reason to approve it before then`,
          `รอบนี้ยังไม่สิ้นสุด (สิ้นสุด ${officialThaiDate(periodEndsOn)}) หากจะอนุมัติก่อน กรุณาระบุเหตุผล`,
          pending,
        );
      }
      await progress.approve(trx, actor, round, snapshot);
      // The executive's reason for approving with reports unsent or unreviewed is kept in the audit.
      const override = reason ? { reason, ...pending } : undefined;
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'approve',
        entity: 'progress-round',
        entityId: round.id,
        agencyId: agency.id,
        after: { fiscalYear, round: round.round, revision: round.revision, ...(override ? { approvedAnyway: override } : {}) },
      });
      return round.revision;
    });
    return { status: 'approved' as const, revision };
  }

  /** Opens an approved round again as a new revision; the approved one stays in the history. */
  async reopenRound(actor: Actor, agency: Agency, fiscalYear: number, kind: number) {
    const progress = this.repository;
    const scope = await readableRound(progress, actor, agency.id, fiscalYear, kind);
    authorize(actor, 'round', 'reopen', { agencyId: agency.id });
    const revision = await progress.changeRound(scope, async (trx, round) => {
      if (round.status !== 'approved') throw conflict('the round is open', 'รอบนี้ยังเปิดอยู่');
      await progress.reopen(trx, round);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'reopen',
        entity: 'progress-round',
        entityId: round.id,
        agencyId: agency.id,
        after: { fiscalYear, round: round.round, revision: round.revision + 1 },
      });
      return round.revision + 1;
    });
    return { status: 'open' as const, revision };
  }

  /** Adds a photo or PDF to a report: written first, recorded in a transaction that counts the agency's files under its quota. */
  async addEvidence(
    actor: Actor,
    entryId: number,
    kind: number,
    input: { content: Buffer; caption: string; link?: string },
  ): Promise<EvidenceFile> {
    const progress = this.repository;
    const scope = await readableReport(progress, actor, entryId, kind);
    authorize(actor, 'report', 'edit', reportTarget(scope.agencyId, scope.entry));
    if (scope.round.status !== 'open') throw roundLocked();
    const processed = await processUpload(input.content);
    const name = `${randomUUID()}.${processed.extension}`;
    const thumbName = processed.thumb ? `${randomUUID()}.jpg` : null;
    const staged = await this.store.stage('evidence', scope.agencyId, [
      { name, data: processed.file },
      ...(processed.thumb && thumbName ? [{ name: thumbName, data: processed.thumb }] : []),
    ]);
    try {
      return await progress.changeReport(actor, scope, roundLocked, async (trx, report) => {
        await this.store.reserve(trx, scope.agencyId, staged.bytes);
        const row = await progress.insertEvidence(trx, {
          report_id: report.id,
          agency_id: scope.agencyId,
          position: await progress.nextEvidencePosition(trx, report.id),
          kind: processed.kind,
          caption: input.caption,
          link: input.link ?? null,
          stored_name: name,
          thumb_name: thumbName,
          mime: processed.mime,
          bytes: processed.file.length,
          thumb_bytes: processed.thumb?.length ?? 0,
          width: processed.width,
          height: processed.height,
          created_by: actor.id,
          created_at: now(),
        });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'upload',
          entity: 'evidence',
          entityId: row.id,
          agencyId: scope.agencyId,
          after: presentEvidence(row),
        });
        return row;
      });
    } catch (error) {
      // Nothing is kept from an upload that was not recorded (a crash here leaves files the sweep removes).
      await staged.discard();
      throw error;
    }
  }

  /** An evidence file or its thumbnail as a stream from the file store, with its row, for those who may read its report. */
  async evidenceFile(actor: Actor, id: number, variant: 'file' | 'thumb'): Promise<{ file: EvidenceFile; stream: Readable }> {
    const { file } = await readableEvidence(this.repository, actor, id);
    const name = variant === 'file' ? file.stored_name : file.thumb_name;
    if (!name) throw notFound('thumbnail');
    const stream = await this.store.read('evidence', file.agency_id, name);
    if (!stream) throw missingEvidenceFile(file.id);
    return { file, stream };
  }

  /** Changes the caption, link or order of an evidence file. */
  async changeEvidence(
    actor: Actor,
    id: number,
    changes: { caption?: string; link?: string | null; position?: number },
  ): Promise<EvidenceFile> {
    const progress = this.repository;
    const scope = await readableEvidence(progress, actor, id);
    authorize(actor, 'report', 'edit', reportTarget(scope.agencyId, scope.entry));
    return progress.changeEvidence(scope, { locked: roundLocked, gone: () => notFound('evidence') }, async (trx, file) => {
      const row = await progress.updateEvidence(trx, file.id, {
        ...(changes.caption === undefined ? {} : { caption: changes.caption }),
        ...(changes.link === undefined ? {} : { link: changes.link }),
        ...(changes.position === undefined ? {} : { position: changes.position }),
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'update',
        entity: 'evidence',
        entityId: file.id,
        agencyId: file.agency_id,
        before: presentEvidence(file),
        after: presentEvidence(row),
      });
      return row;
    });
  }

  /** Removes an evidence file: its row in the round's transaction (audited), then its files. */
  async removeEvidence(actor: Actor, id: number): Promise<void> {
    const progress = this.repository;
    const scope = await readableEvidence(progress, actor, id);
    authorize(actor, 'report', 'edit', reportTarget(scope.agencyId, scope.entry));
    const file = await progress.changeEvidence(
      scope,
      { locked: roundLocked, gone: () => notFound('evidence') },
      async (trx, row) => {
        await progress.deleteEvidence(trx, row.id);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'delete',
          entity: 'evidence',
          entityId: row.id,
          agencyId: row.agency_id,
          before: presentEvidence(row),
        });
        return row;
      },
    );
    await this.store.remove('evidence', file.agency_id, file.stored_name, file.thumb_name);
  }
}

/**
 * Division parts of a measure that several divisions (or every division) carry out: each
 * division writes and sends its own part, and the report goes to review once all have.
 */
export class ReportPartService {
  private readonly repository: ProgressRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.repository = new ProgressRepository(db);
  }

  /** The report's scope and the division, which must be one that shares the measure. */
  private async partScope(actor: Actor, entryId: number, kind: number, divisionId: number) {
    const scope = await readableReport(this.repository, actor, entryId, kind);
    const divisions = await listDivisions(this.db, scope.agencyId);
    const shared = sharedDivisions(scope.entry, divisions);
    const division = divisions.find((d) => d.id === divisionId);
    if (!shared || !division || !shared.includes(division.id)) throw notFound('report-part');
    return { scope, division, shared };
  }

  /** Writes one division's part of a shared measure; a part changed after review sends the report back to draft. */
  async writePart(
    actor: Actor,
    entryId: number,
    kind: number,
    divisionId: number,
    input: { status: (typeof REPORT_STATUSES)[number]; narrative: string },
  ) {
    if (input.status === 'not-done' && !input.narrative) {
      throw badRequest('say why the measure was not done', 'กรุณาระบุเหตุผลที่ไม่ได้ดำเนินการ');
    }
    const progress = this.repository;
    const { scope, division } = await this.partScope(actor, entryId, kind, divisionId);
    authorize(actor, 'report', 'editPart', { ...reportTarget(scope.agencyId, scope.entry), divisionId: division.id });
    authorize(actor, 'report', 'edit', reportTarget(scope.agencyId, scope.entry));
    const part = await progress.changePart(actor, scope, division.id, roundLocked, async (trx, report, before) => {
      const saved = await progress.savePart(trx, report.id, division.id, {
        status: input.status,
        narrative: input.narrative,
        submitted_at: null,
        updated_by: actor.id,
        updated_at: now(),
      });
      // A part changed after review sends the whole report back to the divisions' side.
      if (report.review !== 'draft') {
        await progress.updateReport(trx, report.id, { review: 'draft', updated_by: actor.id, updated_at: now() });
      }
      await recordAudit(trx, {
        actorId: actor.id,
        action: before ? 'update' : 'create',
        entity: 'report-part',
        entityId: saved.id,
        agencyId: scope.agencyId,
        before: before ? { status: before.status, narrative: before.narrative } : undefined,
        after: { division: division.name_th, status: saved.status, narrative: saved.narrative },
      });
      return saved;
    });
    return presentPart(division, part, true);
  }

  /** Sends one division's part; the report goes to review when every division has sent its part. */
  async submitPart(actor: Actor, entryId: number, kind: number, divisionId: number) {
    const progress = this.repository;
    const { scope, division, shared } = await this.partScope(actor, entryId, kind, divisionId);
    authorize(actor, 'report', 'editPart', { ...reportTarget(scope.agencyId, scope.entry), divisionId: division.id });
    authorize(actor, 'report', 'edit', reportTarget(scope.agencyId, scope.entry));
    const result = await progress.changePart(actor, scope, division.id, roundLocked, async (trx, report, before) => {
      if (!before) throw badRequest('write the part before sending it', 'กรุณากรอกผลการดำเนินงานของฝ่ายก่อนส่ง');
      const saved = await progress.savePart(trx, report.id, division.id, {
        status: before.status,
        narrative: before.narrative,
        submitted_at: now(),
        updated_by: actor.id,
        updated_at: now(),
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'submit',
        entity: 'report-part',
        entityId: saved.id,
        agencyId: scope.agencyId,
        after: { division: division.name_th },
      });
      const { review, sent } = await progress.submitWhenAllPartsSent(trx, actor, report, shared);
      if (sent) {
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'submit',
          entity: 'progress-report',
          entityId: report.id,
          agencyId: scope.agencyId,
          after: { review: 'submitted', allPartsSent: true },
        });
      }
      return { saved, review };
    });
    return { part: presentPart(division, result.saved, true), reportReview: result.review as Report['review'] };
  }
}

/** One entry's report in a round, if the actor may read it. */
async function readableReport(repository: ProgressRepository, actor: Actor, entryId: number, kind: number): Promise<ReportScope> {
  const found = await repository.entryOf(entryId);
  if (!found) throw notFound('entry');
  authorize(actor, 'report', 'read', reportTarget(found.plan.agency_id, found.entry));
  const scope = await repository.reportIn(found.plan, found.entry, kind);
  if (!scope) throw notFound('round');
  return scope;
}

/** An evidence file with its report's scope, if the actor may read that report. */
async function readableEvidence(repository: ProgressRepository, actor: Actor, id: number) {
  const found = await repository.evidence(id);
  if (!found) throw notFound('evidence');
  authorize(actor, 'report', 'read', reportTarget(found.agencyId, found.entry));
  return found;
}
