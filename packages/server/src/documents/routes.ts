import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMO_KINDS } from '@prongsai/core';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { pageQuery, pageSchema } from '../http/page.js';
import { fileResponse } from '../http/schemas.js';
import { DocumentJobs, type JobError } from './jobs.js';
import { BATCH_JOB_SORTS, BATCH_SORTS, DocumentJobService, jobWork, MIME, type DocumentRequest } from './service.js';

const requestBody = z.object({
  kind: z.enum(['measures', 'progress', 'order', 'clarification', 'memo', 'tasks']),
  format: z.enum(['pdf', 'docx']),
  year: z.number().int().min(2500).max(2700),
  round: z.union([z.literal(6), z.literal(12)]).optional(),
  thaiDigits: z.boolean().default(false),
  /** Which memo: ฝ่ายปกครอง's to every division (`collection`) or ฝ่ายการศึกษา's to the schools (`schools`). */
  memoKind: z.enum(MEMO_KINDS).optional(),
});

/** A document job as the API answers it. */
const jobStatus = z.enum(['queued', 'running', 'done', 'failed']);
type JobStatus = z.infer<typeof jobStatus>;
const jobSchema = z.object({
  id: z.string(),
  status: jobStatus,
  progress: z.number(),
  fileName: z.string(),
  error: z.object({ message: z.string(), messageTh: z.string() }).nullable(),
  url: z.string().nullable(),
});

type RequestBody = z.infer<typeof requestBody>;
const documentRequestOf = (body: RequestBody): DocumentRequest => ({
  kind: body.kind,
  format: body.format,
  fiscalYear: body.year,
  round: body.round,
  thaiDigits: body.thaiDigits,
  ...(body.kind === 'memo' ? { memoKind: body.memoKind ?? 'collection' } : {}),
});

/** The document jobs of this instance; a job is made as the person who asked for it, through the same policy as their screens. */
export function createDocumentJobs(db: Db, config: Config): DocumentJobs {
  return new DocumentJobs(db.kysely, db.engine, jobWork(db.kysely, config.dataDir));
}

export async function documentRoutes(app: FastifyInstance, { db, config, jobs }: { db: Db; config: Config; jobs: DocumentJobs }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const service = new DocumentJobService(db.kysely, config.dataDir, jobs);

  api.post(
    '/api/agencies/:agency/documents',
    {
      schema: {
        tags,
        summary: 'Start making a document (measures, progress report, committee order) as PDF or DOCX; returns a job to follow',
        params: z.object({ agency: z.string().min(1).max(64) }),
        body: requestBody,
        response: { 202: z.object({ id: z.string(), status: jobStatus }).describe('The job to follow') },
      },
    },
    async (request, reply) => {
      const documentRequest = documentRequestOf(request.body);
      if (documentRequest.kind === 'clarification') {
        documentRequest.publicBase = config.publicUrl ?? `${request.protocol}://${request.host}`;
      }
      const job = await service.request(requireActor(request), request.params.agency, documentRequest);
      return reply.code(202).send({ id: job.id, status: job.status as JobStatus });
    },
  );

  api.post(
    '/api/documents/batch',
    {
      schema: {
        tags,
        summary:
          'Make one document for every agency the central admin oversees (every kind but the central bodies); returns the batch, whose jobs are read a page at a time',
        body: requestBody,
        response: {
          202: z.object({ id: z.string(), total: z.number() }).describe('The batch: its id and how many jobs it holds'),
        },
      },
    },
    async (request, reply) => {
      const batch = await service.requestBatch(requireActor(request), documentRequestOf(request.body));
      return reply.code(202).send({ id: batch.id, total: batch.total });
    },
  );

  const batchSchema = z.object({
    id: z.string(),
    kind: requestBody.shape.kind,
    format: requestBody.shape.format,
    year: z.number(),
    round: z.number().nullable(),
    total: z.number().describe('How many jobs (agencies) the batch holds'),
    createdAt: z.string(),
  });
  const countsSchema = z.object({ queued: z.number(), running: z.number(), done: z.number(), failed: z.number() });

  api.get(
    '/api/documents/batches',
    {
      schema: {
        tags,
        summary:
          'A page of the batches the central admin asked for (newest first unless sorted), each with its jobs counted by status',
        querystring: pageQuery(BATCH_SORTS, 'created').extend({ order: z.enum(['asc', 'desc']).default('desc') }),
        response: { 200: pageSchema(batchSchema.extend({ counts: countsSchema }), {}) },
      },
    },
    async (request) => service.batches(requireActor(request), request.query),
  );

  api.get(
    '/api/documents/batches/:id',
    {
      schema: {
        tags,
        summary:
          'A batch with a page of its jobs (sorted by agency code or name or by status, filtered by status, searched by agency) and its jobs counted by status; for the one who asked and central admins of the whole country',
        params: z.object({ id: z.string().uuid() }),
        querystring: pageQuery(BATCH_JOB_SORTS, 'code').extend({ status: jobStatus.optional() }),
        response: {
          200: pageSchema(
            z.object({
              id: z.string(),
              agency: z.object({ id: z.number(), code: z.string(), slug: z.string(), nameTh: z.string(), nameEn: z.string() }),
              status: jobStatus,
              progress: z.number(),
              url: z.string().nullable(),
              error: z.object({ message: z.string(), messageTh: z.string() }).nullable(),
            }),
            { counts: countsSchema, batch: batchSchema },
          ),
        },
      },
    },
    async (request) => service.batch(requireActor(request), request.params.id, request.query),
  );

  const jobParams = z.object({ id: z.string().uuid() });

  api.get(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'A document job: status, progress (0–100), download URL when done',
        params: jobParams,
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      const job = await service.job(requireActor(request), request.params.id);
      return {
        id: job.id,
        status: job.status as JobStatus,
        progress: job.progress,
        fileName: job.file_name,
        error: job.error === null ? null : (JSON.parse(job.error) as JobError),
        url: job.status === 'done' ? `/api/jobs/${job.id}/file` : null,
      };
    },
  );

  api.get(
    '/api/jobs/:id/file',
    {
      schema: {
        tags,
        summary: 'The finished document',
        params: jobParams,
        response: { 200: fileResponse('The finished document', MIME.pdf, MIME.docx) },
      },
    },
    async (request, reply) => {
      const { stream, bytes, format, fileName } = await service.file(requireActor(request), request.params.id);
      return reply
        .header('content-type', MIME[format])
        .header('content-length', bytes)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(stream as unknown as string);
    },
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    documentJobs: DocumentJobs;
  }
}
