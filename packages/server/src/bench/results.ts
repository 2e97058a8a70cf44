// Results benchmarks: the city-wide table served over HTTP from SQLite and PostgreSQL, under load
// from a generator on loopback, against GET /api/health through the same stack as the baseline;
// and importing one agency's raw responses.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { RawCsvParser, scoreAssessment } from '@prongsai/core';
import { findAgency } from '../agencies/repository.js';
import { openDatabase } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';
import { loadFramework } from '../frameworks/registry.js';
import { commitImport, previewImport } from '../results/service.js';
import { CONCURRENCY, load, request, signIn, startServer } from './http.js';
import { iitItems, SyntheticAnswers, writeRawCsv } from './synthetic.js';
import { printTable, writeReport } from './report.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const POSTGRES_URL = process.env.PRONGSAI_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-'));

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const engines: { name: string; env: Record<string, string>; cleanup?: () => Promise<void> }[] = [
  { name: 'SQLite', env: { PRONGSAI_DATABASE_URL: `sqlite:${join(dir, 'bench.db')}` } },
];
if (await postgresAnswers()) {
  const schema = `bench_${process.pid}`;
  engines.push({
    name: 'PostgreSQL',
    env: { PRONGSAI_DATABASE_URL: POSTGRES_URL, BENCH_PG_SCHEMA: schema },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  });
} else {
  console.log(`PostgreSQL does not answer at ${POSTGRES_URL}: SQLite only`);
}

console.log(
  `\nResults benchmark — city-wide table, 50 districts × 3 fiscal years; ${REQUESTS} requests per run (a tenth of them for the late milestones), ${CONCURRENCY} at a time, loopback`,
);
const rows: string[][] = [['engine', 'endpoint', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'p95 vs health']];
const report: Record<string, unknown> = {};
for (const engine of engines) {
  const { port, child } = await startServer(engine.env);
  try {
    const agent = new http.Agent({ keepAlive: false });
    const { cookie } = await signIn(port, 'admin@prongsai.demo');
    // The table is answered whole, or as a page with the number of rows in all.
    const check = JSON.parse((await request(agent, port, '/api/results/city?year=2566', { cookie })).body) as
      unknown[] | { total: number };
    const total = Array.isArray(check) ? check.length : check.total;
    if (total !== 50) throw new Error(`expected 50 rows, got ${total}`);
    await load(port, '/api/health', {}, 200); // warm-up
    await load(port, '/api/results/city?year=2566', { cookie }, 200);
    const health = await load(port, '/api/health', {}, REQUESTS);
    const city = await load(port, '/api/results/city?year=2566', { cookie }, REQUESTS);
    rows.push([
      engine.name,
      'GET /api/health (baseline)',
      ...[health.p50, health.p95, health.p99].map((v) => v.toFixed(2)),
      health.rps.toFixed(0),
      '1.0×',
    ]);
    rows.push([
      engine.name,
      'GET /api/results/city',
      ...[city.p50, city.p95, city.p99].map((v) => v.toFixed(2)),
      city.rps.toFixed(0),
      `${(city.p95 / health.p95).toFixed(1)}×`,
    ]);
    // The districts late per milestone: every district's year read through the calendar's rules.
    const lateUrl = '/api/calendar/2567/late';
    await load(port, lateUrl, { cookie }, 20);
    const late = await load(port, lateUrl, { cookie }, Math.max(50, Math.round(REQUESTS / 10)));
    rows.push([
      engine.name,
      `GET ${lateUrl}`,
      ...[late.p50, late.p95, late.p99].map((v) => v.toFixed(2)),
      late.rps.toFixed(0),
      `${(late.p95 / health.p95).toFixed(1)}×`,
    ]);
    report[engine.name] = { health, city, late };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await engine.cleanup?.();
  }
}
printTable(rows, 2);

// Importing one agency's raw IIT responses (1,500 respondents) through the import service,
// against scoring the same file alone as the baseline.
const framework = loadFramework('bma-district-2566');
const items = iitItems(framework);
const generator = new SyntheticAnswers(items, 1500);
const block = new Uint8Array(1500 * items.length);
generator.fill(block, 1500);
const csvPath = join(dir, 'iit-1500.csv');
await writeRawCsv(csvPath, items, 1500, 1500, () => block);
const { readFileSync } = await import('node:fs');
const data = readFileSync(csvPath);
console.log(
  `\nImport of one agency's raw IIT responses: 1,500 respondents × ${items.length} items (${(data.length / 1024).toFixed(0)} KiB)`,
);
const importRows: string[][] = [['engine', 'scoring only (baseline) ms', 'preview + import ms', 'ratio']];
for (const engine of engines) {
  const url = engine.env.PRONGSAI_DATABASE_URL!.startsWith('sqlite:') ? `sqlite:${join(dir, 'import.db')}` : POSTGRES_URL;
  const db = await openDatabase(url, url.startsWith('postgres') ? { schema: `bench_import_${process.pid}` } : {});
  try {
    await loadDemo(db.kysely, { results: false });
    const agency = (await findAgency(db.kysely, '1040'))!;
    const baselines: number[] = [];
    const imports: number[] = [];
    for (let run = 0; run < 5; run++) {
      let t = process.hrtime.bigint();
      const parser = new RawCsvParser(framework, 'iit.csv');
      parser.push(data);
      scoreAssessment(framework, parser.finish().toScoreInput());
      baselines.push(Number(process.hrtime.bigint() - t) / 1e6);
      t = process.hrtime.bigint();
      const preview = await previewImport(db.kysely, agency, 2566, undefined, { kind: 'file', fileName: 'iit.csv', data });
      await commitImport(db.kysely, null, agency, 2566, preview);
      imports.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    importRows.push([
      engine.name,
      median(baselines).toFixed(1),
      median(imports).toFixed(1),
      `${(median(imports) / median(baselines)).toFixed(1)}×`,
    ]);
    report[`${engine.name} import`] = { baselineMs: median(baselines), importMs: median(imports) };
  } finally {
    await db.close();
    if (url.startsWith('postgres')) {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "bench_import_${process.pid}" CASCADE`);
      await client.end();
    }
  }
}
const importWidths = importRows[0]!.map((_, i) => Math.max(...importRows.map((r) => r[i]!.length)));
for (const row of importRows) {
  console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(importWidths[i]!) : cell.padStart(importWidths[i]!))).join('  '));
}
writeReport('results', report);
