import { z } from 'zod';

/** Text in Thai, optionally with English. `null` where the sources do not say. */
const localized = z.object({ th: z.string().min(1), en: z.string().min(1).nullish() }).strict();

const code = (pattern: RegExp, what: string) => z.string().regex(pattern, { message: `must be ${what}` });

const scaleSchema = z
  .object({
    options: z.array(localized).min(2),
    /** The answer code a respondent file uses for each option, in option order. */
    answers: z.array(z.number().int().min(0).max(15)).min(2),
    /** Points for each option of a positive item; negative items take them reversed. */
    scores: z.array(z.number().min(0).max(100)).min(2),
  })
  .strict()
  .superRefine((scale, ctx) => {
    if (scale.answers.length !== scale.options.length || scale.scores.length !== scale.options.length) {
      ctx.addIssue({ code: 'custom', message: 'options, answers and scores must have the same length' });
    }
    if (new Set(scale.answers).size !== scale.answers.length) {
      ctx.addIssue({ code: 'custom', path: ['answers'], message: 'answer codes must be distinct' });
    }
  });

/**
 * Where a text or a figure comes from: a seed file and line, a fixture, a transcription or an inference,
 * as the set's `provenance.sources` name them (e.g. `seed 004 line 22`).
 */
const sourceNote = z.string().min(1).max(1000);

const aggregationSchema = z.discriminatedUnion('method', [
  z
    .object({
      method: z.literal('question-mean'),
      /** `inferred`: the sources do not say that the tool averages its questions. */
      status: z.enum(['published', 'inferred']).optional(),
      note: z.string().optional(),
    })
    .strict(),
  z
    .object({
      method: z.literal('indicator-weights'),
      weights: z.record(z.string(), z.number().positive()),
      status: z.enum(['published', 'inferred']),
      note: z.string().optional(),
    })
    .strict(),
]);

const indicatorAggregationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('question-mean') }).strict(),
  z
    .object({
      method: z.literal('sub-indicator-weights'),
      weights: z.record(z.string(), z.number().positive()),
      status: z.enum(['published', 'inferred']),
      note: z.string().optional(),
    })
    .strict(),
]);

const toolSchema = z
  .object({
    code: code(/^[A-Z]{2,8}$/, 'an upper-case tool code such as IIT'),
    name: localized,
    /** Percentage weight in the total; the weights of all tools add up to 100. */
    weight: z.number().positive().max(100),
    /** `inferred`: the weight is deduced (e.g. from an earlier year's published arithmetic), not stated. */
    weightStatus: z.enum(['published', 'inferred']).optional(),
    kind: z.enum(['survey', 'disclosure']),
    aggregation: aggregationSchema.optional(),
    source: sourceNote.optional(),
  })
  .strict();

const subIndicatorSchema = z
  .object({
    code: code(/^\d+\.\d+$/, 'a sub-indicator code such as 9.1'),
    name: localized,
    groups: z
      .array(z.object({ code: code(/^\d+\.\d+\.\d+$/, 'a group code such as 9.1.1'), name: localized }).strict())
      .optional(),
  })
  .strict();

const indicatorSchema = z
  .object({
    number: z.number().int().positive(),
    tool: z.string(),
    name: localized,
    description: localized.optional(),
    subIndicators: z.array(subIndicatorSchema).optional(),
    aggregation: indicatorAggregationSchema.optional(),
    /** Where the indicator's name and description come from. */
    source: sourceNote.optional(),
  })
  .strict();

const itemSchema = z
  .object({
    no: z.number().int().positive(),
    text: localized,
    scale: z.string(),
    polarity: z.enum(['positive', 'negative']),
    /** Where the item's text comes from. */
    source: sourceNote.optional(),
  })
  .strict();

const questionSchema = z
  .object({
    code: code(/^[A-Z]\d+$/, 'a question code such as I1 or E12'),
    indicator: z.number().int().positive(),
    text: localized,
    textStatus: z.enum(['full', 'short-label']).optional(),
    /** Question-level polarity, for sets whose items are not known. */
    polarity: z.enum(['positive', 'negative']).optional(),
    polarityStatus: z.enum(['published', 'deduced', 'inferred']).optional(),
    /** Topics a question names without publishing them as separately scored items. */
    topics: z.array(localized).optional(),
    /** `null`: the items of this question are not known. */
    items: z.array(itemSchema).min(1).nullable(),
    /** Codes of the earlier framework's question(s) this one continues, where that is published. */
    previousCodes: z.array(z.string()).optional(),
    /** Where the question's text (and topics) come from. */
    source: sourceNote.optional(),
  })
  .strict();

const oitItemSchema = z
  .object({
    code: code(/^([A-Z]{1,3}OIT|O)\d{1,3}$/, 'an OIT item code such as O1 or MOIT1'),
    indicator: z.number().int().positive(),
    /** `inferred`: the sources do not say which indicator the item belongs to. */
    indicatorStatus: z.enum(['published', 'inferred']).optional(),
    subIndicator: z.string().optional(),
    group: z.string().optional(),
    /** `null`: the item's name is not known. */
    name: localized.nullable(),
    nameVariants: z.array(z.string()).optional(),
    disclosure: localized.optional(),
    /**
     * Codes of last year's item(s) this one continues, where they differ from its own code; an item
     * whose code did not exist last year and that names none is new.
     */
    previousCodes: z.array(z.string()).optional(),
    /** `binary`: the assessor gives 0 or 100; `partial`: any score from 0 to 100. */
    scoring: z.enum(['binary', 'partial']),
    /** Where the item's name (and disclosure text) come from. */
    source: sourceNote.optional(),
  })
  .strict();

const levelSchema = z
  .object({
    id: z.string().min(1),
    name: localized,
    /** The lowest total score of this level. */
    min: z.number().min(0).max(100),
    /** Every tool must score at least this for the level to apply. */
    allToolsMin: z.number().min(0).max(100).optional(),
  })
  .strict();

const levelSchemeSchema = z
  .object({
    id: z.string().min(1),
    name: localized,
    basis: z.string().optional(),
    /** From the highest level down; the first whose conditions hold applies. */
    levels: z.array(levelSchema).min(1),
  })
  .strict();

/** One source of a set and what it gave. */
const provenanceSourceSchema = z
  .object({
    /** Short key the per-text `source` notes use, e.g. `seed-004`. */
    id: code(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case source key such as seed-004'),
    kind: z.enum(['seed', 'fixture', 'publication', 'transcription', 'inference']),
    /** The source as it is cited: a file name, an address, a repository and path. */
    citation: z.string().min(1),
    /** What this source gave to the set. */
    gave: z.string().min(1),
  })
  .strict();

/**
 * Where a set comes from: its sources and what each gave, whether it is provisional (not yet confirmed by a
 * central admin against NACC's manual), who confirmed it and when, and what stays unknown.
 */
const provenanceSchema = z
  .object({
    sources: z.array(provenanceSourceSchema).min(1),
    provisional: z.boolean(),
    confirmedBy: z.string().min(1).nullable(),
    confirmedAt: z.string().min(1).nullable(),
    unknowns: z.array(z.string().min(1)),
    notes: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.confirmedBy === null) !== (p.confirmedAt === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['confirmedAt'],
        message: 'confirmedBy and confirmedAt are given together or not at all',
      });
    }
    if (p.provisional && p.confirmedBy !== null) {
      ctx.addIssue({ code: 'custom', path: ['provisional'], message: 'a confirmed set is not provisional' });
    }
    const ids = p.sources.map((s) => s.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'source ids must be distinct' });
    }
  });

export const frameworkSchema = z
  .object({
    $schema: z.string().optional(),
    id: code(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case id such as bma-district-2566'),
    name: localized,
    /** Buddhist-Era fiscal years this set applies to. */
    fiscalYears: z.array(z.number().int().min(2500).max(2700)).min(1),
    /**
     * Kinds of agency the set is for (`district`: Bangkok district offices; `department`: the main round's
     * departments). A set that names none is a district set, as every set was before kinds existed.
     */
    agencyKinds: z
      .array(code(/^[a-z][a-z0-9_-]{0,31}$/, 'a kind of agency by its id (lower-case), such as district or police_station'))
      .min(1)
      .optional(),
    /** Where the set comes from: a list of notes (older sets), or its sources, provisional flag and unknowns. */
    provenance: z.union([z.array(z.string()), provenanceSchema]).optional(),
    /** What the sources do not give (older sets; newer ones list it in `provenance.unknowns`). */
    unknowns: z.array(z.string()).optional(),
    analysisThreshold: z.number().min(0).max(100).default(85),
    scales: z.record(z.string(), scaleSchema),
    levels: levelSchemeSchema,
    tools: z.array(toolSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    questions: z.array(questionSchema),
    oitItems: z.array(oitItemSchema),
  })
  .strict();

export type FrameworkData = z.infer<typeof frameworkSchema>;
export type Localized = z.infer<typeof localized>;
export type ScaleData = z.infer<typeof scaleSchema>;
export type ToolData = z.infer<typeof toolSchema>;
export type IndicatorData = z.infer<typeof indicatorSchema>;
export type QuestionData = z.infer<typeof questionSchema>;
export type ItemData = z.infer<typeof itemSchema>;
export type OitItemData = z.infer<typeof oitItemSchema>;
export type LevelData = z.infer<typeof levelSchema>;
export type LevelSchemeData = z.infer<typeof levelSchemeSchema>;
export type Polarity = ItemData['polarity'];
export type ProvenanceData = z.infer<typeof provenanceSchema>;
export type ProvenanceSourceData = z.infer<typeof provenanceSourceSchema>;
