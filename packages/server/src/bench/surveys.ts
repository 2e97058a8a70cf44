// Survey intake: complete IIT responses posted by 200 clients at once on loopback to a server over
// SQLite and over PostgreSQL, against GET /api/health under the same load in the same run.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { surveyItems } from '@prongsai/core';
import { loadFramework } from '../frameworks/registry.js';
import { benchEngines, percentile, request, signIn } from './http.js';
import { printTable, writeReport } from './report.js';

const RESPONSES = Number(process.env.BENCH_SURVEY_RESPONSES ?? 6000);
const CLIENTS = Number(process.env.BENCH_SURVEY_CLIENTS ?? 200);
const dir = mkdtempSync(join(tmpdir(), 'prongsai-bench-'));
const items = surveyItems(loadFramework('bma-district-2566'), 'IIT');
const body = (n: number) =>
  JSON.stringify({
    clientId: randomUUID(),
    answers: Object.fromEntries(items.map((item, i) => [item.key, item.scale.answers[(n + i) % item.scale.answers.length]])),
  });

/** `count` requests from `clients` at once over keep-alive connections: latencies and rate. */
async function hammer(
  port: number,
  clients: number,
  count: number,
  send: (agent: http.Agent, n: number) => Promise<{ status: number; body: string }>,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const n = next++;
        const t = performance.now();
        const response = await send(agent, n);
        if (response.status !== 200) throw new Error(`${response.status} ${response.body.slice(0, 200)}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), rps: count / seconds };
}

const engines = await benchEngines(dir, 'surveys.db', 'bench_s');

console.log(
  `\nSurvey intake — complete IIT responses (${items.length} items each), ${RESPONSES} per run from ${CLIENTS} clients at once, loopback (goal ≥ 2,000/s at p99 < 50 ms)`,
);
const rows: string[][] = [['engine', 'endpoint', 'p50 ms', 'p99 ms', 'req/s', 'p99 vs health']];
const report: Record<string, unknown> = {};
for (const engine of engines) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./survey-server.js', import.meta.url))], {
    env: { ...process.env, ...engine.env, PRONGSAI_SURVEY_RATE_PER_MINUTE: String(10 * RESPONSES) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { port, code } = JSON.parse(line) as { port: number; code: string };
  try {
    const post = (agent: http.Agent, n: number) => request(agent, port, `/api/s/${code}/responses`, {}, body(n));
    const health = (agent: http.Agent) => request(agent, port, '/api/health');
    await hammer(port, CLIENTS, 400, health); // warm-up
    await hammer(port, CLIENTS, 400, (agent, n) => post(agent, RESPONSES + n));
    const baseline = await hammer(port, CLIENTS, RESPONSES, health);
    const intake = await hammer(port, CLIENTS, RESPONSES, post);
    // Oversight's view of every district's quotas (500 groups), 10 at a time.
    const { cookie } = await signIn(port, 'admin@prongsai.demo');
    const city = (agent: http.Agent) => request(agent, port, '/api/surveys/city?year=2566&tool=EIT', { cookie });
    const groups = (JSON.parse((await city(new http.Agent())).body) as { quotaGroups: number }[]).reduce(
      (sum, r) => sum + r.quotaGroups,
      0,
    );
    const cityHealth = await hammer(port, 10, 500, health);
    const cityProgress = await hammer(port, 10, 500, city);
    for (const [name, result] of [
      ['GET /api/health (baseline)', baseline],
      ['POST /api/s/{code}/responses', intake],
      ['GET /api/health, 10 at a time (baseline)', cityHealth],
      [`GET /api/surveys/city (${groups} quota groups), 10 at a time`, cityProgress],
    ] as const) {
      const base = name.includes('10 at a time') ? cityHealth : baseline;
      rows.push([
        engine.name,
        name,
        result.p50.toFixed(2),
        result.p99.toFixed(2),
        result.rps.toFixed(0),
        `${(result.p99 / base.p99).toFixed(1)}×`,
      ]);
    }
    report[engine.name] = { baseline, intake, cityHealth, cityProgress, quotaGroups: groups };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    await engine.cleanup?.();
  }
}
printTable(rows, 2);
writeReport('surveys', report);
