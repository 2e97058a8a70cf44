import { z } from 'zod';
import { pageSchema } from '../http/page.js';
import { MEMO_KINDS, MILESTONES } from '@prongsai/core';

/** What the caller may do with one milestone of an agency's year, and with the year's calendar feed. */
export const milestoneAbilitiesSchema = z.object({
  /** Date it, give it an owner, mark it done where no record tells (the secretariat). */
  update: z.boolean(),
  /**
   * The calendar feed the caller may make and revoke: 0 for the agency's, a division's id for that
   * division's, null for none. The same on every milestone of the year.
   */
  feed: z.number().int().min(0).nullable(),
});

/** One milestone of an agency's ITA year. */
export const milestoneSchema = z.object({
  milestone: z.enum(MILESTONES),
  nameTh: z.string(),
  startsOn: z.string().nullable(),
  dueOn: z.string(),
  ownerDivisionId: z.number().nullable(),
  /** `feature`: the state comes from Prongsai's own records; `manual`: the secretariat marks it done. */
  source: z.enum(['feature', 'manual']),
  done: z.boolean(),
  state: z.enum(['done', 'late', 'due-soon', 'open', 'upcoming']),
});

export const presentedMilestoneSchema = milestoneSchema.extend({ can: milestoneAbilitiesSchema });

/** A district in a list of who is late (or due soon) with a milestone. */
const lateAgencySchema = z.object({ slug: z.string(), nameTh: z.string(), dueOn: z.string() });

export const lateMilestoneSchema = z.object({
  milestone: z.enum(MILESTONES),
  nameTh: z.string(),
  late: z.array(lateAgencySchema),
  dueSoon: z.array(lateAgencySchema),
});

/** A page of the agencies late or due soon with a milestone, with how many are per milestone over all of them. */
export const latePageSchema = pageSchema(
  z.object({
    milestone: z.enum(MILESTONES),
    milestoneTh: z.string(),
    agency: z.object({ slug: z.string(), nameTh: z.string() }),
    dueOn: z.string(),
    state: z.enum(['late', 'due-soon']),
    /** Days past the due date (negative: days left). */
    daysLate: z.number(),
  }),
  {
    milestones: z.array(z.object({ milestone: z.enum(MILESTONES), nameTh: z.string(), late: z.number(), dueSoon: z.number() })),
    /** True while the year's figures are being brought up to date in the background (the page may lag). */
    pending: z.boolean(),
  },
);

const signerSchema = z.object({ name: z.string(), titles: z.array(z.string()) });

const memoContentSchema = z.object({
  phone: z.string().optional(),
  number: z.string().optional(),
  date: z.string().optional(),
  to: z.string().optional(),
  origin: z.string().optional(),
  instructions: z.array(z.string()).optional(),
  instructionsFrom: z.array(z.string()).optional(),
  signers: z.array(signerSchema).optional(),
});

const memoBlockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('heading'), text: z.string() }),
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({ kind: z.literal('item'), text: z.string() }),
  z.object({ kind: z.literal('table'), rows: z.array(z.tuple([z.string(), z.string()])) }),
]);

export const memoDocumentSchema = z.object({
  kind: z.enum(MEMO_KINDS),
  section: z.string(),
  number: z.string(),
  date: z.string(),
  subject: z.string(),
  to: z.string(),
  blocks: z.array(memoBlockSchema),
  closing: z.string(),
  signers: z.array(signerSchema),
});

/** One memo as the editor shows it. */
export const memoViewSchema = z.object({
  kind: z.enum(MEMO_KINDS),
  nameTh: z.string(),
  /** The memo's name in English, by the English of the kind's word for its units. */
  nameEn: z.string(),
  content: memoContentSchema,
  /** The instructions the calendar gives today: what the editor starts from. */
  calendarInstructions: z.array(z.string()),
  /** The secretariat rewrote the instructions and the calendar's dates have moved since. */
  outdated: z.boolean(),
  frameworkId: z.string().nullable(),
  frameworkFromEarlierYear: z.boolean(),
  issuedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The memo's text as it would print now. */
  document: memoDocumentSchema,
  /** What to check before issuing; `blocking` ones refuse the issue. */
  warnings: z.array(
    z.object({
      code: z.enum(['no-oit-items', 'oit-items-from-earlier-year', 'date-outside-year']),
      th: z.string(),
      en: z.string(),
      blocking: z.boolean(),
    }),
  ),
  /** What the caller may do with it: write into it, issue and reopen it (the secretariat). */
  can: z.object({ edit: z.boolean() }),
});

/** Something the signed-in person must do now in the agency's year. */
export const taskSchema = z.object({
  kind: z.enum([
    'oit-evidence',
    'oit-review',
    'oit-approve',
    'progress-report',
    'progress-review',
    'progress-approve',
    'division-late',
    'milestone',
  ]),
  title: z.string(),
  dueOn: z.string().nullable(),
  late: z.boolean(),
  /** Where in the web app it is done. */
  href: z.string(),
});
