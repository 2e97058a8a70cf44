import { formatProblem, InputError } from '@prongsai/core';
import { HttpError } from '../http/errors.js';

/** Input problems become a Thai 422 listing each (file, row, problem), as every import answers them. */
export function inputErrorAsHttp(error: unknown): unknown {
  if (error instanceof InputError) {
    return new HttpError(
      422,
      'invalid-file',
      error.message,
      error.problems.map((p) => formatProblem(p, 'th')).join('\n'),
      error.problems,
    );
  }
  return error;
}
