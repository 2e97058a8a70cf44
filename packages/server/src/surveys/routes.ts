import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import type { Config } from '../config.js';
import { printableSheets, qrSvg, respondentLink } from './sheet.js';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { pageQuery } from '../http/page.js';
import { fileResponse, isoDate } from '../http/schemas.js';
import {
  cityProgressPageSchema,
  codesSchema,
  progressSchema,
  rosterCountSchema,
  ROUND_STATES,
  roundViewSchema,
  SURVEY_SORTS,
  surveyAbilitiesSchema,
  surveyResultSchema,
  whatIfSchema,
} from './schemas.js';
import { presentRoundFor, SurveyService } from './service.js';
import { loadSurveyKey, useSurveyKey } from './sealing.js';

const roundParams = z.object({ id: z.coerce.number().int().positive() });

/** The secretariat's side of self-assessment surveys. */
export async function surveyRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  // The key that seals waiting responses: from PRONGSAI_SURVEY_KEY or the data directory, never the database.
  useSurveyKey(db.kysely, loadSurveyKey(config.dataDir));
  const service = new SurveyService(db.kysely);
  const base = (request: FastifyRequest) => config.publicUrl ?? `${request.protocol}://${request.host}`;

  api.get(
    '/api/agencies/:agency/surveys',
    {
      schema: {
        tags,
        summary: "The agency's self-assessment survey rounds, newest first, each with what you may do with it",
        params: z.object({ agency: z.string().min(1).max(64) }),
        response: { 200: z.array(roundViewSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return (await service.rounds(actor, agency.id)).map((round) => presentRoundFor(actor, round));
    },
  );

  api.get(
    '/api/agencies/:agency/survey-abilities',
    {
      schema: {
        tags,
        summary: "What you may do with an agency's survey rounds, whether or not it has any yet",
        params: z.object({ agency: z.string().min(1).max(64) }),
        response: { 200: surveyAbilitiesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return service.abilities(actor, agency.id);
    },
  );

  api.post(
    '/api/agencies/:agency/surveys',
    {
      schema: {
        tags,
        summary: "Open a self-assessment IIT or EIT round from the year's framework, with open and close dates (the secretariat)",
        params: z.object({ agency: z.string().min(1).max(64) }),
        body: z.object({
          tool: z.enum(['IIT', 'EIT']),
          fiscalYear: z.number().int().min(2500).max(2700),
          opensOn: isoDate,
          closesOn: isoDate,
          useCodes: z.boolean().default(false),
          framework: z.string().max(64).optional(),
        }),
        response: { 201: roundViewSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return reply.code(201).send(presentRoundFor(actor, await service.open(actor, agency, request.body)));
    },
  );

  api.get(
    '/api/surveys/city',
    {
      schema: {
        tags,
        summary:
          "City-wide: a page of the agencies' latest round of a year and tool against its quotas, the groups still short, and the group's figures (central admins)",
        querystring: pageQuery(SURVEY_SORTS, 'code').extend({
          year: z.coerce.number().int().min(2500).max(2700),
          tool: z.enum(['IIT', 'EIT']),
          state: z.enum(ROUND_STATES).optional(),
        }),
        response: { 200: cityProgressPageSchema },
      },
    },
    async (request) => {
      const { year, tool, ...page } = request.query;
      return service.cityProgress(requireActor(request), year, tool, page);
    },
  );

  api.get(
    '/api/surveys/:id/progress',
    {
      schema: {
        tags,
        summary: 'Complete responses per division against its quota, and the shortfalls',
        params: roundParams,
        response: { 200: progressSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.progress(actor, await service.round(actor, request.params.id));
    },
  );

  api.put(
    '/api/surveys/:id/quotas',
    {
      schema: {
        tags,
        summary:
          'Eligible headcount and required sample per division: given as civil servants and employees, the IIT sample follows the BMA rule (every civil servant, all or 80% of employees); else everyone eligible unless a sample is given',
        params: roundParams,
        body: z
          .array(
            z.object({
              divisionId: z.number().int().positive(),
              headcount: z.number().int().min(0).max(100_000).optional(),
              civilServants: z.number().int().min(0).max(100_000).optional(),
              employees: z.number().int().min(0).max(100_000).optional(),
              required: z.number().int().min(0).max(100_000).optional(),
            }),
          )
          .max(1000),
        response: { 200: progressSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const round = await service.round(actor, request.params.id);
      await service.setQuotas(actor, round, request.body);
      return service.progress(actor, round);
    },
  );

  api.post(
    '/api/surveys/:id/roster',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Count each division's eligible staff (a full year of service before 1 January) from a roster, CSV or XLSX with columns ฝ่าย/division and วันที่เริ่มปฏิบัติงาน/start_date; the roster is not kept",
        params: roundParams,
        body: z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().max(8 * 1024 * 1024) }),
        response: { 200: rosterCountSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const round = await service.round(actor, request.params.id);
      const counted = await service.countFromRoster(actor, round, {
        fileName: request.body.fileName,
        data: Buffer.from(request.body.contentBase64, 'base64'),
      });
      return { ...counted, progress: await service.progress(actor, round) };
    },
  );

  api.post(
    '/api/surveys/:id/codes',
    {
      schema: {
        tags,
        summary: "Single-use respondent codes for a division's slips (IIT); shown once, only their hashes are kept",
        params: roundParams,
        body: z.object({ divisionId: z.number().int().positive(), count: z.number().int().min(1).max(2000) }),
        response: { 201: codesSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const round = await service.round(actor, request.params.id);
      return reply.code(201).send({ codes: await service.makeCodes(actor, round, request.body.divisionId, request.body.count) });
    },
  );

  api.get(
    '/api/surveys/:id/result',
    {
      schema: {
        tags,
        summary:
          'The round scored by the same engine (source self-assessment), its weak points, and divisions of at least 5 respondents',
        params: roundParams,
        response: { 200: surveyResultSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.result(actor, await service.round(actor, request.params.id));
    },
  );

  api.get(
    '/api/surveys/:id/sheet',
    {
      schema: {
        tags,
        summary: 'A printable A4 sheet of QR codes: one for the round (IIT), or one per division for its service counter (EIT)',
        params: roundParams,
        response: { 200: fileResponse('A printable HTML page of QR codes', 'text/html') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { round, agency, divisions } = await service.roundWithDivisions(actor, request.params.id);
      const html = await printableSheets(base(request), agency, round, divisions);
      return reply.header('content-type', 'text/html; charset=utf-8').send(html);
    },
  );

  api.get(
    '/api/surveys/:id/qr.svg',
    {
      schema: {
        tags,
        summary: "The QR code of a round's link, for a division when `d` names one",
        params: roundParams,
        querystring: z.object({ d: z.coerce.number().int().positive().optional() }),
        response: { 200: fileResponse('The QR code as an SVG image', 'image/svg+xml') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { round, divisions } = await service.roundWithDivisions(actor, request.params.id);
      const division = divisions.find((d) => d.id === request.query.d);
      return reply
        .header('content-type', 'image/svg+xml')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(await qrSvg(respondentLink(base(request), round, division)));
    },
  );

  api.post(
    '/api/surveys/:id/what-if',
    {
      schema: {
        tags,
        summary: "The round scored again with some questions or items at new scores, as the official results' what-if",
        params: roundParams,
        body: z.object({ changes: z.record(z.string().max(16), z.number().min(0).max(100)) }),
        response: { 200: whatIfSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.whatIf(actor, await service.round(actor, request.params.id), request.body.changes);
    },
  );

  api.post(
    '/api/surveys/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the round before its last day (the secretariat)',
        params: roundParams,
        response: { 200: roundViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const round = await service.round(actor, request.params.id);
      await service.close(actor, round);
      return presentRoundFor(actor, { ...round, closed_at: new Date().toISOString() });
    },
  );
}
