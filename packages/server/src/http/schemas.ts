import { z } from 'zod';

/** A calendar date in a request, as the API takes dates: YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
