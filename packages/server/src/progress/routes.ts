import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import type { Config } from '../config.js';
import { now, type Db } from '../db/database.js';
import type { MeasureEntry, ProgressRound } from '../db/schema.js';
import { processUpload } from '../evidence/process.js';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { findEntry, findPlan, findPlanById, listEntries } from '../measures/repository.js';
import { entryDivisions, presentEvidence, presentReport, REPORT_STATUSES, roundView } from './service.js';

const roundParams = z.object({
  agency: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2500).max(2700),
  round: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)])),
});
const reportParams = z.object({
  entry: z.coerce.number().int().positive(),
  round: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)])),
});
const locked = () =>
  new HttpError(
    409,
    'round-approved',
    'the round is approved and locked; reopen it as a new revision to change it',
    'รอบนี้อนุมัติแล้วจึงแก้ไขไม่ได้ ต้องเปิดฉบับแก้ไขใหม่ก่อน',
  );

/** Storage for all agencies' uploads together; files at most per agency. */
export const AGENCY_QUOTA_BYTES = Number(process.env.PRONGSAI_AGENCY_QUOTA_MB ?? 1024) * 1024 * 1024;

export async function progressRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['progress'];
  const evidenceDir = join(config.dataDir, 'evidence');

  const roundOf = async (planId: number, round: number) => {
    const row = await db.kysely
      .selectFrom('progress_rounds')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('round', '=', round)
      .executeTakeFirst();
    if (!row) throw notFound('round');
    return row;
  };
  /** The entry, its plan and round, if the actor may read the entry's report. */
  const reportContext = async (actor: Actor, entryId: number, roundKind: number) => {
    const entry = await findEntry(db.kysely, entryId);
    const plan = entry ? await findPlanById(db.kysely, entry.plan_id) : undefined;
    if (!entry || !plan) throw notFound('entry');
    const target = { agencyId: plan.agency_id, divisions: entryDivisions(entry) };
    authorize(actor, 'report', 'read', target);
    const round = await roundOf(plan.id, roundKind);
    const report = await db.kysely
      .selectFrom('progress_reports')
      .selectAll()
      .where('round_id', '=', round.id)
      .where('entry_id', '=', entry.id)
      .executeTakeFirst();
    return { entry, plan, round, report, target };
  };
  const ensureReport = async (round: ProgressRound, entry: MeasureEntry, actorId: number) => {
    const existing = await db.kysely
      .selectFrom('progress_reports')
      .selectAll()
      .where('round_id', '=', round.id)
      .where('entry_id', '=', entry.id)
      .executeTakeFirst();
    if (existing) return existing;
    return db.kysely
      .insertInto('progress_reports')
      .values({
        round_id: round.id,
        entry_id: entry.id,
        status: 'not-started',
        reason: null,
        narrative: '',
        review: 'draft',
        review_comment: null,
        updated_by: actorId,
        updated_at: now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
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
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'plan', 'read', { agencyId: agency.id });
      const plan = await findPlan(db.kysely, agency.id, request.params.year);
      if (!plan) throw notFound('plan');
      const round = await roundOf(plan.id, request.params.round);
      return roundView(db.kysely, actor, agency.id, round, await listEntries(db.kysely, plan.id));
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
      const { entry, plan, round, target } = await reportContext(actor, request.params.entry, request.params.round);
      authorize(actor, 'report', 'edit', target);
      if (round.status !== 'open') throw locked();
      if (request.body.status === 'not-done' && !request.body.reason) {
        throw badRequest('say why the measure was not done', 'กรุณาระบุเหตุผลที่ไม่ได้ดำเนินการ');
      }
      const report = await ensureReport(round, entry, actor.id);
      const after = await db.kysely.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('progress_reports')
          .set({
            status: request.body.status,
            reason: request.body.reason ?? null,
            narrative: request.body.narrative,
            review: 'draft',
            updated_by: actor.id,
            updated_at: now(),
          })
          .where('id', '=', report.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'update',
          entity: 'progress-report',
          entityId: report.id,
          agencyId: plan.agency_id,
          before: presentReport(report, entry.id),
          after: presentReport(updated, entry.id),
        });
        return updated;
      });
      return presentReport(after, entry.id);
    },
  );

  api.post(
    '/api/entries/:entry/reports/:round/submit',
    { schema: { tags, summary: 'Send the report to the secretariat for review', params: reportParams } },
    async (request) => {
      const actor = requireActor(request);
      const { entry, plan, round, target } = await reportContext(actor, request.params.entry, request.params.round);
      authorize(actor, 'report', 'edit', target);
      if (round.status !== 'open') throw locked();
      const report = await ensureReport(round, entry, actor.id);
      const updated = await db.kysely
        .updateTable('progress_reports')
        .set({ review: 'submitted', updated_by: actor.id, updated_at: now() })
        .where('id', '=', report.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(db.kysely, {
        actorId: actor.id,
        action: 'submit',
        entity: 'progress-report',
        entityId: report.id,
        agencyId: plan.agency_id,
      });
      return presentReport(updated, entry.id);
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
      const { entry, plan, round, report, target } = await reportContext(actor, request.params.entry, request.params.round);
      authorize(actor, 'report', 'review', target);
      if (round.status !== 'open') throw locked();
      if (!report) throw badRequest('nothing has been reported yet', 'ยังไม่มีการรายงานผล');
      if (request.body.action !== 'accept' && !request.body.comment) throw badRequest('a comment is needed', 'กรุณาระบุความเห็น');
      const review =
        request.body.action === 'accept' ? 'accepted' : request.body.action === 'return' ? 'returned' : report.review;
      const updated = await db.kysely
        .updateTable('progress_reports')
        .set({ review, review_comment: request.body.comment ?? report.review_comment, updated_at: now() })
        .where('id', '=', report.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(db.kysely, {
        actorId: actor.id,
        action: `review-${request.body.action}`,
        entity: 'progress-report',
        entityId: report.id,
        agencyId: plan.agency_id,
        after: { review, comment: request.body.comment },
      });
      return presentReport(updated, entry.id);
    },
  );

  const roundAction = async (actor: Actor, ref: string, year: number, kind: number) => {
    const agency = await readableAgency(db.kysely, actor, ref);
    const plan = await findPlan(db.kysely, agency.id, year);
    if (!plan) throw notFound('plan');
    return { agency, plan, round: await roundOf(plan.id, kind) };
  };

  api.post(
    '/api/agencies/:agency/plans/:year/rounds/:round/approve',
    { schema: { tags, summary: 'Approve the round (an executive); it is locked from then on', params: roundParams } },
    async (request) => {
      const actor = requireActor(request);
      const { agency, plan, round } = await roundAction(actor, request.params.agency, request.params.year, request.params.round);
      authorize(actor, 'round', 'approve', { agencyId: agency.id });
      if (round.status === 'approved') throw conflict('the round is approved already', 'รอบนี้อนุมัติแล้ว');
      const view = await roundView(db.kysely, actor, agency.id, round, await listEntries(db.kysely, plan.id));
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('progress_rounds')
          .set({ status: 'approved', approved_by: actor.id, approved_at: now() })
          .where('id', '=', round.id)
          .execute();
        await trx
          .insertInto('progress_revisions')
          .values({
            round_id: round.id,
            revision: round.revision,
            snapshot: JSON.stringify(view),
            created_by: actor.id,
            created_at: now(),
          })
          .execute();
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'approve',
          entity: 'progress-round',
          entityId: round.id,
          agencyId: agency.id,
          after: { round: round.round, revision: round.revision },
        });
      });
      return { status: 'approved', revision: round.revision };
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
      const { agency, round } = await roundAction(actor, request.params.agency, request.params.year, request.params.round);
      authorize(actor, 'round', 'reopen', { agencyId: agency.id });
      if (round.status !== 'approved') throw conflict('the round is open', 'รอบนี้ยังเปิดอยู่');
      await db.kysely
        .updateTable('progress_rounds')
        .set({ status: 'open', revision: round.revision + 1, approved_by: null, approved_at: null })
        .where('id', '=', round.id)
        .execute();
      await recordAudit(db.kysely, {
        actorId: actor.id,
        action: 'reopen',
        entity: 'progress-round',
        entityId: round.id,
        agencyId: agency.id,
        after: { revision: round.revision + 1 },
      });
      return { status: 'open', revision: round.revision + 1 };
    },
  );

  api.get(
    '/api/agencies/:agency/plans/:year/rounds/:round/revisions',
    { schema: { tags, summary: 'Approved revisions of a round', params: roundParams } },
    async (request) => {
      const actor = requireActor(request);
      const { agency, round } = await roundAction(actor, request.params.agency, request.params.year, request.params.round);
      authorize(actor, 'plan', 'read', { agencyId: agency.id });
      const rows = await db.kysely
        .selectFrom('progress_revisions')
        .selectAll()
        .where('round_id', '=', round.id)
        .orderBy('revision')
        .execute();
      return rows.map((r) => ({ revision: r.revision, createdAt: r.created_at, snapshot: JSON.parse(r.snapshot) as unknown }));
    },
  );

  api.post(
    '/api/entries/:entry/reports/:round/evidence',
    {
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Add a photo or PDF to a report: type sniffed from the content, images re-encoded without EXIF, at most 15 MB',
        params: reportParams,
        body: z.object({
          fileName: z.string().max(255),
          contentBase64: z.string().max(30 * 1024 * 1024),
          caption: z.string().trim().max(1000).default(''),
          link: z.url().max(2000).optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { entry, plan, round, target } = await reportContext(actor, request.params.entry, request.params.round);
      authorize(actor, 'report', 'edit', target);
      if (round.status !== 'open') throw locked();
      if (request.body.link && !/^https?:\/\//i.test(request.body.link)) {
        throw badRequest('links must be http(s)', 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://');
      }
      const processed = await processUpload(Buffer.from(request.body.contentBase64, 'base64'));
      const used = await db.kysely
        .selectFrom('evidence_files')
        .select((eb) => eb.fn.sum<number>('bytes').as('total'))
        .where('agency_id', '=', plan.agency_id)
        .executeTakeFirst();
      if (Number(used?.total ?? 0) + processed.file.length > AGENCY_QUOTA_BYTES) {
        throw new HttpError(413, 'quota', 'the agency has used its storage for evidence', 'พื้นที่จัดเก็บหลักฐานของหน่วยงานเต็มแล้ว');
      }
      const report = await ensureReport(round, entry, actor.id);
      const name = `${randomUUID()}.${processed.extension}`;
      const thumbName = processed.thumb ? `${randomUUID()}.jpg` : null;
      const folder = join(evidenceDir, String(plan.agency_id));
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, name), processed.file);
      if (processed.thumb && thumbName) await writeFile(join(folder, thumbName), processed.thumb);
      try {
        const file = await db.kysely.transaction().execute(async (trx) => {
          const position = await trx
            .selectFrom('evidence_files')
            .select((eb) => eb.fn.max('position').as('max'))
            .where('report_id', '=', report.id)
            .executeTakeFirst();
          const row = await trx
            .insertInto('evidence_files')
            .values({
              report_id: report.id,
              agency_id: plan.agency_id,
              position: Number(position?.max ?? 0) + 1,
              kind: processed.kind,
              caption: request.body.caption,
              link: request.body.link ?? null,
              stored_name: name,
              thumb_name: thumbName,
              mime: processed.mime,
              bytes: processed.file.length,
              width: processed.width,
              height: processed.height,
              created_by: actor.id,
              created_at: now(),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, {
            actorId: actor.id,
            action: 'upload',
            entity: 'evidence',
            entityId: row.id,
            agencyId: plan.agency_id,
            after: presentEvidence(row),
          });
          return row;
        });
        return reply.code(201).send(presentEvidence(file));
      } catch (error) {
        // Nothing is kept from an upload that was not recorded.
        await rm(join(folder, name), { force: true });
        if (thumbName) await rm(join(folder, thumbName), { force: true });
        throw error;
      }
    },
  );

  const evidenceParams = z.object({ id: z.coerce.number().int().positive() });
  const evidenceContext = async (actor: Actor, id: number) => {
    const file = await db.kysely.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
    if (!file) throw notFound('evidence');
    const report = await db.kysely
      .selectFrom('progress_reports')
      .selectAll()
      .where('id', '=', file.report_id)
      .executeTakeFirstOrThrow();
    const entry = await findEntry(db.kysely, report.entry_id);
    const round = await db.kysely
      .selectFrom('progress_rounds')
      .selectAll()
      .where('id', '=', report.round_id)
      .executeTakeFirstOrThrow();
    if (!entry) throw notFound('evidence');
    const target = { agencyId: file.agency_id, divisions: entryDivisions(entry) };
    authorize(actor, 'report', 'read', target);
    return { file, round, target };
  };

  for (const variant of ['file', 'thumb'] as const) {
    api.get(
      `/api/evidence/:id/${variant}`,
      { schema: { tags, summary: variant === 'file' ? 'An evidence file' : 'An image thumbnail', params: evidenceParams } },
      async (request, reply) => {
        const { file } = await evidenceContext(requireActor(request), request.params.id);
        const name = variant === 'file' ? file.stored_name : file.thumb_name;
        if (!name) throw notFound('thumbnail');
        const bytes = await readFile(join(evidenceDir, String(file.agency_id), name));
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
          link: z.url().max(2000).nullish(),
          position: z.number().int().min(1).optional(),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { file, round, target } = await evidenceContext(actor, request.params.id);
      authorize(actor, 'report', 'edit', target);
      if (round.status !== 'open') throw locked();
      const updated = await db.kysely
        .updateTable('evidence_files')
        .set({
          ...(request.body.caption === undefined ? {} : { caption: request.body.caption }),
          ...(request.body.link === undefined ? {} : { link: request.body.link }),
          ...(request.body.position === undefined ? {} : { position: request.body.position }),
        })
        .where('id', '=', file.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(db.kysely, {
        actorId: actor.id,
        action: 'update',
        entity: 'evidence',
        entityId: file.id,
        agencyId: file.agency_id,
        before: presentEvidence(file),
        after: presentEvidence(updated),
      });
      return presentEvidence(updated);
    },
  );

  api.delete(
    '/api/evidence/:id',
    { schema: { tags, summary: 'Remove an evidence file', params: evidenceParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file, round, target } = await evidenceContext(actor, request.params.id);
      authorize(actor, 'report', 'edit', target);
      if (round.status !== 'open') throw locked();
      await db.kysely.transaction().execute(async (trx) => {
        await trx.deleteFrom('evidence_files').where('id', '=', file.id).execute();
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'delete',
          entity: 'evidence',
          entityId: file.id,
          agencyId: file.agency_id,
          before: presentEvidence(file),
        });
      });
      await rm(join(evidenceDir, String(file.agency_id), file.stored_name), { force: true });
      if (file.thumb_name) await rm(join(evidenceDir, String(file.agency_id), file.thumb_name), { force: true });
      return reply.code(204).send();
    },
  );
}
