import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fiscalYearRange } from '@prongsai/core';
import { fiscalYearOfDay } from './today.js';
import { z } from 'zod';

const day = z.object({ year: z.number(), month: z.number(), day: z.number() });

/** Buddhist-Era fiscal years (1 October to 30 September), as the current calendar in Bangkok sees them. */
export async function fiscalYearRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/fiscal-years',
    {
      schema: {
        tags: ['system'],
        summary: 'The current fiscal year (พ.ศ.) and its neighbours, with their first and last days',
        security: [],
        response: {
          200: z.object({ current: z.number(), years: z.array(z.object({ year: z.number(), start: day, end: day })) }),
        },
      },
    },
    async () => {
      const current = fiscalYearOfDay();
      const years = [];
      for (let y = current - 3; y <= current + 1; y++) years.push({ year: y, ...fiscalYearRange(y) });
      return { current, years };
    },
  );
}
