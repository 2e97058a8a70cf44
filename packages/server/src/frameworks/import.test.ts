import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentFiscalYear } from '../demo/current-year.js';
import { runCli } from '../test-support/cli.js';
import { frameworkToWorkbook } from './workbook.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

const shipped = (id: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../frameworks/${id}.json`, import.meta.url)), 'utf8')) as Record<string, unknown> & {
    oitItems: { code: string; previousCodes?: string[]; name: { th: string } | null }[];
  };

/** FY2568's set as a central admin would prepare it from FY2567's: a new id and year, an item renamed and one added. */
function fy2568() {
  const data = shipped('bma-district-2567');
  data.id = 'bma-district-2568';
  data.name = { th: 'ชุดคำถาม ITA สำนักงานเขต กรุงเทพมหานคร ปีงบประมาณ พ.ศ. ๒๕๖๘', en: 'ITA question set for Bangkok district offices, FY2568' };
  data.fiscalYears = [2568];
  data.oitItems[2]!.name = { th: 'ข้อมูลโรงเรียนในสังกัดกรุงเทพมหานคร' };
  return data;
}
const upload = (data: unknown, extra: object = {}) => ({
  fileName: 'bma-district-2568.json',
  contentBase64: Buffer.from(JSON.stringify(data)).toString('base64'),
  ...extra,
});

describe.each(TEST_DATABASES)("loading a new year's framework on $engine", (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let dataDir: string;
  let central: Session;
  let admin: Session;

  beforeAll(async () => {
    ({ app, close, dataDir } = await demoApp(database));
    central = await login(app, 'admin@prongsai.demo');
    admin = await login(app, 'admin@bang-khae.demo');
  }, 60_000);
  afterAll(async () => close());

  const post = (session: Session, payload: object) => app.inject({ method: 'POST', url: '/api/frameworks', headers: session.headers, payload });

  it('lists every problem of a broken file and loads nothing', async () => {
    const broken = fy2568();
    (broken.oitItems[0] as unknown as { indicator: number }).indicator = 42;
    (broken.oitItems[1] as unknown as { code: string }).code = 'item-2';
    delete (broken as Record<string, unknown>).levels;
    const refused = await post(central, upload(broken));
    expect(refused.statusCode).toBe(422);
    const problems = refused.json().error.problems as { path: string; message: string }[];
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['levels', 'oitItems[1].code']));
    expect(refused.json().error.messageTh).toContain('ชุดคำถามมีปัญหา');
    // Each problem says in Thai where it is and what is wrong.
    const th = (refused.json().error.problems as { path: string; th: string }[]).find((p) => p.path === 'oitItems[1].code')!.th;
    expect(th).toBe('ข้อ OIT ที่ 2 › รหัส: รหัสข้อ OIT ต้องเป็นเช่น O1 หรือ MOIT1');
    expect((await post(central, { fileName: 'x.json', contentBase64: Buffer.from('{ nope').toString('base64') })).json().error.problems[0].message).toMatch(
      /not valid JSON/,
    );
    const frameworks = (await app.inject({ method: 'GET', url: '/api/frameworks', headers: central.headers })).json() as { id: string }[];
    expect(frameworks.map((f) => f.id)).not.toContain('bma-district-2568');
  });

  it('is for central admins only, checks on a dry run, then loads the year for results and OIT alike', async () => {
    expect((await post(admin, upload(fy2568()))).statusCode).toBe(403);
    const dry = await post(central, upload(fy2568(), { dryRun: true }));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ ok: true, saved: false, id: 'bma-district-2568', oitItems: 22 });
    const loaded = await post(central, upload(fy2568()));
    expect(loaded.statusCode, loaded.body).toBe(201);
    const frameworks = (await app.inject({ method: 'GET', url: '/api/frameworks', headers: central.headers })).json() as { id: string; fiscalYears: number[] }[];
    expect(frameworks.find((f) => f.id === 'bma-district-2568')?.fiscalYears).toEqual([2568]);
    // FY2568's checklist rolls FY2567's divisions over, flagging the renamed item.
    const opened = await app.inject({ method: 'POST', url: '/api/agencies/bang-khae/oit/2568', headers: admin.headers, payload: {} });
    expect(opened.statusCode, opened.body).toBe(201);
    const items = opened.json().items as { code: string; carry: string; divisions: number[] }[];
    expect(items).toHaveLength(22);
    expect(items.find((i) => i.code === 'O3')?.carry).toBe('renamed');
    expect(items.find((i) => i.code === 'O1')?.carry).toBe('carried');
    expect(items.find((i) => i.code === 'O1')?.divisions.length).toBe(1);
  });

  it("takes FY2569's set as a workbook made from FY2568's, and names the sheet and row of a problem", async () => {
    const download = await app.inject({ method: 'GET', url: '/api/frameworks/bma-district-2568/workbook', headers: central.headers });
    expect(download.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    // Sheets headed in Thai, with the English key of each column in row 2; the set's own row is row 3.
    const set = workbook.getWorksheet('ชุดคำถาม')!;
    expect(set.getCell('A1').value).toBe('รหัสชุดคำถาม');
    set.getCell('A3').value = 'bma-district-2569';
    set.getCell('D3').value = '๒๕๖๙';
    workbook.getWorksheet('OIT')!.getCell('K3').value = 'sometimes';
    const xlsx = (data: ArrayBuffer) => ({ fileName: 'bma-district-2569.xlsx', contentBase64: Buffer.from(data).toString('base64') });
    const refused = await post(central, xlsx(await workbook.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0].path).toBe('OIT!K3 (oitItems[0].scoring)');
    expect(refused.json().error.messageTh).toContain('แผ่นงาน "OIT" แถว 3 คอลัมน์ K');
    workbook.getWorksheet('OIT')!.getCell('K3').value = 'partial';
    const loaded = await post(central, xlsx(await workbook.xlsx.writeBuffer()));
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json()).toMatchObject({ id: 'bma-district-2569', fiscalYears: [2569], oitItems: 22 });
  });

  it('writes a framework id once: of two imports of the same new id at once, one loads it and the other is refused (409)', async () => {
    const first = fy2568();
    first.id = 'bma-district-2570';
    // A year no demo checklist is on (the demo's current year has its own set).
    first.fiscalYears = [currentFiscalYear() + 1];
    const second = { ...first, name: { th: 'ชุดคำถามอีกฉบับ', en: 'another set' } };
    const answers = await Promise.all([post(central, upload(first)), post(central, upload(second))]);
    expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([201, 409]);
    const loser = answers.find((a) => a.statusCode === 409)!;
    expect(loser.json().error.messageTh).toContain('มีชุดคำถามรหัสนี้แล้ว');
    // The framework kept, on the list and on disk, is the winner's.
    const winner = answers.indexOf(answers.find((a) => a.statusCode === 201)!) === 0 ? first : second;
    const frameworks = (await app.inject({ method: 'GET', url: '/api/frameworks', headers: central.headers })).json() as {
      id: string;
      name: { th: string };
    }[];
    expect(frameworks.find((f) => f.id === 'bma-district-2570')?.name.th).toBe(winner.name.th);
    const saved = JSON.parse(readFileSync(join(dataDir, 'frameworks', 'bma-district-2570.json'), 'utf8')) as { name: { th: string } };
    expect(saved.name.th).toBe(winner.name.th);
  });

  it('never changes a saved framework, nor a year already assessed with another set', async () => {
    const again = await post(central, upload(fy2568()));
    expect(again.statusCode).toBe(422);
    expect(again.json().error.problems[0].message).toContain('exists already and is never changed');
    const over2567 = shipped('bma-district-2567');
    over2567.id = 'bma-district-2567-v2';
    const refused = await post(central, upload(over2567));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.problems.map((p: { message: string }) => p.message).join('\n')).toMatch(
      /fiscal year 2567 is already assessed with bma-district-2567/,
    );
    // Another kind of agency's set for the same year is no rival: both serve, side by side.
    const forHospitals = shipped('bma-district-2567');
    forHospitals.id = 'hospital-2567';
    forHospitals.agencyKinds = ['hospital'];
    const checked = await post(central, upload(forHospitals, { dryRun: true }));
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ id: 'hospital-2567', saved: false });
  });
});

describe('prongsai framework', () => {
  it('checks and loads a file from the command line, naming each problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prongsai-fw-'));
    const saved = { ...process.env };
    process.env.PRONGSAI_DATABASE_URL = `sqlite:${join(dir, 'p.db')}`;
    process.env.PRONGSAI_DATA_DIR = join(dir, 'data');
    try {
      expect((await runCli('init')).code).toBe(0);
      const file = join(dir, 'bma-district-2568.json');
      const broken = fy2568();
      (broken as Record<string, unknown>).fiscalYears = [];
      writeFileSync(file, JSON.stringify(broken));
      const refused = await runCli('framework', 'import', file);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('fiscalYears');
      writeFileSync(file, JSON.stringify(fy2568()));
      const dry = await runCli('framework', 'import', '--dry-run', file);
      expect(dry.stdout).toContain('checked (dry run, not loaded) bma-district-2568');
      const loaded = await runCli('framework', 'import', file);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout).toContain('loaded bma-district-2568: fiscal years 2568, ');
      expect((await runCli('framework', 'list')).stdout).toContain('bma-district-2568\t2568\t');
      // A workbook: each problem at its sheet, row and column, in Thai; then loaded once fixed.
      const next = fy2568();
      next.id = 'bma-district-2571';
      next.fiscalYears = [2571];
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await frameworkToWorkbook(next)) as unknown as ArrayBuffer);
      workbook.getWorksheet('ชุดคำถาม')!.getCell('D3').value = '๒๕๗๑, ปีหน้า';
      const xlsx = join(dir, 'bma-district-2571.xlsx');
      writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
      const unreadable = await runCli('framework', 'import', xlsx);
      expect(unreadable.code).toBe(2);
      expect(unreadable.stderr).toContain('แผ่นงาน "ชุดคำถาม" แถว 3 คอลัมน์ D');
      workbook.getWorksheet('ชุดคำถาม')!.getCell('D3').value = '๒๕๗๑';
      writeFileSync(xlsx, Buffer.from(await workbook.xlsx.writeBuffer()));
      const fromWorkbook = await runCli('framework', 'import', xlsx);
      expect(fromWorkbook.code, fromWorkbook.stderr).toBe(0);
      expect(fromWorkbook.stdout).toContain('loaded bma-district-2571: fiscal years 2571, ');
    } finally {
      process.env = saved;
    }
  });
});
