import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url)));
const upload = (fileName: string, data: Buffer | string, extra: object = {}) => ({
  fileName,
  contentBase64: Buffer.from(data).toString('base64'),
  ...extra,
});

describe.each(TEST_DATABASES)('results API on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let central: Session;
  let khaeAdmin: Session;
  let khaeDirector: Session;
  let sueAdmin: Session;

  const get = (url: string, session?: Session) =>
    app.inject({ method: 'GET', url, ...(session ? { headers: session.headers } : {}) });
  const post = (url: string, session: Session, payload: object) =>
    app.inject({ method: 'POST', url, headers: session.headers, payload });
  const imports = async (agency: string, year: number) => {
    const detail = await get(`/api/agencies/${agency}/assessments/${year}`, central);
    return detail.statusCode === 404 ? [] : (detail.json().imports as { id: number; superseded_at: string | null }[]);
  };

  beforeAll(async () => {
    ({ app, close } = await demoApp(database, { results: false, plans: false }));
    central = await login(app, 'admin@prongsai.demo');
    khaeAdmin = await login(app, 'admin@bang-khae.demo');
    khaeDirector = await login(app, 'director@bang-khae.demo');
    sueAdmin = await login(app, 'admin@bang-sue.demo');
  });
  afterAll(async () => close());

  describe('Bang Khae FY2566 end to end', () => {
    it('previews a distributions file without writing anything', async () => {
      const response = await post(
        '/api/agencies/1040/assessments/2566/preview',
        khaeAdmin,
        upload('dist.csv', example('bang-khae-2566-distributions.csv')),
      );
      expect(response.statusCode).toBe(200);
      const preview = response.json();
      expect(preview).toMatchObject({
        framework: 'bma-district-2566',
        format: 'distributions',
        scope: ['EIT', 'IIT'],
        replaces: [],
      });
      expect(preview.result.tools).toMatchObject({ IIT: 88.04, EIT: 94.86 });
      expect(preview.warnings.map((w: { subject: string }) => w.subject)).toEqual(
        expect.arrayContaining(['I11.1', 'I22.1', 'OIT']),
      );
      expect((await get('/api/agencies/1040/assessments/2566', khaeAdmin)).statusCode).toBe(404);
    });

    it('restates the year and agency it imports into, and warns when the file names another year', async () => {
      const response = await post('/api/agencies/bang-khae/assessments/2569/preview', khaeAdmin, {
        ...upload('bang-khae-2566-distributions.csv', example('bang-khae-2566-distributions.csv')),
        framework: 'bma-district-2566',
      });
      expect(response.statusCode, response.body).toBe(200);
      const preview = response.json();
      expect(preview).toMatchObject({ fiscalYear: 2569, agency: { slug: 'bang-khae', nameTh: 'สำนักงานเขตบางแค' } });
      expect(preview.warnings[0]).toMatchObject({
        code: 'other-year',
        messageTh: 'ไฟล์นี้ระบุปีงบประมาณ 2566 แต่กำลังนำเข้าเป็นผลปีงบประมาณ 2569',
      });
      const right = (
        await post(
          '/api/agencies/bang-khae/assessments/2566/preview',
          khaeAdmin,
          upload('bang-khae-2566-distributions.csv', example('bang-khae-2566-distributions.csv')),
        )
      ).json();
      expect(right.warnings.map((w: { code: string }) => w.code)).not.toContain('other-year');
    });

    it('imports distributions, OIT details and respondent statistics and publishes the seed numbers', async () => {
      for (const [file, name] of [
        ['bang-khae-2566-distributions.csv', 'dist.csv'],
        ['bang-khae-2566-oit-details.csv', 'oit.csv'],
        ['bang-khae-2566-respondents.csv', 'respondents.csv'],
      ] as const) {
        const response = await post('/api/agencies/bang-khae/assessments/2566/imports', khaeAdmin, upload(name, example(file)));
        expect(response.statusCode, `${file}: ${response.body}`).toBe(201);
      }
      const detail = (await get('/api/agencies/bang-khae/assessments/2566', khaeDirector)).json();
      expect(detail.result).toMatchObject({
        ita: 94.87,
        level: 'ผ่านดี',
        tools: { IIT: 88.04, EIT: 94.86, OIT: 100 },
        weighted: { IIT: 26.41, EIT: 28.46, OIT: 40 },
      });
      expect(detail.weak.flat.map((p: { code: string }) => p.code)).toEqual([
        'I8',
        'I9',
        'I11',
        'I13',
        'I16',
        'I17',
        'I20',
        'I22',
        'E12',
      ]);
      expect(detail.oit.find((o: { code: string }) => o.code === 'O1').urls).toHaveLength(6);
      const other = detail.stats.find(
        (s: { tool: string; dimension: string; label: string }) =>
          s.tool === 'EIT' && s.dimension === 'gender' && s.label === 'อื่น ๆ',
      );
      expect(other).toMatchObject({ count: null, percent: null, suppressed: true });
      expect(detail.stats.find((s: { label: string; tool: string }) => s.tool === 'IIT' && s.label === 'ชาย')).toMatchObject({
        count: 374,
        percent: 37.93,
      });
    });

    it('lists published-vs-computed differences over 0.01 once published scores are imported too', async () => {
      const response = await post('/api/agencies/bang-khae/assessments/2566/imports', khaeAdmin, {
        text: example('bang-khae-2566-pasted.txt').toString('utf8'),
      });
      expect(response.statusCode).toBe(201);
      const detail = (await get('/api/agencies/bang-khae/assessments/2566', khaeAdmin)).json();
      expect(detail.result.ita).toBe(94.87);
      const codes = detail.differences.map((d: { level: string; code: string }) => `${d.level} ${d.code}`);
      expect(codes).toEqual(expect.arrayContaining(['question I11', 'question I22', 'indicator 2']));
      expect(detail.differences.find((d: { code: string }) => d.code === '2')).toMatchObject({
        published: 84.18,
        computed: 84.15,
        difference: -0.03,
      });
      // The pasted text covered IIT, EIT and OIT: it replaced the distributions and OIT files, which stay in the history.
      const history = detail.imports as { kind: string; superseded_at: string | null }[];
      expect(history.map((h) => [h.kind, h.superseded_at === null])).toEqual([
        ['pasted', true],
        ['respondent-stats', true],
        ['scores', false],
        ['distributions', false],
      ]);
    });

    it('answers what-if questions and finds the fewest improvements to ผ่านดีเยี่ยม', async () => {
      const whatIf = (
        await post('/api/agencies/bang-khae/assessments/2566/what-if', khaeDirector, { changes: { I22: 100, E12: 100 } })
      ).json();
      expect(whatIf.ita).toBeGreaterThan(94.87);
      const plan = (await post('/api/agencies/bang-khae/assessments/2566/plan', khaeDirector, { level: 'excellent' })).json();
      expect(plan).toMatchObject({ reachable: true, result: { level: 'ผ่านดีเยี่ยม' } });
      expect(plan.steps.length).toBeGreaterThan(5);
    });
  });

  describe('bad files: a clear error and nothing written', () => {
    const rejects = async (payload: object, status: number, text: string) => {
      const before = await imports('bang-khae', 2566);
      const response = await post('/api/agencies/bang-khae/assessments/2566/imports', khaeAdmin, payload);
      expect(response.statusCode, response.body).toBe(status);
      const error = response.json().error as { message: string; messageTh: string };
      expect(`${error.message}\n${error.messageTh}`).toContain(text);
      expect(await imports('bang-khae', 2566)).toEqual(before);
    };

    it('the wrong framework', async () => {
      await rejects(
        { ...upload('x.csv', example('bang-sue-2567-indicators.csv')), framework: 'bma-district-2567' },
        400,
        'ใช้ชุดคำถาม bma-district-2566',
      );
    });

    it('unknown codes only', async () => {
      await rejects(upload('x.csv', 'code,score\nX9,50\nI99,80\n'), 400, 'ไม่มีผลการประเมินของชุดคำถามนี้');
    });

    it('a non-number, naming the row and column', async () => {
      await rejects(upload('x.csv', 'code,item,p1,p2,p3,p4\nI1,1,a,1,2,97\n'), 422, 'x.csv, แถว 2, คอลัมน์ p1: "a" ไม่ใช่ตัวเลข');
    });

    it('a truncated XLSX', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('x').addRow(['code', 'score']);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      await rejects(upload('x.xlsx', bytes.subarray(0, bytes.length / 2)), 422, 'XLSX');
    });

    it('a file in another encoding', async () => {
      await rejects(
        upload('x.csv', Buffer.concat([Buffer.from('code,score\nO1,'), Buffer.from([0xa4, 0xd0, 0xaa])])),
        422,
        'UTF-8',
      );
    });

    it('a program renamed .csv, and a type the server does not take', async () => {
      await rejects(upload('x.csv', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1])), 422, 'ไฟล์ไม่ใช่ไฟล์ข้อความ');
      await rejects(upload('x.exe', 'MZ'), 422, 'ไม่รองรับไฟล์ชนิด');
      await rejects(upload('x.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])), 422, 'นามสกุลไม่ใช่ .xlsx');
    });

    it('shares that do not add up are a warning, not an error, and the row is named', async () => {
      const response = await post(
        '/api/agencies/bang-khae/assessments/2566/preview',
        khaeAdmin,
        upload('x.csv', 'code,item,p1,p2,p3,p4\nI3,1,10,10,10,10\n'),
      );
      expect(response.statusCode).toBe(200);
      expect(response.json().warnings[0]).toMatchObject({
        code: 'shares-sum',
        subject: 'I3.1',
        messageTh: expect.stringContaining('x.csv:2'),
      });
    });
  });

  describe('other import paths', () => {
    it('imports raw responses and counts respondents', async () => {
      const response = await post(
        '/api/agencies/din-daeng/assessments/2566/imports',
        central,
        upload('iit.csv', example('synthetic-iit-responses.csv')),
      );
      expect(response.statusCode).toBe(201);
      const detail = (await get('/api/agencies/din-daeng/assessments/2566', central)).json();
      expect(detail.result.respondents).toEqual({ IIT: 60 });
      expect(detail.result.tools.IIT).toBeGreaterThan(0);
    });

    it('imports the filled XLSX template', async () => {
      const template = await get('/api/frameworks/bma-district-2566/template.xlsx', khaeAdmin);
      expect(template.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['คำอธิบาย', 'distributions', 'oit', 'respondents']);
      const sheet = workbook.getWorksheet('oit')!;
      sheet.eachRow((row, n) => {
        if (n > 1) row.getCell(3).value = 100;
      });
      const filled = Buffer.from(await workbook.xlsx.writeBuffer());
      const response = await post('/api/agencies/phasi-charoen/assessments/2566/imports', central, upload('filled.xlsx', filled));
      expect(response.statusCode, response.body).toBe(201);
      const detail = (await get('/api/agencies/phasi-charoen/assessments/2566', central)).json();
      expect(detail.result.tools).toEqual({ OIT: 100 });
    });

    it('imports indicator scores of the FY2567 set (Bang Sue)', async () => {
      const response = await post(
        '/api/agencies/bang-sue/assessments/2567/imports',
        sueAdmin,
        upload('i.csv', example('bang-sue-2567-indicators.csv')),
      );
      expect(response.json()).toMatchObject({ framework: 'bma-district-2567', levelId: 'excellent' });
      expect((await get('/api/agencies/bang-sue/assessments/2567', sueAdmin)).json().result.ita).toBe(96.82);
    });
  });

  describe('who may see and import', () => {
    it("keeps one agency's results from another", async () => {
      expect((await get('/api/agencies/bang-khae/assessments/2566', sueAdmin)).statusCode).toBe(404);
      expect((await get('/api/agencies/bang-khae/assessments', sueAdmin)).statusCode).toBe(404);
      const before = await imports('bang-khae', 2566);
      const response = await post(
        '/api/agencies/bang-khae/assessments/2566/imports',
        sueAdmin,
        upload('x.csv', 'code,score\nO1,0\n'),
      );
      expect(response.statusCode).toBe(404);
      expect(await imports('bang-khae', 2566)).toEqual(before);
    });

    it('lets an executive read but not import', async () => {
      const response = await post(
        '/api/agencies/bang-khae/assessments/2566/imports',
        khaeDirector,
        upload('x.csv', 'code,score\nO1,0\n'),
      );
      expect(response.statusCode).toBe(403);
    });

    it('says whether the caller may see the self-assessment beside the results', async () => {
      const finance = await login(app, 'finance@bang-khae.demo');
      const can = async (session: Session) => {
        const response = await get('/api/agencies/bang-khae/assessments/2566', session);
        expect(response.statusCode, response.body).toBe(200);
        return response.json().can as { readSelfAssessment: boolean };
      };
      expect(await can(khaeAdmin)).toEqual({ readSelfAssessment: true });
      expect(await can(khaeDirector)).toEqual({ readSelfAssessment: true });
      expect(await can(central)).toEqual({ readSelfAssessment: true });
      expect(await can(finance)).toEqual({ readSelfAssessment: false });
    });

    it('shows the city-wide table to central users only, with CSV and XLSX exports', async () => {
      expect((await get('/api/results/city?year=2566', khaeAdmin)).statusCode).toBe(403);
      const rows = (
        (await get('/api/results/city?year=2566', central)).json() as {
          rows: { rank: number; agency: { slug: string }; ita: number | null }[];
        }
      ).rows;
      expect(rows[0]).toMatchObject({ rank: 1, agency: { slug: 'bang-khae' }, ita: 94.87 });
      const csv = await get('/api/results/city?year=2566&format=csv', central);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toBe(
        'fiscal_year,rank,agency_code,agency_slug,agency_name_th,agency_name_en,framework,source,ita,level,iit,eit,oit,indicator_1,indicator_2,indicator_3,indicator_4,indicator_5,indicator_6,indicator_7,indicator_8,indicator_9,indicator_10',
      );
      expect(lines[1]).toContain(
        '2566,1,1040,bang-khae,สำนักงานเขตบางแค,Bang Khae District Office,bma-district-2566,imported,94.87,ผ่านดี,88.04,94.86,100.00',
      );
      const xlsx = await get('/api/results/city?year=2566&format=xlsx', central);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets[0]!.getRow(2).getCell(9).value).toBe(94.87);
    });
  });
});
