import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  frameworkAgencyKinds,
  frameworkProvenance,
  frameworkReadiness,
  problemInThai,
  PROVISIONAL_NOTICE_EN,
  PROVISIONAL_NOTICE_TH,
  type CompiledFramework,
} from '@prongsai/core';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { checkDraft, draftFrom } from './draft-check.js';
import { frameworkEditorRoutes } from './editor-routes.js';
import { importFramework, MAX_FRAMEWORK_BYTES } from './import.js';
import { frameworkToWorkbook } from './workbook.js';
import { notFound } from '../http/errors.js';
import { availableFrameworks, FrameworkError, loadFramework } from './registry.js';
import {
  draftCheckSchema,
  frameworkDetailSchema,
  frameworkDocumentSchema,
  importedFrameworkSchema,
  readinessSchema,
  summarySchema,
} from './schemas.js';
import { frameworkTemplate } from './template.js';
import { fileResponse } from '../http/schemas.js';

/** What every view of a set shows beside its content: kinds of agency, provenance, provisional notice, readiness. */
function presentSummary(f: CompiledFramework): z.infer<typeof summarySchema> {
  const provenance = frameworkProvenance(f.data);
  return {
    id: f.id,
    name: f.data.name,
    fiscalYears: f.data.fiscalYears,
    agencyKinds: frameworkAgencyKinds(f.data),
    provisional: provenance.provisional,
    notice: provenance.provisional ? { th: PROVISIONAL_NOTICE_TH, en: PROVISIONAL_NOTICE_EN } : null,
    provenance,
    readiness: frameworkReadiness(f),
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function frameworkRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['frameworks'];
  const load = (id: string) => {
    try {
      return loadFramework(id.replace(/[^a-z0-9-]/g, ''));
    } catch (error) {
      if (error instanceof FrameworkError) throw notFound('framework');
      throw error;
    }
  };

  api.get(
    '/api/frameworks',
    {
      schema: {
        tags,
        summary: 'The ITA question sets, each with its kinds of agency, provenance (provisional or not) and readiness for each feature',
        response: { 200: z.array(summarySchema) },
      },
    },
    async (request) => {
      requireActor(request);
      return availableFrameworks().map((id) => presentSummary(loadFramework(id)));
    },
  );

  api.get(
    '/api/frameworks/:id/readiness',
    {
      schema: {
        tags,
        summary:
          'How ready a set is for scoring, results import, the OIT workspace, surveys, documents and the memo: each ready, or exactly what is missing (Thai and English) and who can fix it',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: readinessSchema },
      },
    },
    async (request) => {
      requireActor(request);
      return frameworkReadiness(load(request.params.id));
    },
  );

  api.get(
    '/api/frameworks/:id',
    {
      schema: {
        tags,
        summary: 'A question set: tools, indicators, questions, items, OIT items, levels',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: frameworkDetailSchema },
      },
    },
    async (request) => {
      requireActor(request);
      const f = load(request.params.id);
      const summary = presentSummary(f);
      return {
        ...summary,
        analysisThreshold: f.data.analysisThreshold,
        levels: f.data.levels.levels,
        unknowns: summary.provenance.unknowns,
        tools: f.tools.map((t) => ({
          code: t.code,
          name: t.data.name,
          weight: t.data.weight,
          indicators: t.indicators.map((i) => ({
            number: i.number,
            name: i.data.name,
            units: i.units.map((u) =>
              u.kind === 'question'
                ? {
                    code: u.code,
                    kind: u.kind,
                    text: u.data.text.th,
                    source: u.data.source ?? null,
                    items: (u.items ?? []).map((it) => ({ no: it.no, text: it.text.th, scale: it.scaleId, polarity: it.polarity })),
                  }
                : {
                    code: u.code,
                    kind: u.kind,
                    text: u.data.name?.th ?? null,
                    source: u.data.source ?? null,
                    subIndicator: u.subIndicator ?? null,
                    items: [],
                  },
            ),
          })),
        })),
      };
    },
  );

  api.get(
    '/api/frameworks/:id/draft',
    {
      schema: {
        tags,
        summary:
          "A new set's data to edit, started from this one (central admins): the same content under `newId`, provisional, naming the set it came from; nothing is saved until it is published through POST /api/frameworks",
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ newId: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(64) }),
        response: { 200: frameworkDocumentSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return draftFrom(actor, load(request.params.id).id, request.query.newId);
    },
  );

  api.post(
    '/api/frameworks/check',
    {
      bodyLimit: 2 * MAX_FRAMEWORK_BYTES,
      schema: {
        tags,
        summary:
          "Checks a set being edited (central admins): every problem, in Thai and English, and each feature's readiness; nothing is saved",
        body: z.object({ data: z.unknown() }),
        response: { 200: draftCheckSchema },
      },
    },
    async (request) => checkDraft(requireActor(request), request.body.data),
  );

  api.get(
    '/api/frameworks/:id/template.xlsx',
    {
      schema: {
        tags,
        summary: 'An XLSX template to fill with results and import',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: fileResponse('The template workbook', XLSX) },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const framework = load(request.params.id);
      const bytes = await frameworkTemplate(framework);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="prongsai-${framework.id}-template.xlsx"`)
        .send(bytes as unknown as string);
    },
  );

  api.get(
    '/api/frameworks/:id/workbook',
    {
      schema: {
        tags,
        summary:
          "A framework as a workbook (a sheet per part, headed in Thai, no JSON in any cell), to prepare a new year's set from it",
        params: z.object({ id: z.string().max(64) }),
        response: { 200: fileResponse('The framework as a workbook', XLSX) },
      },
    },
    async (request, reply) => {
      requireActor(request);
      const f = load(request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${f.id}.xlsx"`)
        .send((await frameworkToWorkbook(f.data as unknown as Record<string, unknown>)) as unknown as string);
    },
  );

  api.post(
    '/api/frameworks',
    {
      bodyLimit: 2 * MAX_FRAMEWORK_BYTES,
      schema: {
        tags,
        summary:
          "Load a new year's framework from its JSON file or workbook (central admins): every problem listed; `dryRun` only checks. Saved frameworks never change, and no fiscal year already assessed with another set can be covered",
        body: z.object({
          fileName: z.string().min(1).max(255),
          contentBase64: z.string().max(2 * MAX_FRAMEWORK_BYTES),
          dryRun: z.boolean().default(false),
        }),
        response: {
          200: importedFrameworkSchema.describe('Checked only (dry run)'),
          201: importedFrameworkSchema,
          // Every refusal of the set: its problems (a JSON file) or the cells at fault (a workbook, in `details`).
          422: z.object({
            error: z.looseObject({
              code: z.string(),
              message: z.string(),
              messageTh: z.string(),
              problems: z
                .array(z.looseObject({ source: z.string(), path: z.string(), message: z.string(), th: z.string() }))
                .optional(),
              details: z.unknown().optional(),
            }),
          }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await importFramework(
        db.kysely,
        actor,
        { fileName: request.body.fileName, data: Buffer.from(request.body.contentBase64, 'base64') },
        { dryRun: request.body.dryRun },
      );
      if (!result.ok) {
        return reply.code(422).send({
          error: {
            code: 'invalid-framework',
            message: `the framework has ${result.problems.length} problem(s)`,
            // A workbook refused before reading says why in Thai (too large, damaged, unknown parts).
            messageTh:
              (result.problems[0] as { messageTh?: string } | undefined)?.messageTh ??
              `ชุดคำถามมีปัญหา ${result.problems.length} รายการ`,
            // Each problem in Thai as well, where it is in the set and what is wrong.
            problems: result.problems.map((p) => ({ ...p, th: (p as { messageTh?: string }).messageTh ?? problemInThai(p) })),
          },
        });
      }
      return reply.code(result.saved ? 201 : 200).send(result);
    },
  );

  await frameworkEditorRoutes(app, { db });
}
