// A Prongsai server for the national benchmark, over the database PRONGSAI_DATABASE_URL names
// (loaded by the benchmark through the import services). Counts every SQL statement through
// Kysely's log hook and answers the count and its resident memory over IPC. Prints its port.
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase } from '../db/database.js';

let statements = 0;
const config = withoutSchedules(loadConfig());
const db = await openDatabase(config.databaseUrl, {
  log: (event) => {
    if (event.level === 'query') statements++;
  },
});
const app = await buildApp({ db, config: { ...config, secureCookies: false }, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.on('message', () => {
  process.send?.({ statements, rss: process.memoryUsage().rss });
});
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
