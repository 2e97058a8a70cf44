// Transparency pages under load: an agency's public OIT page and one item's page, served from
// SQLite and PostgreSQL to a generator on loopback, against GET /api/health through the same stack.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEngines, load, request, startServer } from './http.js';
import { printTable, writeReport } from './report.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-'));

const engines = await benchEngines(dir, 'transparency.db', 'bench_t');

console.log(
  `\nTransparency pages — Bang Khae's FY2567 OIT page (22 items) and item O1; ${REQUESTS} requests per run, ${CLIENTS} clients at a time, loopback (target p95 < 50 ms)`,
);
const paths = { health: '/api/health', year: '/t/bang-khae/2567', item: '/t/bang-khae/2567/O1' };
const rows: string[][] = [['engine', 'endpoint', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'p95 vs health']];
const report: Record<string, unknown> = {};
for (const engine of engines) {
  const { port, child } = await startServer(engine.env, './transparency-server.js');
  try {
    const agent = new http.Agent({ keepAlive: false });
    const page = await request(agent, port, paths.year);
    if (page.status !== 200 || (page.body.match(/href="\/t\/bang-khae\/2567\/O\d+"/g) ?? []).length !== 22) {
      throw new Error(`the transparency page does not show the 22 published items (${page.status})`);
    }
    for (const path of Object.values(paths)) await load(port, path, {}, 300, CLIENTS); // warm-up
    const health = await load(port, paths.health, {}, REQUESTS, CLIENTS);
    const year = await load(port, paths.year, {}, REQUESTS, CLIENTS);
    const item = await load(port, paths.item, {}, REQUESTS, CLIENTS);
    for (const [name, result] of [
      ['GET /api/health (baseline)', health],
      [`GET ${paths.year}`, year],
      [`GET ${paths.item}`, item],
    ] as const) {
      rows.push([
        engine.name,
        name,
        ...[result.p50, result.p95, result.p99].map((v) => v.toFixed(2)),
        result.rps.toFixed(0),
        `${(result.p95 / health.p95).toFixed(1)}×`,
      ]);
    }
    report[engine.name] = { health, year, item };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await engine.cleanup?.();
  }
}
printTable(rows, 2);
writeReport('transparency', report);
