import { z } from 'zod';

/** Whether a link is an http(s) address with a host: never javascript:, data:, file: or vbscript:. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A link shown and printed as a link: http(s) only, never javascript:, data:, file: or vbscript:. */
export const webLink = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => isWebUrl(value), {
    message: 'links must be http:// or https:// addresses (ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://)',
  });
