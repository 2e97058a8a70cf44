import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { surveyItems } from '@prongsai/core';
import type { Db } from '../db/database.js';
import { fileResponse } from '../http/schemas.js';
import { FORM_SCRIPT, FORM_STYLE, surveyPage } from './form.js';
import { receivedSchema } from './schemas.js';
import { SHEET_STYLE } from './sheet.js';
import { isOpen, SurveyService } from './service.js';

/** The one form a submission id may take: a random UUID, version 4, in lower case. */
export const SUBMISSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The respondents' side: no sign-in, nothing about the respondent logged (these routes log
 * nothing at all) or stored. The rate limit keeps addresses in memory only, never beside answers.
 */
export async function surveyPublicRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const service = new SurveyService(db.kysely);
  const silent = { logLevel: 'silent' as const };
  const hidden = { hide: true, security: [] };

  api.get(
    '/s/form.js',
    { ...silent, schema: { ...hidden, response: { 200: fileResponse('The form script', 'text/javascript') } } },
    async (_request, reply) =>
      reply
        .header('content-type', 'text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(FORM_SCRIPT),
  );
  api.get(
    '/s/form.css',
    { ...silent, schema: { ...hidden, response: { 200: fileResponse('The form style', 'text/css') } } },
    async (_request, reply) =>
      reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(FORM_STYLE),
  );

  api.get(
    '/s/sheet.css',
    { ...silent, schema: { ...hidden, response: { 200: fileResponse('The printed sheet style', 'text/css') } } },
    async (_request, reply) =>
      reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SHEET_STYLE),
  );

  api.get(
    '/s/:code',
    {
      ...silent,
      schema: {
        ...hidden,
        params: z.object({ code: z.string().regex(/^[A-Z0-9]{4,16}$/) }),
        querystring: z.object({ d: z.coerce.number().int().positive().optional() }),
        response: {
          200: fileResponse("The round's form, as an HTML page", 'text/html'),
          404: fileResponse('No round has this code: a page saying so', 'text/html'),
        },
      },
    },
    async (request, reply) => {
      const form = await service.form(request.params.code, request.query.d);
      if (!form) {
        return reply
          .code(404)
          .header('content-type', 'text/html; charset=utf-8')
          .send('<!doctype html><html lang="th"><title>ไม่พบแบบสอบถาม</title><main><h1>ไม่พบแบบสอบถามนี้</h1></main></html>');
      }
      const { agency, round, framework, divisions, division } = form;
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(surveyPage(agency, round, framework, surveyItems(framework, round.tool), divisions, division, isOpen(round)));
    },
  );

  api.post(
    '/api/s/:code/responses',
    {
      ...silent,
      bodyLimit: 64 * 1024,
      config: { rateLimit: { max: Number(process.env.PRONGSAI_SURVEY_RATE_PER_MINUTE ?? 60), timeWindow: '1 minute' } },
      schema: {
        tags: ['surveys'],
        summary:
          "A respondent's complete answers (no sign-in): the same submission id again is answered as the first; nothing identifying is kept",
        security: [],
        params: z.object({ code: z.string().regex(/^[A-Z0-9]{4,16}$/) }),
        body: z.object({
          // A random UUID (version 4) from the phone, never a time: anything else is refused.
          clientId: z.string().regex(SUBMISSION_ID, 'must be a random UUID, version 4, in lower case'),
          answers: z.record(z.string().max(16), z.unknown()).refine((a) => Object.keys(a).length <= 200, 'too many answers'),
          division: z.number().int().nonnegative().optional(),
          code: z.string().max(32).optional(),
        }),
        response: { 200: receivedSchema },
      },
    },
    async (request) => service.submit(request.params.code, request.body),
  );
}
