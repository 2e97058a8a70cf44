import { presentResult } from '@prongsai/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import type { Upload } from '../inputs/read-upload.js';
import { pageQuery } from '../http/page.js';
import { XLSX_TYPE } from '../exports/stream.js';
import { cityExport } from './city-export.js';
import {
  assessmentReportSchema,
  assessmentSummarySchema,
  CITY_SORTS,
  cityPageSchema,
  importedSchema,
  planSchema,
  presentedResultSchema,
  previewSchema,
  TREND_SORTS,
  trendPageSchema,
} from './schemas.js';
import {
  agencyAssessments,
  assessmentReport,
  cityResultsPage,
  cityTrendsPage,
  importResults,
  improvementPlan,
  previewResults,
  resultYears,
  whatIfResults,
} from './service.js';

const params = z.object({ agency: z.string().min(1).max(64), year: z.coerce.number().int().min(2500).max(2700) });
const uploadBody = z
  .object({
    framework: z.string().max(64).optional(),
    fileName: z.string().min(1).max(255).optional(),
    contentBase64: z
      .string()
      .max(30 * 1024 * 1024)
      .optional(),
    text: z
      .string()
      .max(2 * 1024 * 1024)
      .optional(),
  })
  .refine((b) => (b.text !== undefined) !== (b.contentBase64 !== undefined && b.fileName !== undefined), {
    message: 'give either text, or fileName with contentBase64',
  });

function toUpload(body: z.infer<typeof uploadBody>): Upload {
  if (body.text !== undefined) return { kind: 'text', text: body.text };
  return { kind: 'file', fileName: body.fileName!, data: Buffer.from(body.contentBase64!, 'base64') };
}

export async function resultRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];
  const importLimit = { bodyLimit: 32 * 1024 * 1024 };

  api.get(
    '/api/agencies/:agency/assessments',
    {
      schema: {
        tags,
        summary: "An agency's assessments by fiscal year",
        params: params.pick({ agency: true }),
        response: { 200: z.array(assessmentSummarySchema) },
      },
    },
    async (request) => {
      return (await agencyAssessments(db.kysely, requireActor(request), request.params.agency)).map((a) => ({
        fiscalYear: a.fiscal_year,
        framework: a.framework_id,
        source: a.source,
        ita: a.ita,
        levelId: a.level_id,
        updatedAt: a.updated_at,
      }));
    },
  );

  api.get(
    '/api/agencies/:agency/assessments/:year',
    {
      schema: {
        tags,
        summary:
          'Scores, weak points, published-vs-computed differences, comparison with the year before, OIT details, respondent statistics, import history',
        params,
        querystring: z.object({ threshold: z.coerce.number().min(0).max(100).optional() }),
        response: { 200: assessmentReportSchema },
      },
    },
    async (request) => {
      return assessmentReport(
        db.kysely,
        requireActor(request),
        request.params.agency,
        request.params.year,
        request.query.threshold,
      );
    },
  );

  api.post(
    '/api/agencies/:agency/assessments/:year/preview',
    {
      ...importLimit,
      schema: {
        tags,
        summary: 'Read a results file or pasted text and show the scores it would give; writes nothing',
        params,
        body: uploadBody,
        response: { 200: previewSchema },
      },
    },
    async (request) => {
      return previewResults(
        db.kysely,
        requireActor(request),
        request.params.agency,
        request.params.year,
        request.body.framework,
        toUpload(request.body),
      );
    },
  );

  api.post(
    '/api/agencies/:agency/assessments/:year/imports',
    {
      ...importLimit,
      schema: {
        tags,
        summary:
          'Import a results file or pasted text: replaces the overlapping earlier import (kept in history), all or nothing',
        params,
        body: uploadBody,
        response: { 201: importedSchema },
      },
    },
    async (request, reply) => {
      const { assessment, preview } = await importResults(
        db.kysely,
        requireActor(request),
        request.params.agency,
        request.params.year,
        request.body.framework,
        toUpload(request.body),
      );
      return reply.code(201).send({
        fiscalYear: assessment.fiscal_year,
        framework: assessment.framework_id,
        ita: assessment.ita,
        levelId: assessment.level_id,
        warnings: preview.warnings,
        unread: preview.unread,
      });
    },
  );

  api.post(
    '/api/agencies/:agency/assessments/:year/what-if',
    {
      schema: {
        tags,
        summary: 'Scores with chosen questions, items or OIT items raised to new scores',
        params,
        body: z.object({ changes: z.record(z.string().max(16), z.number().min(0).max(100)) }),
        response: { 200: presentedResultSchema },
      },
    },
    async (request) => {
      const result = await whatIfResults(
        db.kysely,
        requireActor(request),
        request.params.agency,
        request.params.year,
        request.body.changes,
      );
      return presentResult(result);
    },
  );

  api.post(
    '/api/agencies/:agency/assessments/:year/plan',
    {
      schema: {
        tags,
        summary: 'The fewest questions to raise to a target score to reach a level',
        params,
        body: z.object({ level: z.string().max(32), target: z.number().min(1).max(100).default(100) }),
        response: { 200: planSchema },
      },
    },
    async (request) => {
      const { level, target } = request.body;
      const plan = await improvementPlan(
        db.kysely,
        requireActor(request),
        request.params.agency,
        request.params.year,
        level,
        target,
      );
      return {
        reachable: plan.reachable,
        level: plan.target,
        target: request.body.target,
        steps: plan.steps,
        result: presentResult(plan.result),
      };
    },
  );

  api.get(
    '/api/results/years',
    {
      schema: {
        tags,
        summary: 'Fiscal years with results of the agencies the user may see',
        response: { 200: z.array(z.number()) },
      },
    },
    async (request) => {
      return resultYears(db.kysely, requireActor(request));
    },
  );

  api.get(
    '/api/results/city',
    {
      schema: {
        tags,
        summary:
          'A page of the agencies of a fiscal year side by side, ranked by ITA, with the group figures (central users); ?format=csv or xlsx downloads every row',
        querystring: pageQuery(CITY_SORTS, 'rank').extend({
          year: z.coerce.number().int().min(2500).max(2700),
          format: z.enum(['json', 'csv', 'xlsx']).default('json'),
          level: z.string().max(32).optional().describe("A level's id, or `none` for results without one"),
        }),
        response: {
          200: {
            description: 'A page of the table as JSON, or the whole table as a CSV or XLSX file',
            content: {
              'application/json': { schema: cityPageSchema },
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
      const { year, format, ...page } = request.query;
      if (format === 'json') return cityResultsPage(db.kysely, requireActor(request), year, page);
      // Authorised before the headers: a refusal is answered as JSON, not downloaded as the file.
      const file = cityExport(db.kysely, requireActor(request), year, format);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE)
        .header('content-disposition', `attachment; filename="prongsai-ita-${year}.${format}"`)
        .send(file as unknown as string);
    },
  );

  api.get(
    '/api/results/trends',
    {
      schema: {
        tags,
        summary: 'A page of agencies with their ITA by fiscal year, and the mean of each year over every agency (central users)',
        querystring: pageQuery(TREND_SORTS, 'code'),
        response: { 200: trendPageSchema },
      },
    },
    async (request) => cityTrendsPage(db.kysely, requireActor(request), request.query),
  );
}
