// `npm run api:types`: writes the web's API types from the server's OpenAPI document.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { API_TYPES_PATH, apiTypes } from './api-types.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
await writeFile(root + API_TYPES_PATH, await apiTypes());
console.log(`wrote ${API_TYPES_PATH}`);
