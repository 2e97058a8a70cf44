// The two attacks on respondents' anonymity, replayed: successive states of the database (SQLite
// files copied after every commit, WAL included; tables read after every submission on PostgreSQL
// and in-memory SQLite), and the secretariat's API reads before and after every submission.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { webcrypto } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { surveyItems } from '@prongsai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { openDatabase, todayInBangkok, type Db } from '../db/database.js';
import { loadFramework } from '../frameworks/registry.js';
import { loadDemo } from '../demo/demo.js';
import type { DemoOptions } from '../test-support/demo-images.js';
import { login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { hashCode } from './codes.js';
import { FORM_SCRIPT } from './form.js';
import { SUBMISSION_ID } from './public-routes.js';
import { encodeResponse } from './sealing.js';

const iit = surveyItems(loadFramework('bma-district-2566'), 'IIT');
/** Respondent n's answers: every respondent different. */
const answersOf = (n: number) =>
  Object.fromEntries(iit.map((item, i) => [item.key, item.scale.answers[(n * 7 + i * (n + 3)) % item.scale.answers.length]!]));
const optionsOf = (n: number) => iit.map((item) => item.scale.answers.indexOf(answersOf(n)[item.key]!));

type Rows = Record<string, unknown>[];
/** One state of the survey tables of a round, as someone holding a copy of the database reads it. */
interface State {
  tallies: Map<string, number>;
  counts: Map<number, number>;
  used: Set<string>;
  pending: Rows;
  receipts: Rows;
  raw: string;
}

const STATE_QUERIES = (round: number) => ({
  tallies: `select item_key, option_index, division_id, count from survey_tallies where round_id = ${round}`,
  counts: `select division_id, responses from survey_counts where round_id = ${round}`,
  codes: `select code_hash, used, division_id from survey_codes where round_id = ${round}`,
  pending: `select * from survey_pending where round_id = ${round}`,
  receipts: `select * from survey_receipts where round_id = ${round}`,
});

function toState(rows: Record<keyof ReturnType<typeof STATE_QUERIES>, Rows>): State {
  const tallies = new Map<string, number>();
  for (const r of rows.tallies) {
    const cell = `${String(r.item_key)}|${Number(r.option_index)}`;
    tallies.set(cell, (tallies.get(cell) ?? 0) + Number(r.count));
  }
  return {
    tallies,
    counts: new Map(rows.counts.map((r) => [Number(r.division_id), Number(r.responses)])),
    used: new Set(rows.codes.filter((r) => Number(r.used) === 1).map((r) => String(r.code_hash))),
    pending: rows.pending,
    receipts: rows.receipts,
    raw: JSON.stringify(rows),
  };
}

/**
 * What comparing successive states gives: for each step, how many responses entered the counts,
 * how many codes became used, and whether the tallies moved. A step of one response would give
 * that response's answers whole; a step of one code and one response would link them.
 */
function compare(states: State[]) {
  const total = (s: State) => [...s.counts.values()].reduce((a, b) => a + b, 0);
  return states.slice(1).map((after, i) => {
    const before = states[i]!;
    const cells = new Set([...before.tallies.keys(), ...after.tallies.keys()]);
    return {
      responses: total(after) - total(before),
      codes: [...after.used].filter((h) => !before.used.has(h)).length,
      talliesMoved: [...cells].some((c) => (before.tallies.get(c) ?? 0) !== (after.tallies.get(c) ?? 0)),
      divisionsMoved: [...new Set([...before.counts.keys(), ...after.counts.keys()])].filter(
        (d) => (before.counts.get(d) ?? 0) !== (after.counts.get(d) ?? 0),
      ).length,
    };
  });
}

function expectNothingRecoverable(states: State[], coded: boolean) {
  const steps = compare(states);
  for (const [i, step] of steps.entries()) {
    const where = `step ${i + 1}: ${JSON.stringify(step)}`;
    // The counts, tallies and codes move together, and only by batches of at least 5.
    expect(step.responses === 0 || step.responses >= 5, where).toBe(true);
    expect(step.talliesMoved, where).toBe(step.responses > 0);
    expect(step.codes, where).toBe(coded ? step.responses : 0);
  }
  // Nothing in the tallies is per division: no division's own answers.
  for (const state of states) expect(state.raw).not.toMatch(/"division_id":[1-9]\d*,"count"/);
  return steps;
}

/** Every division shown is 5 or more, and what the total leaves for the hidden ones is none or 5 or more. */
function expectSmallGroupsHidden(progress: Progress) {
  const shown = progress.divisions.map((d) => d.responses).filter((r): r is number => r !== null);
  for (const r of shown) expect(r).toBeGreaterThanOrEqual(5);
  if (progress.unassigned !== null) expect(progress.unassigned).toBeGreaterThanOrEqual(5);
  if (progress.total === null) {
    expect(shown).toEqual([]);
    return;
  }
  expect(progress.total).toBeGreaterThanOrEqual(5);
  const left = progress.total - shown.reduce((a, b) => a + b, 0) - (progress.unassigned ?? 0);
  expect(left === 0 || left >= 5, `hidden groups hold ${left}`).toBe(true);
  for (const d of progress.divisions) if (d.responses === null) expect(d.short).toBeNull();
}

interface Progress {
  total: number | null;
  unassigned: number | null;
  divisions: { divisionId: number; nameTh: string; responses: number | null; short: number | null; required: number }[];
}
interface Result {
  respondents: number | null;
  result: { tools: Record<string, number>; questions: Record<string, number> } | null;
  divisions: { nameTh: string; responses: number | null }[];
}

/** A file database in WAL mode, read by copying its files after every commit. */
const sqliteFile = {
  engine: 'sqlite-file' as const,
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-anon-'));
    const path = join(dir, 'prongsai.db');
    const db = await openDatabase(`sqlite:${path}`);
    return {
      ...db,
      path,
      drop: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  async openDemo(options: DemoOptions, dataDir: string) {
    const db = await sqliteFile.open();
    await loadDemo(db.kysely, { ...options, dataDir });
    return db;
  },
};

describe.each([sqliteFile, ...TEST_DATABASES])('survey anonymity on $engine', (database) => {
  let app: FastifyInstance;
  let db: Db & { drop(): Promise<void>; path?: string };
  let admin: Session;
  let divisions: { id: number; nameTh: string }[];
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'prongsai-anon-data-'));
    db = await database.openDemo({ results: false }, dataDir);
    app = await buildApp({
      db,
      config: { ...withoutSchedules(loadConfig({})), dataDir, secureCookies: false },
      logger: false,
      webDist: '/nonexistent',
    });
    admin = await login(app, 'admin@bang-khae.demo');
    divisions = (await app.inject({ method: 'GET', url: '/api/agencies/bang-khae/divisions', headers: admin.headers })).json();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const copies: string[] = [];
  /** The state as a copy of the files (SQLite file: main file and WAL), or as the tables read now. */
  async function readState(round: number): Promise<State & { files?: Buffer }> {
    const queries = STATE_QUERIES(round);
    if (db.path) {
      const dir = mkdtempSync(join(tmpdir(), 'prongsai-anon-copy-'));
      copies.push(dir);
      const copy = join(dir, 'copy.db');
      copyFileSync(db.path, copy);
      const wal = existsSync(`${db.path}-wal`) ? readFileSync(`${db.path}-wal`) : Buffer.alloc(0);
      if (wal.length) copyFileSync(`${db.path}-wal`, `${copy}-wal`);
      const files = Buffer.concat([readFileSync(db.path), wal]);
      const sqlite = new SqliteDatabase(copy);
      try {
        const rows = Object.fromEntries(Object.entries(queries).map(([k, q]) => [k, sqlite.prepare(q).all() as Rows]));
        return { ...toState(rows as Record<keyof typeof queries, Rows>), files };
      } finally {
        sqlite.close();
      }
    }
    const rows: Record<string, Rows> = {};
    for (const [k, q] of Object.entries(queries)) rows[k] = (await sql.raw<Record<string, unknown>>(q).execute(db.kysely)).rows;
    return toState(rows as Record<keyof typeof queries, Rows>);
  }
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const openRound = async (useCodes: boolean) =>
    (
      await app.inject({
        method: 'POST',
        url: '/api/agencies/bang-khae/surveys',
        headers: admin.headers,
        payload: { tool: 'IIT', fiscalYear: 2566, opensOn: todayInBangkok(), closesOn: todayInBangkok(), useCodes },
      })
    ).json() as { id: number; code: string };
  const submit = (code: string, body: object) =>
    app.inject({ method: 'POST', url: `/api/s/${code}/responses`, payload: body, remoteAddress: '203.150.77.12' });
  const reads = async (id: number) => ({
    progress: (
      await app.inject({ method: 'GET', url: `/api/surveys/${id}/progress`, headers: admin.headers })
    ).json() as Progress,
    result: (await app.inject({ method: 'GET', url: `/api/surveys/${id}/result`, headers: admin.headers })).json() as Result,
  });

  it('links no single-use code to its answers, and no response to its moment, however the successive states are compared', async () => {
    const round = await openRound(true);
    const byName = (name: string) => divisions.find((d) => d.nameTh === name)!.id;
    // One respondent alone in the works division, six in finance, five in registry.
    const slips: { code: string; division: number }[] = [];
    for (const [name, count] of [
      ['ฝ่ายโยธา', 1],
      ['ฝ่ายการคลัง', 6],
      ['ฝ่ายทะเบียน', 5],
    ] as const) {
      const made = await app.inject({
        method: 'POST',
        url: `/api/surveys/${round.id}/codes`,
        headers: admin.headers,
        payload: { divisionId: byName(name), count },
      });
      for (const code of (made.json() as { codes: string[] }).codes) slips.push({ code, division: byName(name) });
    }
    // The lone works respondent answers first.
    const states = [await readState(round.id)];
    const apiReads = [await reads(round.id)];
    const plaintexts: Buffer[] = [];
    const clientIds: string[] = [];
    for (const [n, slip] of slips.entries()) {
      const clientId = crypto.randomUUID();
      clientIds.push(clientId);
      const answered = await submit(round.code, { clientId, answers: answersOf(n), code: slip.code });
      expect(answered.statusCode, answered.body).toBe(200);
      plaintexts.push(encodeResponse({ division: slip.division, codeHash: hashCode(slip.code), options: optionsOf(n) }));
      states.push(await readState(round.id));
      apiReads.push(await reads(round.id));
    }
    // A used code is refused even while its response waits to be counted.
    const again = await submit(round.code, { clientId: crypto.randomUUID(), answers: answersOf(0), code: slips[11]!.code });
    expect(again.statusCode).toBe(409);
    const waitingBeforeClose = states.at(-1)!.pending.map((r) => String(r.sealed));
    expect((await app.inject({ method: 'POST', url: `/api/surveys/${round.id}/close`, headers: admin.headers })).statusCode).toBe(
      200,
    );
    states.push(await readState(round.id));
    apiReads.push(await reads(round.id));

    const steps = expectNothingRecoverable(states, true);
    // Everyone is counted in the end, in two batches (5 at the tenth response, the other 7 at close).
    expect(steps.map((s) => s.responses).filter((r) => r > 0)).toEqual([5, 7]);
    expect(states.at(-1)!.used.size).toBe(12);
    expect(states.at(-1)!.pending).toEqual([]);
    for (const item of iit) {
      const counted = item.scale.options.reduce((sum, _, o) => sum + (states.at(-1)!.tallies.get(`${item.key}|${o}`) ?? 0), 0);
      expect(counted, item.key).toBe(12);
    }
    for (const state of states) {
      // A waiting row holds a random id, its round, a keyed tag and sealed bytes: no code hash,
      // no division, no answers, no time; a receipt holds no submission id.
      for (const row of state.pending) {
        expect(Object.keys(row).sort()).toEqual(['code_tag', 'id', 'round_id', 'sealed']);
        expect(String(row.id)).toMatch(/^[0-9a-f]{32}$/);
      }
      const waiting = JSON.stringify([state.pending, state.receipts]);
      for (const slip of slips) expect(waiting).not.toContain(hashCode(slip.code));
      for (const d of new Set(slips.map((s) => s.division))) {
        expect(state.pending.some((r) => Object.values(r).includes(d))).toBe(false);
      }
      for (const id of clientIds) expect(state.raw).not.toContain(id);
      for (const plain of plaintexts) {
        expect(state.raw).not.toContain(plain.toString('base64'));
        expect(state.raw).not.toContain(plain.toString('hex'));
        if (state.files) expect(state.files.includes(plain)).toBe(false);
      }
      expect(state.raw).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    }
    // Once counted, the sealed rows are gone from the files too: overwritten, and the WAL emptied.
    const last = states.at(-1)!;
    if (last.files) {
      for (const sealed of [...waitingBeforeClose, ...states.flatMap((s) => s.pending.map((r) => String(r.sealed)))]) {
        expect(last.files.includes(Buffer.from(sealed)), 'a counted sealed row is still in the files').toBe(false);
      }
    }

    // The secretariat's view changed only with the batches, and never showed the lone division.
    const works = byName('ฝ่ายโยธา');
    for (const [i, read] of apiReads.entries()) {
      expectSmallGroupsHidden(read.progress);
      expect(read.progress.divisions.find((d) => d.divisionId === works)!.responses).toBeNull();
      if (i > 0 && JSON.stringify(read) !== JSON.stringify(apiReads[i - 1])) {
        expect((read.progress.total ?? 0) - (apiReads[i - 1]!.progress.total ?? 0)).toBeGreaterThanOrEqual(5);
      }
    }
    expect(apiReads.at(-1)!.progress.total).toBe(12);
  });

  it('gives the secretariat no single response through progress and results read around each submission', async () => {
    const round = await openRound(false);
    const [lone, a, b] = [divisions[0]!.id, divisions[1]!.id, divisions[2]!.id];
    // The first respondent is alone in a division; the others spread over two more.
    const plan = [lone, a, a, b, a, b, a, b, a, b, a, b, a, b, 0];
    const apiReads = [await reads(round.id)];
    const states = [await readState(round.id)];
    for (const [n, division] of plan.entries()) {
      const answered = await submit(round.code, {
        clientId: crypto.randomUUID(),
        answers: answersOf(n + 40),
        ...(division ? { division } : {}),
      });
      expect(answered.statusCode, answered.body).toBe(200);
      apiReads.push(await reads(round.id));
      states.push(await readState(round.id));
      // The reply means the answers are kept: sealed and waiting, or counted.
      const last = states.at(-1)!;
      expect(last.pending.length + [...last.counts.values()].reduce((x, y) => x + y, 0)).toBe(n + 1);
    }
    await app.inject({ method: 'POST', url: `/api/surveys/${round.id}/close`, headers: admin.headers });
    apiReads.push(await reads(round.id));
    states.push(await readState(round.id));

    // The attack: a step of one response in the scores or counts would give it whole.
    let recovered = 0;
    for (const [i, read] of apiReads.entries()) {
      expectSmallGroupsHidden(read.progress);
      if (read.result.respondents === null) expect(read.result.result).toBeNull();
      expect(read.progress.divisions.find((d) => d.divisionId === lone)!.responses).toBeNull();
      if (i === 0) continue;
      const before = apiReads[i - 1]!;
      if (JSON.stringify(read) === JSON.stringify(before)) continue;
      const step = (read.result.respondents ?? 0) - (before.result.respondents ?? 0);
      if (step < 5) recovered++;
      expect(step, `read ${i}`).toBeGreaterThanOrEqual(5);
    }
    expect(recovered).toBe(0);
    // 15 in all, in batches of 5: at the tenth, at the fifteenth (5 always stay waiting), and at close.
    expect(
      expectNothingRecoverable(states, false)
        .filter((s) => s.responses > 0)
        .map((s) => s.responses),
    ).toEqual([5, 5, 5]);
    expect(apiReads.at(-1)!.result.respondents).toBe(15);
    expect(apiReads.at(-1)!.result.result).not.toBeNull();
  });

  it('shows nothing of a round of fewer than 5 responses, and keeps them sealed', async () => {
    const round = await openRound(false);
    for (let n = 0; n < 3; n++) {
      expect((await submit(round.code, { clientId: crypto.randomUUID(), answers: answersOf(n) })).statusCode).toBe(200);
    }
    await app.inject({ method: 'POST', url: `/api/surveys/${round.id}/close`, headers: admin.headers });
    const { progress, result } = await reads(round.id);
    expect(progress.total).toBeNull();
    expect(result.respondents).toBeNull();
    expect(result.result).toBeNull();
    const state = await readState(round.id);
    expect(state.pending).toHaveLength(3);
    expect(state.tallies.size).toBe(0);
    const whatIf = await app.inject({
      method: 'POST',
      url: `/api/surveys/${round.id}/what-if`,
      headers: admin.headers,
      payload: { changes: { I1: 100 } },
    });
    expect(whatIf.statusCode).toBe(409);
  });

  it('refuses a submission id that is not a random UUID, and keeps only a keyed tag of the one it takes', async () => {
    const round = await openRound(false);
    for (const clientId of ['1796425091771', '1796425091771k3j4h5g6', 'phone-1-0000', crypto.randomUUID().toUpperCase()]) {
      const refused = await submit(round.code, { clientId, answers: answersOf(1) });
      expect(refused.statusCode, clientId).toBe(400);
    }
    const clientId = crypto.randomUUID();
    expect((await submit(round.code, { clientId, answers: answersOf(1) })).statusCode).toBe(200);
    const receipts = (await readState(round.id)).receipts;
    expect(receipts).toHaveLength(1);
    expect(JSON.stringify(receipts)).not.toContain(clientId);
    expect(String(receipts[0]!.client_id)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("the form's submission id", () => {
  /** Runs the form's script on a page without crypto.randomUUID (any plain-http origin) and gives the id it keeps. */
  const idOnPlainHttp = (now: number) => {
    const stored = new Map<string, string>();
    const form = { dataset: { code: 'ABCD1234' }, querySelector: () => null, addEventListener: () => {} };
    const window = {
      fetch: () => Promise.reject(new Error('offline')),
      crypto: { getRandomValues: (bytes: Uint8Array) => webcrypto.getRandomValues(bytes) },
    };
    runInNewContext(FORM_SCRIPT, {
      window,
      crypto: window.crypto,
      document: { getElementById: (id: string) => (id === 'survey' ? form : { textContent: '' }) },
      localStorage: { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) },
      Date: { now: () => now },
      Math,
      JSON,
      Number,
      String,
      Object,
      Uint8Array,
    });
    return (JSON.parse(stored.get('prongsai-survey:ABCD1234')!) as { clientId: string }).clientId;
  };

  it('is a random UUID without crypto.randomUUID, never the time', () => {
    const ids = [idOnPlainHttp(1796425091771), idOnPlainHttp(1796425091771), idOnPlainHttp(1796425091772)];
    for (const id of ids) {
      expect(id).toMatch(SUBMISSION_ID);
      expect(id.replace(/-/g, '')).not.toContain('1796425091');
    }
    expect(new Set(ids).size).toBe(3);
  });
});
