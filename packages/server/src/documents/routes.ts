import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAgencies } from '../agencies/repository.js';
import { readableAgency } from '../agencies/service.js';
import { authorize } from '../auth/policy.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { fileName, generateDocument, JobQueue, MIME, type DocumentFormat } from './service.js';

const requestBody = z.object({
  kind: z.enum(['measures', 'progress', 'order']),
  format: z.enum(['pdf', 'docx']),
  year: z.number().int().min(2500).max(2700),
  round: z.union([z.literal(6), z.literal(12)]).optional(),
  thaiDigits: z.boolean().default(false),
});

export async function documentRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const queue = new JobQueue();

  api.post(
    '/api/agencies/:agency/documents',
    {
      schema: {
        tags,
        summary: 'Start making a document (measures, progress report, committee order) as PDF or DOCX; returns a job to follow',
        params: z.object({ agency: z.string().min(1).max(64) }),
        body: requestBody,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'plan', 'read', { agencyId: agency.id });
      const body = request.body;
      const documentRequest = {
        kind: body.kind,
        format: body.format,
        fiscalYear: body.year,
        round: body.round,
        thaiDigits: body.thaiDigits,
      };
      const job = queue.enqueue(
        agency.id,
        fileName(agency, documentRequest),
        body.format,
        async (progress) => (await generateDocument(db.kysely, config.dataDir, agency, documentRequest, progress)).hash,
      );
      return reply.code(202).send({ id: job.id, status: job.status });
    },
  );

  api.post(
    '/api/documents/batch',
    {
      schema: {
        tags,
        summary: 'Make one document for every district (central admins); returns one job per agency',
        body: requestBody,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'cityResults', 'read', undefined);
      const body = request.body;
      const jobs = [];
      for (const agency of await listAgencies(db.kysely)) {
        if (agency.kind !== 'district') continue;
        const documentRequest = {
          kind: body.kind,
          format: body.format,
          fiscalYear: body.year,
          round: body.round,
          thaiDigits: body.thaiDigits,
        };
        const job = queue.enqueue(
          agency.id,
          fileName(agency, documentRequest),
          body.format,
          async (progress) => (await generateDocument(db.kysely, config.dataDir, agency, documentRequest, progress)).hash,
        );
        jobs.push({ id: job.id, agency: agency.slug });
      }
      return reply.code(202).send(jobs);
    },
  );

  const jobParams = z.object({ id: z.string().uuid() });
  const jobOf = (actor: ReturnType<typeof requireActor>, id: string) => {
    const job = queue.get(id);
    if (!job) throw notFound('job');
    authorize(actor, 'plan', 'read', { agencyId: job.agencyId });
    return job;
  };

  api.get(
    '/api/jobs/:id',
    { schema: { tags, summary: 'A document job: status, progress (0–100), download URL when done', params: jobParams } },
    async (request) => {
      const job = jobOf(requireActor(request), request.params.id);
      return {
        id: job.id,
        status: job.status,
        progress: job.progress,
        fileName: job.fileName,
        error: job.error,
        url: job.status === 'done' ? `/api/jobs/${job.id}/file` : null,
      };
    },
  );

  api.get(
    '/api/jobs/:id/file',
    { schema: { tags, summary: 'The finished document', params: jobParams } },
    async (request, reply) => {
      const job = jobOf(requireActor(request), request.params.id);
      if (job.status !== 'done' || !job.hash) throw notFound('document');
      const bytes = await readFile(join(config.dataDir, 'documents', `${job.hash}.${job.format}`));
      return reply
        .header('content-type', MIME[job.format as DocumentFormat])
        .header('content-disposition', `attachment; filename="${job.fileName}"`)
        .send(bytes);
    },
  );
}
