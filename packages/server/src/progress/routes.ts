import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { officialThaiDate, roundEndsOn } from '@prongsai/core';
import { readableAgency } from '../agencies/service.js';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import { agencyQuotaBytes, type Config } from '../config.js';
import { now, todayInBangkok, type Db } from '../db/database.js';
import { MAX_EVIDENCE_BYTES, processUpload } from '../evidence/process.js';
import { EvidenceStore, uploadBodyLimit } from '../evidence/store.js';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { ProgressRepository, reportTarget, roundLocked } from './repository.js';
import { pendingReports, presentEvidence, presentReport, REPORT_STATUSES, roundView } from './service.js';

const roundParams = z.object({
  agency: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2500).max(2700),
  round: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)])),
});
const reportParams = z.object({
  entry: z.coerce.number().int().positive(),
  round: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)])),
});
/** A link shown and printed as a link: http(s) only, never javascript:, data:, file: or vbscript:. */
export const webLink = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => isWebUrl(value), {
    message: 'links must be http:// or https:// addresses (ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://)',
  });

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const missingEvidenceFile = (id: number) =>
  new HttpError(
    410,
    'evidence-file-missing',
    `the file of evidence ${id} is missing from storage; restore it from a backup with files or upload it again`,
    'ไม่พบไฟล์หลักฐานในที่จัดเก็บ กรุณากู้คืนจากข้อมูลสำรองหรืออัปโหลดใหม่',
  );

export async function progressRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['progress'];
  const evidenceDir = join(config.dataDir, 'evidence');
  const store = new EvidenceStore(config.dataDir, config.agencyQuotaBytes ?? agencyQuotaBytes());

  const progress = new ProgressRepository(db.kysely);
  const roundScope = async (actor: Actor, ref: string, year: number, kind: number) => {
    const agency = await readableAgency(db.kysely, actor, ref);
    return { agency, scope: await progress.round(actor, agency.id, year, kind) };
  };

  api.get(
    '/api/agencies/:agency/plans/:year/rounds/:round',
    {
      schema: {
        tags,
        summary: 'A progress round: the entries you may see with their reports and evidence, completeness per division',
        params: roundParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { scope } = await roundScope(actor, request.params.agency, request.params.year, request.params.round);
      return roundView(progress, db.kysely, actor, scope);
    },
  );

  api.put(
    '/api/entries/:entry/reports/:round',
    {
      schema: {
        tags,
        summary: 'Write the progress of one measure in a round (its division, or the secretariat)',
        params: reportParams,
        body: z.object({
          status: z.enum(REPORT_STATUSES),
          reason: z.string().trim().max(4000).nullish(),
          narrative: z.string().trim().max(20000),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (request.body.status === 'not-done' && !request.body.reason) {
        throw badRequest('say why the measure was not done', 'กรุณาระบุเหตุผลที่ไม่ได้ดำเนินการ');
      }
      const scope = await progress.report(actor, request.params.entry, request.params.round);
      const after = await progress.changeReport(actor, scope, 'edit', async (trx, report) => {
        const updated = await progress.updateReport(trx, report.id, {
          status: request.body.status,
          reason: request.body.reason ?? null,
          narrative: request.body.narrative,
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
    },
  );

  api.post(
    '/api/entries/:entry/reports/:round/submit',
    { schema: { tags, summary: 'Send the report to the secretariat for review', params: reportParams } },
    async (request) => {
      const actor = requireActor(request);
      const scope = await progress.report(actor, request.params.entry, request.params.round);
      const updated = await progress.changeReport(actor, scope, 'edit', async (trx, report) => {
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
    },
  );

  api.post(
    '/api/entries/:entry/reports/:round/review',
    {
      schema: {
        tags,
        summary: 'Accept a report, return it to its division, or comment (the secretariat)',
        params: reportParams,
        body: z.object({ action: z.enum(['accept', 'return', 'comment']), comment: z.string().trim().max(4000).optional() }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (request.body.action !== 'accept' && !request.body.comment) throw badRequest('a comment is needed', 'กรุณาระบุความเห็น');
      const scope = await progress.report(actor, request.params.entry, request.params.round);
      const updated = await progress.changeReport(actor, scope, 'review', async (trx, report, created) => {
        if (created) throw badRequest('nothing has been reported yet', 'ยังไม่มีการรายงานผล');
        const review =
          request.body.action === 'accept' ? 'accepted' : request.body.action === 'return' ? 'returned' : report.review;
        const row = await progress.updateReport(trx, report.id, {
          review,
          review_comment: request.body.comment ?? report.review_comment,
          updated_at: now(),
        });
        await recordAudit(trx, {
          actorId: actor.id,
          action: `review-${request.body.action}`,
          entity: 'progress-report',
          entityId: report.id,
          agencyId: scope.agencyId,
          after: { review, comment: request.body.comment },
        });
        return row;
      });
      return presentReport(updated, scope.entry.id);
    },
  );

  api.post(
    '/api/agencies/:agency/plans/:year/rounds/:round/approve',
    {
      schema: {
        tags,
        summary:
          'Approve the round (an executive); it is locked from then on. Refused (409) while reports are unsent or unreviewed, unless a reason for approving anyway is given (audited)',
        params: roundParams,
        body: z.object({ reason: z.string().trim().max(2000).optional() }).nullish(),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { agency, scope } = await roundScope(actor, request.params.agency, request.params.year, request.params.round);
      authorize(actor, 'round', 'approve', { agencyId: agency.id });
      const reason = request.body?.reason || null;
      const revision = await progress.changeRound(scope, async (trx, round) => {
        if (round.status === 'approved') throw conflict('the round is approved already', 'รอบนี้อนุมัติแล้ว');
        // The revision keeps the whole round, as the secretariat sees it; each reader gets their part.
        const secretariat = { ...actor, role: 'agency_admin' as const, agencyId: agency.id, divisionId: null };
        const snapshot = await roundView(new ProgressRepository(trx), trx, secretariat, { ...scope, round });
        const periodEndsOn = roundEndsOn(round.round as 6 | 12, request.params.year);
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
        await progress.approve(
          trx,
          actor,
          round,
          snapshot,
          agency.id,
          reason ? { reason, ...pending } : undefined,
          request.params.year,
        );
        return round.revision;
      });
      return { status: 'approved', revision };
    },
  );

  api.post(
    '/api/agencies/:agency/plans/:year/rounds/:round/reopen',
    {
      schema: {
        tags,
        summary: 'Open an approved round again as a new revision; the approved one stays in the history',
        params: roundParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { agency, scope } = await roundScope(actor, request.params.agency, request.params.year, request.params.round);
      authorize(actor, 'round', 'reopen', { agencyId: agency.id });
      const revision = await progress.changeRound(scope, async (trx, round) => {
        if (round.status !== 'approved') throw conflict('the round is open', 'รอบนี้ยังเปิดอยู่');
        await progress.reopen(trx, actor, round, agency.id, request.params.year);
        return round.revision + 1;
      });
      return { status: 'open', revision };
    },
  );

  api.get(
    '/api/agencies/:agency/plans/:year/rounds/:round/revisions',
    { schema: { tags, summary: 'Approved revisions of a round', params: roundParams } },
    async (request) => {
      const actor = requireActor(request);
      const { scope } = await roundScope(actor, request.params.agency, request.params.year, request.params.round);
      return progress.revisions(actor, scope);
    },
  );

  api.post(
    '/api/entries/:entry/reports/:round/evidence',
    {
      bodyLimit: uploadBodyLimit(MAX_EVIDENCE_BYTES),
      config: { fileLimitBytes: MAX_EVIDENCE_BYTES },
      schema: {
        tags,
        summary: 'Add a photo or PDF to a report: type sniffed from the content, images re-encoded without EXIF, at most 15 MB',
        params: reportParams,
        body: z.object({
          fileName: z.string().max(255),
          contentBase64: z.string().max(uploadBodyLimit(MAX_EVIDENCE_BYTES)),
          caption: z.string().trim().max(1000).default(''),
          link: webLink.optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const scope = await progress.report(actor, request.params.entry, request.params.round);
      authorize(actor, 'report', 'edit', reportTarget(scope.agencyId, scope.entry));
      if (scope.round.status !== 'open') throw roundLocked();
      const processed = await processUpload(Buffer.from(request.body.contentBase64, 'base64'));
      const name = `${randomUUID()}.${processed.extension}`;
      const thumbName = processed.thumb ? `${randomUUID()}.jpg` : null;
      // Written first, recorded in a transaction that counts the agency's files under its quota.
      const staged = await store.stage('evidence', scope.agencyId, [
        { name, data: processed.file },
        ...(processed.thumb && thumbName ? [{ name: thumbName, data: processed.thumb }] : []),
      ]);
      try {
        const file = await progress.changeReport(actor, scope, 'edit', async (trx, report) => {
          await store.reserve(trx, scope.agencyId, staged.bytes);
          const row = await progress.insertEvidence(trx, {
            report_id: report.id,
            agency_id: scope.agencyId,
            position: await progress.nextEvidencePosition(trx, report.id),
            kind: processed.kind,
            caption: request.body.caption,
            link: request.body.link ?? null,
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
        return reply.code(201).send(presentEvidence(file));
      } catch (error) {
        // Nothing is kept from an upload that was not recorded (a crash here leaves files the sweep removes).
        await staged.discard();
        throw error;
      }
    },
  );

  const evidenceParams = z.object({ id: z.coerce.number().int().positive() });

  for (const variant of ['file', 'thumb'] as const) {
    api.get(
      `/api/evidence/:id/${variant}`,
      { schema: { tags, summary: variant === 'file' ? 'An evidence file' : 'An image thumbnail', params: evidenceParams } },
      async (request, reply) => {
        const { file } = await progress.evidence(requireActor(request), request.params.id);
        const name = variant === 'file' ? file.stored_name : file.thumb_name;
        if (!name) throw notFound('thumbnail');
        const bytes = await readFile(join(evidenceDir, String(file.agency_id), name)).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') throw missingEvidenceFile(file.id);
          throw error;
        });
        // Only re-encoded images and PDFs are ever stored; still, nothing is rendered as a page.
        return reply
          .header('content-type', variant === 'thumb' ? 'image/jpeg' : file.mime)
          .header('content-disposition', file.kind === 'pdf' ? `attachment; filename="evidence-${file.id}.pdf"` : 'inline')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=3600')
          .send(bytes);
      },
    );
  }

  api.patch(
    '/api/evidence/:id',
    {
      schema: {
        tags,
        summary: 'Change the caption, link or order of an evidence file',
        params: evidenceParams,
        body: z.object({
          caption: z.string().trim().max(1000).optional(),
          link: webLink.nullish(),
          position: z.number().int().min(1).optional(),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = await progress.evidence(actor, request.params.id);
      const updated = await progress.changeEvidence(actor, scope, async (trx, file) => {
        const row = await progress.updateEvidence(trx, file.id, {
          ...(request.body.caption === undefined ? {} : { caption: request.body.caption }),
          ...(request.body.link === undefined ? {} : { link: request.body.link }),
          ...(request.body.position === undefined ? {} : { position: request.body.position }),
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
      return presentEvidence(updated);
    },
  );

  api.delete(
    '/api/evidence/:id',
    { schema: { tags, summary: 'Remove an evidence file', params: evidenceParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const scope = await progress.evidence(actor, request.params.id);
      const file = await progress.changeEvidence(actor, scope, async (trx, row) => {
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
      });
      await rm(join(evidenceDir, String(file.agency_id), file.stored_name), { force: true });
      if (file.thumb_name) await rm(join(evidenceDir, String(file.agency_id), file.thumb_name), { force: true });
      return reply.code(204).send();
    },
  );
}
