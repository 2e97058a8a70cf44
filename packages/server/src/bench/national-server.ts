// A Prongsai server for the national benchmark, over the database PRONGSAI_DATABASE_URL names
// (loaded by the benchmark through the import services). Counts every SQL statement through
// Kysely's log hook and answers the count and its resident memory over IPC, with the V8 heap in use
// after a full collection when started with --expose-gc (tells a leak from a heap left to grow); its
// document queue holds until asked to run ('render') and holds again when asked ('hold'). Prints its port.
import { getHeapStatistics } from 'node:v8';
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
// The benchmark starts a document batch to read its pages: its jobs stay queued, so no render competes with the reads.
await app.documentJobs.stop();
const address = app.server.address();
process.on('message', (message: string) => {
  // Making documents is asked for by name, and answered once its queue runs or holds.
  if (message === 'render' || message === 'hold') {
    void (message === 'render' ? app.documentJobs.start() : app.documentJobs.stop()).then(() =>
      process.send?.({ jobs: message }),
    );
    return;
  }
  const rss = process.memoryUsage().rss;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap = getHeapStatistics();
  process.send?.({
    statements,
    rss,
    heapUsed: heap.used_heap_size,
    heapLimit: heap.heap_size_limit,
    collected: gc !== undefined,
  });
});
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
