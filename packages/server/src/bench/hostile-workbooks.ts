// Hostile-workbook benchmark: the family of workbooks that each try one way around the XLSX gate
// (test-support/xlsx-bomb.ts), posted to every entry point that reads an XLSX. Each must be
// refused (a Thai 422); GET /api/health is measured alone (the baseline) and while each is refused.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_WORKBOOKS } from '../test-support/xlsx-bomb.js';
import { percentile, probeHealth, request, signIn, startServer } from './http.js';
import { printTable, writeReport } from './report.js';

const ROUNDS = Number(process.env.BENCH_HOSTILE_ROUNDS ?? 3);

const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-hostile-'));
const family = HOSTILE_WORKBOOKS.map((h) => ({ name: h.name, th: h.th, bytes: h.make() }));
const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

console.log(`\nHostile workbooks — ${family.length} workbooks × every XLSX entry point, ${ROUNDS} of each, SQLite, loopback`);
const { port, child } = await startServer({ PRONGSAI_DATABASE_URL: `sqlite:${join(dir, 'bench.db')}` }, './upload-server.js');
const report: Record<string, unknown> = {};
try {
  const agent = new http.Agent({ keepAlive: false });
  const secretariat = await signIn(port, 'admin@bang-khae.demo');
  const central = await signIn(port, 'admin@prongsai.demo');
  const as = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });
  await request(agent, port, '/api/agencies/bang-khae/oit/2566', as(secretariat), '{}');
  const opened = await request(
    agent,
    port,
    '/api/agencies/bang-khae/surveys',
    as(secretariat),
    JSON.stringify({ tool: 'IIT', fiscalYear: 2566, opensOn: day(-1), closesOn: day(10) }),
  );
  if (opened.status !== 201) throw new Error(`survey round: ${opened.status} ${opened.body.slice(0, 200)}`);
  const roundId = (JSON.parse(opened.body) as { id: number }).id;
  const entryPoints = [
    { name: 'results preview', headers: as(secretariat), path: '/api/agencies/bang-khae/assessments/2567/preview' },
    { name: 'results import', headers: as(secretariat), path: '/api/agencies/bang-khae/assessments/2567/imports' },
    { name: 'staff roster', headers: as(secretariat), path: `/api/surveys/${roundId}/roster` },
    { name: 'framework workbook', headers: as(central), path: '/api/frameworks' },
    { name: 'OIT preliminary', headers: as(secretariat), path: '/api/agencies/bang-khae/oit/2566/clarification/preliminary' },
  ];
  for (let i = 0; i < 300; i++) await request(agent, port, '/api/health'); // warm-up
  const baselineRun = await probeHealth(port, () => new Promise((resolve) => setTimeout(resolve, 3000)));
  const baseline = { count: baselineRun.length, p50: percentile(baselineRun, 50), p99: percentile(baselineRun, 99) };
  const rows = [['entry point', 'workbook', 'file', 'refused in (median)', 'slowest', 'health p99', 'p99 vs alone']];
  rows.push(['/api/health alone', '—', '—', '—', '—', baseline.p99.toFixed(2), '1.0×']);
  for (const entry of entryPoints) {
    const all: number[] = [];
    for (const workbook of family) {
      const body = JSON.stringify({ fileName: `${workbook.name}.xlsx`, contentBase64: workbook.bytes.toString('base64') });
      const refusals: number[] = [];
      const health = await probeHealth(port, async () => {
        for (let i = 0; i < ROUNDS; i++) {
          const t = process.hrtime.bigint();
          const response = await request(agent, port, entry.path, entry.headers, body);
          refusals.push(Number(process.hrtime.bigint() - t) / 1e6);
          const th = (JSON.parse(response.body) as { error?: { messageTh?: string } }).error?.messageTh ?? '';
          if (response.status !== 422 || !workbook.th.test(th)) {
            throw new Error(`${entry.name} answered ${workbook.name} with ${response.status}: ${response.body.slice(0, 300)}`);
          }
        }
      });
      all.push(...health);
      refusals.sort((a, b) => a - b);
      const p99 = percentile(health, 99);
      rows.push([
        entry.name,
        workbook.name,
        `${(workbook.bytes.length / 1024).toFixed(0)} kB`,
        `${percentile(refusals, 50).toFixed(0)} ms`,
        `${refusals.at(-1)!.toFixed(0)} ms`,
        p99.toFixed(2),
        `${(p99 / baseline.p99).toFixed(1)}×`,
      ]);
      report[`${entry.name} / ${workbook.name}`] = {
        bytes: workbook.bytes.length,
        refusalMs: refusals,
        healthDuring: { count: health.length, p50: percentile(health, 50), p99 },
      };
    }
    all.sort((a, b) => a - b);
    const p99 = percentile(all, 99);
    rows.push([entry.name, 'all of them', '—', '—', '—', p99.toFixed(2), `${(p99 / baseline.p99).toFixed(1)}×`]);
    report[`${entry.name} / all`] = { healthDuring: { count: all.length, p50: percentile(all, 50), p99 } };
  }
  report.baseline = baseline;
  printTable(rows);
  console.log('Goal: each refused (Thai 422) within 2 s, /api/health p99 meanwhile within a few times its p99 alone.');
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}
writeReport('hostile-workbooks', report);
