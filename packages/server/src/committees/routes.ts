import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import { recordAudit } from '../audit/repository.js';
import { authorize } from '../auth/policy.js';
import { now, type Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { committeeSchema, type Committee } from './schema.js';

const params = z.object({ agency: z.string().min(1).max(64), year: z.coerce.number().int().min(2500).max(2700) });

export async function committeeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['committees'];

  api.get(
    '/api/agencies/:agency/committees/:year',
    { schema: { tags, summary: 'The ITA committee of a fiscal year: the data of its appointment order', params } },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'plan', 'read', { agencyId: agency.id });
      const row = await db.kysely
        .selectFrom('committees')
        .selectAll()
        .where('agency_id', '=', agency.id)
        .where('fiscal_year', '=', request.params.year)
        .executeTakeFirst();
      if (!row) throw notFound('committee');
      return JSON.parse(row.data) as Committee;
    },
  );

  api.put(
    '/api/agencies/:agency/committees/:year',
    {
      schema: { tags, summary: 'Write the committee and its appointment order (the secretariat)', params, body: committeeSchema },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'plan', 'manage', { agencyId: agency.id });
      const data = JSON.stringify(request.body);
      await db.kysely.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('committees')
          .selectAll()
          .where('agency_id', '=', agency.id)
          .where('fiscal_year', '=', request.params.year)
          .executeTakeFirst();
        if (existing) {
          await trx.updateTable('committees').set({ data, updated_at: now() }).where('id', '=', existing.id).execute();
        } else {
          await trx
            .insertInto('committees')
            .values({ agency_id: agency.id, fiscal_year: request.params.year, data, updated_at: now() })
            .execute();
        }
        await recordAudit(trx, {
          actorId: actor.id,
          action: existing ? 'update' : 'create',
          entity: 'committee',
          entityId: request.params.year,
          agencyId: agency.id,
          before: existing ? JSON.parse(existing.data) : undefined,
          after: request.body,
        });
      });
      return request.body;
    },
  );
}
