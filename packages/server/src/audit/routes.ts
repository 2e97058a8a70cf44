import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { listAudit } from './repository.js';

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log of every write, newest first (central admins)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
          agency: z.coerce.number().int().positive().optional(),
        }),
        response: {
          200: z.array(
            z.object({
              id: z.number(),
              at: z.string(),
              userId: z.number().nullable(),
              userEmail: z.string().nullable(),
              action: z.string(),
              entity: z.string(),
              entityId: z.string().nullable(),
              agencyId: z.number().nullable(),
              before: z.unknown(),
              after: z.unknown(),
            }),
          ),
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'audit', 'read', undefined);
      const rows = await listAudit(db.kysely, {
        limit: request.query.limit,
        offset: request.query.offset,
        agencyId: request.query.agency,
      });
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        userEmail: r.user_email,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        agencyId: r.agency_id,
        before: parse(r.before),
        after: parse(r.after),
      }));
    },
  );
}
