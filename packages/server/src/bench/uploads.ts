// Upload benchmark: how fast a hostile XLSX is refused, and what it costs everyone else. The
// server runs in its own process; GET /api/health is measured alone (the baseline) and again
// while XLSX bombs are posted to the preview endpoint one after another.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xlsxBomb } from '../test-support/xlsx-bomb.js';
import { load, percentile, probeHealth, request, signIn, startServer } from './http.js';
import { printTable, writeReport } from './report.js';

const ROUNDS = Number(process.env.BENCH_BOMBS ?? 10);

const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-uploads-'));
const bombs = [
  { name: '80 M empty cells (3.1 M rows × 26)', bytes: xlsxBomb(3_100_000, 26) },
  { name: '5.2 M empty cells, within the size limit', bytes: xlsxBomb(200_000, 26) },
];

console.log(`\nUpload benchmark — XLSX bombs posted to /assessments/{year}/preview, ${ROUNDS} of each, SQLite, loopback`);
const { port, child } = await startServer({ PRONGSAI_DATABASE_URL: `sqlite:${join(dir, 'bench.db')}` }, './upload-server.js');
const report: Record<string, unknown> = {};
try {
  const agent = new http.Agent({ keepAlive: false });
  const { cookie, csrf } = await signIn(port, 'admin@bang-khae.demo');
  await load(port, '/api/health', {}, 300); // warm-up
  // The same probe alone, for as long as the bombs take below, is the baseline.
  const baselineRun = await probeHealth(port, () => new Promise((resolve) => setTimeout(resolve, 3000)));
  const baseline = { p50: percentile(baselineRun, 50), p99: percentile(baselineRun, 99) };
  const rows = [['', 'file', 'refused in (median)', 'slowest', 'health p50', 'health p99', 'p99 vs baseline']];
  rows.push(['baseline', '—', '—', '—', baseline.p50.toFixed(2), baseline.p99.toFixed(2), '1.0×']);
  for (const bomb of bombs) {
    const body = JSON.stringify({ fileName: 'bomb.xlsx', contentBase64: bomb.bytes.toString('base64') });
    const refusals: number[] = [];
    const health = await probeHealth(port, async () => {
      for (let i = 0; i < ROUNDS; i++) {
        const t = process.hrtime.bigint();
        const response = await request(
          agent,
          port,
          '/api/agencies/bang-khae/assessments/2567/preview',
          { cookie, 'x-csrf-token': csrf },
          body,
        );
        refusals.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (response.status !== 422) throw new Error(`the bomb was answered ${response.status}: ${response.body.slice(0, 200)}`);
      }
    });
    refusals.sort((a, b) => a - b);
    const p99 = percentile(health, 99);
    rows.push([
      bomb.name,
      `${(bomb.bytes.length / 1048576).toFixed(2)} MB`,
      `${percentile(refusals, 50).toFixed(0)} ms`,
      `${refusals.at(-1)!.toFixed(0)} ms`,
      percentile(health, 50).toFixed(2),
      p99.toFixed(2),
      `${(p99 / baseline.p99).toFixed(1)}×`,
    ]);
    report[bomb.name] = {
      bytes: bomb.bytes.length,
      refusalMs: refusals,
      healthDuring: { count: health.length, p50: percentile(health, 50), p99 },
    };
  }
  report.baseline = baseline;
  printTable(rows);
  console.log('Goal: each refused within 1 s, /api/health p99 under 50 ms meanwhile.');
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}
writeReport('uploads', report);
