import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, type Session } from '../test-support/databases.js';
import { bareApp } from '../test-support/factories.js';

describe.each(TEST_DATABASES)('each kind of agency takes the sets for its kind, on $engine', (database) => {
  let context: Awaited<ReturnType<typeof bareApp>>;
  let central: Session;

  beforeAll(async () => {
    context = await bareApp(database);
    await context.make.agency({ slug: 'district', kind: 'district' });
    await context.make.agency({ slug: 'department', kind: 'department' });
    await context.make.agency({ slug: 'older', kind: 'other' });
    await context.make.agency({ slug: 'hospital', kind: 'hospital' });
    central = (await context.make.account('central_admin')).session;
  });
  afterAll(() => context.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    context.app.inject({ method, url, headers: central.headers, ...(payload ? { payload } : {}) });
  const openable = async (slug: string) => ((await call('GET', `/api/agencies/${slug}/oit`)).json() as { openable: number[] }).openable;

  it("offers each agency the years its kind's sets cover, side by side in one instance", async () => {
    const district = await openable('district');
    const department = await openable('department');
    expect(district).toEqual(expect.arrayContaining([2567, 2566]));
    expect(district).not.toContain(2568);
    expect(department).toEqual(expect.arrayContaining([2569, 2568]));
    expect(department).not.toContain(2567);
    // Agencies recorded before kinds were data were assessed with the district sets.
    expect(await openable('older')).toEqual(district);
    expect(await openable('hospital')).toEqual([]);
  });

  it("opens a year's checklist from the set of the agency's kind, and refuses another kind's set", async () => {
    const department = await call('POST', '/api/agencies/department/oit/2568', {});
    expect(department.statusCode, department.body).toBe(201);
    expect(department.json()).toMatchObject({ frameworkId: 'nacc-main-2568' });
    const district = await call('POST', '/api/agencies/district/oit/2567', {});
    expect(district.statusCode, district.body).toBe(201);
    expect(district.json()).toMatchObject({ frameworkId: 'bma-district-2567' });

    const noSet = await call('POST', '/api/agencies/district/oit/2568', {});
    expect(noSet.statusCode).toBe(400);
    expect(noSet.json().error.messageTh).toBe('ไม่มีชุดคำถามสำหรับปีงบประมาณ 2568 ของสำนักงานเขต (กรุงเทพมหานคร) กรุณาเลือกชุดคำถาม');
    const otherKind = await call('POST', '/api/agencies/department/oit/2567', { framework: 'bma-district-2567' });
    expect(otherKind.statusCode).toBe(422);
    expect(otherKind.json().error.code).toBe('framework-not-for-kind');
    const hospital = await call('POST', '/api/agencies/hospital/oit/2568', {});
    expect(hospital.statusCode).toBe(400);
  });
});
