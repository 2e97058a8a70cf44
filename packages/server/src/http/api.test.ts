import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

describe.each(TEST_DATABASES)('platform API on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let central: Session;
  let khaeAdmin: Session;
  let khaeFinance: Session;
  let sueAdmin: Session;

  const get = (url: string, session?: Session) =>
    app.inject({ method: 'GET', url, ...(session ? { headers: session.headers } : {}) });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, session: Session | undefined, payload?: object) =>
    app.inject({ method, url, ...(session ? { headers: session.headers } : {}), ...(payload ? { payload } : {}) });
  const divisionsOf = async (agency: string) =>
    (await get(`/api/agencies/${agency}/divisions`, central)).json() as { id: number; nameTh: string; agencyId: number }[];
  const auditCount = async () => ((await get('/api/audit?limit=500', central)).json() as unknown[]).length;

  beforeAll(async () => {
    ({ app, close } = await demoApp(database, { results: false, plans: false }));
    central = await login(app, 'admin@prongsai.demo');
    khaeAdmin = await login(app, 'admin@bang-khae.demo');
    khaeFinance = await login(app, 'finance@bang-khae.demo');
    sueAdmin = await login(app, 'admin@bang-sue.demo');
  });
  afterAll(async () => close());

  it('reports health with the engine in use', async () => {
    const response = await get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: database.engine });
  });

  it('gives the Buddhist-Era fiscal years, October to September', async () => {
    const body = (await get('/api/fiscal-years')).json() as {
      current: number;
      years: { year: number; start: object; end: object }[];
    };
    expect(body.years).toHaveLength(5);
    expect(body.current).toBeGreaterThanOrEqual(2570);
    for (const { year, start, end } of body.years) {
      expect(start).toEqual({ year: year - 544, month: 10, day: 1 });
      expect(end).toEqual({ year: year - 543, month: 9, day: 30 });
    }
  });

  it('serves an OpenAPI document and its reading page', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/agencies/{agency}/divisions', '/api/audit']),
    );
    expect((await get('/api/docs/')).statusCode).toBe(200);
  });

  describe('reference data', () => {
    it('has all 50 district offices, found by geocode or slug', async () => {
      const agencies = (await get('/api/agencies', central)).json() as { code: string; slug: string; kind: string }[];
      // Beside them, the demo's province and the six local administrations below it.
      expect(agencies.filter((a) => a.kind === 'district')).toHaveLength(50);
      expect(agencies).toHaveLength(57);
      const byCode = (await get('/api/agencies/1040', central)).json();
      const bySlug = (await get('/api/agencies/bang-khae', central)).json();
      expect(byCode).toEqual(bySlug);
      expect(byCode).toMatchObject({
        code: '1040',
        slug: 'bang-khae',
        nameTh: 'สำนักงานเขตบางแค',
        nameEn: 'Bang Khae District Office',
      });
    });

    it('gives each district the standard divisions', async () => {
      const divisions = await divisionsOf('lak-si');
      expect(divisions.map((d) => d.nameTh)).toContain('ฝ่ายสิ่งแวดล้อมและสุขาภิบาล');
      expect(divisions).toHaveLength(10);
    });
  });

  describe('sign-in', () => {
    it('rejects a wrong password with a Thai message and a 401', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@lak-si.demo', password: 'wrong-password' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toMatchObject({ code: 'invalid-login', messageTh: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง' });
    });

    it('locks an account after 5 failures until an admin resets its password', async () => {
      const attempt = (password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'director@din-daeng.demo', password },
          remoteAddress: '10.0.0.9',
        });
      for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
      // Locked answers exactly as a wrong password: nothing tells that the account exists.
      const locked = await attempt('prongsai-demo');
      expect(locked.statusCode).toBe(401);
      expect(locked.json()).toEqual(
        (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@x.demo', password: 'x' } })).json(),
      );
      const users = (await get('/api/users', central)).json() as { id: number; email: string; locked: boolean }[];
      const director = users.find((u) => u.email === 'director@din-daeng.demo')!;
      expect(director.locked).toBe(true);
      const reset = await send('POST', `/api/users/${director.id}/reset-password`, central, { password: 'a-new-password-1' });
      expect(reset.statusCode).toBe(200);
      expect((await attempt('a-new-password-1')).statusCode).toBe(200);
    });

    it('limits the rate of login attempts from one address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'nobody@x.demo', password: 'x' },
          remoteAddress: '10.0.0.77',
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    });

    it('says who is signed in, with abilities for the UI', async () => {
      const me = (await get('/api/me', khaeAdmin)).json();
      expect(me).toMatchObject({
        user: { email: 'admin@bang-khae.demo', role: 'agency_admin' },
        agency: { slug: 'bang-khae' },
        abilities: { manageDivisions: true, readAudit: true, switchAgency: false },
      });
      expect(me.user).not.toHaveProperty('passwordHash');
      expect(JSON.stringify(me)).not.toContain('argon2');
    });

    it('sets an HttpOnly SameSite session cookie', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'admin@lak-si.demo', password: 'prongsai-demo' },
      });
      const cookie = response.cookies.find((c) => c.name === 'prongsai_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    });

    it('ends a session at logout and on revocation', async () => {
      const session = await login(app, 'works@lak-si.demo');
      expect((await get('/api/me', session)).statusCode).toBe(200);
      expect((await send('POST', '/api/auth/logout', session)).statusCode).toBe(204);
      expect((await get('/api/me', session)).statusCode).toBe(401);

      const other = await login(app, 'works@lak-si.demo');
      const me = (await get('/api/me', other)).json();
      const revoked = await send('POST', `/api/users/${me.user.id}/revoke-sessions`, central);
      expect(revoked.json()).toEqual({ revoked: 1 });
      expect((await get('/api/me', other)).statusCode).toBe(401);
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-authenticated write without the token, and changes nothing', async () => {
      const before = await divisionsOf('bang-khae');
      const response = await app.inject({
        method: 'POST',
        url: '/api/agencies/bang-khae/divisions',
        headers: { cookie: khaeAdmin.cookie },
        payload: { nameTh: 'ฝ่ายทดสอบ', nameEn: 'Test' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('csrf');
      expect(await divisionsOf('bang-khae')).toEqual(before);
    });
  });

  describe('tenancy', () => {
    it('refuses unauthenticated requests', async () => {
      expect((await get('/api/agencies')).statusCode).toBe(401);
      expect((await get('/api/agencies/bang-khae/divisions')).statusCode).toBe(401);
      expect((await send('POST', '/api/agencies/bang-khae/divisions', undefined, { nameTh: 'x', nameEn: 'x' })).statusCode).toBe(
        401,
      );
    });

    it('shows an agency user only their agency', async () => {
      const agencies = (await get('/api/agencies', khaeAdmin)).json() as { slug: string }[];
      expect(agencies.map((a) => a.slug)).toEqual(['bang-khae']);
      expect((await get('/api/agencies/bang-sue', khaeAdmin)).statusCode).toBe(404);
      expect((await get('/api/agencies/1029/divisions', khaeAdmin)).statusCode).toBe(404);
    });

    it("does not let agency A's admin write agency B's records by id", async () => {
      const sueDivisions = await divisionsOf('bang-sue');
      const target = sueDivisions[0]!;
      const audits = await auditCount();
      const attempts = [
        await send('POST', '/api/agencies/bang-sue/divisions', khaeAdmin, { nameTh: 'ฝ่ายแทรก', nameEn: 'Injected' }),
        await send('PATCH', `/api/divisions/${target.id}`, khaeAdmin, { nameTh: 'เปลี่ยนชื่อ' }),
        await send('DELETE', `/api/divisions/${target.id}`, khaeAdmin),
        await send('PATCH', '/api/agencies/bang-sue', khaeAdmin, { nameTh: 'ยึดเขต' }),
      ];
      expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
      expect(await divisionsOf('bang-sue')).toEqual(sueDivisions);
      expect((await get('/api/agencies/bang-sue', central)).json().nameTh).toBe('สำนักงานเขตบางซื่อ');
      expect(await auditCount()).toBe(audits);
    });

    it("does not let an agency admin read or manage another agency's accounts", async () => {
      const users = (await get('/api/users', central)).json() as { id: number; email: string }[];
      const sueDirector = users.find((u) => u.email === 'director@bang-sue.demo')!;
      expect((await get(`/api/users/${sueDirector.id}`, khaeAdmin)).statusCode).toBe(404);
      expect((await send('POST', `/api/users/${sueDirector.id}/reset-password`, khaeAdmin, {})).statusCode).toBe(404);
      expect((await send('PATCH', `/api/users/${sueDirector.id}`, khaeAdmin, { disabled: true })).statusCode).toBe(404);
      const sue = (await get('/api/agencies/bang-sue', central)).json();
      const created = await send('POST', '/api/users', khaeAdmin, {
        email: 'spy@bang-sue.demo',
        displayName: 'x',
        role: 'executive',
        agencyId: sue.id,
      });
      expect(created.statusCode).toBe(403);
      expect((await get('/api/users', central)).json()).toHaveLength(users.length);
      const listed = (await get('/api/users', khaeAdmin)).json() as { email: string }[];
      expect(listed.map((u) => u.email)).toContain('admin@bang-khae.demo');
      expect(listed.every((u) => u.email.endsWith('@bang-khae.demo'))).toBe(true);
    });

    it('keeps a division editor to their own account and out of division management', async () => {
      const divisions = await divisionsOf('bang-khae');
      const works = divisions.find((d) => d.nameTh === 'ฝ่ายโยธา')!;
      expect((await send('PATCH', `/api/divisions/${works.id}`, khaeFinance, { nameTh: 'ฝ่ายโยธาใหม่' })).statusCode).toBe(403);
      expect(
        (await send('POST', '/api/agencies/bang-khae/divisions', khaeFinance, { nameTh: 'ฝ่ายใหม่', nameEn: 'New' })).statusCode,
      ).toBe(403);
      expect(await divisionsOf('bang-khae')).toEqual(divisions);
      const visible = (await get('/api/users', khaeFinance)).json() as { email: string }[];
      expect(visible.map((u) => u.email)).toEqual(['finance@bang-khae.demo']);
      expect((await get('/api/audit', khaeFinance)).statusCode).toBe(403);
    });

    it('does not let an agency admin make a central admin or move an account to another agency', async () => {
      const created = await send('POST', '/api/users', khaeAdmin, {
        email: 'boss@bang-khae.demo',
        displayName: 'x',
        role: 'central_admin',
      });
      expect(created.statusCode).toBe(403);
      const users = (await get('/api/users', khaeAdmin)).json() as { id: number; email: string }[];
      const director = users.find((u) => u.email === 'director@bang-khae.demo')!;
      const sue = (await get('/api/agencies/bang-sue', central)).json();
      expect((await send('PATCH', `/api/users/${director.id}`, khaeAdmin, { agencyId: sue.id })).statusCode).toBe(403);
      expect((await send('PATCH', `/api/users/${director.id}`, sueAdmin, { disabled: true })).statusCode).toBe(404);
    });
  });

  describe('administration and audit', () => {
    it("lets an agency admin manage their agency's divisions and accounts, each write audited", async () => {
      const created = await send('POST', '/api/agencies/bang-khae/divisions', khaeAdmin, {
        nameTh: 'ฝ่ายทดลองระบบ',
        nameEn: 'Pilot Division',
      });
      expect(created.statusCode).toBe(201);
      const division = created.json();
      const renamed = await send('PATCH', `/api/divisions/${division.id}`, khaeAdmin, { nameEn: 'Pilot' });
      expect(renamed.json().nameEn).toBe('Pilot');
      const duplicate = await send('POST', '/api/agencies/bang-khae/divisions', khaeAdmin, {
        nameTh: 'ฝ่ายทดลองระบบ',
        nameEn: 'Again',
      });
      expect(duplicate.statusCode).toBe(409);

      const account = await send('POST', '/api/users', khaeAdmin, {
        email: 'pilot@bang-khae.demo',
        displayName: 'ฝ่ายทดลองระบบ',
        role: 'division_editor',
        agencyId: division.agencyId,
        divisionId: division.id,
      });
      expect(account.statusCode).toBe(201);
      const { password } = account.json();
      expect(password).toHaveLength(16);
      await login(app, 'pilot@bang-khae.demo', password);

      expect((await send('DELETE', `/api/divisions/${division.id}`, khaeAdmin)).statusCode).toBe(409);

      const audit = (await get('/api/audit?limit=20', central)).json() as {
        action: string;
        entity: string;
        entityId: string;
        before: unknown;
        after: unknown;
        userEmail: string;
      }[];
      const update = audit.find((a) => a.entity === 'division' && a.action === 'update' && a.entityId === String(division.id));
      expect(update).toMatchObject({
        userEmail: 'admin@bang-khae.demo',
        before: { name_en: 'Pilot Division' },
        after: { name_en: 'Pilot' },
      });
      expect(audit.some((a) => a.entity === 'user' && a.action === 'create')).toBe(true);
      expect(JSON.stringify(audit)).not.toContain(password);
      expect(update).toMatchObject({ userName: 'เลขานุการคณะทำงาน ITA', agencyName: 'สำนักงานเขตบางแค' });
      expect((update as { recordName: string | null }).recordName).toMatch(/\S/);
    });

    it('filters the audit log by person, action, record and dates, searches it, and exports it as CSV', async () => {
      const logins = (await get('/api/audit?action=login&user=admin@bang-khae', central)).json() as {
        action: string;
        userEmail: string;
      }[];
      expect(logins.length).toBeGreaterThan(0);
      expect(logins.every((a) => a.action === 'login' && a.userEmail === 'admin@bang-khae.demo')).toBe(true);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
      expect(
        ((await get(`/api/audit?from=${today}&to=${today}&entity=division`, central)).json() as unknown[]).length,
      ).toBeGreaterThan(0);
      expect((await get('/api/audit?from=2001-01-01&to=2001-01-31', central)).json()).toEqual([]);
      const found = (await get('/api/audit?q=Pilot', central)).json() as { entity: string }[];
      expect(found.length).toBeGreaterThan(0);
      expect(found.some((a) => a.entity === 'division')).toBe(true);
      expect(JSON.stringify(found)).toContain('Pilot');
      const csv = await get('/api/audit?format=csv&entity=division', central);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe(
        'id,at,user_email,user_name,agency,action,entity,entity_id,record,before,after',
      );
      // A secretariat reads its own agency's log, whatever agency it asks for, and no other.
      const own = (await get('/api/audit?limit=500&agency=2', khaeAdmin)).json() as { agencyName: string | null }[];
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((a) => a.agencyName === 'สำนักงานเขตบางแค')).toBe(true);
      expect((await get('/api/audit?format=csv', khaeAdmin)).statusCode).toBe(200);
      expect((await get('/api/audit', khaeFinance)).statusCode).toBe(403);
    });

    it('rejects invalid input with a 400 and a Thai message', async () => {
      const response = await send('POST', '/api/agencies/bang-khae/divisions', khaeAdmin, { nameTh: '', nameEn: 'x' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'invalid-request', messageTh: 'ข้อมูลที่ส่งมาไม่ถูกต้อง' });
      const short = await send('POST', '/api/users', central, {
        email: 'x@y.demo',
        displayName: 'x',
        role: 'central_admin',
        password: 'short',
      });
      expect(short.statusCode).toBe(400);
      expect(short.json().error.messageTh).toContain('อย่างน้อย 10');
    });

    it('lets a central admin add an agency with standard divisions', async () => {
      const response = await send('POST', '/api/agencies', central, {
        code: 'BMA-KK',
        nameTh: 'สำนักงานคณะกรรมการข้าราชการกรุงเทพมหานคร',
        nameEn: 'Bangkok Civil Service Commission Office',
        kind: 'central',
      });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ slug: 'bangkok-civil-service-commission-office' });
      expect((await send('POST', '/api/agencies', khaeAdmin, { code: 'X', nameTh: 'x', nameEn: 'x' })).statusCode).toBe(403);
    });
  });
});
