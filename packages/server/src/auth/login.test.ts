import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { demoApp, login, TEST_DATABASES } from '../test-support/databases.js';
import { findNul } from '../app.js';

describe.each(TEST_DATABASES)('sign-in under attack on $engine', (database) => {
  let app: FastifyInstance;
  let db: Db;
  let close: () => Promise<void>;
  const attempt = (email: string, password: string, remoteAddress = '10.1.0.1', headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress, headers });

  beforeAll(async () => {
    ({ app, db, close } = await demoApp(database, { results: false, plans: false }));
  });
  afterAll(async () => close());

  it('counts parallel wrong passwords atomically: 18 at once check at most 5 before the lock', async () => {
    const email = 'director@lak-si.demo';
    const responses = await Promise.all(Array.from({ length: 18 }, (_, i) => attempt(email, `wrong-${i}`, `10.2.${i}.1`)));
    expect(responses.every((r) => r.statusCode === 401)).toBe(true);
    const user = await db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
    const events = await db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', String(user.id)).execute();
    expect(events.filter((e) => e.action === 'login-failed').length).toBeLessThanOrEqual(4);
    expect(events.filter((e) => e.action === 'lock-out')).toHaveLength(1);
    expect(user.locked_until).not.toBeNull();
    // The right password no longer helps, and says nothing different.
    const right = await attempt(email, 'prongsai-demo', '10.3.0.1');
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe('invalid-login');
    expect(JSON.stringify(right.json())).not.toContain('locked');
  });

  it('ignores X-Forwarded-For unless a proxy is trusted: rotating it does not get past the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await attempt(`nobody-${i}@x.demo`, 'x', '10.4.0.1', { 'x-forwarded-for': `203.0.113.${i}` });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits attempts per account as well, whatever address they come from', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await attempt('someone@x.demo', 'x', `10.5.${i}.1`)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await attempt('someone@x.demo', 'x', '10.5.99.1')).json().error.messageTh).toContain('มีคำขอมากเกินไป');
  });

  it('caps the live sessions of one account, ending the oldest', async () => {
    const first = await login(app, 'admin@bang-sue.demo');
    for (let i = 0; i < 10; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@bang-sue.demo', password: 'prongsai-demo' },
        remoteAddress: `10.6.${i}.1`,
      });
    }
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: first.headers })).statusCode).toBe(401);
    const user = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@bang-sue.demo')
      .executeTakeFirstOrThrow();
    const live = await db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toHaveLength(10);
  });

  it('refuses U+0000 in any text with a clear error, on both engines', async () => {
    const session = await login(app, 'admin@din-daeng.demo');
    const response = await app.inject({
      method: 'POST',
      url: '/api/agencies/din-daeng/divisions',
      headers: session.headers,
      payload: { nameTh: 'ฝ่าย\u0000ทดสอบ', nameEn: 'Test' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'nul-character', message: expect.stringContaining('nameTh') });
  });

  it('refuses JSON nested thousands deep with a 400, on a signed-in route and on sign-in', async () => {
    const session = await login(app, 'admin@din-daeng.demo');
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const [url, headers] of [
      ['/api/agencies/din-daeng/divisions', session.headers],
      ['/api/auth/login', { 'content-type': 'application/json' }],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: `{"nameTh":"x","nested":${deep}}`,
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'too-deep', messageTh: 'ข้อมูลที่ส่งมาซ้อนกันลึกเกินกว่าที่ระบบรับได้' });
    }
    // A body nested a few levels, as the forms send, is read as before.
    expect(findNul({ a: { b: [{ c: 'x' }] } })).toBeNull();
    expect(findNul({ a: { b: ['x\u0000'] } })).toBe('a.b.0');
  });

  it('lists demo accounts only on a demo server', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/demo' })).statusCode).toBe(404);
  });

  it('sends a Content-Security-Policy with every page', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
