// npm run bench: scoring throughput, each path against a SQLite baseline measured in the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { emptyScoreInput, NO_ANSWER, RawResponseTally, round2, scoreAssessment } from '@prongsai/core';
import { loadFramework } from '../frameworks/registry.js';
import { streamRawCsv } from '../inputs/read-file.js';
import { iitItems, SyntheticAnswers, writeRawCsv } from './synthetic.js';
import { BENCH_OUTPUT, printTable, writeReport } from './report.js';

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 1_000_000);
const BLOCK = 10_000;
const outDir = BENCH_OUTPUT;
mkdirSync(outDir, { recursive: true });

const framework = loadFramework('bma-district-2566');
const items = iitItems(framework);
const header = ['respondent', ...items.map((i) => i.key)];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

// The same answers for every path: blocks generated once from a fixed seed.
const blockCount = Math.ceil(RESPONDENTS / BLOCK);
const distinctBlocks = Math.min(blockCount, 8);
const generator = new SyntheticAnswers(items);
const blocks = Array.from({ length: distinctBlocks }, () => {
  const block = new Uint8Array(BLOCK * items.length);
  generator.fill(block, BLOCK);
  return block;
});
const rowsOf = (b: number) => Math.min(BLOCK, RESPONDENTS - b * BLOCK);
const blockAt = (b: number) => blocks[b % distinctBlocks]!;

function scoreInMemory() {
  const tally = RawResponseTally.fromHeader(framework, header, 'memory');
  for (let b = 0; b < blockCount; b++) tally.addAnswerMatrix(blockAt(b), rowsOf(b));
  return scoreAssessment(framework, tally.toScoreInput());
}

console.log(
  `Prongsai scoring benchmark — ${RESPONDENTS.toLocaleString('en-US')} synthetic IIT respondents × ${items.length} items`,
);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);

// (a) in memory
scoreInMemory(); // warm-up
const memoryRuns = Array.from({ length: 5 }, () => time(scoreInMemory));
const memoryMs = median(memoryRuns.map((r) => r.ms));
const memoryResult = memoryRuns[0]!.value;

// (b) end to end from a CSV file
const csvPath = join(outDir, `iit-${RESPONDENTS}.csv`);
const writeMs = existsSync(csvPath) ? 0 : (await timeAsync(() => writeRawCsv(csvPath, items, RESPONDENTS, BLOCK, blockAt))).ms;
const csvBytes = statSync(csvPath).size;
const csvRuns: { ms: number; value: ReturnType<typeof scoreAssessment> }[] = [];
for (let i = 0; i < 3; i++) {
  csvRuns.push(await timeAsync(async () => scoreAssessment(framework, await streamRawCsv(framework, csvPath))));
}
const csvMs = median(csvRuns.map((r) => r.ms));
const csvResult = csvRuns[0]!.value;

// Baseline: the same aggregation by SQLite over the same answers, one row per answer.
const db = new Database(':memory:');
db.exec('CREATE TABLE answers (respondent INTEGER NOT NULL, item INTEGER NOT NULL, answer INTEGER NOT NULL)');
const insert = db.prepare('INSERT INTO answers VALUES (?, ?, ?)');
const load = time(() =>
  db.transaction(() => {
    for (let b = 0; b < blockCount; b++) {
      const block = blockAt(b);
      for (let r = 0, k = 0; r < rowsOf(b); r++) {
        for (let c = 0; c < items.length; c++, k++) {
          const code = block[k]!;
          if (code !== NO_ANSWER) insert.run(b * BLOCK + r, c, code);
        }
      }
    }
  })(),
);
const groupBy = db.prepare('SELECT item, answer, count(*) AS n FROM answers GROUP BY item, answer');
function scoreInSqlite() {
  const input = emptyScoreInput();
  const counts = items.map((i) => new Array<number>(i.points.length).fill(0));
  for (const row of groupBy.all() as { item: number; answer: number; n: number }[]) {
    const item = items[row.item]!;
    counts[row.item]![item.scale.answers.indexOf(row.answer)] = row.n;
  }
  items.forEach((item, c) => input.items.set(item.key, { kind: 'counts', counts: counts[c]! }));
  return scoreAssessment(framework, input);
}
scoreInSqlite();
const sqliteRuns = Array.from({ length: 3 }, () => time(scoreInSqlite));
const sqliteMs = median(sqliteRuns.map((r) => r.ms));
const sqliteResult = sqliteRuns[0]!.value;
db.close();

// All three paths must agree before their speed means anything.
const iit = [memoryResult, csvResult, sqliteResult].map((r) => r.tools.IIT?.score ?? NaN);
if (iit.some((score) => !(Math.abs(score - iit[0]!) < 1e-9))) {
  throw new Error(`paths disagree on the IIT score: ${iit.join(' / ')}`);
}

// Peak memory in fresh processes: a tenth of the file and the whole file.
const smallPath = join(outDir, `iit-${Math.round(RESPONDENTS / 10)}.csv`);
if (!existsSync(smallPath)) await writeRawCsv(smallPath, items, Math.round(RESPONDENTS / 10), BLOCK, blockAt);
const probe = fileURLToPath(new URL('./rss-probe.js', import.meta.url));
const rss = (path: string) =>
  JSON.parse(execFileSync(process.execPath, [probe, path], { encoding: 'utf8' })) as { respondents: number; maxRssKiB: number };
const small = rss(smallPath);
const large = rss(csvPath);

const perSecond = (ms: number) => RESPONDENTS / (ms / 1000);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rows = [
  ['path', 'median ms', 'respondents/s', 'vs SQLite'],
  ['SQLite GROUP BY (baseline)', sqliteMs.toFixed(1), fmt(perSecond(sqliteMs)), '1.0×'],
  ['in memory (typed-array tally)', memoryMs.toFixed(1), fmt(perSecond(memoryMs)), `${(sqliteMs / memoryMs).toFixed(1)}×`],
  ['from CSV, end to end (streamed)', csvMs.toFixed(1), fmt(perSecond(csvMs)), `${(sqliteMs / csvMs).toFixed(1)}×`],
];
printTable(rows);
console.log(`\nIIT score on every path: ${round2(iit[0]!)}`);
console.log(
  `CSV: ${(csvBytes / 2 ** 20).toFixed(1)} MiB (${(csvBytes / 2 ** 20 / (csvMs / 1000)).toFixed(0)} MiB/s)${writeMs ? `, written in ${(writeMs / 1000).toFixed(1)} s` : ''}`,
);
console.log(`SQLite: ${fmt(load.ms)} ms to load the answers into an in-memory database (not counted above)`);
console.log(
  `peak RSS scoring a CSV in a fresh process: ${fmt(small.respondents)} respondents ${fmt(small.maxRssKiB / 1024)} MiB, ` +
    `${fmt(large.respondents)} respondents ${fmt(large.maxRssKiB / 1024)} MiB (×${(large.maxRssKiB / small.maxRssKiB).toFixed(2)} for ×10 respondents)`,
);
const report = {
  respondents: RESPONDENTS,
  items: items.length,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  baselineSqliteMs: sqliteMs,
  inMemoryMs: memoryMs,
  csvMs,
  respondentsPerSecond: { sqlite: perSecond(sqliteMs), inMemory: perSecond(memoryMs), csv: perSecond(csvMs) },
  ratioVsSqlite: { inMemory: sqliteMs / memoryMs, csv: sqliteMs / csvMs },
  peakRssKiB: { [small.respondents]: small.maxRssKiB, [large.respondents]: large.maxRssKiB },
};
writeReport('scoring', report);
