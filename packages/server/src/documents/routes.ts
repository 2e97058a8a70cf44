import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMO_KINDS } from '@prongsai/core';
import { listAgencies } from '../agencies/repository.js';
import { readableAgency } from '../agencies/service.js';
import { authorize, type Actor } from '../auth/policy.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { Agency } from '../db/schema.js';
import { HttpError, notFound } from '../http/errors.js';
import { actorOf, requireActor } from '../http/context.js';
import { findUser } from '../users/repository.js';
import { DocumentJobs, type JobError } from './jobs.js';
import { fileName, generateDocument, MIME, readCachedDocument, type DocumentFormat, type DocumentRequest } from './service.js';

const requestBody = z.object({
  kind: z.enum(['measures', 'progress', 'order', 'clarification', 'memo', 'tasks']),
  format: z.enum(['pdf', 'docx']),
  year: z.number().int().min(2500).max(2700),
  round: z.union([z.literal(6), z.literal(12)]).optional(),
  thaiDigits: z.boolean().default(false),
  /** Which memo: ฝ่ายปกครอง's to every division (`collection`) or ฝ่ายการศึกษา's to the schools (`schools`). */
  memoKind: z.enum(MEMO_KINDS).optional(),
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
  return new DocumentJobs(db.kysely, db.engine, async (job, progress) => {
    const [agency] = await listAgencies(db.kysely, job.agency_id);
    const user = job.requested_by === null ? undefined : await findUser(db.kysely, job.requested_by);
    if (!agency || !user || user.disabled === 1) {
      throw new HttpError(403, 'requester-gone', 'the account that asked for this document is gone', 'บัญชีผู้ขอเอกสารถูกปิดใช้งาน');
    }
    const made = await generateDocument(
      db.kysely,
      config.dataDir,
      agency,
      JSON.parse(job.request) as DocumentRequest,
      actorOf(user),
      progress,
    );
    return { hash: made.hash, bytes: made.bytes.length };
  });
}

export async function documentRoutes(app: FastifyInstance, { db, config, jobs }: { db: Db; config: Config; jobs: DocumentJobs }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const enqueueFor = (agency: Agency, actor: Actor, documentRequest: DocumentRequest) =>
    jobs.enqueue({
      agencyId: agency.id,
      requestedBy: actor.id,
      request: documentRequest,
      fileName: fileName(agency, documentRequest),
      format: documentRequest.format,
    });

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
      const documentRequest = documentRequestOf(request.body);
      if (documentRequest.kind === 'clarification') {
        documentRequest.publicBase = config.publicUrl ?? `${request.protocol}://${request.host}`;
      }
      const job = await enqueueFor(agency, actor, documentRequest);
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
      const documentRequest = documentRequestOf(request.body);
      const started = [];
      for (const agency of await listAgencies(db.kysely)) {
        if (agency.kind !== 'district') continue;
        const job = await enqueueFor(agency, actor, documentRequest);
        started.push({ id: job.id, agency: agency.slug });
      }
      return reply.code(202).send(started);
    },
  );

  const jobParams = z.object({ id: z.string().uuid() });
  /** A job is seen by the person who asked for it (and central admins), never by others of the agency. */
  const jobOf = async (actor: Actor, id: string) => {
    const job = await jobs.get(id);
    if (!job || (job.requested_by !== actor.id && actor.role !== 'central_admin')) throw notFound('job');
    authorize(actor, 'plan', 'read', { agencyId: job.agency_id });
    return job;
  };

  api.get(
    '/api/jobs/:id',
    { schema: { tags, summary: 'A document job: status, progress (0–100), download URL when done', params: jobParams } },
    async (request) => {
      const job = await jobOf(requireActor(request), request.params.id);
      return {
        id: job.id,
        status: job.status,
        progress: job.progress,
        fileName: job.file_name,
        error: job.error === null ? null : (JSON.parse(job.error) as JobError),
        url: job.status === 'done' ? `/api/jobs/${job.id}/file` : null,
      };
    },
  );

  api.get(
    '/api/jobs/:id/file',
    { schema: { tags, summary: 'The finished document', params: jobParams } },
    async (request, reply) => {
      const job = await jobOf(requireActor(request), request.params.id);
      if (job.status !== 'done' || !job.hash) throw notFound('document');
      const format = job.format as DocumentFormat;
      const bytes = await readCachedDocument(join(config.dataDir, 'documents', `${job.hash}.${format}`), format);
      // Verified whole before it is served; a lost or damaged file is said so, to be made again.
      if (!bytes || (job.bytes !== null && bytes.length !== job.bytes)) {
        throw new HttpError(
          410,
          'document-gone',
          'the finished document is missing or damaged in storage; make it again',
          'ไม่พบไฟล์เอกสารหรือไฟล์เสียหาย กรุณาสั่งสร้างเอกสารใหม่',
        );
      }
      return reply
        .header('content-type', MIME[format])
        .header('content-disposition', `attachment; filename="${job.file_name}"`)
        .send(bytes);
    },
  );
}

declare module 'fastify' {
  interface FastifyInstance {
    documentJobs: DocumentJobs;
  }
}
