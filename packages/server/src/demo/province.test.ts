import { MILESTONE_TH, MILESTONES, scoreAssessment } from '@prongsai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { findAgency, findAgencyBySlug } from '../agencies/repository.js';
import { systemActor } from '../auth/policy.js';
import { MemoService } from '../calendar/memo.js';
import { loadFramework } from '../frameworks/registry.js';
import { login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { bareApp } from '../test-support/factories.js';
import { addDemoAccounts } from './demo.js';
import {
  loadDemoProvincePlans,
  loadDemoProvinceResults,
  PROVINCE_AGENCIES,
  PROVINCE_PLAN_YEAR,
  PROVINCE_RESULTS_YEAR,
  provinceAccounts,
  seedDemoProvince,
} from './province.js';
import { generatedContent } from './results.js';

// The demo's province alone (no Bangkok), beside one agency of elsewhere, loaded as `loadDemo` loads it.
describe.each(TEST_DATABASES)('the demo province, on $engine', (database) => {
  let context: Awaited<ReturnType<typeof bareApp>>;
  let overseer: Session;
  let national: Session;
  const loaded: number[] = [];

  beforeAll(async () => {
    context = await bareApp(database);
    const db = context.db.kysely;
    await context.make.agency({ slug: 'elsewhere', kind: 'district' });
    const load = async () =>
      (await seedDemoProvince(db)) +
      (await addDemoAccounts(db, provinceAccounts())) +
      (await loadDemoProvinceResults(db)) +
      (await loadDemoProvincePlans(db));
    loaded.push(await load(), await load());
    overseer = await login(context.app, 'overseer@nonthaburi.demo');
    national = (await context.make.account('central_admin')).session;
  });
  afterAll(() => context.close());

  const get = async (session: Session, url: string) => {
    const response = await context.app.inject({ method: 'GET', url, headers: session.headers });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json() as unknown;
  };
  const rowsOf = <T>(body: unknown) => (Array.isArray(body) ? body : (body as { rows: T[] }).rows) as T[];

  it('is loaded once: a second load adds nothing', () => {
    // 7 agencies, 8 accounts, 7 results, 7 plans.
    expect(loaded).toEqual([29, 0]);
  });

  it('is a tree: the province over its อบจ., municipalities and อบต., each of its kind with the kind’s units', async () => {
    const province = (await findAgency(context.db.kysely, 'nonthaburi'))!;
    expect(province).toMatchObject({ kind: 'province', name_th: 'จังหวัดนนทบุรี', parent_id: null });
    const kinds: string[] = [];
    for (const slug of PROVINCE_AGENCIES.slice(1)) {
      const agency = (await findAgency(context.db.kysely, slug))!;
      expect(agency.parent_id, slug).toBe(province.id);
      kinds.push(agency.kind);
    }
    expect(kinds).toEqual(['pao', 'municipality', 'municipality', 'sao', 'sao', 'sao']);
    const divisions = (await get(national, '/api/agencies/nakhon-pak-kret/divisions')) as { nameTh: string }[];
    expect(divisions.map((d) => d.nameTh)).toContain('สำนักปลัดเทศบาล');
    expect(divisions.every((d) => !d.nameTh.startsWith('ฝ่าย'))).toBe(true);
  });

  it("the province's overseer sees exactly the province and the agencies below it", async () => {
    const agencies = rowsOf<{ slug: string }>(await get(overseer, '/api/agencies'));
    expect(agencies.map((a) => a.slug).sort()).toEqual([...PROVINCE_AGENCIES].sort());
    const city = rowsOf<{ agency: { slug: string }; framework: string }>(
      await get(overseer, `/api/results/city?year=${PROVINCE_RESULTS_YEAR}`),
    );
    expect(city.map((r) => r.agency.slug).sort()).toEqual([...PROVINCE_AGENCIES].sort());
    expect(new Set(city.map((r) => r.framework))).toEqual(new Set([`nacc-main-${PROVINCE_RESULTS_YEAR}`]));
    expect(
      (await context.app.inject({ method: 'GET', url: '/api/agencies/elsewhere', headers: overseer.headers })).statusCode,
    ).toBe(404);
    // The whole country's admin sees the province and the rest.
    const all = rowsOf<{ slug: string }>(await get(national, '/api/agencies'));
    expect(all.map((a) => a.slug)).toEqual(expect.arrayContaining([...PROVINCE_AGENCIES, 'elsewhere']));
  });

  it('scores each agency’s results with core scoring, from the generated input', async () => {
    const framework = loadFramework(`nacc-main-${PROVINCE_RESULTS_YEAR}`);
    for (const slug of PROVINCE_AGENCIES) {
      const agency = (await findAgency(context.db.kysely, slug))!;
      const expected = scoreAssessment(framework, generatedContent(framework, agency.code, PROVINCE_RESULTS_YEAR).input);
      expect(expected.ita, slug).not.toBeNull();
      const stored = (await get(overseer, `/api/agencies/${slug}/assessments/${PROVINCE_RESULTS_YEAR}`)) as {
        source: string;
        framework: string;
        result: { ita: number | null; levelId: string | null };
      };
      expect([stored.source, stored.framework], slug).toEqual(['demo-generated', framework.id]);
      expect(stored.result.ita, slug).toBeCloseTo(expected.ita!, 2);
      expect(stored.result.levelId, slug).toBe(expected.level?.id ?? null);
    }
  });

  it("plans each agency's next year per indicator, with its own units and head, no district wording", async () => {
    const plan = (await get(overseer, `/api/agencies/nakhon-nonthaburi/plans/${PROVINCE_PLAN_YEAR}`)) as {
      basedOnYear: number | null;
      entries: { indicatorNumber: number | null; score: number | null; measures: string[]; divisions: (number | 'all')[] }[];
    };
    expect(plan.basedOnYear).toBe(PROVINCE_RESULTS_YEAR);
    expect(plan.entries.map((e) => e.indicatorNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(plan.entries.every((e) => e.score !== null)).toBe(true);
    const text = JSON.stringify(plan);
    expect(text).toContain('นายกเทศมนตรีนครนนทบุรี');
    expect(text).toContain('เทศบาลนครนนทบุรี');
    expect(text).not.toMatch(/เขต|ฝ่าย/);
    const divisions = (await get(overseer, '/api/agencies/nakhon-nonthaburi/divisions')) as { id: number; nameTh: string }[];
    const named = new Set(plan.entries.flatMap((e) => e.divisions).filter((d) => d !== 'all'));
    expect([...named].map((id) => divisions.find((d) => d.id === id)?.nameTh).sort()).toEqual([
      'กองคลัง',
      'กองช่าง',
      'กองยุทธศาสตร์และงบประมาณ',
      'สำนักปลัดเทศบาล',
    ]);
  });

  it('offers the overseer no national work: its abilities say so, and the server refuses it', async () => {
    const abilities = async (session: Session) =>
      ((await get(session, '/api/me')) as { abilities: Record<string, boolean> }).abilities;
    expect(await abilities(overseer)).toMatchObject({
      readCityResults: true,
      manageAgencies: false,
      importAgencies: false,
      importFrameworks: false,
    });
    expect(await abilities(national)).toMatchObject({ manageAgencies: true, importAgencies: true });
    const kinds = (await get(overseer, '/api/agency-kinds')) as { can: { edit: boolean } }[];
    expect(kinds.some((k) => k.can.edit)).toBe(false);
    const imported = await context.app.inject({
      method: 'POST',
      url: '/api/agencies/import',
      headers: overseer.headers,
      payload: {
        fileName: 'a.csv',
        contentBase64: Buffer.from('code,name_th,name_en,kind,parent_code\n').toString('base64'),
        dryRun: true,
      },
    });
    expect(imported.statusCode).toBe(403);
  });
  describe('milestones of each kind of agency', () => {
    // A past year: every milestone not done is late.
    const YEAR = 2567;
    type Milestone = { milestone: string; nameTh: string };
    type LatePage = {
      rows: { milestone: string; milestoneTh: string; agency: { slug: string } }[];
      milestones: Milestone[];
    };
    const calendarOf = async (slug: string) => (await get(national, `/api/agencies/${slug}/calendar/${YEAR}`)) as Milestone[];
    const late = async (session: Session, query = '') =>
      (await get(session, `/api/calendar/${YEAR}/late?limit=200${query}`)) as LatePage;
    const schoolsLate = async () => (await late(national, '&milestone=schools-data')).rows.map((r) => r.agency.slug).sort();
    const memosTh = async (slug: string) => (await calendarOf(slug)).find((m) => m.milestone === 'memos')!.nameTh;

    it("leaves the schools' step out of an อบต.'s year and late list, while a Bangkok district keeps it", async () => {
      const sao = await calendarOf('ko-kret');
      expect(sao.map((m) => m.milestone)).toEqual(MILESTONES.filter((m) => m !== 'schools-data'));
      const district = await calendarOf('elsewhere');
      expect(district.map((m) => m.milestone)).toEqual([...MILESTONES]);
      expect(district.map((m) => m.nameTh)).toEqual(MILESTONES.map((m) => MILESTONE_TH[m]));

      expect(await schoolsLate()).toEqual(['elsewhere']);
      const all = await late(national);
      const ofProvince = all.rows.filter((r) => PROVINCE_AGENCIES.includes(r.agency.slug));
      expect(ofProvince.length).toBeGreaterThan(0);
      expect(ofProvince.some((r) => r.milestone === 'schools-data')).toBe(false);
      expect(all.milestones.find((m) => m.milestone === 'schools-data')).toMatchObject({ late: 1 });
      const overseen = await late(overseer);
      expect(overseen.rows.some((r) => r.milestone === 'schools-data')).toBe(false);
      expect(overseen.milestones.map((m) => m.milestone)).not.toContain('schools-data');

      const csv = (
        await context.app.inject({ method: 'GET', url: `/api/calendar/${YEAR}/late?format=csv`, headers: national.headers })
      ).body;
      const lines = csv.split('\n');
      expect(lines.filter((l) => l.startsWith('schools-data,')).map((l) => l.split(',')[2])).toEqual(['elsewhere']);
      expect(lines.find((l) => l.startsWith('memos,') && l.includes(',nakhon-nonthaburi,'))).toContain(
        'บันทึกข้อความแจ้งกำหนดการถึงทุกกอง,',
      );
    });

    it("names the memos by the kind's units: กอง for a municipality, the district's wording unchanged", async () => {
      expect(await memosTh('nakhon-nonthaburi')).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกกอง');
      expect(await memosTh('nonthaburi')).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกกลุ่มงาน');
      expect(await memosTh('elsewhere')).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกฝ่ายและโรงเรียน');
      const rows = (await late(national, '&milestone=memos')).rows;
      expect(rows.find((r) => r.agency.slug === 'nakhon-nonthaburi')!.milestoneTh).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกกอง');
      expect(rows.find((r) => r.agency.slug === 'elsewhere')!.milestoneTh).toBe(MILESTONE_TH.memos);
      // The province's own kinds word their units differently: the count per milestone speaks of any unit.
      expect((await late(overseer)).milestones.find((m) => m.milestone === 'memos')!.nameTh).toBe(
        'บันทึกข้อความแจ้งกำหนดการถึงทุกหน่วยย่อย',
      );
    });

    it("keeps the late list to a kind's milestones as a central admin changes them, and refuses unknown ones", async () => {
      const kinds = (await get(national, '/api/agency-kinds')) as { kind: { id: string } & Record<string, unknown> }[];
      const { id: _, ...sao } = kinds.find((k) => k.kind.id === 'sao')!.kind;
      const put = (body: unknown) =>
        context.app.inject({ method: 'PUT', url: '/api/agency-kinds/sao', headers: national.headers, payload: body as object });
      const refused = await put({ ...sao, milestones: ['committee-order', 'school-data'] });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('unknown milestone \\"school-data\\"');
      expect(refused.body).toContain('ไม่รู้จักขั้นตอน');

      const withSchools = await put({ ...sao, milestones: [...MILESTONES] });
      expect(withSchools.statusCode, withSchools.body).toBe(200);
      expect(await schoolsLate()).toEqual(['bang-rak-noi', 'elsewhere', 'ko-kret', 'rat-niyom']);
      expect(await memosTh('ko-kret')).toBe('บันทึกข้อความแจ้งกำหนดการถึงทุกกองและโรงเรียน');
      const memoKinds = async () =>
        ((await get(national, `/api/agencies/ko-kret/memos/${YEAR}`)) as { kind: string }[]).map((m) => m.kind);
      expect(await memoKinds()).toEqual(['collection', 'schools']);

      const without = await put(sao);
      expect(without.statusCode, without.body).toBe(200);
      expect(await schoolsLate()).toEqual(['elsewhere']);
      expect((await calendarOf('ko-kret')).map((m) => m.milestone)).not.toContain('schools-data');
      expect(await memoKinds()).toEqual(['collection']);
    });

    it("has a municipality's memos done by its memo to every กอง alone, refuses it a schools memo, and still needs both of a district", async () => {
      type Memo = { kind: string; nameTh: string };
      const memosOf = async (slug: string) =>
        ((await get(national, `/api/agencies/${slug}/memos/${YEAR}`)) as Memo[]).map((m) => [m.kind, m.nameTh]);
      expect(await memosOf('nakhon-nonthaburi')).toEqual([['collection', 'บันทึกข้อความแจ้งทุกกอง']]);
      expect(await memosOf('ko-kret')).toEqual([['collection', 'บันทึกข้อความแจ้งทุกกอง']]);
      expect(await memosOf('elsewhere')).toEqual([
        ['collection', 'บันทึกข้อความแจ้งทุกฝ่าย (ฝ่ายปกครอง)'],
        ['schools', 'บันทึกข้อความถึงโรงเรียนในสังกัด (ฝ่ายการศึกษา)'],
      ]);

      const send = (method: 'PUT' | 'POST', url: string, payload: object) =>
        context.app.inject({ method, url, headers: national.headers, payload });
      const memo = (slug: string, kind: string, tail = '') => `/api/agencies/${slug}/memos/${YEAR}/${kind}${tail}`;
      for (const refused of [
        await send('PUT', memo('nakhon-nonthaburi', 'schools'), { number: 'นบ 1/1' }),
        await send('PUT', memo('nakhon-nonthaburi', 'schools', '/issued'), { issued: true }),
        await send('POST', '/api/agencies/nakhon-nonthaburi/documents', {
          kind: 'memo',
          memoKind: 'schools',
          format: 'pdf',
          year: YEAR,
        }),
      ]) {
        expect(refused.statusCode, refused.body).toBe(400);
        const { error } = refused.json() as { error: { message: string; messageTh: string } };
        expect(error.message).toContain('no schools memo');
        expect(error.messageTh).toContain('หน่วยงานประเภทเทศบาลไม่มีบันทึกข้อความถึงโรงเรียนในสังกัด');
      }
      expect(await context.db.kysely.selectFrom('memos').select('id').execute()).toEqual([]);

      const memosStep = async (slug: string) => (await calendarOf(slug)).find((m) => m.milestone === 'memos')!;
      const memosLate = async () => (await late(national, '&milestone=memos')).rows.map((r) => r.agency.slug);
      expect(await memosLate()).toEqual(expect.arrayContaining(['nakhon-nonthaburi', 'elsewhere']));
      for (const slug of ['nakhon-nonthaburi', 'elsewhere']) {
        const saved = await send('PUT', memo(slug, 'collection'), { number: '1/2567' });
        expect(saved.statusCode, saved.body).toBe(200);
        const issued = await send('PUT', memo(slug, 'collection', '/issued'), { issued: true });
        expect(issued.statusCode, issued.body).toBe(200);
      }
      // The municipality has no other memo: its step is done, and the city's late list agrees.
      expect(await memosStep('nakhon-nonthaburi')).toMatchObject({ done: true, source: 'feature' });
      expect(await memosLate()).not.toContain('nakhon-nonthaburi');
      // A Bangkok district still owes its schools' memo.
      expect(await memosStep('elsewhere')).toMatchObject({ done: false, source: 'feature', state: 'late' });
      expect(await memosLate()).toContain('elsewhere');
      expect(await memosLate()).toContain('ko-kret');
    });

    it("keeps a municipality's schools memo issued before its kind lost it: listed, printed as issued, never reopened", async () => {
      type Memo = {
        kind: string;
        nameTh: string;
        nameEn: string;
        issuedAt: string | null;
        document: object;
        can: { edit: boolean };
      };
      const earlier = YEAR - 1;
      const memosOf = async (year: number) => (await get(national, `/api/agencies/nakhon-nonthaburi/memos/${year}`)) as Memo[];
      // Issued when every kind had the schools' memo: what it said then is kept.
      const agency = await context.db.kysely
        .selectFrom('agencies')
        .select('id')
        .where('slug', '=', 'nakhon-nonthaburi')
        .executeTakeFirstOrThrow();
      const went = { ...(await memosOf(earlier))[0]!.document, subject: 'แจ้งกำหนดการถึงโรงเรียน (ออกเลขแล้ว)' };
      const snapshot = { document: went, calendarInstructions: ['ตามที่แจ้ง'], frameworkId: null, frameworkFromEarlierYear: false };
      await context.db.kysely
        .insertInto('memos')
        .values({
          agency_id: agency.id,
          fiscal_year: earlier,
          kind: 'schools',
          content: JSON.stringify({ number: 'นบ 9/2566' }),
          updated_by: null,
          updated_at: new Date().toISOString(),
          issued_at: new Date().toISOString(),
          issued_by: null,
          issued_content: JSON.stringify(snapshot),
        })
        .execute();

      const listed = await memosOf(earlier);
      expect(listed.map((m) => [m.kind, m.nameTh, m.nameEn])).toEqual([
        ['collection', 'บันทึกข้อความแจ้งทุกกอง', 'Memo to every division'],
        ['schools', 'บันทึกข้อความถึงโรงเรียนในสังกัด', 'Memo to the schools'],
      ]);
      const schools = listed.find((m) => m.kind === 'schools')!;
      expect(schools.issuedAt).not.toBeNull();
      expect(schools.document).toEqual(went);
      // The secretariat may write into its memo to every กอง, not into one its kind no longer has.
      expect(listed.map((m) => m.can.edit)).toEqual([true, false]);
      // The year it has none issued still lists its memo to every กอง alone.
      expect((await memosOf(YEAR)).map((m) => m.kind)).toEqual(['collection']);

      const model = await new MemoService(context.db.kysely).model(
        systemActor(agency.id),
        (await findAgencyBySlug(context.db.kysely, 'nakhon-nonthaburi'))!,
        earlier,
        'schools',
        tmpdir(),
      );
      expect(model.subject).toBe(went.subject);
      const send = (method: 'PUT' | 'POST', url: string, payload: object) =>
        context.app.inject({ method, url, headers: national.headers, payload });
      const printed = await send('POST', '/api/agencies/nakhon-nonthaburi/documents', {
        kind: 'memo',
        memoKind: 'schools',
        format: 'pdf',
        year: earlier,
      });
      expect(printed.statusCode, printed.body).toBe(202);

      // Reopened, it could not be issued again: refused, as is writing into it; it stays issued.
      const memo = `/api/agencies/nakhon-nonthaburi/memos/${earlier}/schools`;
      for (const refused of [
        await send('PUT', `${memo}/issued`, { issued: false }),
        await send('PUT', memo, { number: 'นบ 10/2566' }),
      ]) {
        expect(refused.statusCode, refused.body).toBe(400);
        expect((refused.json() as { error: { message: string } }).error.message).toContain('no schools memo');
      }
      expect((await memosOf(earlier)).find((m) => m.kind === 'schools')!.issuedAt).toBe(schools.issuedAt);
    });
  });
});
