import { z } from 'zod';

/** An entry's responsible divisions: division ids, or `all` for every division. */
export const divisionsSchema = z.array(z.union([z.literal('all'), z.number()]));

/** One entry of a measure plan, as the API answers it. */
export const entrySchema = z.object({
  id: z.number(),
  section: z.enum(['question', 'indicator', 'extra']),
  position: z.number(),
  questionCode: z.string().nullable(),
  indicatorNumber: z.number().nullable(),
  questionText: z.string().nullable(),
  score: z.number().nullable(),
  title: z.string().nullable(),
  issue: z.string(),
  measures: z.array(z.string()),
  divisions: divisionsSchema,
  cadence: z.string(),
  cadenceText: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  targetScore: z.number().nullable(),
  /** Sent back with a change; a change made from an older version is refused (409). */
  version: z.number(),
});

/** What the caller may do with an agency's plans. */
export const planAbilitiesSchema = z.object({
  /** Create plans, add, change and remove entries, carry entries over. */
  manage: z.boolean(),
});

export const planSummarySchema = z.object({ fiscalYear: z.number(), basedOnYear: z.number().nullable() });

export const planSchema = planSummarySchema.extend({
  entries: z.array(entrySchema),
  can: planAbilitiesSchema,
});

export const carriedPlanSchema = z.object({ fiscalYear: z.number(), entries: z.array(entrySchema) });

/** An issue with its measures in the library. */
export const libraryEntrySchema = z.object({
  id: z.number(),
  agencyId: z.number().nullable(),
  status: z.string(),
  questionCode: z.string().nullable(),
  indicatorNumber: z.number().nullable(),
  issue: z.string(),
  measures: z.array(z.string()),
  source: z.string().nullable(),
});

export const libraryHitSchema = libraryEntrySchema.extend({ rank: z.number() });
