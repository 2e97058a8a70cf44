import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { recordsToCsv } from '../exports/csv.js';
import { listAudit, recordName } from './repository.js';

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

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
          200: z.union([
            z.string(),
            z.array(
              z.object({
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
              }),
            ),
          ]),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { limit, offset, agency: asked, format, ...filter } = request.query;
      // A secretariat's log is its own agency's, whatever it asks for.
      const agency = actor.role === 'central_admin' ? asked : (actor.agencyId ?? -1);
      authorize(actor, 'audit', 'list', { agencyId: agency ?? null });
      const rows = await listAudit(db.kysely, {
        limit: format === 'csv' ? 10_000 : limit,
        offset: format === 'csv' ? 0 : offset,
        agencyId: agency,
        ...filter,
      });
      const entries = rows.map((r) => {
        const before = parse(r.before);
        const after = parse(r.after);
        return {
          id: r.id,
          at: r.at,
          userId: r.user_id,
          userEmail: r.user_email,
          userName: r.user_name,
          agencyName: r.agency_name,
          recordName: recordName(r.entity, r.entity_id, before, after),
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          agencyId: r.agency_id,
          before,
          after,
        };
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
