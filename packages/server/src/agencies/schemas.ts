import { UNIT_TERMS, type UnitTerm } from '@prongsai/core';
import { z } from 'zod';
import type { Agency, Division } from '../db/schema.js';

/** The words a kind of agency may call its units (the core's list). */
const UNIT_TERM_NAMES = Object.keys(UNIT_TERMS) as [UnitTerm, ...UnitTerm[]];

/** Who answers IIT under a kind's rule (the core's `IitRule`). */
const iitRuleSchema = z.discriminatedUnion('rule', [
  z.object({
    rule: z.literal('bma-district'),
    employeeShare: z.number().min(0).max(1),
    allEmployeesUnits: z.array(z.string()),
  }),
  z.object({ rule: z.literal('itas-computed') }),
  z.object({ rule: z.literal('minimum'), minimum: z.number().int().min(0) }),
]);

export const agencySchema = z.object({
  id: z.number(),
  code: z.string(),
  slug: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  /** An agency kind's id (district, central, other, province, municipality…). */
  kind: z.string(),
  /** The overseeing agency's id, if any. */
  parentId: z.number().nullable(),
});

/** What a kind of agency calls its units: the Thai word and its English one (ฝ่าย: Division, กอง: Division (Kong)…). */
export const unitTermSchema = z.object({ th: z.enum(UNIT_TERM_NAMES), en: z.string() });

/** One agency with what the reader may do with it. */
export const agencyWithAbilitiesSchema = agencySchema.extend({
  /** The kind of agency whose question sets it takes (a set's `agencyKinds` must include it). */
  assessedAs: z.string(),
  /** What its kind calls its units. */
  unitTerm: unitTermSchema,
  /** Its kind's IIT rule, by which the surveys set each unit's sample. */
  iitRule: iitRuleSchema,
  can: z.object({
    update: z.boolean(),
    manageDivisions: z.boolean(),
    importResults: z.boolean(),
    publish: z.boolean(),
  }),
});

export const divisionSchema = z.object({
  id: z.number(),
  agencyId: z.number(),
  nameTh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
});

export const presentAgency = (a: Agency): z.infer<typeof agencySchema> => ({
  id: a.id,
  code: a.code,
  slug: a.slug,
  nameTh: a.name_th,
  nameEn: a.name_en,
  kind: a.kind,
  parentId: a.parent_id,
});

export const presentDivision = (d: Division): z.infer<typeof divisionSchema> => ({
  id: d.id,
  agencyId: d.agency_id,
  nameTh: d.name_th,
  nameEn: d.name_en,
  sortOrder: d.sort_order,
});

const unitSchema = z.object({ th: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });

/** A kind of agency as the API reads and writes it (checked again in full by the core). */
export const kindBodySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{1,15}$/),
  nameTh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  naming: z.object({ agencyTh: z.string(), agencyEn: z.string(), headTh: z.string(), headEn: z.string() }),
  unitTerm: z.enum(UNIT_TERM_NAMES),
  defaultUnits: z.array(unitSchema).max(100),
  sampling: z.object({
    iit: iitRuleSchema,
    eit: z.object({
      minimums: z.record(z.string(), z.number().int().min(0)),
      defaultMinimum: z.number().int().min(0).nullable(),
    }),
    status: z
      .enum(['official', 'review'])
      .describe('official: from a cited source; review: a default an administrator should check'),
    source: z.string().max(500),
  }),
  milestones: z
    .array(z.string().max(64))
    .max(50)
    .optional()
    .describe(
      "ids of the calendar's milestones its agencies' year has; absent: as shipped for its id, else every one but schools-data (only Bangkok district offices collect their schools' staff data)",
    ),
});

export const kindSchema = z.object({
  kind: kindBodySchema,
  /** Its unit word in Thai and English, as an agency's answer gives it. */
  unitTerm: unitTermSchema,
  shipped: z.boolean(),
  updatedAt: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
});

export const importBodySchema = z.object({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().min(1),
  dryRun: z.boolean().default(false),
});

export const importPlanSchema = z.object({
  fileName: z.string(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  divisionsAdded: z.number(),
  rows: z.array(
    z.object({
      row: z.number(),
      code: z.string(),
      nameTh: z.string(),
      action: z.enum(['add', 'update', 'unchanged']),
      changes: z.array(z.string()),
      divisionsAdded: z.number(),
    }),
  ),
  dryRun: z.boolean(),
});
