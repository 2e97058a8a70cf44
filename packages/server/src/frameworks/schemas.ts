import { frameworkSchema } from '@prongsai/core';
import { z } from 'zod';

const localized = z.object({ th: z.string(), en: z.string().nullish() });

const missingPart = z.object({ part: z.string(), th: z.string(), en: z.string() });
export const readinessSchema = z.array(
  z.object({
    feature: z.enum(['scoring', 'results-import', 'oit', 'surveys', 'documents', 'memo']),
    ready: z.boolean(),
    missing: z.array(missingPart),
    fixedBy: z.literal('central-admin'),
  }),
);
const provenanceSchema = z.object({
  sources: z.array(z.object({ id: z.string(), kind: z.string(), citation: z.string(), gave: z.string() })),
  provisional: z.boolean(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  unknowns: z.array(z.string()),
  notes: z.array(z.string()).optional(),
});
export const summarySchema = z.object({
  id: z.string(),
  name: localized,
  fiscalYears: z.array(z.number()),
  agencyKinds: z.array(z.string()),
  provisional: z.boolean(),
  /** Shown wherever a provisional set is listed or used. */
  notice: z.object({ th: z.string(), en: z.string() }).nullable(),
  provenance: provenanceSchema,
  readiness: readinessSchema,
});

/** A set as the results pages read it: its summary, levels and every tool, indicator, question and OIT item. */
export const frameworkDetailSchema = summarySchema.extend({
  analysisThreshold: z.number(),
  levels: z.array(
    z.object({ id: z.string(), name: localized, min: z.number(), allToolsMin: z.number().optional() }),
  ),
  unknowns: z.array(z.string()),
  tools: z.array(
    z.object({
      code: z.string(),
      name: localized,
      weight: z.number(),
      indicators: z.array(
        z.object({
          number: z.number(),
          name: localized,
          units: z.array(
            z.union([
              z.object({
                code: z.string(),
                kind: z.literal('question'),
                text: z.string(),
                source: z.string().nullable(),
                items: z.array(
                  z.object({ no: z.number(), text: z.string(), scale: z.string(), polarity: z.enum(['positive', 'negative']) }),
                ),
              }),
              z.object({
                code: z.string(),
                kind: z.literal('oit'),
                text: z.string().nullable(),
                source: z.string().nullable(),
                subIndicator: z.string().nullable(),
                items: z.array(z.never()),
              }),
            ]),
          ),
        }),
      ),
    }),
  ),
});

/** A whole framework document, valid (as a published set is). */
export const frameworkDocumentSchema = frameworkSchema;

/** A framework document being edited: it may not be valid yet, so it is kept as it was written. */
export const draftDocumentSchema = z.unknown().describe('A framework document as written (it may have problems)');

/** A problem of a set, where it is and what is wrong, in English and Thai. */
export const problemSchema = z.object({ source: z.string(), path: z.string(), message: z.string(), th: z.string() });

/** A set being edited, checked: every problem, and the readiness of each feature once it has none. */
export const draftCheckSchema = z.object({
  problems: z.array(problemSchema),
  readiness: readinessSchema.nullable(),
  idTaken: z.boolean(),
});

/** What a framework import checked or saved. */
export const importedFrameworkSchema = z.object({
  ok: z.literal(true),
  id: z.string(),
  fiscalYears: z.array(z.number()),
  questions: z.number(),
  oitItems: z.number(),
  saved: z.boolean(),
});

/** A draft as the editor sees it. */
export const frameworkDraftSchema = z.object({
  id: z.string(),
  fromId: z.string().nullable(),
  data: draftDocumentSchema,
  problems: z.array(problemSchema),
  readiness: readinessSchema.nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});

export const draftListSchema = z.array(
  z.object({ id: z.string(), fromId: z.string().nullable(), updatedAt: z.string(), publishedAt: z.string().nullable() }),
);

export const publishedDraftSchema = z.object({
  id: z.string(),
  fiscalYears: z.array(z.number()),
  questions: z.number(),
  oitItems: z.number(),
});

const manualLineSchema = z.object({ line: z.number(), text: z.string(), reason: z.object({ th: z.string(), en: z.string() }) });

/** A draft set read from the pasted text of the ITA manual. */
export const manualDraftSchema = z.object({
  draft: draftDocumentSchema,
  readiness: readinessSchema.nullable(),
  problems: z.array(problemSchema),
  unplaced: z.array(manualLineSchema),
  ignored: z.array(manualLineSchema),
  warnings: z.array(manualLineSchema),
  counts: z.object({ questions: z.number(), oitItems: z.number() }),
});
