import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableAgency } from '../agencies/service.js';
import { recordAudit } from '../audit/repository.js';
import { authorize } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import { lockRow } from '../db/locks.js';
import { notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { findCommittee, latestCommitteeBefore, saveCommittee } from './repository.js';
import { carryCommittee, COMMITTEE_ROLES, committeeTemplate } from './template.js';
import { committeeSchema } from './schema.js';

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
      const committee = await findCommittee(db.kysely, agency.id, request.params.year);
      if (!committee) throw notFound('committee');
      return committee;
    },
  );

  api.get(
    '/api/agencies/:agency/committees/:year/draft',
    {
      schema: {
        tags,
        summary:
          "The committee to edit: the year's own if written, else last year's carried over (years moved on), else the template of seed 002",
        params,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agency = await readableAgency(db.kysely, actor, request.params.agency);
      authorize(actor, 'plan', 'read', { agencyId: agency.id });
      const year = request.params.year;
      const roles = [...COMMITTEE_ROLES];
      const saved = await findCommittee(db.kysely, agency.id, year);
      if (saved) return { source: 'saved' as const, fromYear: year, committee: saved, roles };
      const previous = await latestCommitteeBefore(db.kysely, agency.id, year);
      if (previous) {
        return {
          source: 'carried' as const,
          fromYear: previous.fiscalYear,
          committee: carryCommittee(previous.committee, previous.fiscalYear, year),
          roles,
        };
      }
      return { source: 'template' as const, fromYear: null, committee: committeeTemplate(agency, year), roles };
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
      await db.kysely.transaction().execute(async (trx) => {
        await lockRow(trx, 'agencies', agency.id);
        const before = await saveCommittee(trx, agency.id, request.params.year, request.body);
        await recordAudit(trx, {
          actorId: actor.id,
          action: before ? 'update' : 'create',
          entity: 'committee',
          entityId: request.params.year,
          agencyId: agency.id,
          before,
          after: request.body,
        });
      });
      return request.body;
    },
  );
}
