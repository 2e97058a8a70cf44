import { emptyScoreInput, scoreAssessment, type CompiledFramework, type ImportContent } from '@prongsai/core';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import { lockRow } from '../db/locks.js';
import type { Agency, Database, OitChecklist } from '../db/schema.js';
import { loadFramework } from '../frameworks/registry.js';
import { badRequest, conflict } from '../http/errors.js';
import { inputErrorAsHttp } from '../inputs/input-http.js';
import { readUpload, type Upload } from '../inputs/read-upload.js';
import { commitImport, prepareImport } from '../results/service.js';
import { ClarificationRepository, type PreliminaryItem } from './clarification-repository.js';
import { filePath, itemPath } from './pages.js';
import { OitRepository } from './repository.js';
import { OitService } from './service.js';

/** What the clarification form and screen show of one preliminary item. */
export interface ClarificationItem {
  code: string;
  name: string | null;
  indicator: number;
  preliminary: number;
  suggestion: string | null;
  disputed: boolean;
  clarification: string;
  evidence: { id: number; title: string; url: string }[];
  confirmed: number | null;
}

export interface ClarificationModel {
  agency: Agency;
  fiscalYear: number;
  file: string;
  importedAt: string;
  confirmedAt: string | null;
  preliminaryOit: number | null;
  confirmedOit: number | null;
  items: ClarificationItem[];
}

const locked = () =>
  conflict('the confirmed score is recorded; the clarification round is closed', 'บันทึกคะแนนยืนยันแล้ว รอบการชี้แจงปิดแล้ว');

function oitScore(framework: CompiledFramework, scores: Record<string, number>): number | null {
  const input = emptyScoreInput();
  for (const [code, score] of Object.entries(scores)) input.units.set(code, { score });
  const tool = framework.tools.find((t) => t.indicators.some((i) => i.units.some((u) => u.kind === 'oit')));
  return tool ? (scoreAssessment(framework, input).tools[tool.code]?.score ?? null) : null;
}

/**
 * The OIT clarification round: the assessors' preliminary scores imported, the items the agency
 * disputes with its clarification and evidence, the form for each, and the confirmed scores,
 * which then become the year's OIT result. An item not disputed keeps its preliminary score.
 */
export class ClarificationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dataDir: string,
  ) {}

  private async checklistOf(agency: Agency, fiscalYear: number): Promise<OitChecklist> {
    const checklist = await new OitRepository(this.db).findChecklist(agency.id, fiscalYear);
    if (!checklist) throw badRequest('no OIT checklist for this year', 'ยังไม่มีรายการ OIT ของปีนี้');
    return checklist;
  }

  /** The round as the secretariat, an executive or the form sees it; null before preliminary scores exist. */
  async view(actor: Actor | null, agency: Agency, fiscalYear: number): Promise<ClarificationModel | null> {
    if (actor) authorize(actor, 'oitChecklist', 'readWhole', { agencyId: agency.id });
    const checklist = await this.checklistOf(agency, fiscalYear);
    const repository = new ClarificationRepository(this.db);
    const review = await repository.review(checklist.id);
    if (!review) return null;
    const framework = loadFramework(checklist.framework_id);
    const preliminary = JSON.parse(review.preliminary) as PreliminaryItem[];
    const confirmed = review.confirmed ? (JSON.parse(review.confirmed) as Record<string, number>) : null;
    const disputes = new Map((await repository.disputes(review.id)).map((d) => [d.item_code, d]));
    const tasks = new Map((await new OitRepository(this.db).allTasks(checklist.id)).map((v) => [v.task.item_code, v]));
    const live = await new OitService(this.db, this.dataDir).liveSnapshot(agency.id, fiscalYear);
    const published = new Set(live?.items.flatMap((i) => i.documents.map((d) => d.id)) ?? []);
    const items = preliminary.map((item): ClarificationItem => {
      const data = framework.data.oitItems.find((o) => o.code === item.code);
      const dispute = disputes.get(item.code);
      const ids = dispute ? (JSON.parse(dispute.evidence_ids) as number[]) : [];
      const evidence = (tasks.get(item.code)?.evidence ?? [])
        .filter((e) => ids.includes(e.id))
        .map((e) => ({
          id: e.id,
          title: e.title || e.file_name || e.url || '',
          url:
            e.kind === 'link'
              ? e.url!
              : published.has(e.id)
                ? filePath(agency, fiscalYear, item.code, e.id, e.file_name ?? 'document')
                : `${itemPath(agency, fiscalYear, item.code)} (${e.file_name ?? ''})`,
        }));
      return {
        code: item.code,
        name: data?.name?.th ?? null,
        indicator: data?.indicator ?? 0,
        preliminary: item.score,
        suggestion: item.suggestion,
        disputed: !!dispute,
        clarification: dispute?.clarification ?? '',
        evidence,
        confirmed: confirmed ? (confirmed[item.code] ?? null) : null,
      };
    });
    return {
      agency,
      fiscalYear,
      file: review.preliminary_file,
      importedAt: review.imported_at,
      confirmedAt: review.confirmed_at,
      preliminaryOit: oitScore(framework, Object.fromEntries(preliminary.map((i) => [i.code, i.score]))),
      confirmedOit: confirmed ? oitScore(framework, confirmed) : null,
      items,
    };
  }

  /** Reads the assessors' preliminary OIT scores from any OIT results format (details, scores, pasted tables). */
  async importPreliminary(actor: Actor, agency: Agency, fiscalYear: number, upload: Upload): Promise<void> {
    authorize(actor, 'oitChecklist', 'manage', { agencyId: agency.id });
    const checklist = await this.checklistOf(agency, fiscalYear);
    const framework = loadFramework(checklist.framework_id);
    // Unreadable text, 1e2 or Infinity, a damaged or hostile XLSX: a Thai 422 naming the row, as the results import.
    const read = await readUpload(framework, upload).catch((error: unknown) => {
      throw inputErrorAsHttp(error);
    });
    const codes = new Set(framework.data.oitItems.map((o) => o.code));
    const suggestions = new Map(read.content.oit.map((d) => [d.code, d.suggestion]));
    const items: PreliminaryItem[] = [...read.content.input.units.entries()]
      .filter(([code, given]) => codes.has(code) && Number.isFinite(given.score) && given.score >= 0 && given.score <= 100)
      .map(([code, given]) => ({ code, score: given.score, suggestion: suggestions.get(code) ?? null }))
      .sort(
        (a, b) =>
          framework.data.oitItems.findIndex((o) => o.code === a.code) -
          framework.data.oitItems.findIndex((o) => o.code === b.code),
      );
    if (!items.length) {
      throw badRequest('the file holds no OIT item scores of this framework', 'ไฟล์ไม่มีคะแนนรายข้อ OIT ของชุดคำถามนี้');
    }
    await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agency.id);
      const repository = new ClarificationRepository(trx);
      if ((await repository.review(checklist.id))?.confirmed_at) throw locked();
      const review = await repository.savePreliminary(trx, {
        checklistId: checklist.id,
        agencyId: agency.id,
        fiscalYear,
        items,
        fileName: read.fileName,
        actorId: actor.id,
      });
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'import',
        entity: 'oit-preliminary',
        entityId: review.id,
        agencyId: agency.id,
        after: { file: read.fileName, items: items.length },
      });
    });
  }

  /** Marks an item disputed with the agency's clarification and the evidence it points to, or withdraws the dispute. */
  async dispute(
    actor: Actor,
    agency: Agency,
    fiscalYear: number,
    code: string,
    change: { disputed: boolean; clarification: string; evidence: number[] },
  ): Promise<void> {
    authorize(actor, 'oitChecklist', 'manage', { agencyId: agency.id });
    const checklist = await this.checklistOf(agency, fiscalYear);
    const review = await new ClarificationRepository(this.db).review(checklist.id);
    if (!review) throw badRequest('import the preliminary scores first', 'ยังไม่ได้นำเข้าคะแนนเบื้องต้นของผู้ประเมิน');
    if (review.confirmed_at) throw locked();
    if (!(JSON.parse(review.preliminary) as PreliminaryItem[]).some((i) => i.code === code)) {
      throw badRequest(`item ${code} has no preliminary score`, `ข้อ ${code} ไม่มีคะแนนเบื้องต้น`);
    }
    if (change.disputed && !change.clarification.trim()) {
      throw badRequest('write the clarification of the disputed item', 'กรุณาเขียนคำชี้แจงของข้อที่ขอชี้แจง');
    }
    const task = (await new OitRepository(this.db).allTasks(checklist.id)).find((v) => v.task.item_code === code);
    const own = new Set(task?.evidence.map((e) => e.id) ?? []);
    const strange = change.evidence.filter((id) => !own.has(id));
    if (strange.length) throw badRequest(`evidence ${strange.join(', ')} is not of item ${code}`, `มีหลักฐานที่ไม่ใช่ของข้อ ${code}`);
    await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agency.id);
      await new ClarificationRepository(trx).saveDispute(
        trx,
        review.id,
        code,
        change.disputed ? { clarification: change.clarification.trim(), evidenceIds: [...new Set(change.evidence)] } : null,
        actor.id,
      );
      await recordAudit(trx, {
        actorId: actor.id,
        action: change.disputed ? 'dispute' : 'accept',
        entity: 'oit-preliminary',
        entityId: review.id,
        agencyId: agency.id,
        after: { code, ...change },
      });
    });
  }

  /**
   * Records the assessors' confirmed scores of the disputed items (the others keep their
   * preliminary scores) and imports the whole as the year's OIT result.
   */
  async confirm(actor: Actor, agency: Agency, fiscalYear: number, given: Record<string, number>): Promise<void> {
    authorize(actor, 'oitChecklist', 'manage', { agencyId: agency.id });
    const model = await this.view(null, agency, fiscalYear);
    if (!model) throw badRequest('import the preliminary scores first', 'ยังไม่ได้นำเข้าคะแนนเบื้องต้นของผู้ประเมิน');
    if (model.confirmedAt) throw locked();
    const unknown = Object.keys(given).filter((code) => !model.items.some((i) => i.code === code));
    if (unknown.length) {
      throw badRequest(`no preliminary score for ${unknown.join(', ')}`, `ไม่มีคะแนนเบื้องต้นของข้อ ${unknown.join(', ')}`);
    }
    const missing = model.items.filter((i) => i.disputed && given[i.code] === undefined).map((i) => i.code);
    if (missing.length) {
      throw badRequest(
        `give the confirmed score of every disputed item: ${missing.join(', ')}`,
        `กรุณาระบุคะแนนยืนยันของข้อที่ชี้แจง: ${missing.join(', ')}`,
      );
    }
    const scores = Object.fromEntries(model.items.map((i) => [i.code, i.disputed ? given[i.code]! : i.preliminary]));
    const checklist = await this.checklistOf(agency, fiscalYear);
    const framework = loadFramework(checklist.framework_id);
    const content: ImportContent = { input: emptyScoreInput(), oit: [], stats: [] };
    for (const [code, score] of Object.entries(scores)) content.input.units.set(code, { score });
    content.oit = model.items.map((i) => ({
      code: i.code,
      urls: i.evidence.map((e) => e.url),
      suggestion: i.suggestion,
      explanation: i.disputed ? i.clarification : null,
    }));
    const fileName = `OIT ยืนยันผล (รอบชี้แจง) ${model.file}`.slice(0, 200);
    const preview = await prepareImport(this.db, agency, fiscalYear, framework, {
      content,
      format: 'oit-confirmed',
      fileName,
      unread: [],
    });
    await commitImport(this.db, actor.id, agency, fiscalYear, preview);
    await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agency.id);
      const review = await new ClarificationRepository(trx).review(checklist.id);
      await new ClarificationRepository(trx).confirm(trx, review!.id, scores, actor.id);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'confirm',
        entity: 'oit-preliminary',
        entityId: review!.id,
        agencyId: agency.id,
        after: { scores },
      });
    });
  }
}
