import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { partSchema, REPORT_STATUSES, submittedPartSchema } from './schemas.js';
import { ReportPartService } from './service.js';

const partParams = z.object({
  entry: z.coerce.number().int().positive(),
  round: z.coerce.number().pipe(z.union([z.literal(6), z.literal(12)])),
  division: z.coerce.number().int().positive(),
});

/**
 * Division parts of a measure that several divisions (or every division) carry out: each
 * division writes and sends its own part, and the report goes to review once all have.
 */
export async function reportPartRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['progress'];
  const service = new ReportPartService(db.kysely);

  api.put(
    '/api/entries/:entry/reports/:round/parts/:division',
    {
      schema: {
        tags,
        summary: "Write one division's part of a measure shared by several divisions",
        params: partParams,
        body: z.object({ status: z.enum(REPORT_STATUSES), narrative: z.string().trim().max(20000) }),
        response: { 200: partSchema },
      },
    },
    async (request) => {
      const { entry, round, division } = request.params;
      return service.writePart(requireActor(request), entry, round, division, request.body);
    },
  );

  api.post(
    '/api/entries/:entry/reports/:round/parts/:division/submit',
    {
      schema: {
        tags,
        summary: "Send one division's part; the report goes to review when every division has sent its part",
        params: partParams,
        response: { 200: submittedPartSchema },
      },
    },
    async (request) => {
      const { entry, round, division } = request.params;
      return service.submitPart(requireActor(request), entry, round, division);
    },
  );
}
