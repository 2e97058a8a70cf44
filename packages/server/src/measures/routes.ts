import { CADENCES } from '@prongsai/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { approveLibraryEntry, createLibraryEntry, ensureLibrary, offerLibraryEntry, searchLibrary } from '../library/service.js';
import { isoDate, noContent } from '../http/schemas.js';
import {
  carriedPlanSchema,
  entrySchema,
  libraryEntrySchema,
  libraryHitSchema,
  planAbilitiesSchema,
  planSchema,
  planSummarySchema,
} from './schemas.js';
import {
  addEntry,
  carryPlanOver,
  changeEntry,
  planAbilitiesOf,
  plansOf,
  readPlan,
  removeEntry,
  startPlan,
  type EntryInput,
} from './service.js';

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

export async function measureRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['measures'];
  await ensureLibrary(db.kysely);

  api.get(
    '/api/agencies/:agency/plans',
    {
      schema: {
        tags,
        summary: "An agency's measure plans",
        params: params.pick({ agency: true }),
        response: { 200: z.array(planSummarySchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return plansOf(db.kysely, actor, await readableAgency(db.kysely, actor, request.params.agency));
    },
  );

  api.get(
    '/api/agencies/:agency/plan-abilities',
    {
      schema: {
        tags,
        summary: "What you may do with an agency's plans, whether or not it has any yet",
        params: params.pick({ agency: true }),
        response: { 200: planAbilitiesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return planAbilitiesOf(actor, await readableAgency(db.kysely, actor, request.params.agency));
    },
  );

  api.get(
    '/api/agencies/:agency/plans/:year',
    { schema: { tags, summary: 'A plan with its entries, in order', params, response: { 200: planSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return readPlan(db.kysely, actor, agency, request.params.year);
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
        response: { 201: planSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return reply.code(201).send(await startPlan(db.kysely, actor, agency, request.params.year, request.body));
    },
  );

  api.post(
    '/api/agencies/:agency/plans/:year/entries',
    { schema: { tags, summary: 'Add an entry to a plan', params, body: entryBody, response: { 201: entrySchema } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return reply.code(201).send(await addEntry(db.kysely, actor, agency, request.params.year, request.body as EntryInput));
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
        response: { 200: entrySchema },
      },
    },
    async (request) => changeEntry(db.kysely, requireActor(request), request.params.id, request.body),
  );

  api.delete(
    '/api/entries/:id',
    {
      schema: {
        tags,
        summary: 'Remove a plan entry (with its progress reports); refused while an approved round shows it',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await removeEntry(db.kysely, actor, request.params.id);
      return reply.code(204).send(null);
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
        response: { 200: carriedPlanSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const { toYear, entryIds } = request.body;
      return carryPlanOver(db.kysely, actor, agency, request.params.year, toYear, entryIds);
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
        response: { 200: z.array(libraryHitSchema) },
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
        response: { 201: libraryEntrySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createLibraryEntry(db.kysely, requireActor(request), request.body)),
  );

  const libraryParams = z.object({ id: z.coerce.number().int().positive() });
  api.post(
    '/api/library/:id/offer',
    {
      schema: {
        tags,
        summary: 'Offer an own library entry to all agencies (a central admin approves)',
        params: libraryParams,
        response: { 200: libraryEntrySchema },
      },
    },
    async (request) => offerLibraryEntry(db.kysely, requireActor(request), request.params.id),
  );

  api.post(
    '/api/library/:id/approve',
    {
      schema: {
        tags,
        summary: 'Share an offered entry with all agencies (central admins)',
        params: libraryParams,
        response: { 200: libraryEntrySchema },
      },
    },
    async (request) => approveLibraryEntry(db.kysely, requireActor(request), request.params.id),
  );
}
