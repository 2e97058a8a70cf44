import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { decodeUtf8, mergeScoreInputs, parseCsvTable, readTable, round2, scoreAssessment, toThaiDigits, type CompiledFramework } from '@prongsai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { withArabicNumbers } from './editor.js';
import { loadFramework } from './registry.js';

/** Bang Khae's FY2566 published answer shares and OIT scores (seed 001), read with a set. */
const bangKhae2566 = (framework: CompiledFramework) =>
  mergeScoreInputs(
    ['bang-khae-2566-distributions.csv', 'bang-khae-2566-oit.csv'].map((name) => {
      const file = `examples/${name}`;
      const bytes = readFileSync(new URL(`../../../../${file}`, import.meta.url));
      return readTable(framework, parseCsvTable(decodeUtf8(bytes, file), file));
    }),
  );

const shipped = (id: string) =>
  JSON.parse(readFileSync(new URL(`../../../../frameworks/${id}.json`, import.meta.url), 'utf8')) as Record<string, unknown> & {
    tools: { weight: number }[];
    indicators: { weight?: number }[];
    questions: { items: { polarity: string }[] }[];
  };

interface Draft {
  id: string;
  fromId: string | null;
  data: Record<string, unknown> & { provenance: { provisional: boolean; sources: { id: string; citation: string }[] } };
  problems: { path: string; message: string; th: string }[];
  readiness: { feature: string; ready: boolean }[] | null;
  publishedAt: string | null;
}
interface Refusal {
  error: { code: string; messageTh: string; details: { problems: { path: string; message: string; th: string }[] } };
}

/** Numbers written in Thai digits, as a central admin may type them: every number in the value becomes a string. */
const inThaiDigits = (value: unknown): unknown =>
  typeof value === 'number'
    ? toThaiDigits(String(value))
    : Array.isArray(value)
      ? value.map(inThaiDigits)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inThaiDigits(v)]))
        : value;

describe('numbers in Thai digits', () => {
  it('become numbers; codes and text stay as they are', () => {
    expect(withArabicNumbers({ a: '๘๕', b: '๙๔.๘๗', c: 'O๑', d: ['๒๕๗๑', 'ข้อ ๑'], e: 3 })).toEqual({
      a: 85,
      b: 94.87,
      c: 'O๑',
      d: [2571, 'ข้อ ๑'],
      e: 3,
    });
  });
});

describe.each(TEST_DATABASES)('the framework editor on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let dataDir: string;
  let central: Session;
  let admin: Session;
  const newId = `bma-district-2571-edited-${database.engine}`;

  beforeAll(async () => {
    ({ app, close, dataDir } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
    admin = await login(app, 'admin@bang-khae.demo');
  }, 60_000);
  afterAll(async () => close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, session = central) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  it("builds a set from FY2566's part by part, publishes it once under its new id, and it scores Bang Khae's FY2566 exactly as the shipped set", async () => {
    expect((await call('POST', '/api/framework-drafts', { id: newId, from: 'bma-district-2566' }, admin)).statusCode).toBe(403);
    const started = await call('POST', '/api/framework-drafts', { id: newId, from: 'bma-district-2566' });
    expect(started.statusCode, started.body).toBe(201);
    const draft = started.json() as Draft;
    expect(draft).toMatchObject({ id: newId, fromId: 'bma-district-2566', problems: [], publishedAt: null });
    expect(draft.data.provenance.provisional).toBe(true);
    expect(draft.data.provenance.sources.at(-1)).toMatchObject({ id: 'derived-from', citation: 'framework bma-district-2566' });
    expect((await call('POST', '/api/framework-drafts', { id: newId, from: 'bma-district-2566' })).statusCode).toBe(409);
    expect((await call('POST', '/api/framework-drafts', { id: 'bma-district-2566', from: 'bma-district-2567' })).statusCode).toBe(409);

    // Every part replaced with the shipped set's, its numbers typed in Thai digits.
    const source = shipped('bma-district-2566');
    for (const part of ['tools', 'indicators', 'questions', 'oitItems', 'scales', 'levels', 'analysisThreshold'] as const) {
      const patched = await call('PATCH', `/api/framework-drafts/${newId}`, { part, value: inThaiDigits(source[part]) });
      expect(patched.statusCode, `${part}: ${patched.body}`).toBe(200);
      expect((patched.json() as Draft).readiness!.find((r) => r.feature === 'scoring')!.ready).toBe(true);
    }
    const read = (await call('GET', `/api/framework-drafts/${newId}`)).json() as Draft;
    expect(read.data.tools).toEqual(source.tools);
    expect(read.data.questions).toEqual(source.questions);

    // A whole document with two problems: nothing saved, each problem listed in Thai.
    const broken = structuredClone(read.data) as unknown as ReturnType<typeof shipped>;
    broken.questions[0]!.items[0]!.polarity = 'sideways';
    broken.questions[1]!.items[0]!.polarity = 'upside-down';
    const refused = await call('PUT', `/api/framework-drafts/${newId}`, { data: broken });
    expect(refused.statusCode).toBe(422);
    const error = (refused.json() as Refusal).error;
    expect(error.messageTh).toContain('ชุดคำถามมีปัญหา');
    expect(error.details.problems.length).toBeGreaterThanOrEqual(2);
    expect(error.details.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['questions[0].items[0].polarity', 'questions[1].items[0].polarity']),
    );
    for (const p of error.details.problems) expect(p.th).toMatch(/[\u0E00-\u0E7F]/);
    const tools = structuredClone(source.tools);
    tools[0]!.weight += 5;
    const weights = await call('PATCH', `/api/framework-drafts/${newId}`, { part: 'tools', value: tools });
    expect(weights.statusCode).toBe(422);
    expect((weights.json() as Refusal).error.details.problems.map((p) => p.th)).toEqual([
      'เครื่องมือ: น้ำหนักของเครื่องมือรวมกันได้ 105 ต้องเป็น 100',
    ]);
    expect(((await call('GET', `/api/framework-drafts/${newId}`)).json() as Draft).data.tools).toEqual(source.tools);
    const put = await call('PUT', `/api/framework-drafts/${newId}`, { data: read.data });
    expect(put.statusCode, put.body).toBe(200);

    const published = await call('POST', `/api/framework-drafts/${newId}/publish`, { fiscalYears: ['๒๕๗๑'], agencyKinds: ['district'] });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ id: newId, fiscalYears: [2571] });
    const file = join(dataDir, 'frameworks', `${newId}.json`);
    const before = readFileSync(file, 'utf8');

    // Published once: it never changes.
    expect((await call('POST', `/api/framework-drafts/${newId}/publish`, { fiscalYears: [2572] })).statusCode).toBe(409);
    expect((await call('PUT', `/api/framework-drafts/${newId}`, { data: read.data })).statusCode).toBe(409);
    expect((await call('PATCH', `/api/framework-drafts/${newId}`, { part: 'analysisThreshold', value: 80 })).statusCode).toBe(409);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(((await call('GET', `/api/framework-drafts/${newId}`)).json() as Draft).publishedAt).not.toBeNull();

    const shippedSet = loadFramework('bma-district-2566');
    const edited = loadFramework(newId);
    expect(edited.data.fiscalYears).toEqual([2571]);
    const expected = scoreAssessment(shippedSet, bangKhae2566(shippedSet));
    const scored = scoreAssessment(edited, bangKhae2566(edited));
    expect(scored.ita).toEqual(expected.ita);
    expect(scored.tools).toEqual(expected.tools);
    expect(scored.indicators).toEqual(expected.indicators);
    expect(scored.units).toEqual(expected.units);
    expect(scored.level).toEqual(expected.level);
    expect(round2(expected.ita ?? Number.NaN)).toBe(94.87);
  });

  it('starts empty, fills the whole document, and two publishes at once give one set and a 409', async () => {
    const id = `empty-start-${database.engine}`;
    const started = (await call('POST', '/api/framework-drafts', { id })).json() as Draft;
    expect(started.problems.length).toBeGreaterThan(0);
    expect(started.readiness).toBeNull();
    const data = { ...shipped('bma-district-2567'), id: 'ignored', fiscalYears: [2573] };
    const put = await call('PUT', `/api/framework-drafts/${id}`, { data });
    expect(put.statusCode, put.body).toBe(200);
    expect((put.json() as Draft).data.id).toBe(id);
    const answers = await Promise.all([
      call('POST', `/api/framework-drafts/${id}/publish`, { fiscalYears: [2573] }),
      call('POST', `/api/framework-drafts/${id}/publish`, { fiscalYears: [2573] }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(loadFramework(id).data.fiscalYears).toEqual([2573]);
    expect((await call('GET', '/api/framework-drafts')).json()).toEqual(expect.arrayContaining([expect.objectContaining({ id })]));
  });
});

describe('prongsai framework draft and publish', () => {
  it('starts a draft from a set and publishes it for the years given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-cli-'));
    const saved = { ...process.env };
    process.env.PRONGSAI_DATABASE_URL = `sqlite:${join(dir, 'p.db')}`;
    process.env.PRONGSAI_DATA_DIR = join(dir, 'data');
    try {
      expect((await runCli('init')).code).toBe(0);
      const drafted = await runCli('framework', 'draft', 'bma-district-2567', 'bma-district-2574-cli');
      expect(drafted.code, drafted.stderr).toBe(0);
      expect(drafted.stdout).toContain('draft bma-district-2574-cli started from bma-district-2567');
      expect((await runCli('framework', 'draft', 'bma-district-2567', 'bma-district-2574-cli')).code).toBe(2);
      expect((await runCli('framework', 'publish', 'bma-district-2574-cli')).code).toBe(2);
      const published = await runCli('framework', 'publish', 'bma-district-2574-cli', '--years', '2574', '2575');
      expect(published.code, published.stderr).toBe(0);
      expect(published.stdout).toContain('published bma-district-2574-cli: fiscal years 2574, 2575');
      expect((await runCli('framework', 'list')).stdout).toContain('bma-district-2574-cli\t2574,2575\t');
      const again = await runCli('framework', 'publish', 'bma-district-2574-cli', '--years', '2576');
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('เผยแพร่แล้ว');
    } finally {
      process.env = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
