import { z } from 'zod';

/** How long a page of a city-wide table may be, and how long it is by default. */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

/**
 * The query of a city-wide table's page: `limit` rows from `offset`, ordered by one of the
 * `sorts` columns (a whitelist), ascending or descending, of the agencies whose name or code holds `q`.
 */
/** Beyond any list Prongsai holds (8,300 agencies × their milestones), and within every engine's integers. */
const OFFSET_MAX = 10_000_000;

export function pageQuery<const S extends readonly [string, ...string[]]>(sorts: S, defaultSort: S[number]) {
  return z.object({
    limit: z.coerce.number().int().min(1).max(PAGE_MAX).default(PAGE_DEFAULT),
    offset: z.coerce.number().int().min(0).max(OFFSET_MAX).default(0),
    sort: z.enum(sorts).default(defaultSort),
    order: z.enum(['asc', 'desc']).default('asc'),
    q: z.string().trim().max(200).optional(),
  });
}

/** A page's answer: how many rows match in all, the page's rows, and the group's figures. */
export function pageSchema<R extends z.ZodType, X extends z.ZodRawShape>(row: R, summary: X) {
  return z.object({ total: z.number(), rows: z.array(row), ...summary });
}
