import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { decodeUtf8, mergeScoreInputs, parseCsvTable, readTable, round2, scoreAssessment, type CompiledFramework } from '@prongsai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
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

interface Check {
  problems: { path: string; message: string; th: string }[];
  readiness: { feature: string; ready: boolean }[] | null;
  idTaken: boolean;
}

describe.each(TEST_DATABASES)("the framework editor's checks on $engine", (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let central: Session;
  let admin: Session;
  const newId = `bma-district-2571-${database.engine}`;

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
    admin = await login(app, 'admin@bang-khae.demo');
  }, 60_000);
  afterAll(async () => close());

  const check = async (data: unknown) =>
    (await app.inject({ method: 'POST', url: '/api/frameworks/check', headers: central.headers, payload: { data } })).json() as Check;

  it("starts a set from FY2566's, says in Thai what is wrong, publishes it once, and scores Bang Khae's FY2566 exactly as the shipped set", async () => {
    expect(
      (await app.inject({ method: 'GET', url: `/api/frameworks/bma-district-2566/draft?newId=${newId}`, headers: admin.headers }))
        .statusCode,
    ).toBe(403);
    const draft = (
      await app.inject({ method: 'GET', url: `/api/frameworks/bma-district-2566/draft?newId=${newId}`, headers: central.headers })
    ).json() as {
      id: string;
      fiscalYears: number[];
      tools: { weight: number }[];
      provenance: { provisional: boolean; sources: { id: string; citation: string }[] };
    };
    expect(draft.id).toBe(newId);
    expect(draft.provenance.provisional).toBe(true);
    expect(draft.provenance.sources.at(-1)).toMatchObject({ id: 'derived-from', citation: 'framework bma-district-2566' });

    // The year it covers, and a weight gone wrong: the check says so in Thai, and gives no readiness.
    draft.fiscalYears = [2571];
    draft.tools[0]!.weight += 5;
    const wrong = await check(draft);
    expect(wrong.problems.map((p) => p.th)).toEqual(['เครื่องมือ: น้ำหนักของเครื่องมือรวมกันได้ 105 ต้องเป็น 100']);
    expect(wrong.readiness).toBeNull();
    draft.tools[0]!.weight -= 5;
    const right = await check(draft);
    expect(right).toMatchObject({ problems: [], idTaken: false });
    expect(right.readiness!.find((r) => r.feature === 'scoring')!.ready).toBe(true);
    expect(right.readiness!.find((r) => r.feature === 'surveys')!.ready).toBe(true);

    // Published through the import, once; the id is then taken for good.
    const upload = { fileName: `${newId}.json`, contentBase64: Buffer.from(JSON.stringify(draft)).toString('base64') };
    const published = await app.inject({ method: 'POST', url: '/api/frameworks', headers: central.headers, payload: upload });
    expect(published.statusCode, published.body).toBe(201);
    expect((await check(draft)).idTaken).toBe(true);
    const again = await app.inject({ method: 'POST', url: '/api/frameworks', headers: central.headers, payload: upload });
    expect(again.statusCode).toBe(422);

    const shipped = loadFramework('bma-district-2566');
    const edited = loadFramework(newId);
    const expected = scoreAssessment(shipped, bangKhae2566(shipped));
    const scored = scoreAssessment(edited, bangKhae2566(edited));
    expect(scored.ita).toEqual(expected.ita);
    expect(scored.tools).toEqual(expected.tools);
    expect(scored.indicators).toEqual(expected.indicators);
    expect(scored.units).toEqual(expected.units);
    expect(round2(expected.ita ?? Number.NaN)).toBe(94.87);
    expect(scored.level).toEqual(expected.level);
  });
});
