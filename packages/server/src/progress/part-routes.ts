import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDivisions } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import type { Actor } from '../auth/policy.js';
import { now, type Db } from '../db/database.js';
import { badRequest, notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { ProgressRepository } from './repository.js';
import { presentPart, REPORT_STATUSES, sharedDivisions } from './service.js';

const partParams = z.object({
  entry: z.coerce.number().int().positive(),
  round: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)])),
  division: z.coerce.number().int().positive(),
});

/**
 * Division parts of a measure that several divisions (or every division) carry out: each
 * division writes and sends its own part, and the report goes to review once all have.
 */
export async function reportPartRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['progress'];
  const progress = new ProgressRepository(db.kysely);

  /** The report's scope and the division, which must be one that shares the measure. */
  const partScope = async (actor: Actor, params: z.infer<typeof partParams>) => {
    const scope = await progress.report(actor, params.entry, params.round);
    const divisions = await listDivisions(db.kysely, scope.agencyId);
    const shared = sharedDivisions(scope.entry, divisions);
    const division = divisions.find((d) => d.id === params.division);
    if (!shared || !division || !shared.includes(division.id)) throw notFound('report-part');
    return { scope, division, shared };
  };

  api.put(
    '/api/entries/:entry/reports/:round/parts/:division',
    {
      schema: {
        tags,
        summary: "Write one division's part of a measure shared by several divisions",
        params: partParams,
        body: z.object({ status: z.enum(REPORT_STATUSES), narrative: z.string().trim().max(20000) }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (request.body.status === 'not-done' && !request.body.narrative) {
        throw badRequest('say why the measure was not done', 'กรุณาระบุเหตุผลที่ไม่ได้ดำเนินการ');
      }
      const { scope, division } = await partScope(actor, request.params);
      const part = await progress.changePart(actor, scope, division.id, async (trx, report, before) => {
        const saved = await progress.savePart(trx, report.id, division.id, {
          status: request.body.status,
          narrative: request.body.narrative,
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
    },
  );

  api.post(
    '/api/entries/:entry/reports/:round/parts/:division/submit',
    {
      schema: {
        tags,
        summary: "Send one division's part; the report goes to review when every division has sent its part",
        params: partParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { scope, division, shared } = await partScope(actor, request.params);
      const result = await progress.changePart(actor, scope, division.id, async (trx, report, before) => {
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
        const review = await progress.submitWhenAllPartsSent(trx, actor, scope.agencyId, report, shared);
        return { saved, review };
      });
      return { part: presentPart(division, result.saved, true), reportReview: result.review };
    },
  );
}
