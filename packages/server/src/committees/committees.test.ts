import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgency } from '../agencies/repository.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

interface Draft {
  source: 'saved' | 'carried' | 'template';
  fromYear: number | null;
  roles: string[];
  can: { edit: boolean };
  committee: {
    orderNumber: string;
    subject: string;
    preamble: string[];
    members: { name: string; role: string }[];
    duties: string[];
    signedDate: string;
    signatoryName: string;
    signatoryTitle: string;
  };
}

describe.each(TEST_DATABASES)('the committee editor on $engine', (database) => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let sueAdmin: Session;
  let khaeAdmin: Session;
  let khaeFinance: Session;

  const call = (method: 'GET' | 'PUT', url: string, session: Session, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const draft = async (agency: string, year: number, session: Session) =>
    (await call('GET', `/api/agencies/${agency}/committees/${year}/draft`, session)).json() as Draft;

  beforeAll(async () => {
    let db;
    ({ app, close, db } = await demoApp(database));
    // The demo signs the current year's orders once their date passes; these tests start Bang Khae with none.
    const khae = (await findAgency(db.kysely, 'bang-khae'))!;
    await db.kysely.deleteFrom('committees').where('agency_id', '=', khae.id).execute();
    sueAdmin = await login(app, 'admin@bang-sue.demo');
    khaeAdmin = await login(app, 'admin@bang-khae.demo');
    khaeFinance = await login(app, 'finance@bang-khae.demo');
  });
  afterAll(async () => close());

  it("opens Bang Sue's FY2568 order (seed 002) as it was written", async () => {
    const saved = await draft('bang-sue', 2568, sueAdmin);
    expect(saved.source).toBe('saved');
    expect(saved.committee.orderNumber).toBe('๒๘/๒๕๖๘');
    expect(saved.committee.members).toHaveLength(10);
  });

  it("carries last year's committee over with its years moved on and a new order number and date to fill in", async () => {
    const carried = await draft('bang-sue', 2569, sueAdmin);
    expect(carried).toMatchObject({ source: 'carried', fromYear: 2568 });
    expect(carried.committee.orderNumber).toBe('');
    expect(carried.committee.signedDate).toBe('');
    expect(carried.committee.subject).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๙');
    expect(carried.committee.duties[0]).toContain('ในปีงบประมาณ พ.ศ. ๒๕๖๘ และกำหนดแนวทางในการดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๙');
    // The law of 2528 is not a fiscal year.
    expect(carried.committee.preamble[1]).toContain('พ.ศ. ๒๕๒๘');
    expect(carried.committee.members.map((m) => m.role)).toEqual(
      (await draft('bang-sue', 2568, sueAdmin)).committee.members.map((m) => m.role),
    );
  });

  it('offers a district with no committee yet the template of seed 002 in its own name', async () => {
    const template = await draft('bang-khae', 2570, khaeAdmin);
    expect(template.source).toBe('template');
    expect(template.committee.subject).toBe(
      'แต่งตั้งคณะกรรมการประเมินคุณธรรมและความโปร่งใสของสำนักงานเขตบางแค (Integrity and Transparency Assessment: ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๗๐',
    );
    expect(template.committee.members[0]).toEqual({ name: 'ผู้อำนวยการเขตบางแค', role: 'ที่ปรึกษา' });
    expect(template.committee.duties).toHaveLength(6);
    expect(template.roles).toContain('คณะกรรมการและเลขานุการ');
  });

  it('tells each caller whether they may write the committee: the secretariat and central admins, not a division editor', async () => {
    const central = await login(app, 'admin@prongsai.demo');
    expect((await draft('bang-khae', 2570, khaeAdmin)).can).toEqual({ edit: true });
    expect((await draft('bang-khae', 2570, central)).can).toEqual({ edit: true });
    expect((await draft('bang-khae', 2570, khaeFinance)).can).toEqual({ edit: false });
  });

  it('saves a committee written from the draft, audited, for the secretariat only', async () => {
    const { committee } = await draft('bang-khae', 2570, khaeAdmin);
    const incomplete = await call('PUT', '/api/agencies/bang-khae/committees/2570', khaeAdmin, committee);
    expect(incomplete.statusCode).toBe(400);
    const written = {
      ...committee,
      orderNumber: '๑๒/๒๕๗๐',
      signedDate: '2026-11-20',
      signatoryName: 'นายทดสอบ ระบบดี',
      members: [...committee.members, { name: 'นางสาวสมใจ ใจดี', role: 'คณะกรรมการและผู้ช่วยเลขานุการ' }],
    };
    expect((await call('PUT', '/api/agencies/bang-khae/committees/2570', khaeFinance, written)).statusCode).toBe(403);
    expect((await call('PUT', '/api/agencies/bang-khae/committees/2570', sueAdmin, written)).statusCode).toBe(404);
    const saved = await call('PUT', '/api/agencies/bang-khae/committees/2570', khaeAdmin, written);
    expect(saved.statusCode, saved.body).toBe(200);
    const again = await draft('bang-khae', 2570, khaeAdmin);
    expect(again.source).toBe('saved');
    expect(again.committee.members.at(-1)).toEqual({ name: 'นางสาวสมใจ ใจดี', role: 'คณะกรรมการและผู้ช่วยเลขานุการ' });
    const central = await login(app, 'admin@prongsai.demo');
    const items = (await call('GET', '/api/audit?entity=committee', central)).json() as { action: string; recordName: string }[];
    expect(items.find((a) => a.action === 'create')?.recordName).toBe('ปีงบประมาณ 2570');
  });
});
