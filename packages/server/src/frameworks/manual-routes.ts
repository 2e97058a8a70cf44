import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../http/context.js';
import { draftFromManual, MAX_MANUAL_BYTES } from './manual-paste.js';
import { manualDraftSchema } from './schemas.js';

const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * POST /api/frameworks/draft-from-manual: the pasted text of NACC's ITA manual read into a draft set on a
 * base set (central admins). Nothing is saved: the draft is edited and published as any other.
 */
export async function manualPasteRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/frameworks/draft-from-manual',
    {
      // Thai takes 3 bytes a letter: a body up to 3× the limit is read and refused in Thai when too long.
      bodyLimit: 3 * MAX_MANUAL_BYTES + 64 * 1024,
      schema: {
        tags: ['frameworks'],
        summary:
          "A draft set from the pasted text of NACC's ITA manual (central admins): IIT/EIT questions with items and answer options and OIT items replace the base set's, whose weights and levels stay; answers the draft, its readiness (or its problems) and every line that could not be placed, by line number, in Thai and English. Nothing is saved",
        body: z.object({
          baseId: z.string().min(1).max(64),
          text: z.string(),
          newId: z.string().regex(idPattern).max(64).optional(),
        }),
        response: { 200: manualDraftSchema },
      },
    },
    async (request) => draftFromManual(requireActor(request), request.body),
  );
}
