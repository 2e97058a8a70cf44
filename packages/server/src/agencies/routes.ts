import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import type { Agency, Division } from '../db/schema.js';
import { requireActor } from '../http/context.js';
import {
  addAgency,
  addDivision,
  agencyDivisions,
  changeDivision,
  readableAgency,
  removeDivision,
  renameAgency,
  visibleAgencies,
} from './service.js';

const agencySchema = z.object({
  id: z.number(),
  code: z.string(),
  slug: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: z.enum(['district', 'central', 'other']),
});
const divisionSchema = z.object({
  id: z.number(),
  agencyId: z.number(),
  nameTh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
});

const presentAgency = (a: Agency) => ({
  id: a.id,
  code: a.code,
  slug: a.slug,
  nameTh: a.name_th,
  nameEn: a.name_en,
  kind: a.kind,
});
const presentDivision = (d: Division) => ({
  id: d.id,
  agencyId: d.agency_id,
  nameTh: d.name_th,
  nameEn: d.name_en,
  sortOrder: d.sort_order,
});

const agencyRef = z.object({ agency: z.string().min(1).max(64).describe('geocode (e.g. 1040), slug (bang-khae) or id') });
const name = z.string().trim().min(1).max(200);

export async function agencyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agencies'];

  api.get(
    '/api/agencies',
    { schema: { tags, summary: 'Agencies you can see', response: { 200: z.array(agencySchema) } } },
    async (request) => {
      return (await visibleAgencies(db.kysely, requireActor(request))).map(presentAgency);
    },
  );

  api.post(
    '/api/agencies',
    {
      schema: {
        tags,
        summary: 'Add an agency (central admins)',
        body: z.object({
          code: z.string().trim().min(1).max(32),
          slug: z
            .string()
            .trim()
            .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
            .max(64)
            .optional(),
          nameTh: name,
          nameEn: name,
          kind: z.enum(['district', 'central', 'other']).default('other'),
          standardDivisions: z.boolean().default(false),
        }),
        response: { 201: agencySchema },
      },
    },
    async (request, reply) => {
      const { code, slug, nameTh, nameEn, kind, standardDivisions } = request.body;
      const agency = await addAgency(
        db.kysely,
        requireActor(request),
        { code, slug, name_th: nameTh, name_en: nameEn, kind },
        standardDivisions,
      );
      return reply.code(201).send(presentAgency(agency));
    },
  );

  api.get(
    '/api/agencies/:agency',
    { schema: { tags, summary: 'One agency', params: agencyRef, response: { 200: agencySchema } } },
    async (request) => presentAgency(await readableAgency(db.kysely, requireActor(request), request.params.agency)),
  );

  api.patch(
    '/api/agencies/:agency',
    {
      schema: {
        tags,
        summary: 'Rename an agency (its admins or central admins)',
        params: agencyRef,
        body: z.object({ nameTh: name.optional(), nameEn: name.optional() }),
        response: { 200: agencySchema },
      },
    },
    async (request) => {
      return presentAgency(await renameAgency(db.kysely, requireActor(request), request.params.agency, request.body));
    },
  );

  api.get(
    '/api/agencies/:agency/divisions',
    { schema: { tags, summary: "An agency's divisions (ฝ่าย)", params: agencyRef, response: { 200: z.array(divisionSchema) } } },
    async (request) => {
      return (await agencyDivisions(db.kysely, requireActor(request), request.params.agency)).map(presentDivision);
    },
  );

  api.post(
    '/api/agencies/:agency/divisions',
    {
      schema: {
        tags,
        summary: 'Add a division',
        params: agencyRef,
        body: z.object({ nameTh: name, nameEn: name, sortOrder: z.number().int().min(0).max(1000).optional() }),
        response: { 201: divisionSchema },
      },
    },
    async (request, reply) => {
      const division = await addDivision(db.kysely, requireActor(request), request.params.agency, request.body);
      return reply.code(201).send(presentDivision(division));
    },
  );

  const divisionParams = z.object({ id: z.coerce.number().int().positive() });

  api.patch(
    '/api/divisions/:id',
    {
      schema: {
        tags,
        summary: 'Rename or reorder a division',
        params: divisionParams,
        body: z.object({
          nameTh: name.optional(),
          nameEn: name.optional(),
          sortOrder: z.number().int().min(0).max(1000).optional(),
        }),
        response: { 200: divisionSchema },
      },
    },
    async (request) => {
      return presentDivision(await changeDivision(db.kysely, requireActor(request), request.params.id, request.body));
    },
  );

  api.delete(
    '/api/divisions/:id',
    { schema: { tags, summary: 'Remove a division no account belongs to', params: divisionParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeDivision(db.kysely, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
