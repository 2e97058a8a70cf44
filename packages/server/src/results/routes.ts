import { planImprovements, presentResult, whatIf } from '@prongsai/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import { authorize } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { badRequest, notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { inputErrorAsHttp } from '../inputs/input-http.js';
import type { Upload } from '../inputs/read-upload.js';
import { assessmentYears, findAssessment, importHistory, listAssessments, trendRows } from './repository.js';
import { cityCsv, cityTable, cityXlsx } from './city.js';
import {
  commitImport,
  loadState,
  presentStats,
  previewImport,
  previousComparison,
  publishedDifferences,
  weakPoints,
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

/** Input problems become a 422 listing each, in English and Thai. */
function asHttp(error: unknown): never {
  throw inputErrorAsHttp(error);
}

export async function resultRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['results'];
  const importLimit = { bodyLimit: 32 * 1024 * 1024 };

  api.get(
    '/api/agencies/:agency/assessments',
    { schema: { tags, summary: "An agency's assessments by fiscal year", params: params.pick({ agency: true }) } },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'assessment', 'read', { agencyId: agency.id });
      return (await listAssessments(db.kysely, agency.id)).map((a) => ({
        fiscalYear: a.fiscal_year,
        framework: a.framework_id,
        source: a.source,
        ita: a.ita,
        levelId: a.level_id,
        updatedAt: a.updated_at,
      }));
    },
  );

  const loadAssessment = async (actor: ReturnType<typeof requireActor>, ref: string, year: number) => {
    const agency = await readableAgency(db.kysely, actor, ref);
    authorize(actor, 'assessment', 'read', { agencyId: agency.id });
    const assessment = await findAssessment(db.kysely, agency.id, year);
    if (!assessment) throw notFound('assessment');
    return { agency, assessment, state: await loadState(db.kysely, assessment) };
  };

  api.get(
    '/api/agencies/:agency/assessments/:year',
    {
      schema: {
        tags,
        summary:
          'Scores, weak points, published-vs-computed differences, comparison with the year before, OIT details, respondent statistics, import history',
        params,
        querystring: z.object({ threshold: z.coerce.number().min(0).max(100).optional() }),
      },
    },
    async (request) => {
      const { agency, assessment, state } = await loadAssessment(
        requireActor(request),
        request.params.agency,
        request.params.year,
      );
      return {
        agency: { id: agency.id, code: agency.code, slug: agency.slug, nameTh: agency.name_th, nameEn: agency.name_en },
        fiscalYear: assessment.fiscal_year,
        framework: assessment.framework_id,
        source: assessment.source,
        updatedAt: assessment.updated_at,
        result: presentResult(state.result),
        weak: weakPoints(state, request.query.threshold),
        differences: publishedDifferences(state.result),
        comparison: await previousComparison(db.kysely, assessment, state),
        oit: state.content.oit,
        stats: presentStats(state.content),
        imports: await importHistory(db.kysely, assessment.id),
      };
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
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'assessment', 'import', { agencyId: agency.id });
      try {
        const { prepared: _prepared, ...preview } = await previewImport(
          db.kysely,
          agency,
          request.params.year,
          request.body.framework,
          toUpload(request.body),
        );
        return preview;
      } catch (error) {
        asHttp(error);
      }
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
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'assessment', 'import', { agencyId: agency.id });
      try {
        const preview = await previewImport(
          db.kysely,
          agency,
          request.params.year,
          request.body.framework,
          toUpload(request.body),
        );
        const assessment = await commitImport(db.kysely, actor.id, agency, request.params.year, preview);
        return reply.code(201).send({
          fiscalYear: assessment.fiscal_year,
          framework: assessment.framework_id,
          ita: assessment.ita,
          levelId: assessment.level_id,
          warnings: preview.warnings,
          unread: preview.unread,
        });
      } catch (error) {
        asHttp(error);
      }
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
      },
    },
    async (request) => {
      const { state } = await loadAssessment(requireActor(request), request.params.agency, request.params.year);
      return presentResult(whatIf(state.framework, state.result, request.body.changes));
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
      },
    },
    async (request) => {
      const { state } = await loadAssessment(requireActor(request), request.params.agency, request.params.year);
      if (!state.framework.data.levels.levels.some((l) => l.id === request.body.level)) {
        throw badRequest(`unknown level ${request.body.level}`, 'ไม่รู้จักระดับผลการประเมินนี้');
      }
      const plan = planImprovements(state.framework, state.result, request.body.level, request.body.target);
      return {
        reachable: plan.reachable,
        level: plan.target,
        target: request.body.target,
        steps: plan.steps,
        result: presentResult(plan.result),
      };
    },
  );

  api.get('/api/results/years', { schema: { tags, summary: 'Fiscal years with results' } }, async (request) => {
    requireActor(request);
    return assessmentYears(db.kysely);
  });

  api.get(
    '/api/results/city',
    {
      schema: {
        tags,
        summary: 'All agencies of a fiscal year side by side (central users); ?format=csv or xlsx to download',
        querystring: z.object({
          year: z.coerce.number().int().min(2500).max(2700),
          format: z.enum(['json', 'csv', 'xlsx']).default('json'),
        }),
      },
    },
    async (request, reply) => {
      authorize(requireActor(request), 'cityResults', 'read', undefined);
      const { year, format } = request.query;
      const rows = await cityTable(db.kysely, year);
      if (format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="prongsai-ita-${year}.csv"`)
          .send(cityCsv(year, rows));
      }
      if (format === 'xlsx') {
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="prongsai-ita-${year}.xlsx"`)
          .send(await cityXlsx(year, rows));
      }
      return rows;
    },
  );

  api.get(
    '/api/results/trends',
    { schema: { tags, summary: 'ITA of every agency by fiscal year (central users)' } },
    async (request) => {
      authorize(requireActor(request), 'cityResults', 'read', undefined);
      return (await trendRows(db.kysely)).map((r) => ({
        agencyId: r.agency_id,
        fiscalYear: r.fiscal_year,
        ita: r.ita,
        levelId: r.level_id,
      }));
    },
  );
}
