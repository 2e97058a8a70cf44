import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { committeeDraftSchema, committeeSchema, committeeViewSchema } from './schema.js';
import { CommitteeService } from './service.js';

const params = z.object({ agency: z.string().min(1).max(64), year: z.coerce.number().int().min(2500).max(2700) });

export async function committeeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['committees'];
  const service = new CommitteeService(db.kysely);

  api.get(
    '/api/agencies/:agency/committees/:year',
    {
      schema: {
        tags,
        summary: 'The ITA committee of a fiscal year: the data of its appointment order',
        params,
        response: { 200: committeeViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.read(actor, agency, request.params.year);
    },
  );

  api.get(
    '/api/agencies/:agency/committees/:year/draft',
    {
      schema: {
        tags,
        summary:
          "The committee to edit: the year's own if written, else last year's carried over (years moved on), else the template of seed 002",
        params,
        response: { 200: committeeDraftSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.draft(actor, agency, request.params.year);
    },
  );

  api.put(
    '/api/agencies/:agency/committees/:year',
    {
      schema: {
        tags,
        summary: 'Write the committee and its appointment order (the secretariat)',
        params,
        body: committeeSchema,
        response: { 200: committeeViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.write(actor, agency, request.params.year, request.body);
    },
  );
}
