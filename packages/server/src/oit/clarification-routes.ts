import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { MAX_UPLOAD_BYTES } from '../inputs/read-upload.js';
import { ClarificationService, type ClarificationModel } from './clarification.js';
import { clarificationSchema } from './schemas.js';

const yearParams = z.object({
  agency: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2500).max(2700),
});

const present = (model: ClarificationModel | null): z.infer<typeof clarificationSchema>['round'] =>
  model && {
    fiscalYear: model.fiscalYear,
    file: model.file,
    importedAt: model.importedAt,
    confirmedAt: model.confirmedAt,
    preliminaryOit: model.preliminaryOit,
    confirmedOit: model.confirmedOit,
    items: model.items,
  };

export async function clarificationRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['oit'];
  const service = new ClarificationService(db.kysely, config.dataDir);
  const base = '/api/agencies/:agency/oit/:year/clarification';

  api.get(
    base,
    {
      schema: {
        tags,
        summary:
          "The clarification round: the assessors' preliminary OIT scores, the disputed items with their clarification and evidence, the confirmed scores",
        params: yearParams,
        response: { 200: clarificationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return { round: present(await service.view(actor, agency, request.params.year)) };
    },
  );

  api.post(
    `${base}/preliminary`,
    {
      bodyLimit: 2 * MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary:
          "Import the assessors' preliminary OIT scores from a results file (OIT details, scores, XLSX) or pasted NACC tables (the secretariat)",
        params: yearParams,
        body: z.union([
          z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().max(2 * MAX_UPLOAD_BYTES) }),
          z.object({ text: z.string().min(1).max(MAX_UPLOAD_BYTES) }),
        ]),
        response: { 200: clarificationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const body = request.body;
      await service.importPreliminary(
        actor,
        agency,
        request.params.year,
        'text' in body
          ? { kind: 'text', text: body.text }
          : { kind: 'file', fileName: body.fileName, data: Buffer.from(body.contentBase64, 'base64') },
      );
      return { round: present(await service.view(actor, agency, request.params.year)) };
    },
  );

  api.put(
    `${base}/items/:code`,
    {
      schema: {
        tags,
        summary:
          'Dispute an item with the clarification and the evidence it points to, or accept its preliminary score (the secretariat)',
        params: yearParams.extend({ code: z.string().regex(/^[A-Z]{1,6}\d{1,3}$/) }),
        body: z.object({
          disputed: z.boolean(),
          clarification: z.string().max(5000).default(''),
          evidence: z.array(z.number().int().positive()).max(50).default([]),
        }),
        response: { 200: clarificationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await service.dispute(actor, agency, request.params.year, request.params.code, request.body);
      return { round: present(await service.view(actor, agency, request.params.year)) };
    },
  );

  api.post(
    `${base}/confirm`,
    {
      schema: {
        tags,
        summary:
          "Record the assessors' confirmed scores of the disputed items (the others keep their preliminary ones); the whole becomes the year's OIT result",
        params: yearParams,
        body: z.object({ scores: z.record(z.string().max(16), z.number().min(0).max(100)) }),
        response: { 200: clarificationSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await service.confirm(actor, agency, request.params.year, request.body.scores);
      return { round: present(await service.view(actor, agency, request.params.year)) };
    },
  );
}
