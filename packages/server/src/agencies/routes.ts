import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/repository.js';
import { authorize, policies } from '../auth/policy.js';
import { now, type Db } from '../db/database.js';
import type { Agency, Division } from '../db/schema.js';
import { conflict, notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import {
  deleteDivision,
  divisionInUse,
  findAgency,
  findDivision,
  findDivisionByName,
  insertDivision,
  listAgencies,
  listDivisions,
  updateAgency,
  updateDivision,
} from './repository.js';
import { createAgency, readableAgency as loadReadableAgency } from './service.js';
import { slugify } from './reference-data.js';

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

  const readableAgency = (actor: ReturnType<typeof requireActor>, ref: string) => loadReadableAgency(db.kysely, actor, ref);

  api.get(
    '/api/agencies',
    { schema: { tags, summary: 'Agencies you can see', response: { 200: z.array(agencySchema) } } },
    async (request) => {
      const actor = requireActor(request);
      const agencies = await listAgencies(db.kysely, actor.role === 'central_admin' ? undefined : (actor.agencyId ?? -1));
      return agencies.filter((a) => policies.agency.read(actor, { id: a.id })).map(presentAgency);
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
      const actor = requireActor(request);
      authorize(actor, 'agency', 'create', undefined);
      const body = request.body;
      const slug = body.slug ?? slugify(body.nameEn);
      if ((await findAgency(db.kysely, body.code)) || (await findAgency(db.kysely, slug))) {
        throw conflict('an agency with this code or slug exists', 'มีหน่วยงานที่ใช้รหัสหรือชื่อย่อนี้อยู่แล้ว');
      }
      const agency = await createAgency(
        db.kysely,
        actor.id,
        { code: body.code, slug, name_th: body.nameTh, name_en: body.nameEn, kind: body.kind },
        body.standardDivisions,
      );
      return reply.code(201).send(presentAgency(agency));
    },
  );

  api.get(
    '/api/agencies/:agency',
    { schema: { tags, summary: 'One agency', params: agencyRef, response: { 200: agencySchema } } },
    async (request) => presentAgency(await readableAgency(requireActor(request), request.params.agency)),
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
      const actor = requireActor(request);
      const before = await readableAgency(actor, request.params.agency);
      authorize(actor, 'agency', 'update', { id: before.id });
      const after = await db.kysely.transaction().execute(async (trx) => {
        const updated = await updateAgency(trx, before.id, {
          ...(request.body.nameTh === undefined ? {} : { name_th: request.body.nameTh }),
          ...(request.body.nameEn === undefined ? {} : { name_en: request.body.nameEn }),
        });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'update',
          entity: 'agency',
          entityId: before.id,
          agencyId: before.id,
          before,
          after: updated,
        });
        return updated;
      });
      return presentAgency(after);
    },
  );

  api.get(
    '/api/agencies/:agency/divisions',
    { schema: { tags, summary: "An agency's divisions (ฝ่าย)", params: agencyRef, response: { 200: z.array(divisionSchema) } } },
    async (request) => {
      const agency = await readableAgency(requireActor(request), request.params.agency);
      return (await listDivisions(db.kysely, agency.id)).map(presentDivision);
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
      const actor = requireActor(request);
      const agency = await readableAgency(actor, request.params.agency);
      authorize(actor, 'division', 'create', { agencyId: agency.id });
      if (await findDivisionByName(db.kysely, agency.id, request.body.nameTh)) {
        throw conflict('the agency already has a division with this name', 'หน่วยงานนี้มีฝ่ายชื่อนี้อยู่แล้ว');
      }
      const existing = await listDivisions(db.kysely, agency.id);
      const division = await db.kysely.transaction().execute(async (trx) => {
        const created = await insertDivision(trx, {
          agency_id: agency.id,
          name_th: request.body.nameTh,
          name_en: request.body.nameEn,
          sort_order: request.body.sortOrder ?? Math.max(0, ...existing.map((d) => d.sort_order)) + 1,
          created_at: now(),
        });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'create',
          entity: 'division',
          entityId: created.id,
          agencyId: agency.id,
          after: created,
        });
        return created;
      });
      return reply.code(201).send(presentDivision(division));
    },
  );

  const divisionParams = z.object({ id: z.coerce.number().int().positive() });
  const readableDivision = async (actor: ReturnType<typeof requireActor>, id: number) => {
    const division = await findDivision(db.kysely, id);
    if (!division) throw notFound('division');
    authorize(actor, 'division', 'read', { id, agencyId: division.agency_id });
    return division;
  };

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
      const actor = requireActor(request);
      const before = await readableDivision(actor, request.params.id);
      authorize(actor, 'division', 'update', { id: before.id, agencyId: before.agency_id });
      const { nameTh, nameEn, sortOrder } = request.body;
      if (nameTh !== undefined && nameTh !== before.name_th && (await findDivisionByName(db.kysely, before.agency_id, nameTh))) {
        throw conflict('the agency already has a division with this name', 'หน่วยงานนี้มีฝ่ายชื่อนี้อยู่แล้ว');
      }
      const after = await db.kysely.transaction().execute(async (trx) => {
        const updated = await updateDivision(trx, before.id, {
          ...(nameTh === undefined ? {} : { name_th: nameTh }),
          ...(nameEn === undefined ? {} : { name_en: nameEn }),
          ...(sortOrder === undefined ? {} : { sort_order: sortOrder }),
        });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'update',
          entity: 'division',
          entityId: before.id,
          agencyId: before.agency_id,
          before,
          after: updated,
        });
        return updated;
      });
      return presentDivision(after);
    },
  );

  api.delete(
    '/api/divisions/:id',
    { schema: { tags, summary: 'Remove a division no account belongs to', params: divisionParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const before = await readableDivision(actor, request.params.id);
      authorize(actor, 'division', 'delete', { id: before.id, agencyId: before.agency_id });
      if (await divisionInUse(db.kysely, before.id)) {
        throw conflict('accounts still belong to this division', 'ยังมีบัญชีผู้ใช้สังกัดฝ่ายนี้ จึงลบไม่ได้');
      }
      await db.kysely.transaction().execute(async (trx) => {
        await deleteDivision(trx, before.id);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'delete',
          entity: 'division',
          entityId: before.id,
          agencyId: before.agency_id,
          before,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
