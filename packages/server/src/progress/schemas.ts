import { z } from 'zod';
import { entrySchema } from '../measures/schemas.js';

export const REPORT_STATUSES = ['not-started', 'in-progress', 'done', 'not-done'] as const;
export const REVIEW_STATES = ['draft', 'submitted', 'returned', 'accepted'] as const;

/** A photo or PDF of a report. */
export const evidenceSchema = z.object({
  id: z.number(),
  position: z.number(),
  kind: z.enum(['image', 'pdf']),
  caption: z.string(),
  link: z.string().nullable(),
  mime: z.string(),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  url: z.string(),
  thumbUrl: z.string().nullable(),
});

/** The progress of one measure in a round (`id` null while nothing was written). */
export const reportSchema = z.object({
  id: z.number().nullable(),
  entryId: z.number(),
  status: z.enum(REPORT_STATUSES),
  reason: z.string().nullable(),
  narrative: z.string(),
  review: z.enum(REVIEW_STATES),
  reviewComment: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** One division's part of a measure that several divisions (or every division) carry out. */
export const partSchema = z.object({
  divisionId: z.number(),
  nameTh: z.string(),
  nameEn: z.string(),
  status: z.enum(REPORT_STATUSES),
  narrative: z.string(),
  submitted: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** What the reader may do with this division's part. */
  can: z.object({ edit: z.boolean() }),
});

export const submittedPartSchema = z.object({ part: partSchema, reportReview: z.enum(REVIEW_STATES) });

/** What the caller may do with one measure's report in the round. */
export const reportAbilitiesSchema = z.object({
  /** Write its progress, send it, add and order its evidence (while the round is open). */
  edit: z.boolean(),
  /** Accept it, return it or comment on it (the secretariat, while the round is open). */
  review: z.boolean(),
});

/** What the caller may do with the round as a whole. */
export const roundAbilitiesSchema = z.object({
  /** Approve the open round (an executive). */
  approve: z.boolean(),
  /** Open the approved round again as a new revision. */
  reopen: z.boolean(),
  /** Review the reports of the open round. */
  review: z.boolean(),
  /** See every division's completeness, not only one's own reports. */
  readCompleteness: z.boolean(),
});

export const roundEntrySchema = z.object({
  entry: entrySchema,
  report: reportSchema,
  evidence: z.array(evidenceSchema),
  missing: z.boolean(),
  /** Empty unless several divisions share the measure. */
  parts: z.array(partSchema),
  can: reportAbilitiesSchema,
});

export const completenessSchema = z.object({
  divisionId: z.number(),
  nameTh: z.string(),
  nameEn: z.string(),
  assigned: z.number(),
  reported: z.number(),
});

/** A progress round as the caller may see it. */
export const roundSchema = z.object({
  round: z.union([z.literal(6), z.literal(12)]),
  dueDate: z.string(),
  status: z.enum(['open', 'approved']),
  revision: z.number(),
  approvedAt: z.string().nullable(),
  overdue: z.boolean(),
  entries: z.array(roundEntrySchema),
  completeness: z.array(completenessSchema),
  can: roundAbilitiesSchema,
});

export const roundStateSchema = z.object({ status: z.enum(['open', 'approved']), revision: z.number() });

/**
 * An approved revision: the round as it was approved. Snapshots kept by earlier versions may carry
 * other fields, which are passed on as they are.
 */
export const revisionSchema = z.object({
  revision: z.number(),
  createdAt: z.string(),
  createdBy: z.number().nullable(),
  snapshot: z.looseObject({
    entries: z.array(
      z.looseObject({
        entry: z.looseObject({ id: z.number(), questionCode: z.string().nullable(), title: z.string().nullable() }),
        report: z.looseObject({ status: z.string(), narrative: z.string() }),
        evidence: z.array(z.looseObject({ id: z.number() })),
      }),
    ),
  }),
});
