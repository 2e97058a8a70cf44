import { z } from 'zod';

/** A publication as its agency sees it: what was published, when, and whether the public still sees it. */
export const publicationSchema = z.object({
  id: z.number(),
  kind: z.enum(['results', 'plan', 'round', 'oit']),
  fiscalYear: z.number(),
  round: z.number().nullable(),
  publishedAt: z.string(),
  publishedBy: z.number().nullable(),
  withdrawnAt: z.string().nullable(),
  live: z.boolean(),
});

/** One open-data file as JSON: its documented columns, when it was published, its rows. */
export const openDataSchema = z.object({
  columns: z.array(z.string()),
  publishedAt: z.string(),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
