import { z } from 'zod';

/** An ITA committee appointment order (คำสั่งสำนักงานเขต… เรื่อง แต่งตั้งคณะกรรมการ…). */
export const committeeSchema = z.object({
  orderNumber: z.string().trim().min(1).max(40),
  subject: z.string().trim().min(1).max(1000),
  preamble: z.array(z.string().trim().min(1).max(4000)).max(10),
  members: z
    .array(z.object({ name: z.string().trim().min(1).max(300), role: z.string().trim().min(1).max(200) }))
    .min(1)
    .max(100),
  duties: z.array(z.string().trim().min(1).max(4000)).max(50),
  closing: z.string().trim().max(500).default('ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป'),
  signedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  signatoryName: z.string().trim().min(1).max(200),
  signatoryTitle: z.string().trim().min(1).max(200),
});

export type Committee = z.infer<typeof committeeSchema>;

/** A committee as the API answers it: a draft carried over or made from the template leaves some lines empty. */
export const committeeViewSchema = z.object({
  orderNumber: z.string(),
  subject: z.string(),
  preamble: z.array(z.string()),
  members: z.array(z.object({ name: z.string(), role: z.string() })),
  duties: z.array(z.string()),
  closing: z.string(),
  signedDate: z.string(),
  signatoryName: z.string(),
  signatoryTitle: z.string(),
});

/** The committee to edit, where it comes from (the year's own, an earlier year's carried over, the template), and the roles to pick. */
export const committeeDraftSchema = z.object({
  source: z.enum(['saved', 'carried', 'template']),
  fromYear: z.number().nullable(),
  committee: committeeViewSchema,
  roles: z.array(z.string()),
  /** What the caller may do: write the committee and upload the letterhead emblem (the secretariat). */
  can: z.object({ edit: z.boolean() }),
});
