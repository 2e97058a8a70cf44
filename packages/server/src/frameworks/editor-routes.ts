import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { createDraft, draftList, DRAFT_PARTS, editDraft, getDraft, publishDraft } from './editor.js';
import { MAX_FRAMEWORK_BYTES } from './import.js';
import { draftListSchema, frameworkDraftSchema, publishedDraftSchema } from './schemas.js';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(64);

/**
 * The framework editor (central admins): a draft is a whole framework document kept under the id it will be
 * published with; each edit is checked (every problem in Thai, 422) and answers the set's readiness.
 */
export async function frameworkEditorRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['frameworks'];

  api.get('/api/framework-drafts', { schema: { tags, summary: 'The drafts of new sets, newest edit first', response: { 200: draftListSchema } } }, async (request) =>
    draftList(db.kysely, requireActor(request)),
  );

  api.post(
    '/api/framework-drafts',
    {
      schema: {
        tags,
        summary:
          'Start a draft under a new id, from any set (`from`: the same content, provisional, naming it) or empty; 409 if the id is taken',
        body: z.object({ id, from: id.nullish() }),
        response: { 201: frameworkDraftSchema },
      },
    },
    async (request, reply) => {
      const draft = await createDraft(db.kysely, requireActor(request), { fromId: request.body.from ?? null, newId: request.body.id });
      return reply.code(201).send(draft);
    },
  );

  api.get(
    '/api/framework-drafts/:id',
    {
      schema: {
        tags,
        summary: "A draft: its whole document, every problem (Thai and English) and each feature's readiness",
        params: z.object({ id }),
        response: { 200: frameworkDraftSchema },
      },
    },
    async (request) => getDraft(db.kysely, requireActor(request), request.params.id),
  );

  api.put(
    '/api/framework-drafts/:id',
    {
      bodyLimit: 2 * MAX_FRAMEWORK_BYTES,
      schema: {
        tags,
        summary: 'Replace the whole document (numbers may be in Thai digits); a set with problems is not saved: 422 lists each in Thai',
        params: z.object({ id }),
        body: z.object({ data: z.unknown() }),
        response: { 200: frameworkDraftSchema },
      },
    },
    async (request) => editDraft(db.kysely, requireActor(request), request.params.id, { whole: request.body.data }),
  );

  api.patch(
    '/api/framework-drafts/:id',
    {
      bodyLimit: 2 * MAX_FRAMEWORK_BYTES,
      schema: {
        tags,
        summary:
          'Replace one top-level part (tools, indicators, questions, oitItems, scales, levels, …; numbers may be in Thai digits); a set with problems is not saved: 422 lists each in Thai',
        params: z.object({ id }),
        body: z.object({ part: z.enum(DRAFT_PARTS), value: z.unknown() }),
        response: { 200: frameworkDraftSchema },
      },
    },
    async (request) =>
      editDraft(db.kysely, requireActor(request), request.params.id, { part: request.body.part, value: request.body.value }),
  );

  api.post(
    '/api/framework-drafts/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Publish a draft as a set that never changes, under its id, for the given fiscal years (Thai digits accepted) and kinds of agency, through the framework import; 409 if published already',
        params: z.object({ id }),
        body: z.object({
          fiscalYears: z.array(z.union([z.number(), z.string().max(8)])).min(1),
          agencyKinds: z.array(z.string().max(32)).min(1).optional(),
        }),
        response: { 201: publishedDraftSchema },
      },
    },
    async (request, reply) => {
      const result = await publishDraft(db.kysely, requireActor(request), request.params.id, request.body);
      return reply.code(201).send(result);
    },
  );
}
