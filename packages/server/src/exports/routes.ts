import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WITHDRAWABLE } from '../oit/public-routes.js';
import type { Db } from '../db/database.js';
import { presentPublication } from '../publications/service.js';
import { requireActor } from '../http/context.js';
import { fileResponse } from '../http/schemas.js';
import { openDataSchema, publicationSchema } from '../publications/schemas.js';
import { recordsToCsv } from './csv.js';
import { OPEN_DATA_COLUMNS } from './open-data.js';
import { agencyPublications, planWorkbook, publishedDataset, publishFor, withdrawPublication } from './service.js';

export async function exportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const files = ['results', 'analysis', 'measures', 'progress-6', 'progress-12'].flatMap((d) => [`${d}.csv`, `${d}.json`]);

  api.get(
    '/api/open-data/:agency/:year/:file',
    {
      schema: {
        tags: ['open data'],
        summary:
          'Open data, no sign-in: what the agency published of its results, analysis, measures or an approved progress round, as CSV (UTF-8) or JSON',
        security: [],
        params: z.object({
          agency: z.string().min(1).max(64),
          year: z.coerce.number().int().min(2500).max(2700),
          file: z.enum(files as [string, ...string[]]),
        }),
        response: {
          200: {
            description: 'The published file: JSON (`.json`) or CSV (`.csv`), by its name',
            content: {
              'application/json': { schema: openDataSchema },
              'text/csv': { schema: z.string().meta({ format: 'binary' }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const [name, format] = request.params.file.split('.') as [string, 'csv' | 'json'];
      const { agency, dataset, publishedAt, rows } = await publishedDataset(
        db.kysely,
        request.params.agency,
        request.params.year,
        name,
      );
      reply
        .header('access-control-allow-origin', '*')
        .header('cache-control', WITHDRAWABLE)
        .header('last-modified', new Date(publishedAt).toUTCString());
      if (format === 'json') return { columns: [...OPEN_DATA_COLUMNS[dataset]], publishedAt, rows };
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="${agency.slug}-${request.params.year}-${name}.csv"`)
        .send(recordsToCsv(OPEN_DATA_COLUMNS[dataset], rows));
    },
  );

  const publicationParams = z.object({ agency: z.string().min(1).max(64) });
  api.get(
    '/api/agencies/:agency/publications',
    {
      schema: {
        tags: ['open data'],
        summary: 'What the agency has published and withdrawn',
        params: publicationParams,
        response: { 200: z.array(publicationSchema) },
      },
    },
    async (request) => {
      return (await agencyPublications(db.kysely, requireActor(request), request.params.agency)).map(presentPublication);
    },
  );

  api.post(
    '/api/agencies/:agency/publications',
    {
      schema: {
        tags: ['open data'],
        summary: 'Publish results, the measures plan or an approved progress round as open data (the secretariat); audited',
        params: publicationParams,
        body: z.object({
          kind: z.enum(['results', 'plan', 'round']),
          year: z.number().int().min(2500).max(2700),
          round: z.union([z.literal(6), z.literal(12)]).optional(),
        }),
        response: { 201: publicationSchema },
      },
    },
    async (request, reply) => {
      const { kind, year, round } = request.body;
      const publication = await publishFor(db.kysely, requireActor(request), request.params.agency, kind, year, round);
      return reply.code(201).send(presentPublication(publication));
    },
  );

  api.post(
    '/api/publications/:id/withdraw',
    {
      schema: {
        tags: ['open data'],
        summary: 'Take a publication down: the public no longer sees it; audited',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: publicationSchema },
      },
    },
    async (request) => {
      return presentPublication(await withdrawPublication(db.kysely, requireActor(request), request.params.id));
    },
  );

  api.get(
    '/api/agencies/:agency/workbook/:year',
    {
      schema: {
        tags: ['open data'],
        summary: 'One XLSX with results, analysis and measures of a plan year',
        params: z.object({ agency: z.string().min(1).max(64), year: z.coerce.number().int().min(2500).max(2700) }),
        response: {
          200: fileResponse('The plan year as one workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        },
      },
    },
    async (request, reply) => {
      const { agency, file } = await planWorkbook(db.kysely, requireActor(request), request.params.agency, request.params.year);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="prongsai-${agency.slug}-${request.params.year}.xlsx"`)
        .send(file as unknown as string);
    },
  );
}
