import { z } from 'zod';
import { pageSchema } from '../http/page.js';
import { presentedResultSchema, weakPointSchema } from '../results/schemas.js';

/** What the reader may do with a round: manage it (quotas, rosters, codes, closing). */
export const roundAbilitiesSchema = z.object({ manage: z.boolean() });

/** What the reader may do with an agency's rounds, whether or not it has any yet: open one. */
export const surveyAbilitiesSchema = z.object({ open: z.boolean() });

/** A self-assessment round as the API shows it. */
export const roundSchema = z.object({
  id: z.number(),
  fiscalYear: z.number(),
  tool: z.enum(['IIT', 'EIT']),
  framework: z.string(),
  code: z.string(),
  link: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  useCodes: z.boolean(),
  open: z.boolean(),
  closedAt: z.string().nullable(),
});

/** A round with what the reader may do with it. */
export const roundViewSchema = roundSchema.extend({ can: roundAbilitiesSchema });

const divisionProgressSchema = z.object({
  divisionId: z.number(),
  nameTh: z.string(),
  headcount: z.number(),
  required: z.number(),
  /** null: fewer than 5 (or hidden with such a group). */
  responses: z.number().nullable(),
  short: z.number().nullable(),
});

/** Complete responses per division against its quota. */
export const progressSchema = z.object({
  total: z.number().nullable(),
  unassigned: z.number().nullable(),
  minimumGroup: z.number(),
  divisions: z.array(divisionProgressSchema),
  shortfalls: z.array(divisionProgressSchema),
});

/** The staff counted from a roster, and the round's progress after. */
export const rosterCountSchema = z.object({
  eligible: z.number(),
  notYet: z.number(),
  problems: z.array(z.object({ row: z.number(), th: z.string(), message: z.string() })),
  counts: z.record(z.string(), z.number()),
  progress: progressSchema,
});

/** One agency's row of the city-wide survey progress. */
export const cityProgressSchema = z.object({
  agencyId: z.number(),
  /** The agency; its kind's unit word (GET /api/agency-kinds) names its quota groups. */
  agency: z.object({ code: z.string(), slug: z.string(), nameTh: z.string(), kind: z.string() }),
  round: roundSchema,
  responses: z.number().nullable(),
  required: z.number(),
  quotaGroups: z.number(),
  groupsShort: z.number(),
  shortBy: z.number(),
});

/** A page of the agencies' latest rounds, with the group's figures over every agency in scope. */
export const cityProgressPageSchema = pageSchema(cityProgressSchema, {
  /** Agencies in scope with a round of the year and tool; of them, with the round open, still to open, past. */
  agencies: z.number(),
  open: z.number(),
  upcoming: z.number(),
  closed: z.number(),
  /** Responses their quotas require, all together. */
  required: z.number(),
});

const officialScoreSchema = z.object({ fiscalYear: z.number(), score: z.number() }).nullable();

/** A round scored by the engine, with its weak points and the divisions of at least 5 respondents. */
export const surveyResultSchema = z.object({
  round: roundSchema,
  source: z.literal('self-assessment'),
  official: z.object({ thisYear: officialScoreSchema, lastYear: officialScoreSchema }),
  respondents: z.number().nullable(),
  minimumGroup: z.number(),
  result: presentedResultSchema.nullable(),
  weak: z.array(weakPointSchema),
  divisions: z.array(z.object({ nameTh: z.string(), responses: z.number().nullable() })),
});

export const whatIfSchema = z.object({ before: presentedResultSchema, after: presentedResultSchema });

export const codesSchema = z.object({ codes: z.array(z.string()) });

export const receivedSchema = z.object({ status: z.literal('received') });

/** The survey progress table's columns a page may be sorted by. */
export const SURVEY_SORTS = ['code', 'name', 'opensOn', 'closesOn'] as const;
export type SurveySort = (typeof SURVEY_SORTS)[number];
/** A round open today, still to open, or past (closed or after its last day). */
export const ROUND_STATES = ['open', 'upcoming', 'closed'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
