import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { auditExport } from './audit-export.js';
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
      const actor = requireActor(request);
      if (format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="prongsai-audit.csv"')
          .send((await auditExport(db.kysely, actor, { agencyId: agency, ...filter })) as unknown as string);
      }
      return auditEntries(db.kysely, actor, { limit, offset, agencyId: agency, ...filter });
    },
  );
}
