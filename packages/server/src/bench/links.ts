// The OIT link checker: 4,000 URLs over 20 hosts on loopback (127.0.0.1 … 127.0.0.20), each
// answering after 50–500 ms, checked at bounded concurrency (64 in all, 4 per host), against the
// same fetches one at a time (a sample, as URLs per second) as the baseline.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkLinks } from '../links/checker.js';
import { allowList, fetchLink, type FetchPolicy } from '../links/fetch.js';
import { LINK_CHECKER_AGENT } from '../links/service.js';
import { printTable, writeReport } from './report.js';

const URLS = Number(process.env.BENCH_LINKS ?? 4000);
const HOSTS = 20;
const SAMPLE = Number(process.env.BENCH_LINKS_SAMPLE ?? 60);
const limits = { concurrency: 64, perHost: 4 };

/** The injected latency of a path: spread evenly over 50–500 ms, the same each run. */
const latencyOf = (n: number) => 50 + ((n * 7919) % 451);

const servers: http.Server[] = [];
let port = 0;
for (let host = 1; host <= HOSTS; host++) {
  const server = http.createServer((request, response) => {
    const n = Number(/\/p\/(\d+)/.exec(request.url ?? '')?.[1] ?? 0);
    setTimeout(() => {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><title>O${(n % 22) + 1}</title><p>ข้อมูลปีงบประมาณ พ.ศ. 2567 รายการที่ ${n}</p>`);
    }, latencyOf(n));
  });
  server.keepAliveTimeout = 1;
  // Every host on the same port, each on its own loopback address.
  await new Promise<void>((resolve) => server.listen(port, `127.0.0.${host}`, resolve));
  port = (server.address() as AddressInfo).port;
  servers.push(server);
}
const urls = Array.from({ length: URLS }, (_, n) => `http://127.0.0.${(n % HOSTS) + 1}:${port}/p/${n}`);
const policy: FetchPolicy = {
  allow: allowList('127.0.0.0/8'),
  timeoutMs: 5000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  userAgent: LINK_CHECKER_AGENT,
};

console.log(
  `\nLink checker — ${URLS} URLs on ${HOSTS} loopback hosts answering after 50–500 ms; ${limits.concurrency} at a time, ${limits.perHost} per host`,
);
let t = performance.now();
for (const url of urls.slice(0, SAMPLE)) {
  const facts = await fetchLink(url, policy);
  if (facts.status !== 200) throw new Error(`${url}: ${facts.failure ?? facts.status}`);
}
const serialSeconds = (performance.now() - t) / 1000;
const serialRate = SAMPLE / serialSeconds;

t = performance.now();
let answered = 0;
await checkLinks(urls, 2567, policy, limits, (url, result) => {
  if (result.facts.status !== 200) throw new Error(`${url}: ${result.facts.failure ?? result.facts.status}`);
  answered++;
});
const concurrentSeconds = (performance.now() - t) / 1000;
const concurrentRate = answered / concurrentSeconds;

const rows = [
  ['how', 'URLs', 'seconds', 'URLs/s', 'vs one at a time'],
  ['one at a time (baseline)', String(SAMPLE), serialSeconds.toFixed(1), serialRate.toFixed(1), '1.0×'],
  [
    `checker (${limits.concurrency} at a time, ${limits.perHost} per host)`,
    String(answered),
    concurrentSeconds.toFixed(1),
    concurrentRate.toFixed(1),
    `${(concurrentRate / serialRate).toFixed(1)}×`,
  ],
];
printTable(rows);
writeReport('links', {
  urls: URLS,
  hosts: HOSTS,
  limits,
  serial: { urls: SAMPLE, seconds: serialSeconds, rate: serialRate },
  checker: { urls: answered, seconds: concurrentSeconds, rate: concurrentRate },
});
for (const server of servers) server.close();
