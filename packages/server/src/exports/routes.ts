import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findAgency } from '../agencies/repository.js';
import { readableAgency } from '../agencies/service.js';
import { authorize } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { OPEN_DATA_COLUMNS, openDataRows, toCsv, type Dataset } from './open-data.js';
import { workbookFor } from './workbook.js';

export async function exportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/open-data/:agency/:year/:file',
    {
      schema: {
        tags: ['open data'],
        summary: 'Open data, no sign-in: results, analysis or measures of an agency and fiscal year as CSV (UTF-8) or JSON',
        security: [],
        params: z.object({
          agency: z.string().min(1).max(64),
          year: z.coerce.number().int().min(2500).max(2700),
          file: z.enum(['results.csv', 'results.json', 'analysis.csv', 'analysis.json', 'measures.csv', 'measures.json']),
        }),
      },
    },
    async (request, reply) => {
      const agency = await findAgency(db.kysely, request.params.agency);
      if (!agency) throw notFound('agency');
      const [dataset, format] = request.params.file.split('.') as [Dataset, 'csv' | 'json'];
      const rows = await openDataRows(db.kysely, agency, request.params.year, dataset);
      reply.header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300');
      if (format === 'json') return { columns: OPEN_DATA_COLUMNS[dataset], rows };
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="${agency.slug}-${request.params.year}-${dataset}.csv"`)
        .send(toCsv(OPEN_DATA_COLUMNS[dataset], rows));
    },
  );

  api.get(
    '/api/agencies/:agency/workbook/:year',
    {
      schema: {
        tags: ['open data'],
        summary: 'One XLSX with results, analysis and measures of a plan year',
        params: z.object({ agency: z.string().min(1).max(64), year: z.coerce.number().int().min(2500).max(2700) }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'plan', 'read', { agencyId: agency.id });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="prongsai-${agency.slug}-${request.params.year}.xlsx"`)
        .send(await workbookFor(db.kysely, agency, request.params.year));
    },
  );
}
