import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import type { Db } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';
import { login, TEST_DATABASES, type Session } from '../test-support/databases.js';

const csv = (...lines: string[]) => Buffer.from(lines.join('\n') + '\n', 'utf8');
const HEADER = 'code,name_th,name_en,kind,parent_code,divisions';

describe.each(TEST_DATABASES)('agencies in bulk and kinds of agency on $engine', (database) => {
  let app: FastifyInstance;
  let db: Db & { drop(): Promise<void> };
  let central: Session;
  let districtAdmin: Session;

  const upload = (session: Session, fileName: string, data: Buffer, dryRun = false) =>
    app.inject({
      method: 'POST',
      url: '/api/agencies/import',
      headers: session.headers,
      payload: { fileName, contentBase64: data.toString('base64'), dryRun },
    });
  const agencies = async () =>
    (await app.inject({ method: 'GET', url: '/api/agencies', headers: central.headers })).json() as {
      id: number;
      code: string;
      nameTh: string;
      kind: string;
      parentId: number | null;
    }[];
  const divisionsOf = async (ref: string) =>
    (
      (await app.inject({ method: 'GET', url: `/api/agencies/${ref}/divisions`, headers: central.headers })).json() as {
        nameTh: string;
      }[]
    ).map((d) => d.nameTh);

  beforeAll(async () => {
    db = await database.open();
    await loadDemo(db.kysely, { results: false });
    app = await buildApp({
      db,
      config: { ...withoutSchedules(loadConfig({})), secureCookies: false },
      logger: false,
      webDist: '/nonexistent',
    });
    central = await login(app, 'admin@prongsai.demo');
    districtAdmin = await login(app, 'admin@bang-khae.demo');
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const good = csv(
    HEADER,
    'BMA,กรุงเทพมหานคร,Bangkok Metropolitan Administration,central,,',
    '1040,สำนักงานเขตบางแค,Bang Khae District Office,district,BMA,',
    '50,จังหวัดเชียงใหม่,Chiang Mai Province,province,,',
    '5001,เทศบาลนครเชียงใหม่,Chiang Mai City Municipality,municipality,50,สำนักปลัดเทศบาล;กองคลัง;กองช่าง',
    '5002,องค์การบริหารส่วนตำบลสุเทพ,Suthep SAO,sao,50,',
  );

  it('plans a dry run without writing, then imports the same, and a re-run changes nothing', async () => {
    const before = await agencies();
    const dry = await upload(central, 'agencies.csv', good, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ added: 4, updated: 1, unchanged: 0, dryRun: true });
    expect(dry.json().rows[1]).toMatchObject({ row: 3, code: '1040', action: 'update', changes: ['parent_code'] });
    expect(await agencies()).toEqual(before);

    const done = await upload(central, 'agencies.csv', good);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ added: 4, updated: 1, unchanged: 0, dryRun: false });
    const after = await agencies();
    expect(after).toHaveLength(before.length + 4);
    const byCode = new Map(after.map((a) => [a.code, a]));
    expect(byCode.get('1040')!.parentId).toBe(byCode.get('BMA')!.id);
    expect(byCode.get('5001')).toMatchObject({ kind: 'municipality', parentId: byCode.get('50')!.id });
    expect(byCode.get('BMA')).toMatchObject({ kind: 'central', parentId: null });
    expect(await divisionsOf('5001')).toEqual(['สำนักปลัดเทศบาล', 'กองคลัง', 'กองช่าง']);
    // No divisions listed: the kind's default units.
    expect(await divisionsOf('5002')).toEqual(['สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา ศาสนาและวัฒนธรรม']);

    const again = await upload(central, 'agencies.csv', good);
    expect(again.json()).toMatchObject({ added: 0, updated: 0, unchanged: 5 });
    expect(await agencies()).toEqual(after);

    const renamed = await upload(
      central,
      'agencies.csv',
      csv(HEADER, '5001,เทศบาลนครเชียงใหม่,Chiang Mai City,municipality,50,กองการศึกษา'),
    );
    expect(renamed.json()).toMatchObject({ added: 0, updated: 1, divisionsAdded: 1 });
    expect(renamed.json().rows[0].changes).toEqual(['name_en']);
    expect(await divisionsOf('5001')).toEqual(['สำนักปลัดเทศบาล', 'กองคลัง', 'กองช่าง', 'กองการศึกษา']);
  });

  it('refuses a file with bad rows, naming every one (row, column, Thai and English), and writes nothing', async () => {
    const before = await agencies();
    const response = await upload(
      central,
      'bad.csv',
      csv(
        HEADER,
        '7001,ก,A,sao,,',
        ',ข,B,sao,,',
        '7003,,C,planet,,',
        '7001,ง,D,sao,NOPE,',
        '7005,จ,E,sao,7006,',
        '7006,ฉ,F,sao,7005,',
        '7007,ช,G,sao,,กองคลัง;กองคลัง',
      ),
    );
    expect(response.statusCode).toBe(422);
    const problems = (response.json() as { error: { details: { row: number; column: string; th: string; message: string }[] } })
      .error.details;
    expect(problems.map((p) => `${p.row}:${p.column}`)).toEqual([
      '3:code',
      '4:name_th',
      '4:kind',
      '5:code',
      '5:parent_code',
      '6:parent_code',
      '7:parent_code',
      '8:divisions',
    ]);
    expect(problems.every((p) => p.th.length > 0 && p.message.length > 0)).toBe(true);
    expect(response.json().error.messageTh).toContain('แถว 5, คอลัมน์ code');
    expect(await agencies()).toEqual(before);

    const noColumns = await upload(central, 'bad.csv', csv('code,name_th', '1,ก'));
    expect(noColumns.statusCode).toBe(422);
    expect(noColumns.json().error.details.map((p: { column: string }) => p.column)).toEqual(['name_en', 'kind', 'parent_code']);
  });

  it('checks the file type by content and name, and only central admins import', async () => {
    expect((await upload(central, 'agencies.xlsx', good)).statusCode).toBe(422);
    expect((await upload(central, 'agencies.txt', good)).statusCode).toBe(422);
    expect((await upload(districtAdmin, 'agencies.csv', good, true)).statusCode).toBe(403);
  });

  it('reads an XLSX list', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('agencies');
    sheet.addRow(['code', 'name_th', 'name_en', 'kind', 'parent_code']);
    sheet.addRow([8001, 'โรงพยาบาลนครพิงค์', 'Nakornping Hospital', 'hospital', 50]);
    sheet.addRow([8002, 'โรงเรียนยุพราชวิทยาลัย', 'Yupparaj Wittayalai School', 'school', '']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await upload(central, 'agencies.xlsx', data);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ added: 2, updated: 0 });
    const byCode = new Map((await agencies()).map((a) => [a.code, a]));
    expect(byCode.get('8001')).toMatchObject({ kind: 'hospital', parentId: byCode.get('50')!.id });
  });

  it('never takes a numeric code for an internal id', async () => {
    const list = await agencies();
    const someId = String(list.find((a) => a.code === '1001')!.id);
    expect(list.some((a) => a.code === someId)).toBe(false);
    const added = await app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: central.headers,
      payload: { code: someId, nameTh: 'หน่วยงานทดสอบ', nameEn: 'Test Agency', kind: 'other' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const found = (await app.inject({ method: 'GET', url: `/api/agencies/${someId}`, headers: central.headers })).json();
    expect(found).toMatchObject({ code: someId, nameEn: 'Test Agency' });

    const otherId = String(list.find((a) => a.code === '1002')!.id);
    const imported = await upload(central, 'agencies.csv', csv(HEADER, `${otherId},หน่วยงานทดสอบสอง,Test Agency Two,other,,`));
    expect(imported.json()).toMatchObject({ added: 1, updated: 0 });
    const dusit = (await agencies()).find((a) => a.code === '1002')!;
    expect(dusit.nameTh).toBe('สำนักงานเขตดุสิต');
  });

  it("never lets a code or a slug be another agency's other name in its address", async () => {
    const list = await agencies();
    const dusit = list.find((a) => a.code === '1002')!;
    // A code equal to an existing slug would take over that agency's address (codes are looked up first).
    const refused = await upload(
      central,
      'agencies.csv',
      csv(HEADER, `${dusit.slug},หน่วยงานทดสอบสาม,Test Agency Three,other,,`),
      true,
    );
    expect(refused.statusCode).toBe(422);
    expect(JSON.stringify(refused.json())).toContain('ซ้ำกับชื่อย่อในที่อยู่เว็บของหน่วยงานรหัส 1002');
    const byApi = await app.inject({
      method: 'POST',
      url: '/api/agencies',
      headers: central.headers,
      payload: { code: dusit.slug, nameTh: 'หน่วยงานทดสอบ', nameEn: 'Test Agency', kind: 'other' },
    });
    expect(byApi.statusCode).toBe(409);
    // A slug made from a name never equals another agency's code.
    const named = await upload(central, 'agencies.csv', csv(HEADER, 'x-1,หน่วยงานทดสอบสี่,1003,other,,'));
    expect(named.statusCode, named.body).toBe(200);
    const added = (await agencies()).find((a) => a.code === 'x-1')!;
    expect(added.slug).not.toBe('1003');
    expect((await app.inject({ method: 'GET', url: '/api/agencies/1003', headers: central.headers })).json()).toMatchObject({
      code: '1003',
    });
  });

  it('lists kinds to everyone signed in, with what each may do; central admins add and change them', async () => {
    const listed = (await app.inject({ method: 'GET', url: '/api/agency-kinds', headers: central.headers })).json() as {
      kind: { id: string; sampling: { status: string } };
      can: { edit: boolean };
    }[];
    expect(listed.map((k) => k.kind.id)).toEqual(
      expect.arrayContaining(['district', 'central', 'other', 'province', 'pao', 'municipality', 'sao', 'amphoe']),
    );
    expect(listed.every((k) => k.can.edit)).toBe(true);
    expect(listed.find((k) => k.kind.id === 'district')!.kind.sampling.status).toBe('official');
    const asDistrict = (await app.inject({ method: 'GET', url: '/api/agency-kinds', headers: districtAdmin.headers })).json() as {
      can: { edit: boolean };
    }[];
    expect(asDistrict.every((k) => !k.can.edit)).toBe(true);

    const court = {
      id: 'court',
      nameTh: 'ศาล',
      nameEn: 'Court',
      naming: {
        agencyTh: 'ศาล{name}',
        agencyEn: '{name} Court',
        headTh: 'อธิบดีผู้พิพากษาศาล{name}',
        headEn: 'Chief Justice of {name} Court',
      },
      unitTerm: 'กลุ่มงาน',
      defaultUnits: [{ th: 'กลุ่มงานคดี', en: 'Cases' }],
      sampling: {
        iit: { rule: 'itas-computed' },
        eit: { minimums: {}, defaultMinimum: 40 },
        status: 'review',
        source: 'to review',
      },
    };
    expect(
      (await app.inject({ method: 'POST', url: '/api/agency-kinds', headers: districtAdmin.headers, payload: court })).statusCode,
    ).toBe(403);
    const added = await app.inject({ method: 'POST', url: '/api/agency-kinds', headers: central.headers, payload: court });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ kind: { id: 'court' }, shipped: false, can: { edit: true } });
    expect(
      (await app.inject({ method: 'POST', url: '/api/agency-kinds', headers: central.headers, payload: court })).statusCode,
    ).toBe(409);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/agency-kinds',
      headers: central.headers,
      payload: { ...court, id: 'court2', naming: { ...court.naming, agencyTh: 'ไม่มีชื่อ' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('naming.agencyTh');

    const { id: _id, ...rest } = court;
    const changed = await app.inject({
      method: 'PUT',
      url: '/api/agency-kinds/court',
      headers: central.headers,
      payload: { ...rest, nameEn: 'Court of Justice' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().kind).toMatchObject({ id: 'court', nameEn: 'Court of Justice' });
    const imported = await upload(central, 'agencies.csv', csv(HEADER, 'C1,ศาลแพ่ง,Civil Court,court,,'));
    expect(imported.json()).toMatchObject({ added: 1 });
    expect(await divisionsOf('C1')).toEqual(['กลุ่มงานคดี']);
  });
});
