import { z } from 'zod';

/** One check of one link: what the checker found and its verdict. */
export const linkResultSchema = z.object({
  url: z.string(),
  ok: z.boolean(),
  verdict: z.string(),
  /** The verdict as Thai users read it. */
  verdictTh: z.string(),
  statusCode: z.number().nullable(),
  contentType: z.string().nullable(),
  bytes: z.number(),
  finalUrl: z.string(),
  /** Whether the page names the fiscal year; null when it could not be read. */
  mentionsYear: z.boolean().nullable(),
  detail: z.string().nullable(),
  durationMs: z.number(),
  checkedAt: z.string(),
});

/** A run of checks of a checklist's links, on demand or on schedule. */
export const linkRunSchema = z.object({
  id: z.string(),
  fiscalYear: z.number(),
  trigger: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number(),
  checked: z.number(),
  passed: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.object({ message: z.string(), messageTh: z.string() }).nullable(),
});
