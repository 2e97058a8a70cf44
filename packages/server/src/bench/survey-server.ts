// A Prongsai server for the survey-intake benchmark, over PRONGSAI_DATABASE_URL: the demo data with
// Din Daeng's open IIT round. Prints its port and the round's code, then serves until killed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { surveyItems } from '@prongsai/core';
import { findAgency, listAgencies, listDivisions } from '../agencies/repository.js';
import { loadFramework } from '../frameworks/registry.js';
import { SurveyService } from '../surveys/service.js';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';
import { SurveyRepository } from '../surveys/repository.js';

const config = withoutSchedules(loadConfig());
const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-survey-'));
const db = await openDatabase(config.databaseUrl, process.env.BENCH_PG_SCHEMA ? { schema: process.env.BENCH_PG_SCHEMA } : {});
await loadDemo(db.kysely, { dataDir });
// Every district runs an EIT round with the BMA minimums: 50 × 10 quota groups, half answered.
const surveys = new SurveyService(db.kysely);
for (const district of await listAgencies(db.kysely)) {
  if ((await new SurveyRepository(db.kysely).roundsOfYear(district.id, 2566)).some((r) => r.tool === 'EIT')) continue;
  const eit = await surveys.open(null, district, {
    tool: 'EIT',
    fiscalYear: 2566,
    opensOn: '2000-01-01',
    closesOn: '2999-12-31',
  });
  const items = surveyItems(loadFramework('bma-district-2566'), 'EIT');
  await db.kysely.transaction().execute(async (trx) => {
    for (const [i, division] of (await listDivisions(trx, district.id)).entries()) {
      const tallies = new Map(
        items.map((item) => [item.key, item.scale.options.map((_, o) => (o === item.scale.options.length - 1 ? 30 + i : 2))]),
      );
      await new SurveyRepository(trx).addTallies(
        trx,
        eit.id,
        division.id,
        tallies,
        30 + i + 2 * (items[0]!.scale.options.length - 1),
      );
    }
  });
}
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
