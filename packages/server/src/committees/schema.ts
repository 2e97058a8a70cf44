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
