import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API_TYPES_PATH, apiDocument, apiTypes } from './api-types.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

describe('the web API types', () => {
  it('are what the server OpenAPI document says (run `npm run api:types` after changing a schema)', async () => {
    const committed = await readFile(root + API_TYPES_PATH, 'utf8');
    expect(committed === (await apiTypes()), `${API_TYPES_PATH} is out of date: run npm run api:types`).toBe(true);
  });

  it('describe every answer of every operation the API documents', async () => {
    const paths = (await apiDocument()).paths as Record<
      string,
      Record<string, { responses?: Record<string, { description?: string; content?: unknown }> }>
    >;
    // An operation without a response schema gets @fastify/swagger's bodiless "Default Response".
    const declared = (responses: Record<string, { description?: string; content?: unknown }> = {}) =>
      Object.entries(responses).some(
        ([status, response]) => /^2\d\d$/.test(status) && !(response.description === 'Default Response' && !response.content),
      );
    const undeclared = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !declared(operation.responses))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(undeclared).toEqual([]);
  });
});
