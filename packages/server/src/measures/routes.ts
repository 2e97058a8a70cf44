import { CADENCES } from '@prongsai/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import { now, type Db } from '../db/database.js';
import { HttpError, notFound } from '../http/errors.js';
import { lockRow } from '../db/locks.js';
import type { Database, MeasureEntry } from '../db/schema.js';
import type { Transaction } from 'kysely';
import { requireActor } from '../http/context.js';
import { isoDate } from '../http/schemas.js';
import { findLibraryEntry, insertLibraryEntry, setLibraryStatus } from '../library/repository.js';
import { ensureLibrary, presentLibraryEntry, searchLibrary } from '../library/service.js';
import {
  approvedRoundShowing,
  deleteEntry,
  findEntry,
  findPlan,
  findPlanById,
  insertEntry,
  listEntries,
  listPlans,
  nextPosition,
  updateEntry,
} from './repository.js';
import { carryOver, checkEntry, createPlan, entryRow, presentEntry, type EntryInput } from './service.js';

const params = z.object({ agency: z.string().min(1).max(64), year: z.coerce.number().int().min(2500).max(2700) });
const text = (max: number) => z.string().trim().max(max);
const entryBody = z.object({
  section: z.enum(['question', 'indicator', 'extra']),
  questionCode: z.string().max(16).nullish(),
  indicatorNumber: z.number().int().min(1).max(20).nullish(),
  questionText: text(2000).nullish(),
  score: z.number().min(0).max(100).nullish(),
  title: text(500).nullish(),
  issue: text(4000),
  measures: z.array(text(2000).min(1)).max(30),
  divisions: z
    .array(z.union([z.literal('all'), z.number().int().positive()]))
    .min(1)
    .max(30),
  cadence: z.enum(CADENCES),
  cadenceText: text(200).nullish(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  targetScore: z.number().min(0).max(100).nullish(),
});

const staleEntry = (current: number) =>
  new HttpError(
    409,
    'stale-entry',
    `the entry was changed by someone else (now version ${current}); reload it and apply your change again`,
    'มีผู้อื่นแก้ไขรายการนี้ไปแล้ว กรุณาโหลดข้อมูลใหม่แล้วแก้ไขอีกครั้ง',
    { version: current },
  );

async function refuseIfApproved(trx: Transaction<Database>, entry: MeasureEntry): Promise<void> {
  const round = await approvedRoundShowing(trx, entry);
  if (!round) return;
  throw new HttpError(
    409,
    'entry-approved',
    `the ${round.round}-month round that reports this entry is approved; reopen it as a new revision to change the entry`,
    `รายการนี้อยู่ในรายงานรอบ ${round.round} เดือนที่อนุมัติแล้ว ต้องเปิดฉบับแก้ไขใหม่ของรอบนั้นก่อนจึงจะแก้ไขหรือลบได้`,
    { round: round.round, revision: round.revision },
  );
}

export async function measureRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['measures'];
  await ensureLibrary(db.kysely);

  const planOf = async (actor: Actor, ref: string, year: number) => {
    const agency = await readableAgency(db.kysely, actor, ref);
    authorize(actor, 'plan', 'read', { agencyId: agency.id });
    return { agency, plan: await findPlan(db.kysely, agency.id, year) };
  };
  const entryOf = async (actor: Actor, id: number) => {
    const entry = await findEntry(db.kysely, id);
    const plan = entry ? await findPlanById(db.kysely, entry.plan_id) : undefined;
    if (!entry || !plan) throw notFound('entry');
    authorize(actor, 'plan', 'read', { agencyId: plan.agency_id });
    return { entry, plan };
  };

  api.get(
    '/api/agencies/:agency/plans',
    { schema: { tags, summary: "An agency's measure plans", params: params.pick({ agency: true }) } },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'plan', 'read', { agencyId: agency.id });
      return (await listPlans(db.kysely, agency.id)).map((p) => ({ fiscalYear: p.fiscal_year, basedOnYear: p.based_on_year }));
    },
  );

  api.get(
    '/api/agencies/:agency/plans/:year',
    { schema: { tags, summary: 'A plan with its entries, in order', params } },
    async (request) => {
      const { plan } = await planOf(requireActor(request), request.params.agency, request.params.year);
      if (!plan) throw notFound('plan');
      return {
        fiscalYear: plan.fiscal_year,
        basedOnYear: plan.based_on_year,
        entries: (await listEntries(db.kysely, plan.id)).map(presentEntry),
      };
    },
  );

  api.post(
    '/api/agencies/:agency/plans/:year',
    {
      schema: {
        tags,
        summary: 'Create the plan of a fiscal year: from the questions below the threshold, per indicator, or empty',
        params,
        body: z.object({
          mode: z.enum(['weak-points', 'indicators', 'empty']),
          threshold: z.number().min(0).max(100).optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { agency } = await planOf(actor, request.params.agency, request.params.year);
      authorize(actor, 'plan', 'manage', { agencyId: agency.id });
      const plan = await createPlan(db.kysely, actor.id, agency, request.params.year, request.body);
      return reply.code(201).send({
        fiscalYear: plan.fiscal_year,
        basedOnYear: plan.based_on_year,
        entries: (await listEntries(db.kysely, plan.id)).map(presentEntry),
      });
    },
  );

  api.post(
    '/api/agencies/:agency/plans/:year/entries',
    { schema: { tags, summary: 'Add an entry to a plan', params, body: entryBody } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { agency, plan } = await planOf(actor, request.params.agency, request.params.year);
      if (!plan) throw notFound('plan');
      authorize(actor, 'plan', 'manage', { agencyId: agency.id });
      const body = request.body as EntryInput;
      await checkEntry(db.kysely, plan, body);
      const entry = await db.kysely.transaction().execute(async (trx) => {
        const created = await insertEntry(trx, entryRow(plan.id, await nextPosition(trx, plan.id), body));
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'create',
          entity: 'measure-entry',
          entityId: created.id,
          agencyId: agency.id,
          after: presentEntry(created),
        });
        return created;
      });
      return reply.code(201).send(presentEntry(entry));
    },
  );

  api.patch(
    '/api/entries/:id',
    {
      schema: {
        tags,
        summary: 'Change a plan entry',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: entryBody.partial().extend({
          position: z.number().int().min(1).optional(),
          /** The version the change was made from; a stale one is refused with 409. */
          version: z.number().int().positive().optional(),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { entry: read, plan } = await entryOf(actor, request.params.id);
      authorize(actor, 'plan', 'manage', { agencyId: plan.agency_id });
      const { version, ...body } = request.body;
      const after = await db.kysely.transaction().execute(async (trx) => {
        // The entry as it is now, held until this change lands: parallel writes run in turn.
        await lockRow(trx, 'measure_entries', read.id);
        const entry = await findEntry(trx, read.id);
        if (!entry) throw notFound('entry');
        if (version !== undefined && version !== entry.version) throw staleEntry(entry.version);
        await refuseIfApproved(trx, entry);
        const before = presentEntry(entry);
        const merged = { ...before, ...body } as EntryInput;
        await checkEntry(trx, plan, merged);
        const { created_at: _c, plan_id: _p, ...update } = entryRow(plan.id, body.position ?? entry.position, merged);
        const updated = await updateEntry(trx, entry.id, { ...update, updated_at: now() });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'update',
          entity: 'measure-entry',
          entityId: entry.id,
          agencyId: plan.agency_id,
          before,
          after: presentEntry(updated),
        });
        return updated;
      });
      return presentEntry(after);
    },
  );

  api.delete(
    '/api/entries/:id',
    {
      schema: {
        tags,
        summary: 'Remove a plan entry (with its progress reports); refused while an approved round shows it',
        params: z.object({ id: z.coerce.number().int().positive() }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { entry: read, plan } = await entryOf(actor, request.params.id);
      authorize(actor, 'plan', 'manage', { agencyId: plan.agency_id });
      await db.kysely.transaction().execute(async (trx) => {
        await lockRow(trx, 'measure_entries', read.id);
        const entry = await findEntry(trx, read.id);
        if (!entry) throw notFound('entry');
        await refuseIfApproved(trx, entry);
        await deleteEntry(trx, entry.id);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'delete',
          entity: 'measure-entry',
          entityId: entry.id,
          agencyId: plan.agency_id,
          before: presentEntry(entry),
        });
      });
      return reply.code(204).send();
    },
  );

  api.post(
    '/api/agencies/:agency/plans/:year/carry-over',
    {
      schema: {
        tags,
        summary: "Start next year's plan from chosen entries of this one (no status, result or evidence is copied)",
        params,
        body: z.object({
          toYear: z.number().int().min(2500).max(2700),
          entryIds: z.array(z.number().int().positive()).min(1).max(200),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { agency, plan } = await planOf(actor, request.params.agency, request.params.year);
      if (!plan) throw notFound('plan');
      authorize(actor, 'plan', 'manage', { agencyId: agency.id });
      const target = await carryOver(db.kysely, actor.id, agency, plan, request.body.toYear, request.body.entryIds);
      return { fiscalYear: target.fiscal_year, entries: (await listEntries(db.kysely, target.id)).map(presentEntry) };
    },
  );

  api.get(
    '/api/library',
    {
      schema: {
        tags,
        summary: 'Search reusable issues and measures (Thai word segmentation)',
        querystring: z.object({
          q: z.string().max(200).optional(),
          question: z.string().max(16).optional(),
          indicator: z.coerce.number().int().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
      },
    },
    async (request) => searchLibrary(db.kysely, requireActor(request), request.query),
  );

  api.post(
    '/api/library',
    {
      schema: {
        tags,
        summary: "Save an issue and its measures to the agency's library",
        body: z.object({
          questionCode: z.string().max(16).nullish(),
          indicatorNumber: z.number().int().nullish(),
          issue: text(4000).min(1),
          measures: z.array(text(2000).min(1)).min(1).max(30),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'library', 'create', undefined);
      const row = await db.kysely.transaction().execute(async (trx) => {
        const created = await insertLibraryEntry(trx, {
          agency_id: actor.agencyId,
          status: actor.agencyId === null ? 'shared' : 'private',
          question_code: request.body.questionCode ?? null,
          indicator_number: request.body.indicatorNumber ?? null,
          issue: request.body.issue,
          measures: JSON.stringify(request.body.measures),
          source: null,
          created_by: actor.id,
          created_at: now(),
        });
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'create',
          entity: 'library-entry',
          entityId: created.id,
          agencyId: actor.agencyId,
          after: presentLibraryEntry(created),
        });
        return created;
      });
      return reply.code(201).send(presentLibraryEntry(row));
    },
  );

  const libraryParams = z.object({ id: z.coerce.number().int().positive() });
  api.post(
    '/api/library/:id/offer',
    { schema: { tags, summary: 'Offer an own library entry to all agencies (a central admin approves)', params: libraryParams } },
    async (request) => {
      const actor = requireActor(request);
      const row = await findLibraryEntry(db.kysely, request.params.id);
      if (!row || (row.status !== 'shared' && row.agency_id !== actor.agencyId && actor.role !== 'central_admin')) {
        throw notFound('library entry');
      }
      authorize(actor, 'library', 'offer', { agencyId: row.agency_id });
      const updated = await setLibraryStatus(db.kysely, row.id, ['private', 'pending', 'shared'], 'pending');
      if (!updated) throw notFound('library entry');
      await recordAudit(db.kysely, {
        actorId: actor.id,
        action: 'offer',
        entity: 'library-entry',
        entityId: row.id,
        agencyId: row.agency_id,
      });
      return presentLibraryEntry(updated);
    },
  );

  api.post(
    '/api/library/:id/approve',
    { schema: { tags, summary: 'Share an offered entry with all agencies (central admins)', params: libraryParams } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'library', 'approveShare', undefined);
      const row = await findLibraryEntry(db.kysely, request.params.id);
      const updated = row && (await setLibraryStatus(db.kysely, row.id, ['pending'], 'shared'));
      if (!row || !updated) throw notFound('library entry');
      await recordAudit(db.kysely, {
        actorId: actor.id,
        action: 'approve-share',
        entity: 'library-entry',
        entityId: row.id,
        agencyId: row.agency_id,
      });
      return presentLibraryEntry(updated);
    },
  );
}
