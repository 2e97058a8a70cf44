import { officialThaiDate, roundEndsOn } from '@prongsai/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOfDay } from '../db/database.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

describe.each(TEST_DATABASES)('approving a round whose period is still running, on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let admin: Session;
  let director: Session;
  let central: Session;

  beforeAll(async () => {
    ({ app, close } = await demoApp(database, { plans: false }));
    admin = await login(app, 'admin@bang-sue.demo');
    director = await login(app, 'director@bang-sue.demo');
    central = await login(app, 'admin@prongsai.demo');
  });
  afterAll(async () => close());

  it('says the period has not ended and asks why, then keeps the reason with the approval', async () => {
    const year = fiscalYearOfDay();
    const created = await app.inject({
      method: 'POST',
      url: `/api/agencies/bang-sue/plans/${year}`,
      headers: admin.headers,
      payload: { mode: 'empty' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/agencies/bang-sue/plans/${year}/rounds/12/approve`;
    const refused = await app.inject({ method: 'POST', url, headers: director.headers });
    expect(refused.statusCode).toBe(409);
    const endsOn = roundEndsOn(12, year);
    expect(refused.json().error).toMatchObject({
      code: 'round-period-running',
      messageTh: `รอบนี้ยังไม่สิ้นสุด (สิ้นสุด ${officialThaiDate(endsOn)}) หากจะอนุมัติก่อน กรุณาระบุเหตุผล`,
      details: { periodEndsOn: endsOn, unsent: [], unreviewed: [] },
    });
    const approved = await app.inject({
      method: 'POST',
      url,
      headers: director.headers,
      payload: { reason: 'อนุมัติก่อนสิ้นรอบตามมติคณะทำงาน' },
    });
    expect(approved.json()).toEqual({ status: 'approved', revision: 1 });
    const audit = (await app.inject({ method: 'GET', url: '/api/audit?entity=progress-round', headers: central.headers })).body;
    expect(audit).toContain(endsOn);
  });
});
