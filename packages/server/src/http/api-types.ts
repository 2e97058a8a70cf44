// The web's API types, generated from the server's own OpenAPI document: the server's response
// schemas are the one description of what each endpoint answers.
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase } from '../db/database.js';

/** Where the generated types live, from the repository's root. */
export const API_TYPES_PATH = 'packages/web/src/api/schema.gen.ts';

/** The OpenAPI document of the whole API, as `/api/openapi.json` serves it. */
export async function apiDocument(): Promise<OpenAPI3> {
  const db = await openDatabase('sqlite::memory:');
  const app = await buildApp({ db, config: withoutSchedules({ ...loadConfig({}), demo: false }), logger: false });
  try {
    await app.ready();
    return app.swagger() as unknown as OpenAPI3;
  } finally {
    await app.close();
    await db.close();
  }
}

export async function apiTypes(): Promise<string> {
  const ast = await openapiTS(await apiDocument(), {
    alphabetize: true,
    exportType: true,
  });
  return (
    "// Generated from the server's OpenAPI document by `npm run api:types`; do not edit.\n" +
    '// A test fails when the server answers differently from what this file says.\n\n' +
    astToString(ast)
  );
}
