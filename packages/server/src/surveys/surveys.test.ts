import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { RawCsvParser, scoreAssessment, surveyItems } from '@prongsai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import { todayInBangkok, type Db } from '../db/database.js';
import { TABLES } from '../db/backup.js';
import { currentFiscalYear } from '../demo/current-year.js';
import { loadFramework } from '../frameworks/registry.js';
import { login, TEST_DATABASES, type Session } from '../test-support/databases.js';

const fy2566 = loadFramework('bma-district-2566');
const iit = surveyItems(fy2566, 'IIT');
const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** A phone's submission id: a version-4 UUID, the same for the same name (its retries). */
const idOf = (name: string) => {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** Respondent n's answers, the same every run. */
const answersOf = (n: number) =>
  Object.fromEntries(iit.map((item, i) => [item.key, item.scale.answers[(n * 7 + i * 3) % item.scale.answers.length]!]));

describe.each(TEST_DATABASES)('self-assessment surveys on $engine', (database) => {
  let app: FastifyInstance;
  let db: Db & { drop(): Promise<void> };
  let admin: Session;
  let finance: Session;
  let log = '';
  let round: { id: number; code: string };
  let scored: { id: number; code: string };
  let divisions: { id: number; nameTh: string }[];

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-survey-'));
    db = await database.openDemo({ results: false }, dataDir);
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    app = await buildApp({
      db,
      config: {
        ...withoutSchedules(loadConfig({})),
        dataDir,
        secureCookies: false,
        logLevel: 'info',
      },
      logStream: stream,
      webDist: '/nonexistent',
    });
    admin = await login(app, 'admin@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    divisions = (await app.inject({ method: 'GET', url: '/api/agencies/bang-khae/divisions', headers: admin.headers })).json();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const submit = (code: string, body: object, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/s/${code}/responses`,
      payload: body,
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 9; SM-J260G) TestPhone/1.0', ...headers },
      remoteAddress: '203.150.77.12',
    });
  const progress = async (id: number) =>
    (await app.inject({ method: 'GET', url: `/api/surveys/${id}/progress`, headers: admin.headers })).json() as {
      total: number | null;
      divisions: { divisionId: number; responses: number | null; required: number; short: number | null }[];
    };
  /** Responses kept for a round: counted, or sealed and waiting to be counted. */
  const kept = async (id: number) => {
    const waiting = await db.kysely
      .selectFrom('survey_pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('round_id', '=', id)
      .executeTakeFirstOrThrow();
    const counted = await db.kysely
      .selectFrom('survey_counts')
      .select((eb) => eb.fn.sum<number>('responses').as('n'))
      .where('round_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(waiting.n) + Number(counted.n ?? 0);
  };

  it("opens a round from the year's framework, for the secretariat only, and refuses one whose items are not known", async () => {
    const body = { tool: 'IIT', fiscalYear: 2566, opensOn: day(-1), closesOn: day(10) };
    expect(
      (await app.inject({ method: 'POST', url: '/api/agencies/bang-khae/surveys', headers: finance.headers, payload: body }))
        .statusCode,
    ).toBe(404);
    const opened = await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/surveys',
      headers: admin.headers,
      payload: body,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    round = opened.json();
    expect(round.code).toMatch(/^[A-Z0-9]{8}$/);
    const eit2567 = await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/surveys',
      headers: admin.headers,
      payload: { ...body, tool: 'EIT', fiscalYear: 2567 },
    });
    expect(eit2567.statusCode).toBe(400);
    // A second IIT round of the same year, open or still to open, is refused until the first is closed.
    for (const dates of [body, { ...body, opensOn: day(20), closesOn: day(30) }]) {
      const twice = await app.inject({
        method: 'POST',
        url: '/api/agencies/bang-khae/surveys',
        headers: admin.headers,
        payload: dates,
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('round-already-open');
      expect(twice.json().error.messageTh).toContain('กรุณาปิดรอบเดิมก่อนเปิดรอบใหม่');
    }
    // Another agency, or the other tool, is another round.
    const eit = await app.inject({
      method: 'POST',
      url: '/api/agencies/bang-khae/surveys',
      headers: admin.headers,
      payload: { ...body, tool: 'EIT' },
    });
    expect(eit.statusCode, eit.body).toBe(201);
    await app.inject({ method: 'POST', url: `/api/surveys/${(eit.json() as { id: number }).id}/close`, headers: admin.headers });
    expect(eit2567.json().error.messageTh).toContain('ไม่มีข้อย่อยของคำถาม E1');
    const page = await app.inject({ method: 'GET', url: `/s/${round.code}` });
    expect(page.headers['content-type']).toContain('text/html');
    // The official wording of the framework, every item, and a small page.
    expect(page.body).toContain(
      fy2566.units.get('I1')!.kind === 'question'
        ? (fy2566.units.get('I1') as { data: { text: { th: string } } }).data.text.th
        : '',
    );
    expect((page.body.match(/type="radio"/g) ?? []).length).toBe(iit.reduce((sum, i) => sum + i.scale.options.length, 0));
    expect(page.body.length).toBeLessThan(60_000);
  });

  it('scores the responses exactly as the same answers in a raw-responses file', async () => {
    const finance_ = divisions.find((d) => d.nameTh === 'ฝ่ายการคลัง')!.id;
    scored = (
      await app.inject({
        method: 'POST',
        url: '/api/agencies/bang-khae/surveys',
        headers: admin.headers,
        // One running IIT round a year: this one runs on FY2565, asking FY2566's questions.
        payload: { tool: 'IIT', fiscalYear: 2565, framework: 'bma-district-2566', opensOn: day(-1), closesOn: day(10) },
      })
    ).json();
    for (let n = 0; n < 23; n++) {
      const answered = await submit(scored.code, {
        clientId: idOf(`phone-${n}`),
        answers: answersOf(n),
        division: n % 2 ? finance_ : 0,
      });
      expect(answered.statusCode, answered.body).toBe(200);
    }
    // Counted in batches of 5, with 5 to 9 waiting while the round is open; closing counts the rest.
    expect((await progress(scored.id)).total).toBe(15);
    expect(await kept(scored.id)).toBe(23);
    await app.inject({ method: 'POST', url: `/api/surveys/${scored.id}/close`, headers: admin.headers });
    const result = (
      await app.inject({ method: 'GET', url: `/api/surveys/${scored.id}/result`, headers: admin.headers })
    ).json() as {
      source: string;
      respondents: number;
      result: { tools: Record<string, number>; questions: Record<string, number> };
      divisions: { nameTh: string; responses: number | null }[];
    };
    const csv = [
      'respondent,' + iit.map((i) => i.key).join(','),
      ...Array.from({ length: 23 }, (_, n) => `R${n},${iit.map((i) => answersOf(n)[i.key]).join(',')}`),
    ].join('\n');
    const parser = new RawCsvParser(fy2566, 'iit.csv');
    parser.push(new TextEncoder().encode(`${csv}\n`));
    const fromFile = scoreAssessment(fy2566, parser.finish().toScoreInput());
    expect(result.source).toBe('self-assessment');
    expect(result.respondents).toBe(23);
    expect(result.result.tools.IIT).toBe(Math.round(fromFile.tools.IIT!.score * 100) / 100);
    for (const [code, unit] of Object.entries(fromFile.units)) {
      expect(result.result.questions[code], code).toBe(Math.round(unit.score * 100) / 100);
    }
    // 11 in finance and 12 without a division: both shown; the other divisions, with none, show as under 5.
    expect(
      result.divisions
        .map((d) => d.responses)
        .filter((r) => r !== null)
        .sort(),
    ).toEqual([11, 12]);
  });

  it('answers a retry as the first, even when ten come at once', async () => {
    const before = await kept(round.id);
    const retries = await Promise.all(
      Array.from({ length: 10 }, () => submit(round.code, { clientId: idOf('phone-retry'), answers: answersOf(99) })),
    );
    expect(retries.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(retries.every((r) => r.json().status === 'received')).toBe(true);
    expect(await kept(round.id)).toBe(before + 1);
  });

  it('refuses bad input with a Thai message and stores nothing', async () => {
    const before = await kept(round.id);
    const wrong = await submit(round.code, { clientId: idOf('phone-bad-1'), answers: { ...answersOf(1), 'I1.1': 7 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.messageTh).toBe('ข้อ I1.1: คำตอบไม่อยู่ในตัวเลือก');
    expect(
      (await submit(round.code, { clientId: idOf('phone-bad-2'), answers: { ...answersOf(1), 'I99.1': 1 } })).statusCode,
    ).toBe(400);
    const partial = answersOf(1);
    delete partial['I25.1'];
    expect((await submit(round.code, { clientId: idOf('phone-bad-3'), answers: partial })).json().error.messageTh).toBe(
      'ยังไม่ได้ตอบข้อ I25.1',
    );
    expect(
      (await submit(round.code, { clientId: idOf('phone-bad-4'), answers: { ...answersOf(1), pad: 'x'.repeat(70_000) } }))
        .statusCode,
    ).toBe(413);
    expect((await submit('NOSUCH99', { clientId: idOf('phone-bad-5'), answers: answersOf(1) })).statusCode).toBe(404);
    // The failed ones left no receipt: sending again, right, is counted.
    expect(await kept(round.id)).toBe(before);
    expect((await submit(round.code, { clientId: idOf('phone-bad-1'), answers: answersOf(1) })).statusCode).toBe(200);
    expect(await kept(round.id)).toBe(before + 1);
  });

  it('takes single-use codes that record only that they were used, and keeps nothing that identifies a respondent', async () => {
    const works = divisions.find((d) => d.nameTh === 'ฝ่ายโยธา')!.id;
    const coded = (
      await app.inject({
        method: 'POST',
        url: '/api/agencies/bang-khae/surveys',
        headers: admin.headers,
        payload: {
          tool: 'IIT',
          fiscalYear: 2564,
          framework: 'bma-district-2566',
          opensOn: day(0),
          closesOn: day(0),
          useCodes: true,
        },
      })
    ).json() as { id: number; code: string };
    const { codes } = (
      await app.inject({
        method: 'POST',
        url: `/api/surveys/${coded.id}/codes`,
        headers: admin.headers,
        payload: { divisionId: works, count: 3 },
      })
    ).json() as { codes: string[] };
    expect(codes).toHaveLength(3);
    expect((await submit(coded.code, { clientId: idOf('phone-code-1'), answers: answersOf(5), code: codes[0] })).statusCode).toBe(
      200,
    );
    const reused = await submit(coded.code, { clientId: idOf('phone-code-2'), answers: answersOf(6), code: codes[0] });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.messageTh).toBe('รหัสนี้ไม่ถูกต้องหรือถูกใช้ไปแล้ว');
    expect((await submit(coded.code, { clientId: idOf('phone-code-3'), answers: answersOf(6) })).statusCode).toBe(409);
    // One response, waiting to be counted with four more: nothing of it shows.
    expect(await kept(coded.id)).toBe(1);
    const p = await progress(coded.id);
    expect(p.total).toBeNull();
    expect(p.divisions.find((d) => d.divisionId === works)?.responses).toBeNull();

    // Every table, every value: no address, no user agent, no time finer than the day, and the
    // code row holds nothing that points to the response.
    const dump: string[] = [];
    for (const table of TABLES) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely)).rows;
      if (table.startsWith('survey_')) {
        for (const row of rows) dump.push(`${table} ${JSON.stringify(row)}`);
      } else dump.push(...rows.map((r) => JSON.stringify(r)));
    }
    const all = dump.join('\n');
    expect(all).not.toContain('203.150.77.12');
    expect(all).not.toContain('TestPhone');
    const surveyRows = dump.filter((line) => /^survey_(tallies|counts|receipts|codes|pending) /.test(line));
    expect(surveyRows.length).toBeGreaterThan(0);
    for (const line of surveyRows) expect(line, line).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const codeRows = dump.filter((line) => line.startsWith('survey_codes '));
    for (const line of codeRows) {
      expect(Object.keys(JSON.parse(line.slice('survey_codes '.length))).sort()).toEqual([
        'code_hash',
        'division_id',
        'id',
        'round_id',
        'used',
      ]);
    }
    expect(codeRows.some((line) => line.includes(codes[0]!))).toBe(false);
    // The log holds none of it either: the respondents' routes log nothing.
    expect(log).not.toContain('203.150.77.12');
    expect(log).not.toContain('TestPhone');
    expect(log).not.toContain('/api/s/');
    expect(log).toContain('/api/surveys/');
  });

  it('closes by itself after its last day, and on request; a closed round stores nothing', async () => {
    const past = (
      await app.inject({
        method: 'POST',
        url: '/api/agencies/bang-khae/surveys',
        headers: admin.headers,
        payload: { tool: 'EIT', fiscalYear: 2566, opensOn: day(-10), closesOn: day(-1) },
      })
    ).json() as { id: number; code: string; open: boolean };
    expect(past.open).toBe(false);
    const late = await submit(past.code, {
      clientId: idOf('phone-late-1'),
      answers: Object.fromEntries(surveyItems(fy2566, 'EIT').map((i) => [i.key, i.scale.answers[0]])),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.messageTh).toContain('ปิดรับคำตอบแล้ว');
    expect(await kept(past.id)).toBe(0);
    // EIT rounds start with the BMA district minimums per division.
    expect((await progress(past.id)).divisions.find((d) => d.required === 60)).toBeDefined();
    await app.inject({ method: 'POST', url: `/api/surveys/${round.id}/close`, headers: admin.headers });
    expect((await submit(round.code, { clientId: idOf('phone-after-close'), answers: answersOf(3) })).statusCode).toBe(409);
    expect(todayInBangkok()).toBe(day(0));
  });

  it('keeps rounds to their agency and shows quotas and shortfalls', async () => {
    const other = await login(app, 'admin@bang-sue.demo');
    expect(
      (await app.inject({ method: 'GET', url: `/api/surveys/${round.id}/progress`, headers: other.headers })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/surveys/${round.id}/result`, headers: finance.headers })).statusCode,
    ).toBe(404);
    const finance_ = divisions.find((d) => d.nameTh === 'ฝ่ายการคลัง')!.id;
    const set = await app.inject({
      method: 'PUT',
      url: `/api/surveys/${scored.id}/quotas`,
      headers: admin.headers,
      payload: [{ divisionId: finance_, headcount: 20 }],
    });
    expect(set.statusCode, set.body).toBe(200);
    const row = (
      set.json() as { divisions: { divisionId: number; required: number; responses: number; short: number }[] }
    ).divisions.find((d) => d.divisionId === finance_)!;
    expect(row).toMatchObject({ required: 20, responses: 11, short: 9 });
    // A division of fewer than 5 shows neither its count nor what it lacks.
    const works = divisions.find((d) => d.nameTh === 'ฝ่ายโยธา')!.id;
    const small = (
      await app.inject({
        method: 'PUT',
        url: `/api/surveys/${scored.id}/quotas`,
        headers: admin.headers,
        payload: [{ divisionId: works, headcount: 8 }],
      })
    ).json() as { divisions: { divisionId: number; responses: number | null; short: number | null }[] };
    expect(small.divisions.find((d) => d.divisionId === works)).toMatchObject({ responses: null, short: null });
  });

  it('holds demo rounds with generated answers, hides divisions under 5, and feeds the OIT prediction', async () => {
    const dd = await login(app, 'admin@din-daeng.demo');
    const rounds = (await app.inject({ method: 'GET', url: '/api/agencies/din-daeng/surveys', headers: dd.headers })).json() as {
      id: number;
      tool: string;
      open: boolean;
    }[];
    expect(rounds.map((r) => `${r.tool} ${r.open}`).sort()).toEqual(['EIT false', 'IIT true']);
    const iitRound = rounds.find((r) => r.tool === 'IIT')!;
    const result = (
      await app.inject({ method: 'GET', url: `/api/surveys/${iitRound.id}/result`, headers: dd.headers })
    ).json() as {
      respondents: number;
      result: { tools: Record<string, number> };
      divisions: { responses: number | null }[];
    };
    expect(result.respondents).toBeGreaterThan(50);
    expect(result.result.tools.IIT).toBeGreaterThan(50);
    // Divisions of 3 are hidden, and so are as many more as it takes for the hidden total to be 0 or at least 5.
    const hidden = result.divisions.filter((d) => d.responses === null).length;
    expect(hidden).toBeGreaterThanOrEqual(2);
    expect(result.divisions.every((d) => d.responses === null || d.responses >= 5)).toBe(true);
    // The demo's rounds run on the current fiscal year; without its official results, the OIT prediction
    // (on the checklist the demo opened) uses the self-assessment.
    const year = currentFiscalYear();
    const prediction = (
      await app.inject({ method: 'GET', url: `/api/agencies/din-daeng/oit/${year}/prediction`, headers: dd.headers })
    ).json() as { basis: string; ita: unknown };
    expect(prediction.basis).toBe(`แบบสอบถามประเมินตนเอง IIT/EIT ปีงบประมาณ พ.ศ. ${year}`);
    expect(prediction.ita).not.toBeNull();
  });

  it('counts headcounts from a roster it does not keep', async () => {
    const roster = [
      'ฝ่าย,ชื่อ,วันที่เริ่มปฏิบัติงาน',
      ...Array.from({ length: 12 }, (_, i) => `ฝ่ายทะเบียน,สมชาย ใจดี ${i},${i < 9 ? '1/6/2560' : '1/6/2566'}`),
    ].join('\n');
    const counted = await app.inject({
      method: 'POST',
      url: `/api/surveys/${round.id}/roster`,
      headers: admin.headers,
      payload: { fileName: 'staff.csv', contentBase64: Buffer.from(roster).toString('base64') },
    });
    expect(counted.statusCode, counted.body).toBe(200);
    const body = counted.json() as {
      eligible: number;
      notYet: number;
      progress: { divisions: { nameTh: string; headcount: number; required: number }[] };
    };
    // FY2566: a full year before 1 January 2566 means started by 1 January 2565 (2022-01-01).
    expect(body).toMatchObject({ eligible: 9, notYet: 3 });
    expect(body.progress.divisions.find((d) => d.nameTh === 'ฝ่ายทะเบียน')).toMatchObject({ headcount: 9, required: 9 });
    const everything: string[] = [];
    for (const table of TABLES) {
      everything.push(JSON.stringify((await sql`select * from ${sql.table(table)}`.execute(db.kysely)).rows));
    }
    expect(everything.join('').includes('สมชาย ใจดี')).toBe(false);
  });

  it("shows central oversight every agency's rounds against their quotas", async () => {
    const central = await login(app, 'admin@prongsai.demo');
    expect(
      (await app.inject({ method: 'GET', url: `/api/surveys/city?year=${currentFiscalYear()}&tool=EIT`, headers: admin.headers }))
        .statusCode,
    ).toBe(403);
    const city = (
      (
        await app.inject({
          method: 'GET',
          url: `/api/surveys/city?year=${currentFiscalYear()}&tool=EIT&limit=200`,
          headers: central.headers,
        })
      ).json() as {
        rows: {
          agencyId: number;
          agency: { kind: string };
          quotaGroups: number;
          required: number;
          responses: number;
          groupsShort: number;
        }[];
      }
    ).rows;
    expect(city.length).toBeGreaterThanOrEqual(2);
    for (const row of city) {
      expect(row.quotaGroups).toBe(10);
      expect(row.required).toBe(460);
      expect(row.groupsShort).toBeGreaterThan(0);
      // Its kind, whose unit word names the groups.
      expect(row.agency.kind).toBe('district');
    }
  });

  it('answers a flood from one client with a rate limit, and stores nothing of it', async () => {
    const flood = await Promise.all(
      Array.from({ length: 70 }, (_, n) =>
        app.inject({
          method: 'POST',
          url: `/api/s/NOSUCH00/responses`,
          payload: { clientId: idOf(`flood-${n}`), answers: {} },
          remoteAddress: '198.51.100.7',
        }),
      ),
    );
    const limited = flood.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.json().error.messageTh).toBe('มีคำขอมากเกินไป กรุณารอสักครู่แล้วลองใหม่');
    expect(log).not.toContain('198.51.100.7');
  });

  it('compares the self-assessment with the official score of the tool', async () => {
    const result = (
      await app.inject({ method: 'GET', url: `/api/surveys/${round.id}/result`, headers: admin.headers })
    ).json() as {
      official: { thisYear: unknown; lastYear: unknown };
    };
    // The demo here holds no results (loaded without them): nothing to compare with, said as such.
    expect(result.official).toEqual({ thisYear: null, lastYear: null });
  });

  it('sets IIT samples by the BMA rule from civil servants and employees, and answers a what-if', async () => {
    const works = divisions.find((d) => d.nameTh === 'ฝ่ายโยธา')!.id;
    const registry = divisions.find((d) => d.nameTh === 'ฝ่ายทะเบียน')!.id;
    const set = (
      await app.inject({
        method: 'PUT',
        url: `/api/surveys/${round.id}/quotas`,
        headers: admin.headers,
        payload: [
          { divisionId: works, civilServants: 12, employees: 40 },
          { divisionId: registry, civilServants: 10, employees: 11 },
        ],
      })
    ).json() as { divisions: { divisionId: number; headcount: number; required: number }[] };
    expect(set.divisions.find((d) => d.divisionId === works)).toMatchObject({ headcount: 52, required: 52 });
    expect(set.divisions.find((d) => d.divisionId === registry)).toMatchObject({ headcount: 21, required: 19 });
    const whatIf = (
      await app.inject({
        method: 'POST',
        url: `/api/surveys/${scored.id}/what-if`,
        headers: admin.headers,
        payload: { changes: { I1: 100 } },
      })
    ).json() as {
      before: { tools: Record<string, number> };
      after: { tools: Record<string, number>; questions: Record<string, number> };
    };
    expect(whatIf.after.questions.I1).toBe(100);
    expect(whatIf.after.tools.IIT).toBeGreaterThan(whatIf.before.tools.IIT!);
  });
});
