import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { MAX_EVIDENCE_BYTES } from '../evidence/process.js';
import { uploadBodyLimit } from '../evidence/store.js';
import { requireActor } from '../http/context.js';
import { fileResponse, noContent } from '../http/schemas.js';
import { webLink } from './links.js';
import { evidenceSchema, REPORT_STATUSES, reportSchema, revisionSchema, roundSchema, roundStateSchema } from './schemas.js';
import { presentEvidence, ProgressService } from './service.js';

const roundParams = z.object({
  agency: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2500).max(2700),
  round: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)])),
});
const reportParams = z.object({
  entry: z.coerce.number().int().positive(),
  round: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)])),
});
export async function progressRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['progress'];
  const service = new ProgressService(db.kysely, config.dataDir, config.agencyQuotaBytes);

  api.get(
    '/api/agencies/:agency/plans/:year/rounds/:round',
    {
      schema: {
        tags,
        summary: 'A progress round: the entries you may see with their reports and evidence, completeness per division',
        params: roundParams,
        response: { 200: roundSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.round(actor, agency, request.params.year, request.params.round);
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
        response: { 200: reportSchema },
      },
    },
    async (request) => {
      return service.writeReport(requireActor(request), request.params.entry, request.params.round, request.body);
    },
  );

  api.post(
    '/api/entries/:entry/reports/:round/submit',
    {
      schema: {
        tags,
        summary: 'Send the report to the secretariat for review',
        params: reportParams,
        response: { 200: reportSchema },
      },
    },
    async (request) => {
      return service.submitReport(requireActor(request), request.params.entry, request.params.round);
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
        response: { 200: reportSchema },
      },
    },
    async (request) => {
      return service.reviewReport(requireActor(request), request.params.entry, request.params.round, request.body);
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
        response: { 200: roundStateSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.approveRound(actor, agency, request.params.year, request.params.round, request.body?.reason || null);
    },
  );

  api.post(
    '/api/agencies/:agency/plans/:year/rounds/:round/reopen',
    {
      schema: {
        tags,
        summary: 'Open an approved round again as a new revision; the approved one stays in the history',
        params: roundParams,
        response: { 200: roundStateSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.reopenRound(actor, agency, request.params.year, request.params.round);
    },
  );

  api.get(
    '/api/agencies/:agency/plans/:year/rounds/:round/revisions',
    {
      schema: {
        tags,
        summary: 'Approved revisions of a round',
        params: roundParams,
        response: { 200: z.array(revisionSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.revisions(actor, agency, request.params.year, request.params.round);
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
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const file = await service.addEvidence(requireActor(request), request.params.entry, request.params.round, {
        content: Buffer.from(request.body.contentBase64, 'base64'),
        caption: request.body.caption,
        link: request.body.link,
      });
      return reply.code(201).send(presentEvidence(file));
    },
  );

  const evidenceParams = z.object({ id: z.coerce.number().int().positive() });

  for (const variant of ['file', 'thumb'] as const) {
    api.get(
      `/api/evidence/:id/${variant}`,
      {
        schema: {
          tags,
          summary: variant === 'file' ? 'An evidence file' : 'An image thumbnail',
          params: evidenceParams,
          response: {
            200:
              variant === 'file'
                ? fileResponse('The photo or PDF', 'image/jpeg', 'image/png', 'image/webp', 'application/pdf')
                : fileResponse('The thumbnail', 'image/jpeg'),
          },
        },
      },
      async (request, reply) => {
        const { file, stream } = await service.evidenceFile(requireActor(request), request.params.id, variant);
        // Only re-encoded images and PDFs are ever stored; still, nothing is rendered as a page.
        return (
          reply
            .header('content-type', variant === 'thumb' ? 'image/jpeg' : file.mime)
            .header('content-disposition', file.kind === 'pdf' ? `attachment; filename="evidence-${file.id}.pdf"` : 'inline')
            .header('content-security-policy', "default-src 'none'; sandbox")
            .header('cache-control', 'private, max-age=3600')
            // The declared body is binary: the bytes go out as they come, never through the serializer.
            .send(stream as unknown as string)
        );
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
        response: { 200: evidenceSchema },
      },
    },
    async (request) => {
      return presentEvidence(await service.changeEvidence(requireActor(request), request.params.id, request.body));
    },
  );

  api.delete(
    '/api/evidence/:id',
    { schema: { tags, summary: 'Remove an evidence file', params: evidenceParams, response: { 204: noContent } } },
    async (request, reply) => {
      await service.removeEvidence(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
