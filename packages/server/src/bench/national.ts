// The national benchmark (`npm run bench -- national`, opt-in: it takes several minutes):
// 8,300 agencies of mixed kinds in an oversight tree, loaded through the agencies import service
// (the one `prongsai agencies import` runs), and 5 fiscal years of results through the results
// import service, on PostgreSQL in a database of its own (created, then dropped); the measured year's
// OIT checklists, IIT survey rounds (national-surveys.ts) and link checks against a stand-in website
// on loopback (national-links.ts) through their services. Then, over HTTP
// on loopback with 4 clients, each oversight endpoint against GET /api/health in the same run:
// p50/p95 and the ratio to health; the import times; the server's resident memory at 50 and
// 8,300 agencies and after repeated requests; SQL statements per request (Kysely's log hook).
//
// `--keep` keeps the loaded database (prongsai_bench_national, or prongsai_bench_national_smoke)
// and reuses it on the next run with `--keep`, so the endpoints can be measured again in seconds
// (what it lacks of the measured year's checklists, survey rounds and link checks is loaded first);
// `--only=city,picker` measures only the endpoints whose names contain one of those words.
// BENCH_NATIONAL_DB names the database instead (a scratch one while the benchmark is being changed;
// without `--keep` the run's own copy of that name is made and dropped), BENCH_NATIONAL_AGENCIES
// loads only the first so many agencies of the 8,300, and BENCH_NATIONAL_LINK_CHECKLISTS says how
// many of the year's checklists get links and a check (3,000 by default, spread over the agencies).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { importAgenciesFromFile } from '../agencies/import-service.js';
import { listAllAgencies } from '../agencies/repository.js';
import type { Actor } from '../auth/policy.js';
import { keepLateYear } from '../calendar/late-kept.js';
import type { Agency } from '../db/schema.js';
import { openDatabase, type Db } from '../db/database.js';
import { generatedContent } from '../demo/results.js';
import { loadFramework, useImportedFrameworks } from '../frameworks/registry.js';
import { actorOf } from '../http/context.js';
import { OitService } from '../oit/service.js';
import { commitImport, prepareImport } from '../results/service.js';
import { findUserByEmail } from '../users/repository.js';
import { createUser } from '../users/service.js';
import { load, percentile, request } from './http.js';
import { linkRows, loadLinkChecks, startStandInSite, type LinkLoad, type StandInSite } from './national-links.js';
import {
  BENCH_SURVEY_KEY,
  loadSurveyRounds,
  surveyRows,
  SYNTHETIC_SET,
  useBenchSurveyKey,
  type SurveyLoad,
} from './national-surveys.js';
import { printTable, writeReport } from './report.js';

const CLIENTS = 4;
// A p95 of 400 requests rests on its 20 slowest, not on 5 as with 100, which moved by half between runs.
const REQUESTS = Number(process.env.BENCH_NATIONAL_REQUESTS ?? 400);
/** A quick check of the benchmark itself: 400 agencies and 2 years (BENCH_NATIONAL_SMOKE=1). */
const SMOKE = process.env.BENCH_NATIONAL_SMOKE === '1';
const YEARS = SMOKE ? [2568, 2569] : [2565, 2566, 2567, 2568, 2569];
const YEAR = 2569;
const PASSWORD = 'prongsai-demo';
const EMAIL = 'national@bench.test';
const ARGS = process.argv.slice(3);
const KEEP = ARGS.includes('--keep');
const ONLY = ARGS.find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .map((w) => w.trim().toLowerCase())
  .filter(Boolean);
const POSTGRES_URL = process.env.PRONGSAI_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const AGENCIES = Number(process.env.BENCH_NATIONAL_AGENCIES ?? (SMOKE ? 400 : 8300));
const LINK_CHECKLISTS = Number(process.env.BENCH_NATIONAL_LINK_CHECKLISTS ?? 3000);
const DATABASE = process.env.BENCH_NATIONAL_DB ?? `prongsai_bench_national${SMOKE ? '_smoke' : ''}`;
if (!/^[a-z][a-z0-9_]{0,40}$/.test(DATABASE)) {
  throw new Error(`BENCH_NATIONAL_DB: "${DATABASE}" is not a lower-case database name`);
}
if (!Number.isInteger(AGENCIES) || AGENCIES < 51 || AGENCIES > 8300) {
  throw new Error('BENCH_NATIONAL_AGENCIES must be a whole number from 51 (the districts and the BMA) to 8,300');
}
if (!(LINK_CHECKLISTS >= 0)) throw new Error('BENCH_NATIONAL_LINK_CHECKLISTS must be a number of checklists');
/** The data directory of this run's loading and server (imported frameworks), removed at the end. */
const DATA_DIR = mkdtempSync(join(tmpdir(), 'prongsai-bench-national-'));
useImportedFrameworks(join(DATA_DIR, 'frameworks'));

interface AgencyLine {
  code: string;
  name_th: string;
  name_en: string;
  kind: string;
  parent_code: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * 8,300 agencies as NACC assesses them: seven in eight local administrations (อบจ., เทศบาล, อบต.)
 * under their 76 provinces, Bangkok's 50 district offices under the BMA, ministries over their
 * departments, and state enterprises, public organisations, universities, hospitals, schools,
 * police stations and อำเภอ.
 */
function nationalAgencies(): AgencyLine[] {
  const lines: AgencyLine[] = [];
  const add = (code: string, th: string, en: string, kind: string, parent = '') =>
    lines.push({ code, name_th: th, name_en: en, kind, parent_code: parent });
  for (let d = 1; d <= 50; d++) add(`10${pad(d, 2)}`, `สำนักงานเขตทดสอบ ${d}`, `Bench District ${d} Office`, 'district', 'BMA');
  add('BMA', 'กรุงเทพมหานคร', 'Bench Bangkok Metropolitan Administration', 'central');
  for (let p = 1; p <= 76; p++) {
    const province = `P${pad(p, 2)}`;
    add(province, `จังหวัดทดสอบ ${p}`, `Bench Province ${p}`, 'province');
    add(`PAO${pad(p, 2)}`, `องค์การบริหารส่วนจังหวัดทดสอบ ${p}`, `Bench Provincial Administration ${p}`, 'pao', province);
    for (let m = 1; m <= 30; m++) {
      add(`M${pad(p, 2)}${pad(m, 2)}`, `เทศบาลทดสอบ ${p}-${m}`, `Bench Municipality ${p}-${m}`, 'municipality', province);
    }
    for (let s = 1; s <= 65; s++) {
      add(`S${pad(p, 2)}${pad(s, 3)}`, `องค์การบริหารส่วนตำบลทดสอบ ${p}-${s}`, `Bench Subdistrict ${p}-${s}`, 'sao', province);
    }
  }
  for (let m = 1; m <= 20; m++) {
    const ministry = `MIN${pad(m, 2)}`;
    add(ministry, `กระทรวงทดสอบ ${m}`, `Bench Ministry ${m}`, 'department');
    for (let d = 1; d <= 14; d++) {
      add(`DEP${pad(m, 2)}${pad(d, 2)}`, `กรมทดสอบ ${m}-${d}`, `Bench Department ${m}-${d}`, 'department', ministry);
    }
  }
  const province = (i: number) => `P${pad((i % 76) + 1, 2)}`;
  for (let i = 1; i <= 50; i++) add(`SE${pad(i, 3)}`, `รัฐวิสาหกิจทดสอบ ${i}`, `Bench State Enterprise ${i}`, 'state_enterprise');
  for (let i = 1; i <= 60; i++) add(`PO${pad(i, 3)}`, `องค์การมหาชนทดสอบ ${i}`, `Bench Public Organisation ${i}`, 'public_org');
  for (let i = 1; i <= 80; i++) add(`U${pad(i, 3)}`, `มหาวิทยาลัยทดสอบ ${i}`, `Bench University ${i}`, 'university');
  for (let i = 1; i <= 200; i++) add(`H${pad(i, 3)}`, `โรงพยาบาลทดสอบ ${i}`, `Bench Hospital ${i}`, 'hospital', province(i));
  for (let i = 1; i <= 100; i++) add(`SC${pad(i, 3)}`, `โรงเรียนทดสอบ ${i}`, `Bench School ${i}`, 'school', province(i));
  for (let i = 1; i <= 60; i++) {
    add(`PS${pad(i, 3)}`, `สถานีตำรวจทดสอบ ${i}`, `Bench Police Station ${i}`, 'police_station', province(i));
  }
  for (let i = 1; i <= 27; i++) {
    add(`A${pad(i, 3)}`, `ที่ว่าการอำเภอทดสอบ ${i}`, `Bench District Office Amphoe ${i}`, 'amphoe', province(i));
  }
  return lines;
}

const csvOf = (lines: AgencyLine[]) =>
  Buffer.from(
    [
      'code,name_th,name_en,kind,parent_code',
      ...lines.map((l) => [l.code, l.name_th, l.name_en, l.kind, l.parent_code].join(',')),
    ].join('\n') + '\n',
  );

/** The set a year's results are scored with here (for load only: synthetic, never shown). */
function frameworkOf(agency: Agency, year: number) {
  if (agency.kind === 'district' || agency.kind === 'central') {
    return loadFramework(year <= 2566 ? 'bma-district-2566' : 'bma-district-2567');
  }
  return loadFramework(year <= 2568 ? 'nacc-main-2568' : 'nacc-main-2569');
}

/** Each agency's results of each year through the results import service, 4 agencies at a time. */
async function importResults(db: Db, agencies: Agency[]): Promise<number> {
  let imported = 0;
  for (const year of YEARS) {
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < agencies.length) {
          const agency = agencies[next++]!;
          const framework = frameworkOf(agency, year);
          const preview = await prepareImport(db.kysely, agency, year, framework, {
            content: generatedContent(framework, agency.code, year),
            format: 'bench',
            fileName: 'bench',
            unread: [],
          });
          await commitImport(db.kysely, null, agency, year, preview, 'bench-synthetic');
          imported++;
        }
      }),
    );
  }
  return imported;
}

/**
 * The measured year's OIT checklist of every agency a set of the year serves, opened through the OIT
 * service 4 agencies at a time (agencies that have one are left as they are), so readiness is
 * measured over them.
 */
async function openChecklists(db: Db, agencies: Agency[]): Promise<number> {
  const have = new Set(
    (await db.kysely.selectFrom('oit_checklists').select('agency_id').where('fiscal_year', '=', YEAR).execute()).map(
      (r) => r.agency_id,
    ),
  );
  const todo = agencies.filter((a) => !have.has(a.id));
  const oit = new OitService(db.kysely, tmpdir());
  let next = 0;
  let opened = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < todo.length) {
        const agency = todo[next++]!;
        const framework = frameworkOf(agency, YEAR).data.id;
        try {
          await oit.open(null, agency, YEAR, framework);
          opened++;
        } catch (error) {
          // Kinds no set of the year serves (state enterprises, universities…) have no checklist.
          if ((error as { code?: string }).code !== 'framework-not-for-kind') throw error;
        }
      }
    }),
  );
  return opened;
}

/** The benchmark's overseer, who opens the rounds and puts the links on as the secretariat may. */
async function benchActor(db: Db): Promise<Actor> {
  const user = await findUserByEmail(db.kysely, EMAIL);
  if (!user) throw new Error(`no account ${EMAIL} in the benchmark's database`);
  return actorOf(user);
}

interface YearRecords {
  checklists: number;
  checklistSeconds: number;
  surveys: SurveyLoad;
  links: LinkLoad;
  seconds: number;
}

/**
 * What the measured year's lists read, loaded where missing: the OIT checklists, the IIT survey
 * rounds (national-surveys.ts) and the link checks (national-links.ts); then the readiness and the
 * late milestones kept as the background refreshes would keep them over the next minutes.
 */
async function loadYearRecords(db: Db, agencies: Agency[], site: StandInSite): Promise<YearRecords> {
  const started = performance.now();
  const checklists = await openChecklists(db, agencies);
  const checklistSeconds = (performance.now() - started) / 1000;
  const actor = await benchActor(db);
  useBenchSurveyKey(db);
  const surveys = await loadSurveyRounds(db, actor, agencies, YEAR, CLIENTS);
  const links = await loadLinkChecks(db, actor, agencies, YEAR, site, LINK_CHECKLISTS, CLIENTS);
  await new OitService(db.kysely, tmpdir()).refreshStaleReadiness(Number.MAX_SAFE_INTEGER);
  await keepLateYear(db.kysely, YEAR);
  return { checklists, checklistSeconds, surveys, links, seconds: (performance.now() - started) / 1000 };
}

interface ServerStats {
  statements: number;
  rss: number;
  /** The V8 heap in use (after a full collection when the server runs with --expose-gc) and its limit. */
  heapUsed: number;
  heapLimit: number;
  collected: boolean;
}

/**
 * Node options of the benchmark's server (BENCH_NATIONAL_SERVER_ARGS, e.g. `--expose-gc`; empty for
 * V8's defaults): by default the bounded heap the README says a national instance runs with.
 */
const SERVER_ARGS = (process.env.BENCH_NATIONAL_SERVER_ARGS ?? '--max-old-space-size=256').split(' ').filter(Boolean);

interface Server {
  port: number;
  child: ChildProcess;
  stats(): Promise<ServerStats>;
  /** Runs or holds the server's document queue. */
  jobs(state: 'render' | 'hold'): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(url: string): Promise<Server> {
  const child = spawn(process.execPath, [...SERVER_ARGS, fileURLToPath(new URL('./national-server.js', import.meta.url))], {
    env: {
      ...process.env,
      PRONGSAI_DATABASE_URL: url,
      PRONGSAI_DATA_DIR: join(DATA_DIR, 'server'),
      PRONGSAI_SURVEY_KEY: BENCH_SURVEY_KEY,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  return {
    port: (JSON.parse(line) as { port: number }).port,
    child,
    stats: async () => {
      const answer = once(child, 'message') as Promise<[ServerStats]>;
      child.send('stats');
      return (await answer)[0];
    },
    jobs: async (state) => {
      const answer = once(child, 'message');
      child.send(state);
      await answer;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function signIn(port: number): Promise<Record<string, string>> {
  const agent = new http.Agent({ keepAlive: false });
  const login = await request(agent, port, '/api/auth/login', {}, JSON.stringify({ email: EMAIL, password: PASSWORD }));
  agent.destroy();
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${login.body.slice(0, 200)}`);
  return {
    cookie: String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!,
    'x-csrf-token': (JSON.parse(login.body) as { csrfToken: string }).csrfToken,
  };
}

const EVERY_ENDPOINT: [string, string][] = [
  ['results city', `/api/results/city?year=${YEAR}&limit=50`],
  ['results trends', '/api/results/trends?limit=50'],
  ['late milestones', `/api/calendar/${YEAR}/late?limit=50`],
  ['OIT readiness', `/api/oit/readiness?year=${YEAR}&limit=50`],
  ['survey progress', `/api/surveys/city?year=${YEAR}&tool=IIT&limit=50`],
  ['link checks', `/api/oit/link-checks?year=${YEAR}&limit=50`],
  ['document batch', `/api/documents/batches/{batch}?limit=50`],
  ['agency picker', `/api/agencies?q=${encodeURIComponent('เทศบาล')}&limit=20`],
];
const ENDPOINTS = ONLY ? EVERY_ENDPOINT.filter(([name]) => ONLY.some((w) => name.toLowerCase().includes(w))) : EVERY_ENDPOINT;
const EXPORTS: [string, string][] = [
  ['city results XLSX (all rows)', `/api/results/city?year=${YEAR}&format=xlsx`],
  ['late milestones XLSX (all rows)', `/api/calendar/${YEAR}/late?format=xlsx`],
];

/** The batch the document batch's page reads: started by `probe` through the API (its jobs stay queued). */
let batchId = '';
const pathOf = (path: string) => path.replace('{batch}', batchId);

/** Starts a batch of documents for every agency overseen: how long it takes, in how many statements, of how many jobs. */
async function startBatch(server: Server, headers: Record<string, string>) {
  const agent = new http.Agent({ keepAlive: false });
  const before = (await server.stats()).statements;
  const t = process.hrtime.bigint();
  const body = JSON.stringify({ kind: 'order', format: 'docx', year: YEAR });
  const response = await request(agent, server.port, '/api/documents/batch', headers, body);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  agent.destroy();
  if (response.status !== 202) throw new Error(`document batch: ${response.status} ${response.body.slice(0, 200)}`);
  const batch = JSON.parse(response.body) as { id: string; total: number };
  batchId = batch.id;
  startedBatches.push(batch.id);
  return { ms, statements: (await server.stats()).statements - before, total: batch.total };
}

/** How long the server makes documents for while it is measured (BENCH_NATIONAL_RENDER_SECONDS). */
const RENDER_SECONDS = Number(process.env.BENCH_NATIONAL_RENDER_SECONDS ?? 30);

/** Health one request at a time (20 ms apart) for a while: p50, p95 and the slowest, in ms. */
async function healthFor(port: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true });
  const ms: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t = performance.now();
    await request(agent, port, '/api/health');
    ms.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  agent.destroy();
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1)!, requests: ms.length };
}

/**
 * A memo batch for every agency overseen, made by the server's own document queue for a while as it
 * answers health: how many documents it makes a second, and how long health waits meanwhile. The
 * batches this run started are removed afterwards, so a kept database does not gather them.
 */
async function makeDocuments(server: Server, headers: Record<string, string>, databaseUrl: string) {
  // The queue takes the oldest jobs first: the batch of orders the page was read from goes before.
  await removeBatches(databaseUrl);
  const agent = new http.Agent({ keepAlive: false });
  const body = JSON.stringify({ kind: 'memo', memoKind: 'collection', format: 'pdf', year: YEAR });
  const response = await request(agent, server.port, '/api/documents/batch', headers, body);
  if (response.status !== 202) throw new Error(`memo batch: ${response.status} ${response.body.slice(0, 200)}`);
  const batch = JSON.parse(response.body) as { id: string; total: number };
  const idle = await healthFor(server.port, 5);
  await server.jobs('render');
  const busy = await healthFor(server.port, RENDER_SECONDS);
  await server.jobs('hold');
  const page = await request(agent, server.port, `/api/documents/batches/${batch.id}?limit=1`, headers);
  agent.destroy();
  const { counts } = JSON.parse(page.body) as { counts: { done: number; failed: number } };
  const made = {
    batch: batch.id,
    total: batch.total,
    done: counts.done,
    failed: counts.failed,
    perSecond: counts.done / RENDER_SECONDS,
    idle,
    busy,
  };
  startedBatches.push(batch.id);
  return made;
}

/**
 * The same batch then made by two instances of the server at once, sharing the database's queue as
 * instances behind a load balancer do (each with its one worker thread): how many documents they
 * make a second together, and how many each made.
 */
async function makeDocumentsOnTwo(first: Server, url: string, batch: string) {
  const second = await startServer(url);
  try {
    const since = new Date().toISOString();
    await Promise.all([first.jobs('render'), second.jobs('render')]);
    await new Promise((resolve) => setTimeout(resolve, RENDER_SECONDS * 1000));
    await Promise.all([first.jobs('hold'), second.jobs('hold')]);
    // Each job done keeps the name of the instance's queue that made it.
    const kept = new pg.Client({ connectionString: url });
    await kept.connect();
    const { rows } = await kept.query<{ n: string }>(
      `select count(*) as n from document_jobs where batch_id = $1 and status = 'done' and finished_at >= $2
group by worker order by n desc`,
      [batch, since],
    );
    await kept.end();
    const each = rows.map((r) => Number(r.n));
    const done = each.reduce((sum, n) => sum + n, 0);
    return { done, perSecond: done / RENDER_SECONDS, each };
  } finally {
    await second.stop();
  }
}

/** The batches this run started, removed at its end. */
const startedBatches: string[] = [];

/** Removes the batches this run started, with their jobs. */
async function removeBatches(databaseUrl: string) {
  if (!startedBatches.length) return;
  const kept = new pg.Client({ connectionString: databaseUrl });
  await kept.connect();
  await kept.query('delete from document_jobs where batch_id = any($1)', [startedBatches]);
  await kept.query('delete from document_batches where id = any($1)', [startedBatches]);
  await kept.end();
  startedBatches.length = 0;
}

/** The endpoints that answer 200 (one request each, which warms them); the others with their status. */
async function probe(server: Server, headers: Record<string, string>) {
  const batch = ENDPOINTS.some(([, path]) => path.includes('{batch}')) ? await startBatch(server, headers) : null;
  const agent = new http.Agent({ keepAlive: true });
  const answering: [string, string][] = [];
  const statements: Record<string, number> = {};
  const status: Record<string, number> = {};
  const ms: Record<string, number> = {};
  for (const [name, path] of ENDPOINTS) {
    const before = (await server.stats()).statements;
    const t = process.hrtime.bigint();
    const response = await request(agent, server.port, pathOf(path), headers);
    ms[name] = Number(process.hrtime.bigint() - t) / 1e6;
    statements[name] = (await server.stats()).statements - before;
    status[name] = response.status;
    if (response.status === 200) answering.push([name, path]);
  }
  agent.destroy();
  return { answering, statements, status, ms, batch };
}

async function repeat(server: Server, headers: Record<string, string>, endpoints: [string, string][], times: number) {
  const agent = new http.Agent({ keepAlive: true });
  for (let i = 0; i < times; i++) for (const [, path] of endpoints) await request(agent, server.port, pathOf(path), headers);
  agent.destroy();
}

/** Loads the database: 50 agencies first (measured), then the 8,300 with 5 years of results. */
async function loadDatabase() {
  const every = nationalAgencies();
  if (every.length !== 8300) throw new Error(`expected 8,300 agencies, generated ${every.length}`);
  const lines = every.slice(0, AGENCIES);
  const db = await openDatabase(url.toString());
  await createUser(db.kysely, null, {
    email: EMAIL,
    displayName: 'National overseer',
    role: 'central_admin',
    agencyId: null,
    divisionId: null,
    overseesAgencyId: null,
    password: PASSWORD,
  });

  // 50 agencies: Bangkok's districts alone, with their results.
  const districts = lines.filter((l) => l.kind === 'district').map((l) => ({ ...l, parent_code: '' }));
  await importAgenciesFromFile(db.kysely, { fileName: 'districts.csv', data: csvOf(districts) }, { dryRun: false });
  await importResults(db, await listAllAgencies(db.kysely));
  const smallRecords = await loadYearRecords(db, await listAllAgencies(db.kysely), site!);
  server = await startServer(url.toString());
  const headers = await signIn(server.port);
  const small = await probe(server, headers);
  const rssSmall = (await server.stats()).rss;
  await server.stop();
  server = null;

  // 8,300 agencies through the same import (the 50 districts now under the BMA), then their results.
  let t = performance.now();
  const plan = await importAgenciesFromFile(db.kysely, { fileName: 'national.csv', data: csvOf(lines) }, { dryRun: false });
  const agenciesSeconds = (performance.now() - t) / 1000;
  console.log(`agencies import: ${plan.added} added, ${plan.updated} updated in ${agenciesSeconds.toFixed(1)} s`);
  const all = await listAllAgencies(db.kysely);
  const fresh = all.filter((a) => a.kind !== 'district');
  t = performance.now();
  const results = await importResults(db, fresh);
  const resultsSeconds = (performance.now() - t) / 1000;
  console.log(`results import: ${results} agency-years in ${resultsSeconds.toFixed(0)} s`);
  // The planner's statistics as autovacuum would soon leave them, so the run measures the steady state.
  await sql`VACUUM ANALYZE`.execute(db.kysely);
  if (KEEP) await sql`CREATE TABLE bench_national_loaded (at timestamptz DEFAULT now())`.execute(db.kysely);
  await db.close();
  return { small, rssSmall, smallRecords, plan, agenciesSeconds, results, resultsSeconds, freshAgencies: fresh.length };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
/** RSS, and the V8 heap in use (live after a full collection with --expose-gc) of its limit. */
const memory = (s: ServerStats) => `${mib(s.rss)} (heap ${mib(s.heapUsed)}${s.collected ? ' live' : ''} of ${mib(s.heapLimit)})`;

let server: Server | null = null;
let site: StandInSite | null = null;
const admin = new URL(POSTGRES_URL);
admin.pathname = '/postgres';
const database = KEEP ? DATABASE : `${DATABASE}_${process.pid}`;
const url = new URL(POSTGRES_URL);
url.pathname = `/${database}`;
const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
try {
  await client.connect();
} catch {
  console.log(`\nNational benchmark: PostgreSQL does not answer at ${admin.host}: skipped`);
  rmSync(DATA_DIR, { recursive: true, force: true });
  process.exit(0);
}
const exists = (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount === 1;
/** A kept database loaded to the end by an earlier `--keep` run (its marker table is written last). */
let reused = false;
if (exists) {
  const kept = new pg.Client({ connectionString: url.toString() });
  await kept.connect();
  reused =
    (await kept.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'bench_national_loaded'`)).rowCount === 1;
  await kept.end();
  if (!reused) await client.query(`DROP DATABASE "${database}" WITH (FORCE)`);
}
if (!reused) await client.query(`CREATE DATABASE "${database}"`);
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${mib(totalmem())}`,
};
try {
  console.log(`\nNational benchmark on PostgreSQL (${database}${reused ? ', kept from an earlier run' : ''}), ${report.machine}`);
  site = await startStandInSite(YEAR);
  const loaded = reused ? null : await loadDatabase();
  let records: YearRecords;
  let held: { surveys: Awaited<ReturnType<typeof surveyRows>>; links: Awaited<ReturnType<typeof linkRows>> };
  {
    const db = await openDatabase(url.toString());
    records = await loadYearRecords(db, await listAllAgencies(db.kysely), site);
    await sql`VACUUM ANALYZE`.execute(db.kysely);
    held = { surveys: await surveyRows(db, YEAR), links: await linkRows(db, YEAR) };
    await db.close();
    const { surveys, links } = records;
    console.log(
      `year records (${records.seconds.toFixed(0)} s): ${records.checklists} OIT checklists opened in ${records.checklistSeconds.toFixed(0)} s; ` +
        `${surveys.setImported ? `${SYNTHETIC_SET} imported; ` : ''}${surveys.opened} IIT rounds opened, ${surveys.quotaRounds} given quotas ` +
        `(${surveys.quotaGroups} divisions), ${surveys.responses} responses, ${surveys.closed} closed in ${surveys.seconds.toFixed(0)} s; ` +
        `${links.links} links on ${links.checklists} checklists in ${links.linkSeconds.toFixed(0)} s, ${links.runs} checks, ` +
        `${links.seconds.toFixed(0)} s in all`,
    );
    console.log(
      `year ${YEAR} now holds ${held.surveys.rounds} rounds (${held.surveys.open} open), ${held.surveys.quotas} quotas, ` +
        `${held.surveys.counted} responses counted and ${held.surveys.waiting} waiting; ${held.links.runs} finished link checks ` +
        `(${held.links.failed} failed) of ${held.links.results} links, ${held.links.passed} usable`,
    );
    report.yearRecords = { ...records, held, at50: loaded?.smallRecords ?? null };
  }
  const small = loaded?.small ?? { statements: {} as Record<string, number>, batch: null };
  const rssSmall = loaded?.rssSmall ?? 0;
  const { plan, agenciesSeconds, results, resultsSeconds, freshAgencies } = loaded ?? {
    plan: { added: 0, updated: 0 },
    agenciesSeconds: 0,
    results: 0,
    resultsSeconds: 0,
    freshAgencies: 0,
  };

  server = await startServer(url.toString());
  const headers = await signIn(server.port);
  const large = await probe(server, headers);
  const rssLarge = await server.stats();
  await repeat(server, headers, large.answering, 20);
  const rss20 = await server.stats();
  await repeat(server, headers, large.answering, 20);
  const rss40 = await server.stats();

  await load(server.port, '/api/health', {}, 50, CLIENTS);
  const health = await load(server.port, '/api/health', {}, REQUESTS, CLIENTS);
  const rows: string[][] = [
    ['endpoint (4 clients, limit=50)', 'p50 ms', 'p95 ms', 'p95 vs health', 'SQL at 50', 'SQL at 8,300'],
    ['GET /api/health (baseline)', health.p50.toFixed(1), health.p95.toFixed(1), '1.0×', '—', '—'],
  ];
  const latencies: Record<string, unknown> = { health };
  for (const [name, path] of ENDPOINTS) {
    if (large.status[name] !== 200) {
      rows.push([
        name,
        `HTTP ${large.status[name]}`,
        '—',
        '—',
        String(small.statements[name] ?? '—'),
        String(large.statements[name]),
      ]);
      continue;
    }
    // Fewer requests for an endpoint that takes seconds, so the run ends.
    const count = large.ms[name]! > 1000 ? 20 : REQUESTS;
    // Warmed at the same concurrency first, as health is: the first endpoint to run several statements
    // at once otherwise pays for opening the pool's further connections to PostgreSQL.
    if (count === REQUESTS) await load(server.port, pathOf(path), headers, 20, CLIENTS);
    const measured = await load(server.port, pathOf(path), headers, count, CLIENTS);
    latencies[name] = { ...measured, count };
    rows.push([
      name,
      measured.p50.toFixed(1),
      measured.p95.toFixed(1),
      `${(measured.p95 / health.p95).toFixed(1)}×`,
      String(small.statements[name] ?? '—'),
      String(large.statements[name]),
    ]);
  }
  const rssLoaded = await server.stats();
  const exportsMs: Record<string, number> = {};
  const agent = new http.Agent({ keepAlive: false });
  for (const [name, path] of EXPORTS) {
    const started = performance.now();
    const response = await request(agent, server.port, path, headers);
    exportsMs[name] = performance.now() - started;
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  }
  agent.destroy();
  const rssExports = await server.stats();
  const making = await makeDocuments(server, headers, url.toString());
  const rssMaking = await server.stats();
  const makingOnTwo = await makeDocumentsOnTwo(server, url.toString(), making.batch);

  printTable(rows);
  console.log('');
  printTable(
    [
      ['figure', 'value'],
      [`agencies import, ${AGENCIES.toLocaleString('en')} rows (agencies import service)`, `${agenciesSeconds.toFixed(1)} s`],
      [
        `results import, ${results.toLocaleString('en')} agency-years: ${freshAgencies.toLocaleString('en')} agencies × ${YEARS.length} years (results import service, 4 at a time)`,
        `${resultsSeconds.toFixed(0)} s`,
      ],
      [
        `year ${YEAR}: OIT checklists opened now, ${records.checklists.toLocaleString('en')} (OIT service, 4 at a time)`,
        `${records.checklistSeconds.toFixed(0)} s`,
      ],
      [
        `… IIT rounds opened now, ${records.surveys.opened.toLocaleString('en')}, with quotas, ${records.surveys.responses.toLocaleString('en')} responses, ${records.surveys.closed.toLocaleString('en')} closed (survey service); ${held.surveys.rounds.toLocaleString('en')} rounds in all`,
        `${records.surveys.seconds.toFixed(0)} s`,
      ],
      [
        `… links put on ${records.links.checklists.toLocaleString('en')} checklists now, ${records.links.runs.toLocaleString('en')} checked (OIT service, link checker); ${held.links.runs.toLocaleString('en')} finished checks in all`,
        `${records.links.seconds.toFixed(0)} s`,
      ],
      ['server RSS at 50 agencies (after one request of each endpoint)', mib(rssSmall)],
      ['server RSS at 8,300 agencies (after one request of each endpoint)', memory(rssLarge)],
      ['… after 20 more requests of each endpoint', memory(rss20)],
      ['… after 40 more requests of each endpoint', memory(rss40)],
      ['… after the latency runs', memory(rssLoaded)],
      ...EXPORTS.map(([name]) => [name, `${(exportsMs[name]! / 1000).toFixed(1)} s`]),
      ['… RSS after the two exports', memory(rssExports)],
      [
        `documents made while serving: memo PDFs of a ${making.total.toLocaleString('en')}-agency batch, one worker thread`,
        `${making.done} in ${RENDER_SECONDS} s (${making.perSecond.toFixed(1)}/s: the whole batch ≈ ${(making.total / making.perSecond / 60).toFixed(0)} min), ${making.failed} failed`,
      ],
      [
        '… GET /api/health one at a time before / while they are made: p50, p95, max',
        `${making.idle.p50.toFixed(1)}, ${making.idle.p95.toFixed(1)}, ${making.idle.max.toFixed(1)} / ${making.busy.p50.toFixed(1)}, ${making.busy.p95.toFixed(1)}, ${making.busy.max.toFixed(1)} ms`,
      ],
      ['… RSS after making them', memory(rssMaking)],
      [
        '… the same batch made by two instances of the server at once (each its own worker), sharing the queue',
        `${makingOnTwo.done} in ${RENDER_SECONDS} s (${makingOnTwo.perSecond.toFixed(1)}/s, ${(makingOnTwo.perSecond / making.perSecond).toFixed(2)}× one; ${makingOnTwo.each.join(' + ')})`,
      ],
      ...[small.batch, large.batch].flatMap((batch) =>
        batch
          ? [
              [
                `document batch started (POST, ${batch.total.toLocaleString('en')} jobs)`,
                `${batch.ms.toFixed(0)} ms, ${batch.statements} statements`,
              ],
            ]
          : [],
      ),
    ],
    1,
  );
  Object.assign(report, {
    agencies: { added: plan.added, updated: plan.updated },
    agenciesSeconds,
    results,
    resultsSeconds,
    latencies,
    statements: { at50: small.statements, at8300: large.statements },
    batchStart: { at50: small.batch, at8300: large.batch },
    status: large.status,
    rss: {
      at50: rssSmall,
      at8300: rssLarge,
      after20: rss20,
      after40: rss40,
      afterLoad: rssLoaded,
      afterExports: rssExports,
      afterMaking: rssMaking,
    },
    making,
    makingOnTwo,
    serverArgs: SERVER_ARGS,
    exportsMs,
  });
  writeReport('national', report);
} finally {
  if (server) await server.stop();
  if (KEEP) await removeBatches(url.toString());
  if (site) await site.close();
  if (!KEEP) await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.end();
  rmSync(DATA_DIR, { recursive: true, force: true });
}
