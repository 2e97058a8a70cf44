import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { loadFramework } from './registry.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../core/src/framework/fixtures/${name}`, import.meta.url), 'utf8');

interface Answer {
  draft: {
    id: string;
    tools: unknown;
    provenance: { provisional: boolean; sources: { id: string }[] };
    questions: { code: string; text: { th: string }; items: { no: number; text: { th: string }; scale: string }[] | null }[];
    oitItems: { code: string; name: { th: string } | null }[];
  };
  readiness: { feature: string; ready: boolean }[] | null;
  unplaced: { line: number; text: string; reason: { th: string; en: string } }[];
}

describe.each(TEST_DATABASES)('a draft set from the pasted manual on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let central: Session;
  let admin: Session;

  beforeAll(async () => {
    ({ app, close } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
    admin = await login(app, 'admin@bang-khae.demo');
  }, 60_000);
  afterAll(async () => close());

  const post = (session: Session | null, payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/frameworks/draft-from-manual', headers: session?.headers ?? {}, payload: payload as object });

  it('rebuilds the FY2566 set from its noisy manual text and lists the lines it could not place', async () => {
    const text = fixture('manual-2566-noisy.txt');
    const response = await post(central, { baseId: 'bma-district-2566', text, newId: 'bma-district-2566-check' });
    expect(response.statusCode).toBe(200);
    const answer = response.json() as Answer;
    const base = loadFramework('bma-district-2566').data;
    expect(answer.draft.id).toBe('bma-district-2566-check');
    expect(answer.draft.provenance.provisional).toBe(true);
    expect(answer.draft.provenance.sources.map((s) => s.id)).toContain('manual-paste');
    expect(answer.draft.tools).toEqual(JSON.parse(JSON.stringify(base.tools)));
    expect(answer.draft.questions.map((q) => [q.code, q.text.th, q.items?.map((i) => [i.no, i.text.th, i.scale])])).toEqual(
      base.questions.map((q) => [q.code, q.text.th, q.items?.map((i) => [i.no, i.text.th, i.scale])]),
    );
    expect(answer.draft.oitItems.map((o) => [o.code, o.name?.th])).toEqual(base.oitItems.map((o) => [o.code, o.name?.th]));
    expect(answer.readiness?.every((r) => r.ready)).toBe(true);
    const lines = text.split('\n');
    expect(answer.unplaced).toHaveLength(3);
    for (const u of answer.unplaced) {
      expect(lines[u.line - 1]).toBe(u.text);
      expect(u.reason.th.length).toBeGreaterThan(0);
    }
  });

  it('is for central admins only, and refuses in Thai what it cannot read', async () => {
    expect((await post(null, { baseId: 'bma-district-2566', text: 'I1 x' })).statusCode).toBe(401);
    expect((await post(admin, { baseId: 'bma-district-2566', text: 'I1 x' })).statusCode).toBe(403);
    expect((await post(central, { baseId: 'no-such-set', text: 'I1 x' })).statusCode).toBe(404);
    const empty = await post(central, { baseId: 'bma-district-2566', text: 'สวัสดี\n- ๑ -' });
    expect(empty.statusCode).toBe(422);
    const error = (empty.json() as { error: { code: string; messageTh?: string; th?: string } }).error;
    expect(error.code).toBe('manual-empty');
    expect(JSON.stringify(empty.json())).toContain('ไม่พบข้อคำถาม');
    const big = await post(central, { baseId: 'bma-district-2566', text: 'ก'.repeat(800_000) });
    expect(big.statusCode).toBe(422);
    expect(JSON.stringify(big.json())).toContain('ยาวเกิน');
    expect((await post(central, { baseId: 'bma-district-2566', text: 'a'.repeat(2_200_000) })).statusCode).toBe(422);
  });
});
