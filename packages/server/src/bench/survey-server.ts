// A Prongsai server for the survey-intake benchmark, over PRONGSAI_DATABASE_URL: the demo data with
// Din Daeng's open IIT round. Prints its port and the round's code, then serves until killed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAgency } from '../agencies/repository.js';
import { buildApp } from '../app.js';
import { linkCheckConfig, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';
import { SurveyRepository } from '../surveys/repository.js';

const config = { ...loadConfig(), linkCheck: { ...linkCheckConfig(), everyHours: 0 } };
const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-survey-'));
const db = await openDatabase(config.databaseUrl, process.env.BENCH_PG_SCHEMA ? { schema: process.env.BENCH_PG_SCHEMA } : {});
await loadDemo(db.kysely, { dataDir });
const agency = (await findAgency(db.kysely, 'din-daeng'))!;
const round = (await new SurveyRepository(db.kysely).roundsOfYear(agency.id, 2566)).find((r) => r.tool === 'IIT')!;
const app = await buildApp({ db, config: { ...config, dataDir, secureCookies: false }, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(
  `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, code: round.code })}\n`,
);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
