import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import { agencyQuotaBytes, type Config } from '../config.js';
import type { Db } from '../db/database.js';
import { EvidenceStore, uploadBodyLimit } from '../evidence/store.js';
import { requireActor } from '../http/context.js';
import { fileResponse, noContent } from '../http/schemas.js';
import { MAX_EMBLEM_BYTES } from './emblem.js';
import { LetterheadService } from './service.js';

const params = z.object({ agency: z.string().min(1).max(64) });

/** The agency's letterhead emblem (ตราครุฑ), uploaded once and printed on its orders. */
export async function letterheadRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const service = new LetterheadService(
    db.kysely,
    new EvidenceStore(config.dataDir, config.agencyQuotaBytes ?? agencyQuotaBytes()),
  );

  api.get(
    '/api/agencies/:agency/emblem',
    {
      schema: {
        tags,
        summary: "The agency's emblem as a PNG, if one was uploaded",
        params,
        response: { 200: fileResponse("The agency's emblem", 'image/png') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const emblem = await service.emblem(actor, agency);
      return reply
        .header('content-type', 'image/png')
        .header('cache-control', 'private, no-cache')
        .send(emblem as unknown as string);
    },
  );

  api.put(
    '/api/agencies/:agency/emblem',
    {
      schema: {
        tags,
        summary: 'Upload the emblem printed at the head of orders and memos (PNG or JPEG, at most 2 MB; the secretariat)',
        params,
        body: z.object({ contentBase64: z.string().max(uploadBodyLimit(MAX_EMBLEM_BYTES)) }),
        response: { 200: z.object({ width: z.number(), height: z.number() }).describe("The emblem's size in pixels") },
      },
      // The file in base64 is a third larger than the 2 MB promised.
      bodyLimit: uploadBodyLimit(MAX_EMBLEM_BYTES),
      config: { fileLimitBytes: MAX_EMBLEM_BYTES },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.upload(actor, agency, Buffer.from(request.body.contentBase64, 'base64'));
    },
  );

  api.delete(
    '/api/agencies/:agency/emblem',
    {
      schema: {
        tags,
        summary: 'Remove the emblem: orders print the blank space of its size again',
        params,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await service.remove(actor, agency);
      return reply.code(204).send(null);
    },
  );
}
