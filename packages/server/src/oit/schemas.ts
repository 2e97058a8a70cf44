import { z } from 'zod';
import { pageSchema } from '../http/page.js';
import { linkResultSchema, linkRunSchema } from '../links/schemas.js';
import { publicationSchema } from '../publications/schemas.js';

export const OIT_STATUSES = ['todo', 'submitted', 'returned', 'accepted'] as const;
const READINESS = ['ready', 'at-risk', 'missing'] as const;

/** What the caller may do with a year's checklist as a whole (also said before one is opened). */
export const checklistAbilitiesSchema = z.object({
  /** Open the checklist, assign items, accept or return them, check links, run the clarification (the secretariat). */
  manage: z.boolean(),
  /** Approve the checklist, publishing its accepted items (an executive). */
  approve: z.boolean(),
  /** See the whole checklist at once: what each division owes, the prediction, the clarification round. */
  readWhole: z.boolean(),
});

/** A document or link of an item, as recorded. */
export const evidenceSchema = z.object({
  id: z.number(),
  kind: z.enum(['file', 'link']),
  title: z.string(),
  note: z.string(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  bytes: z.number(),
  /** The division that added it; null when the secretariat did. */
  divisionId: z.number().nullable(),
  createdAt: z.string(),
});

/** A document or link on an item, with what the caller may do with it. */
export const itemEvidenceSchema = evidenceSchema.extend({
  can: z.object({
    /** Remove it: the division that added it or the secretariat, while the item is being prepared. */
    remove: z.boolean(),
  }),
});

/** One OIT item of the checklist, with what the caller may do with it. */
export const taskSchema = z.object({
  code: z.string(),
  indicator: z.number(),
  subIndicator: z.string().nullable(),
  name: z.string().nullable(),
  requirement: z.string().nullable(),
  carry: z.enum(['carried', 'renamed', 'new']),
  status: z.enum(OIT_STATUSES),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  divisions: z.array(z.number()),
  comment: z.string().nullable(),
  updatedAt: z.string(),
  evidence: z.array(itemEvidenceSchema),
  can: z.object({
    /** Add documents and links and send it to the secretariat: its divisions or the secretariat, while it is to do or returned. */
    edit: z.boolean(),
    /** Accept it or return it with a comment (the secretariat). */
    review: z.boolean(),
  }),
});

export const boardSchema = z.object({
  counts: z.object({ todo: z.number(), submitted: z.number(), returned: z.number(), accepted: z.number() }),
  overdue: z.array(z.string()),
  unassigned: z.array(z.string()),
  owed: z.array(z.object({ divisionId: z.number(), codes: z.array(z.string()), overdue: z.array(z.string()) })),
});

/** A year's checklist with the items the caller may read. */
export const checklistSchema = z.object({
  fiscalYear: z.number(),
  frameworkId: z.string(),
  approvedAt: z.string().nullable(),
  items: z.array(taskSchema),
  board: boardSchema,
  can: checklistAbilitiesSchema,
});

/** The checklist as its board shows it: each link's latest check, the last run of checks, what is published. */
export const checklistBoardSchema = checklistSchema.extend({
  items: z.array(
    taskSchema.extend({
      evidence: z.array(itemEvidenceSchema.extend({ check: linkResultSchema.nullable() })),
    }),
  ),
  linkCheck: linkRunSchema.nullable(),
  published: z.object({ at: z.string(), items: z.array(z.string()), url: z.string() }).nullable(),
});

export const checklistYearsSchema = z.object({
  checklists: z.array(z.object({ fiscalYear: z.number(), frameworkId: z.string(), approvedAt: z.string().nullable() })),
  /** Years a checklist can be opened for (a framework with OIT items), none open yet. */
  openable: z.array(z.number()),
  can: checklistAbilitiesSchema,
});

export const approvalSchema = z.object({ publication: publicationSchema, items: z.number() });

const range = z.object({ low: z.number(), high: z.number() });
const levelSchema = z.object({
  id: z.string(),
  name: z.object({ th: z.string(), en: z.string().nullish() }),
  min: z.number(),
  allToolsMin: z.number().optional(),
});

export const predictionSchema = z.object({
  counts: z.object({ ready: z.number(), 'at-risk': z.number(), missing: z.number() }),
  oit: range,
  ita: range.nullable(),
  level: z.object({ low: levelSchema.nullable(), high: levelSchema.nullable() }),
  basis: z.string().nullable(),
  costly: z.array(z.object({ code: z.string(), readiness: z.enum(READINESS), points: z.number() })),
  readiness: z.record(z.string(), z.enum(READINESS)),
  dueDate: z.string(),
});

/** A page of the agencies' OIT readiness of a year, with the sums over every agency in scope. */
export const cityReadinessSchema = pageSchema(
  z.object({
    agency: z.object({ slug: z.string(), code: z.string(), nameTh: z.string() }),
    counts: predictionSchema.shape.counts,
    oit: range,
    ita: range.nullable(),
    level: z.object({ low: z.string().nullable(), high: z.string().nullable() }),
    basis: z.string().nullable(),
    dueDate: z.string(),
  }),
  {
    /** Agencies in scope with a checklist of the year. */
    agencies: z.number(),
    /** Their items by readiness, all together. */
    counts: predictionSchema.shape.counts,
    /** Agencies with every item ready, and with items missing. */
    allReady: z.number(),
    withMissing: z.number(),
    /** The mean predicted OIT score. */
    oit: range.nullable(),
    /** Checklists whose readiness is being brought up to date in the background: the sums may not include it yet. */
    pending: z.number().int(),
  },
);

export const checklistLinksSchema = z.array(
  z.object({
    url: z.string(),
    /** The items that point to it. */
    items: z.array(z.string()),
    latest: linkResultSchema.nullable(),
    history: z.array(linkResultSchema),
  }),
);

/** A page of the agencies' latest link checks of a year, with the sums over every agency in scope. */
export const cityLinkChecksSchema = pageSchema(
  linkRunSchema.extend({ agency: z.object({ slug: z.string().optional(), nameTh: z.string().optional() }) }),
  { agencies: z.number(), checked: z.number(), passed: z.number(), failing: z.number() },
);

const clarificationItemSchema = z.object({
  code: z.string(),
  name: z.string().nullable(),
  indicator: z.number(),
  preliminary: z.number(),
  suggestion: z.string().nullable(),
  disputed: z.boolean(),
  clarification: z.string(),
  evidence: z.array(z.object({ id: z.number(), title: z.string(), url: z.string() })),
  confirmed: z.number().nullable(),
});

/** The clarification round of a year; null before the preliminary scores are imported. */
export const clarificationSchema = z.object({
  round: z
    .object({
      fiscalYear: z.number(),
      file: z.string(),
      importedAt: z.string(),
      confirmedAt: z.string().nullable(),
      preliminaryOit: z.number().nullable(),
      confirmedOit: z.number().nullable(),
      items: z.array(clarificationItemSchema),
    })
    .nullable(),
});

/** The readiness table's columns a page may be sorted by, and the SQL each sorts on. */
export const READINESS_SORTS = ['code', 'name', 'ready', 'atRisk', 'missing', 'oit', 'ita', 'dueDate'] as const;
export type ReadinessSort = (typeof READINESS_SORTS)[number];
/** Agencies with every item ready, with items at risk (none missing), or with items missing. */
export const READINESS_STATES = ['ready', 'at-risk', 'missing'] as const;
/** The link checks' columns a page may be sorted by. */
export const LINK_CHECK_SORTS = ['code', 'name', 'total', 'passed', 'failed', 'finishedAt'] as const;
export type LinkCheckSort = (typeof LINK_CHECK_SORTS)[number];
