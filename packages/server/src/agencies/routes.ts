import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { uploadBodyLimit } from '../evidence/store.js';
import { requireActor } from '../http/context.js';
import { noContent } from '../http/schemas.js';
import {
  addAgency,
  addDivision,
  agencyDivisions,
  agencyForActor,
  changeDivision,
  removeDivision,
  renameAgency,
  visibleAgencies,
} from './service.js';
import { MAX_AGENCY_FILE_BYTES } from './import-file.js';
import { importAgencies } from './import-service.js';
import { addAgencyKind, changeAgencyKind, listAgencyKinds } from './kinds-service.js';
import {
  agencySchema,
  agencyWithAbilitiesSchema,
  divisionSchema,
  importBodySchema,
  importPlanSchema,
  kindBodySchema,
  kindSchema,
  presentAgency,
  presentDivision,
} from './schemas.js';

const agencyRef = z.object({ agency: z.string().min(1).max(64).describe('geocode (e.g. 1040), slug (bang-khae) or id') });
const name = z.string().trim().min(1).max(200);

export async function agencyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agencies'];

  api.get(
    '/api/agencies',
    {
      schema: {
        tags,
        summary: 'Agencies you can see: all of them, or a page of those whose name, code or slug holds `q`',
        querystring: z.object({
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: z.array(agencySchema) },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      const search = q !== undefined || limit !== undefined ? { text: q, limit: limit ?? 50, offset } : undefined;
      return (await visibleAgencies(db.kysely, requireActor(request), search)).map(presentAgency);
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
          kind: z.string().trim().min(1).max(16).default('other').describe("an agency kind's id (GET /api/agency-kinds)"),
          parentCode: z.string().trim().min(1).max(32).optional().describe("the overseeing agency's code"),
          standardDivisions: z.boolean().default(false).describe("add the kind's default units"),
        }),
        response: { 201: agencySchema },
      },
    },
    async (request, reply) => {
      const { code, slug, nameTh, nameEn, kind, parentCode, standardDivisions } = request.body;
      const agency = await addAgency(
        db.kysely,
        requireActor(request),
        { code, slug, name_th: nameTh, name_en: nameEn, kind, parentCode },
        standardDivisions,
      );
      return reply.code(201).send(presentAgency(agency));
    },
  );

  api.post(
    '/api/agencies/import',
    {
      schema: {
        tags,
        summary: 'Add and update agencies from a CSV or XLSX list (central admins); dryRun: the plan only',
        description:
          'Columns code,name_th,name_en,kind,parent_code[,divisions (names separated by ;)]. An existing code is updated, never duplicated; all rows or none: a bad file answers 422 with every bad row (row, column) in details.',
        body: importBodySchema,
        response: { 200: importPlanSchema },
      },
      bodyLimit: uploadBodyLimit(MAX_AGENCY_FILE_BYTES),
    },
    async (request) => {
      const { fileName, contentBase64, dryRun } = request.body;
      const plan = await importAgencies(
        db.kysely,
        requireActor(request),
        { fileName, data: Buffer.from(contentBase64, 'base64') },
        { dryRun },
      );
      return { ...plan, dryRun };
    },
  );

  api.get(
    '/api/agency-kinds',
    { schema: { tags, summary: 'Kinds of agency: naming, units, survey sampling', response: { 200: z.array(kindSchema) } } },
    async (request) => listAgencyKinds(db.kysely, requireActor(request)),
  );

  api.post(
    '/api/agency-kinds',
    { schema: { tags, summary: 'Add a kind of agency (central admins)', body: kindBodySchema, response: { 201: kindSchema } } },
    async (request, reply) => reply.code(201).send(await addAgencyKind(db.kysely, requireActor(request), request.body)),
  );

  api.put(
    '/api/agency-kinds/:id',
    {
      schema: {
        tags,
        summary: 'Change a kind of agency (central admins); its id stays',
        params: z.object({ id: z.string().min(1).max(16) }),
        body: kindBodySchema.omit({ id: true }),
        response: { 200: kindSchema },
      },
    },
    async (request) => changeAgencyKind(db.kysely, requireActor(request), request.params.id, request.body),
  );

  api.get(
    '/api/agencies/:agency',
    {
      schema: {
        tags,
        summary: 'One agency, with what you may do with it',
        params: agencyRef,
        response: { 200: agencyWithAbilitiesSchema },
      },
    },
    async (request) => {
      const { agency, assessedAs, unitTerm, iitRule, can } = await agencyForActor(
        db.kysely,
        requireActor(request),
        request.params.agency,
      );
      return { ...presentAgency(agency), assessedAs, unitTerm, iitRule, can };
    },
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
    {
      schema: { tags, summary: 'Remove a division no account belongs to', params: divisionParams, response: { 204: noContent } },
    },
    async (request, reply) => {
      await removeDivision(db.kysely, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
