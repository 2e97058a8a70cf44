import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WITHDRAWABLE } from '../oit/public-routes.js';
import { findAgency } from '../agencies/repository.js';
import { readableAgency } from '../agencies/service.js';
import { authorize } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { HttpError, notFound } from '../http/errors.js';
import { PublicationRepository } from '../publications/repository.js';
import { presentPublication, publish, withdraw, type PublicationSnapshot } from '../publications/service.js';
import { requireActor } from '../http/context.js';
import { recordsToCsv } from './csv.js';
import { OPEN_DATA_COLUMNS, type Dataset } from './open-data.js';
import { workbookFor } from './workbook.js';

export async function exportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const publications = new PublicationRepository(db.kysely);
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
      },
    },
    async (request, reply) => {
      const agency = await findAgency(db.kysely, request.params.agency);
      if (!agency) throw notFound('agency');
      const [name, format] = request.params.file.split('.') as [string, 'csv' | 'json'];
      const [dataset, round] = name.split('-') as [Dataset, string | undefined];
      const kind = dataset === 'measures' ? 'plan' : dataset === 'progress' ? 'round' : 'results';
      const live = await publications.live({
        agencyId: agency.id,
        kind,
        fiscalYear: request.params.year,
        round: round === undefined ? null : Number(round),
      });
      const rows = live ? (JSON.parse(live.snapshot) as PublicationSnapshot)[dataset] : undefined;
      if (!live || !rows) {
        throw new HttpError(404, 'not-published', 'the agency has not published this', 'หน่วยงานยังไม่ได้เผยแพร่ข้อมูลนี้');
      }
      reply
        .header('access-control-allow-origin', '*')
        .header('cache-control', WITHDRAWABLE)
        .header('last-modified', new Date(live.published_at).toUTCString());
      if (format === 'json') return { columns: OPEN_DATA_COLUMNS[dataset], publishedAt: live.published_at, rows };
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `inline; filename="${agency.slug}-${request.params.year}-${name}.csv"`)
        .send(recordsToCsv(OPEN_DATA_COLUMNS[dataset], rows));
    },
  );

  const publicationParams = z.object({ agency: z.string().min(1).max(64) });
  api.get(
    '/api/agencies/:agency/publications',
    { schema: { tags: ['open data'], summary: 'What the agency has published and withdrawn', params: publicationParams } },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      return (await publications.list(actor, agency.id)).map(presentPublication);
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
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      const { kind, year, round } = request.body;
      const publication = await publish(db.kysely, actor, agency, kind, year, kind === 'round' ? (round ?? 6) : null);
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
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const publication = await publications.find(actor, request.params.id);
      if (!publication) throw notFound('publication');
      await withdraw(db.kysely, actor, publication);
      return presentPublication({ ...publication, withdrawn_at: new Date().toISOString(), withdrawn_by: actor.id });
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
