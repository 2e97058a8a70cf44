import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { recordsToCsv } from '../exports/csv.js';
import { auditEntries } from './service.js';

/** One write as the audit log shows it. */
const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  userEmail: z.string().nullable(),
  userName: z.string().nullable(),
  agencyName: z.string().nullable(),
  recordName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  agencyId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "The audit log of every write, newest first: every agency's for central admins, its own for a secretariat",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
          agency: z.coerce.number().int().positive().optional(),
          user: z.string().trim().max(254).optional(),
          action: z.string().max(64).optional(),
          entity: z.string().max(64).optional(),
          from: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          to: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          q: z.string().trim().max(200).optional(),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: {
          200: {
            description: 'The entries as JSON, or as a CSV file when `format` is csv',
            content: {
              'application/json': { schema: z.array(auditEntrySchema) },
              'text/csv': { schema: z.string().meta({ format: 'binary' }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { limit, offset, agency, format, ...filter } = request.query;
      const entries = await auditEntries(db.kysely, requireActor(request), {
        limit: format === 'csv' ? 10_000 : limit,
        offset: format === 'csv' ? 0 : offset,
        agencyId: agency,
        ...filter,
      });
      if (format === 'json') return entries;
      const columns = [
        'id',
        'at',
        'user_email',
        'user_name',
        'agency',
        'action',
        'entity',
        'entity_id',
        'record',
        'before',
        'after',
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="prongsai-audit.csv"')
        .send(
          recordsToCsv(
            columns,
            entries.map((e) => ({
              id: e.id,
              at: e.at,
              user_email: e.userEmail,
              user_name: e.userName,
              agency: e.agencyName,
              action: e.action,
              entity: e.entity,
              entity_id: e.entityId,
              record: e.recordName,
              before: e.before === null ? null : JSON.stringify(e.before),
              after: e.after === null ? null : JSON.stringify(e.after),
            })),
          ),
        );
    },
  );
}
