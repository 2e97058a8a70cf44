import { z } from 'zod';

/** A calendar date in a request, as the API takes dates: YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/**
 * The response of an endpoint that answers with a file (CSV, XLSX, PDF, DOCX, ZIP, an image, a page):
 * the OpenAPI document names its media types; the bytes are sent as they are, not serialized.
 */
export function fileResponse(description: string, ...mediaTypes: [string, ...string[]]) {
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }])),
  };
}

/** An answer with no body (204). */
export const noContent = z.null().describe('No content');
