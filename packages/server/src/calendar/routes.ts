import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEMO_KINDS, MILESTONES } from '@prongsai/core';
import { readableAgency } from '../agencies/service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { todayInBangkok } from '../fiscal-years/today.js';
import { notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { fileResponse, isoDate, noContent } from '../http/schemas.js';
import { XLSX_TYPE } from '../exports/stream.js';
import { lateExport } from './late-export.js';
import { MemoService } from './memo.js';
import { latePageSchema, memoViewSchema, presentedMilestoneSchema, taskSchema } from './schemas.js';
import { CalendarService, LATE_SORTS } from './service.js';
import { pageQuery } from '../http/page.js';
import { tasksFor } from './tasks.js';

const yearParams = z.object({ agency: z.string().min(1).max(64), year: z.coerce.number().int().min(2500).max(2700) });
const milestone = z.enum(MILESTONES);
const line = (max: number) => z.string().trim().max(max).optional();
/** What the secretariat writes into a memo; empty lines are left to the calendar and the framework. */
const memoContent = z
  .object({
    phone: line(100),
    number: line(100),
    date: isoDate.optional(),
    to: line(300),
    origin: line(4000),
    instructions: z.array(z.string().trim().min(1).max(4000)).max(20).optional(),
    signers: z
      .array(z.object({ name: z.string().trim().max(200), titles: z.array(z.string().trim().max(300)).max(4) }))
      .max(5)
      .optional(),
  })
  .strict();

export async function calendarRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const service = new CalendarService(db.kysely);
  const memos = new MemoService(db.kysely);
  const base = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`;

  api.get(
    '/api/agencies/:agency/calendar/:year',
    {
      schema: {
        tags,
        summary: "The agency's ITA year: each milestone's dates, owner and state (from Prongsai's records where it keeps them)",
        params: yearParams,
        response: { 200: z.array(presentedMilestoneSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.yearFor(actor, agency, request.params.year);
    },
  );

  api.put(
    '/api/agencies/:agency/calendar/:year/:milestone',
    {
      schema: {
        tags,
        summary: "Adjust a milestone of the agency's year: its dates, its owner, or done where no record tells (the secretariat)",
        params: yearParams.extend({ milestone }),
        body: z.object({
          startsOn: isoDate.nullable().optional(),
          dueOn: isoDate.nullable().optional(),
          ownerDivisionId: z.number().int().positive().nullable().optional(),
          done: z.boolean().optional(),
        }),
        response: { 200: z.array(presentedMilestoneSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await service.adjust(actor, agency, request.params.year, request.params.milestone, request.body);
      return service.yearFor(actor, agency, request.params.year);
    },
  );

  api.put(
    '/api/calendar/:year/defaults',
    {
      schema: {
        tags,
        summary: "The city-wide dates of a fiscal year, NACC's periods among them (central admins)",
        params: z.object({ year: z.coerce.number().int().min(2500).max(2700) }),
        body: z.array(z.object({ milestone, startsOn: isoDate.nullable(), dueOn: isoDate })).max(50),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await service.setDefaults(requireActor(request), request.params.year, request.body);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/calendar/:year/late',
    {
      schema: {
        tags,
        summary:
          'City-wide: a page of the agencies late or due soon with a milestone, and the counts per milestone (central admins); `milestone` and `state` filter, `format=csv` or `xlsx` downloads every late agency',
        params: z.object({ year: z.coerce.number().int().min(2500).max(2700) }),
        querystring: pageQuery(LATE_SORTS, 'dueOn').extend({
          format: z.enum(['json', 'csv', 'xlsx']).default('json'),
          milestone: milestone.optional(),
          state: z.enum(['late', 'due-soon']).optional(),
        }),
        response: {
          200: {
            description: 'A page of the agencies late and due soon; or every late agency as a CSV or XLSX file',
            content: {
              'application/json': { schema: latePageSchema },
              'text/csv': { schema: z.string().meta({ format: 'binary' }) },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: z.string().meta({ format: 'binary' }),
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { year } = request.params;
      const { format, milestone: only, state, ...page } = request.query;
      const today = todayInBangkok();
      const name = `ita-late-${year}${only ? `-${only}` : ''}`;
      if (format !== 'json') {
        // Authorised before the headers: a refusal is answered as JSON, not downloaded as the file.
        const file = lateExport(db.kysely, requireActor(request), year, today, only, format);
        return reply
          .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}.${format}"`)
          .send(file as unknown as string);
      }
      return service.cityLatePage(requireActor(request), year, today, { ...page, milestone: only, state });
    },
  );

  api.get(
    '/api/agencies/:agency/memos/:year',
    {
      schema: {
        tags,
        summary:
          "The year's memos (บันทึกข้อความ) the agency's kind has: what the secretariat wrote in, the calendar's instructions, and the text as it prints",
        params: yearParams,
        response: { 200: z.array(memoViewSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return memos.list(actor, agency, request.params.year);
    },
  );

  api.put(
    '/api/agencies/:agency/memos/:year/:kind',
    {
      schema: {
        tags,
        summary:
          "Write into a memo the agency's kind has: its number, date, recipient, origin, instructions and signers (the secretariat; not once issued)",
        params: yearParams.extend({ kind: z.enum(MEMO_KINDS) }),
        body: memoContent,
        response: { 200: z.array(memoViewSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await memos.save(actor, agency, request.params.year, request.params.kind, request.body);
      return memos.list(actor, agency, request.params.year);
    },
  );

  api.put(
    '/api/agencies/:agency/memos/:year/:kind/issued',
    {
      schema: {
        tags,
        summary: 'Issue a numbered memo, which locks it (`issued: true`), or reopen it (`false`)',
        params: yearParams.extend({ kind: z.enum(MEMO_KINDS) }),
        body: z.object({ issued: z.boolean() }),
        response: { 200: z.array(memoViewSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await memos.issue(actor, agency, request.params.year, request.params.kind, request.body.issued);
      return memos.list(actor, agency, request.params.year);
    },
  );

  api.get(
    '/api/agencies/:agency/tasks/:year',
    {
      schema: {
        tags,
        summary: "What the signed-in person must do now in the agency's year, by their role and division",
        params: yearParams,
        response: { 200: z.array(taskSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return tasksFor(db.kysely, actor, agency, request.params.year);
    },
  );

  api.post(
    '/api/agencies/:agency/calendar/feeds',
    {
      schema: {
        tags,
        summary: 'A new secret iCalendar feed URL of the agency (division 0) or of a division; the one before stops working',
        params: z.object({ agency: z.string().min(1).max(64) }),
        body: z.object({ divisionId: z.number().int().min(0), year: z.number().int().min(2500).max(2700) }),
        response: { 201: z.object({ url: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const token = await service.makeFeed(actor, agency, request.body.divisionId);
      return reply.code(201).send({ url: `${base(request)}/ical/${token}/${request.body.year}.ics` });
    },
  );

  api.delete(
    '/api/agencies/:agency/calendar/feeds/:division',
    {
      schema: {
        tags,
        summary: 'Revoke the iCalendar feed of the agency (division 0) or of a division',
        params: z.object({ agency: z.string().min(1).max(64), division: z.coerce.number().int().min(0) }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      await service.revokeFeed(actor, agency, request.params.division);
      return reply.code(204).send(null);
    },
  );

  // The feed's secret is in its URL: this route logs nothing, so the secret never reaches the log.
  api.get(
    '/ical/:token/:file',
    {
      logLevel: 'silent',
      schema: {
        hide: true,
        security: [],
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/), file: z.string().regex(/^\d{4}\.ics$/) }),
        response: { 200: fileResponse("The year's calendar as iCalendar", 'text/calendar') },
      },
    },
    async (request, reply) => {
      const calendar = await service.feedCalendar(request.params.token, Number(request.params.file.slice(0, 4)));
      if (!calendar) throw notFound('calendar feed');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(calendar);
    },
  );
}
