// A Prongsai server for the transparency-page benchmark, over PRONGSAI_DATABASE_URL: the demo data
// with the seed districts' OIT checklists (Bang Khae's FY2567 page published with its 22 items).
// Prints its port, then serves until killed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';

// No scheduled link checks: the demo's links name real sites, and benchmarks stay on loopback.
const config = withoutSchedules(loadConfig());
const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-oit-'));
const db = await openDatabase(config.databaseUrl, process.env.BENCH_PG_SCHEMA ? { schema: process.env.BENCH_PG_SCHEMA } : {});
await loadDemo(db.kysely, { dataDir });
const app = await buildApp({ db, config: { ...config, dataDir, secureCookies: false }, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
