import { z } from 'zod';
import { pageSchema } from '../http/page.js';

const scores = z.record(z.string(), z.number());

/** A validation finding of the scores, in English and Thai. */
export const scoreWarningSchema = z.object({
  code: z.string(),
  subject: z.string(),
  source: z.object({ file: z.string().optional(), row: z.number().optional() }).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
  messageTh: z.string(),
});

/** A score result as published: every number rounded to 2 decimals, the level's Thai name. */
export const presentedResultSchema = z.object({
  framework: z.string(),
  ita: z.number().nullable(),
  level: z.string().nullable(),
  levelId: z.string().nullable(),
  tools: scores,
  weighted: scores,
  indicators: scores,
  subIndicators: scores,
  questions: scores,
  items: scores,
  respondents: scores,
  warnings: z.array(scoreWarningSchema),
});

/** One of an agency's assessments, by fiscal year. */
export const assessmentSummarySchema = z.object({
  fiscalYear: z.number(),
  framework: z.string(),
  source: z.string(),
  ita: z.number().nullable(),
  levelId: z.string().nullable(),
  updatedAt: z.string(),
});

/** A question or OIT item below the threshold, as the analysis names it. */
export const weakPointSchema = z.object({
  code: z.string(),
  kind: z.enum(['question', 'oit']),
  tool: z.string(),
  indicator: z.number(),
  score: z.number(),
  weakItems: z.array(z.object({ no: z.number(), key: z.string(), score: z.number() })),
  reason: z.enum(['question', 'item']),
});

const changeSchema = z.object({ key: z.string(), before: z.number(), after: z.number(), delta: z.number() });

/** An assessment in full, with what the caller may do beside it. */
export const assessmentReportSchema = z.object({
  agency: z.object({ id: z.number(), code: z.string(), slug: z.string(), nameTh: z.string(), nameEn: z.string() }),
  fiscalYear: z.number(),
  framework: z.string(),
  source: z.string(),
  updatedAt: z.string(),
  result: presentedResultSchema,
  weak: z.object({
    threshold: z.number(),
    flat: z.array(weakPointSchema),
    groups: z.array(
      z.object({
        tool: z.string(),
        indicators: z.array(z.object({ number: z.number(), points: z.array(weakPointSchema) })),
      }),
    ),
  }),
  differences: z.array(
    z.object({
      level: z.enum(['question', 'indicator', 'tool']),
      code: z.string(),
      published: z.number(),
      computed: z.number(),
      difference: z.number(),
    }),
  ),
  comparison: z
    .object({
      fiscalYear: z.number(),
      ita: changeSchema.nullable(),
      tools: z.array(changeSchema),
      indicators: z.array(changeSchema),
      questions: z.array(changeSchema),
    })
    .nullable(),
  oit: z.array(
    z.object({
      code: z.string(),
      urls: z.array(z.string()),
      suggestion: z.string().nullable(),
      explanation: z.string().nullable(),
    }),
  ),
  stats: z.array(
    z.object({
      tool: z.string(),
      dimension: z.string(),
      label: z.string(),
      count: z.number().nullable(),
      percent: z.number().nullable(),
      suppressed: z.boolean(),
      hiddenBecause: z.enum(['small', 'complement']).nullable(),
    }),
  ),
  imports: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      file_name: z.string(),
      scope: z.string(),
      created_at: z.string(),
      superseded_at: z.string().nullable(),
      created_by_email: z.string().nullable(),
    }),
  ),
  can: z.object({
    /** The agency's own self-assessment surveys, shown beside the official scores. */
    readSelfAssessment: z.boolean(),
  }),
});

const unreadSchema = z.array(z.object({ line: z.number(), text: z.string(), reason: z.string() }));
const importWarningSchema = z.object({ code: z.string(), subject: z.string(), message: z.string(), messageTh: z.string() });

/** The scores an upload would give, writing nothing. */
export const previewSchema = z.object({
  fiscalYear: z.number(),
  agency: z.object({ slug: z.string(), nameTh: z.string(), nameEn: z.string() }),
  framework: z.string(),
  format: z.string(),
  fileName: z.string(),
  scope: z.array(z.string()),
  unread: unreadSchema,
  warnings: z.array(importWarningSchema),
  replaces: z.array(z.object({ id: z.number(), fileName: z.string(), scope: z.string() })),
  result: presentedResultSchema,
});

/** What an import stored. */
export const importedSchema = z.object({
  fiscalYear: z.number(),
  framework: z.string(),
  ita: z.number().nullable(),
  levelId: z.string().nullable(),
  warnings: z.array(importWarningSchema),
  unread: unreadSchema,
});

/** The fewest questions to raise to reach a level. */
export const planSchema = z.object({
  reachable: z.boolean(),
  level: z.string(),
  target: z.number(),
  steps: z.array(z.object({ code: z.string(), tool: z.string(), from: z.number(), to: z.number() })),
  result: presentedResultSchema,
});

/** One agency's row of the city-wide table. */
export const cityRowSchema = z.object({
  rank: z.number(),
  agency: z.object({ id: z.number(), code: z.string(), slug: z.string(), nameTh: z.string(), nameEn: z.string() }),
  framework: z.string(),
  source: z.string(),
  ita: z.number().nullable(),
  level: z.string().nullable(),
  levelId: z.string().nullable(),
  iit: z.number().nullable(),
  eit: z.number().nullable(),
  oit: z.number().nullable(),
  indicators: scores,
});

export const trendSchema = z.object({
  agencyId: z.number(),
  fiscalYear: z.number(),
  ita: z.number().nullable(),
  levelId: z.string().nullable(),
});

/** A page of the city table, with the group's figures over every agency in scope. */
export const cityPageSchema = pageSchema(cityRowSchema, {
  /** Agencies in scope with results of the year. */
  agencies: z.number(),
  /** Their mean ITA. */
  mean: z.number().nullable(),
  /** How many reached each level (null: no level). */
  levels: z.array(z.object({ levelId: z.string().nullable(), count: z.number() })),
  /** Rows the demo made up. */
  generated: z.number(),
  /** The framework the year's results were scored with. */
  framework: z.string().nullable(),
});

/** A page of agencies with their ITA by fiscal year, and each year's mean over the whole group. */
export const trendPageSchema = pageSchema(
  z.object({
    agency: z.object({ id: z.number(), code: z.string(), slug: z.string(), nameTh: z.string(), nameEn: z.string() }),
    years: z.array(z.object({ fiscalYear: z.number(), ita: z.number().nullable(), levelId: z.string().nullable() })),
  }),
  { years: z.array(z.object({ fiscalYear: z.number(), agencies: z.number(), mean: z.number().nullable() })) },
);

/** The city table's columns a page may be sorted by, and the SQL each sorts on. */
export const CITY_SORTS = ['rank', 'code', 'name', 'ita', 'level', 'iit', 'eit', 'oit'] as const;
export type CitySort = (typeof CITY_SORTS)[number];
/** The trends' agencies a page may be sorted by. */
export const TREND_SORTS = ['code', 'name'] as const;
export type TrendSort = (typeof TREND_SORTS)[number];
