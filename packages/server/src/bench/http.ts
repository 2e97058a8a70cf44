// HTTP helpers of the benchmarks: a server in a child process, requests over loopback, percentiles.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const CONCURRENCY = 10;

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Starts a benchmark server script (it prints `{ port }` when it listens). */
export async function startServer(
  env: Record<string, string>,
  script = './city-server.js',
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, 'line')) as [string];
  return { port: (JSON.parse(line) as { port: number }).port, child };
}

export function request(agent: http.Agent, port: number, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        agent,
        method: body ? 'POST' : 'GET',
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Sends `count` requests, `CONCURRENCY` at a time, over keep-alive connections; latencies in ms. */
export async function load(
  port: number,
  path: string,
  headers: Record<string, string>,
  count: number,
  concurrency = CONCURRENCY,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const t = process.hrtime.bigint();
        const response = await request(agent, port, path, headers);
        if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.body.slice(0, 200)}`);
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), rps: count / seconds };
}

/** Signs in to a benchmark server as a demo account: its session cookie and CSRF token. */
export async function signIn(port: number, email: string): Promise<{ cookie: string; csrf: string }> {
  const agent = new http.Agent({ keepAlive: false });
  const login = await request(agent, port, '/api/auth/login', {}, JSON.stringify({ email, password: 'prongsai-demo' }));
  agent.destroy();
  if (login.status !== 200) throw new Error(`sign-in as ${email}: ${login.status}`);
  return {
    cookie: String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!,
    csrf: (JSON.parse(login.body) as { csrfToken: string }).csrfToken,
  };
}

export interface BenchEngine {
  name: string;
  env: Record<string, string>;
  cleanup?: () => Promise<void>;
}

/**
 * The engines a server benchmark runs on: SQLite in a file of `dir`, and the PostgreSQL at
 * PRONGSAI_TEST_POSTGRES_URL in a schema of its own (dropped after) when it answers.
 */
export async function benchEngines(dir: string, file: string, schemaPrefix: string): Promise<BenchEngine[]> {
  const { default: pg } = await import('pg');
  const url = process.env.PRONGSAI_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const engines: BenchEngine[] = [{ name: 'SQLite', env: { PRONGSAI_DATABASE_URL: `sqlite:${dir}/${file}` } }];
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  const answers = await probe.connect().then(
    () => true,
    () => false,
  );
  await probe.end().catch(() => {});
  if (!answers) {
    console.log(`PostgreSQL does not answer at ${url}: SQLite only`);
    return engines;
  }
  const schema = `${schemaPrefix}_${process.pid}`;
  engines.push({
    name: 'PostgreSQL',
    env: { PRONGSAI_DATABASE_URL: url, BENCH_PG_SCHEMA: schema },
    cleanup: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  });
  return engines;
}

/**
 * GET `path` (`/api/health` by default) one after another on one keep-alive connection while
 * `during` runs: the sorted latencies in ms, the baseline every benchmark of a stall compares with.
 */
export async function probeHealth(port: number, during: () => Promise<unknown>, path = '/api/health'): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const t = process.hrtime.bigint();
      const response = await request(agent, port, path);
      if (response.status !== 200) throw new Error(`health answered ${response.status}`);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  })();
  try {
    await during();
  } finally {
    running = false;
    await probe;
    agent.destroy();
  }
  return latencies.sort((a, b) => a - b);
}
