// A Prongsai server for the results benchmark, over the database PRONGSAI_DATABASE_URL names:
// 50 districts × 3 fiscal years of results, one account. Prints its port, then serves until killed.
import { findAgency, listAgencies } from '../agencies/repository.js';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';
import { generatedContent } from '../demo/results.js';
import { loadFramework } from '../frameworks/registry.js';
import { commitImport, prepareImport } from '../results/service.js';
import { findAssessment } from '../results/repository.js';

// No scheduled reminders or link checks: nothing runs beside what is measured.
const config = withoutSchedules(loadConfig());
const db = await openDatabase(config.databaseUrl, process.env.BENCH_PG_SCHEMA ? { schema: process.env.BENCH_PG_SCHEMA } : {});
await loadDemo(db.kysely, { results: false });
// Three years: FY2565 is scored with the FY2566 set here, for load only (synthetic, never shown).
const years: [number, string][] = [
  [2565, 'bma-district-2566'],
  [2566, 'bma-district-2566'],
  [2567, 'bma-district-2567'],
];
for (const [year, id] of years) {
  const framework = loadFramework(id);
  for (const agency of await listAgencies(db.kysely)) {
    if (agency.kind !== 'district' || (await findAssessment(db.kysely, agency.id, year))) continue;
    const content = generatedContent(framework, agency.code, year);
    const preview = await prepareImport(db.kysely, agency, year, framework, {
      content,
      format: 'bench',
      fileName: 'bench',
      unread: [],
    });
    await commitImport(db.kysely, null, agency, year, preview, 'bench-synthetic');
  }
}
if (!(await findAgency(db.kysely, '1040'))) throw new Error('no districts');
const app = await buildApp({ db, config: { ...config, secureCookies: false }, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(
  `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, engine: db.engine })}\n`,
);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
