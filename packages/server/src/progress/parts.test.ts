import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgency } from '../agencies/repository.js';
import type { Db } from '../db/database.js';
import { progressModel } from '../documents/model.js';
import { systemActor } from '../auth/policy.js';
import { demoApp, login, TEST_DATABASES, type Session } from '../test-support/databases.js';

interface Part {
  divisionId: number;
  nameTh: string;
  status: string;
  submitted: boolean;
  can: { edit: boolean };
}
interface RoundEntry {
  entry: { id: number; questionCode: string | null; divisions: (number | 'all')[] };
  report: { review: string };
  parts: Part[];
}
interface Round {
  entries: RoundEntry[];
  completeness: { divisionId: number; nameTh: string; assigned: number; reported: number }[];
}

describe.each(TEST_DATABASES)('division parts of a shared measure on $engine', (database) => {
  let app: FastifyInstance;
  let db: Db;
  let dataDir: string;
  let close: () => Promise<void>;
  let admin: Session;
  let finance: Session;
  let works: Session;
  let shared: RoundEntry;
  let financeId: number;
  let worksId: number;

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, session: Session, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
  const round = async (session: Session) =>
    (await call('GET', '/api/agencies/bang-khae/plans/2567/rounds/6', session)).json() as Round;
  const part = (divisionId: number) => `/api/entries/${shared.entry.id}/reports/6/parts/${divisionId}`;

  beforeAll(async () => {
    ({ app, db, dataDir, close } = await demoApp(database, { plans: false }));
    admin = await login(app, 'admin@bang-khae.demo');
    finance = await login(app, 'finance@bang-khae.demo');
    works = await login(app, 'works@bang-khae.demo');
    const divisions = (await call('GET', '/api/agencies/bang-khae/divisions', admin)).json() as { id: number; nameTh: string }[];
    financeId = divisions.find((d) => d.nameTh === 'ฝ่ายการคลัง')!.id;
    worksId = divisions.find((d) => d.nameTh === 'ฝ่ายโยธา')!.id;
    expect((await call('POST', '/api/agencies/bang-khae/plans/2567', admin, { mode: 'weak-points' })).statusCode).toBe(201);
    shared = (await round(admin)).entries.find((e) => e.entry.divisions.includes('all'))!;
  });
  afterAll(async () => close());

  it('lists one part per division for a measure of every division', async () => {
    const divisions = (await call('GET', '/api/agencies/bang-khae/divisions', admin)).json() as unknown[];
    expect(shared.parts).toHaveLength(divisions.length);
    const seen = (await round(finance)).entries.find((e) => e.entry.id === shared.entry.id)!;
    expect(seen.parts.filter((p) => p.can.edit).map((p) => p.divisionId)).toEqual([financeId]);
  });

  it('counts a shared measure only for the division that sent its part', async () => {
    expect((await call('PUT', part(financeId), finance, { status: 'done', narrative: 'ฝ่ายการคลังจัดประชุมแล้ว' })).statusCode).toBe(
      200,
    );
    const sent = await call('POST', `${part(financeId)}/submit`, finance);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ part: { submitted: true }, reportReview: 'draft' });
    const { completeness, entries } = await round(admin);
    const of = (id: number) => completeness.find((c) => c.divisionId === id)!;
    expect(of(financeId).reported).toBe(1);
    expect(of(worksId).reported).toBe(0);
    // Every other division still owes its part, so the report is not yet in review.
    expect(entries.find((e) => e.entry.id === shared.entry.id)!.report.review).toBe('draft');
  });

  it('keeps each division to its own part and to measures it shares', async () => {
    expect((await call('PUT', part(financeId), works, { status: 'done', narrative: 'x' })).statusCode).toBe(403);
    expect((await call('POST', `${part(worksId)}/submit`, works)).statusCode).toBe(400);
    const single = (await round(admin)).entries.find((e) => e.entry.id !== shared.entry.id)!;
    expect((await call('PATCH', `/api/entries/${single.entry.id}`, admin, { divisions: [financeId] })).statusCode).toBe(200);
    const response = await call('PUT', `/api/entries/${single.entry.id}/reports/6/parts/${financeId}`, admin, {
      status: 'done',
      narrative: 'x',
    });
    expect(response.statusCode).toBe(404);
  });

  it('sends the report to review once every division has sent its part, and an edit sends it back', async () => {
    for (const p of shared.parts.filter((p) => p.divisionId !== financeId)) {
      expect(
        (await call('PUT', part(p.divisionId), admin, { status: 'in-progress', narrative: `${p.nameTh} กำลังดำเนินการ` }))
          .statusCode,
      ).toBe(200);
      await call('POST', `${part(p.divisionId)}/submit`, admin);
    }
    let view = await round(admin);
    expect(view.entries.find((e) => e.entry.id === shared.entry.id)!.report.review).toBe('submitted');
    expect(view.completeness.find((c) => c.divisionId === worksId)!.reported).toBe(1);
    await call('PUT', part(worksId), works, { status: 'done', narrative: 'ฝ่ายโยธาดำเนินการแล้ว' });
    view = await round(admin);
    const entry = view.entries.find((e) => e.entry.id === shared.entry.id)!;
    expect(entry.report.review).toBe('draft');
    expect(entry.parts.find((p) => p.divisionId === worksId)).toMatchObject({ submitted: false, status: 'done' });
    expect(view.completeness.find((c) => c.divisionId === worksId)!.reported).toBe(0);
  });

  it("prints each division's sent part under the measure in the progress report", async () => {
    const agency = (await findAgency(db.kysely, 'bang-khae'))!;
    const model = await progressModel(db.kysely, systemActor(agency.id), agency, 2567, 6, dataDir);
    const narrative = model.rows.find((r) => r.entry.id === shared.entry.id)!.narrative;
    expect(narrative).toContain('ฝ่ายการคลัง: ฝ่ายการคลังจัดประชุมแล้ว');
    // The works division changed its part after sending it: not sent, so not printed.
    expect(narrative).not.toContain('ฝ่ายโยธาดำเนินการแล้ว');
  });
});
