// A Prongsai server for the upload benchmark, over SQLite at PRONGSAI_DATABASE_URL with the demo
// accounts. Prints its port, then serves until killed.
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';

// No scheduled reminders or link checks: nothing runs beside what is measured.
const config = withoutSchedules(loadConfig());
const db = await openDatabase(config.databaseUrl);
await loadDemo(db.kysely, { results: false, plans: false });
const app = await buildApp({ db, config: { ...config, secureCookies: false }, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
