// Hostile pages for the link checker: a loopback site serves pages made to make a page reader
// backtrack or stall (2 MB of repeated unclosed tag openings, of unclosed attributes, a page of one
// long line of Thai). The checker runs in this process; a health endpoint served by this same
// process is probed alone (the baseline) and while the hostile pages are checked, so its latency
// is the event loop's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkLinks } from '../links/checker.js';
import { allowList, type FetchPolicy } from '../links/fetch.js';
import { linkJudge } from '../links/judge.js';
import { LINK_CHECKER_AGENT } from '../links/service.js';
import { percentile, probeHealth } from './http.js';
import { printTable, writeReport } from './report.js';

const MB = 1024 * 1024;
const PAGES: Record<string, string> = {
  'unclosed <input openings': '<input type=text '.repeat(Math.floor((2 * MB) / 17)),
  'unclosed <a href openings': '<a href="'.repeat(Math.floor((2 * MB) / 9)),
  'one line of Thai, no tags': 'ปีงบประมาณ'.repeat(Math.floor((2 * MB) / 30)),
  'parked-looking words, repeated': 'domain for sal '.repeat(Math.floor((2 * MB) / 15)),
};
const ROUNDS = Number(process.env.BENCH_HOSTILE_LINK_ROUNDS ?? 3);

const site = http.createServer((req, res) => {
  const name = decodeURIComponent((req.url ?? '/').slice(1));
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGES[name] ?? '<p>2567</p>');
});
await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
const sitePort = (site.address() as AddressInfo).port;
const health = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
const healthPort = (health.address() as AddressInfo).port;

const policy: FetchPolicy = {
  allow: allowList('127.0.0.0/8'),
  timeoutMs: 10_000,
  maxBytes: 4 * MB,
  maxRedirects: 5,
  userAgent: LINK_CHECKER_AGENT,
};

const probe = (during: () => Promise<unknown>) => probeHealth(healthPort, during, '/health');

console.log(`\nHostile pages for the link checker — ${Object.keys(PAGES).length} pages of 2 MB, ${ROUNDS} checks each, loopback`);
const alone = await probe(() => new Promise((resolve) => setTimeout(resolve, 3000)));
const rows = [['page', 'verdict', 'check (ms)', 'health p99 during (ms)', 'vs alone']];
const results: Record<string, unknown>[] = [];
for (const name of Object.keys(PAGES)) {
  const url = `http://127.0.0.1:${sitePort}/${encodeURIComponent(name)}`;
  let verdict = '';
  let slowest = 0;
  const during = await probe(async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await checkLinks([url], 2567, policy, { concurrency: 4, perHost: 4 }, (_url, result) => {
        verdict = `${result.verdict}${result.mentionsYear === null ? ' (unread)' : ''}`;
      });
      slowest = Math.max(slowest, performance.now() - started);
    }
  });
  const p99 = percentile(during, 99);
  rows.push([name, verdict, slowest.toFixed(0), p99.toFixed(2), `${(p99 / percentile(alone, 99)).toFixed(1)}×`]);
  results.push({ page: name, verdict, slowestMs: slowest, healthP99Ms: p99 });
}
rows.push(['health alone (baseline)', '', '', percentile(alone, 99).toFixed(2), '1.0×']);
printTable(rows);
writeReport('hostile-links', { rounds: ROUNDS, aloneP99Ms: percentile(alone, 99), pages: results });
await linkJudge.close();
site.close();
health.close();
