import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EIT_MINIMUMS, shippedKind } from '@prongsai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeAgencyKind } from '../agencies/kinds-service.js';
import { findAgency, listDivisions } from '../agencies/repository.js';
import { systemActor } from '../auth/policy.js';
import type { Db } from '../db/database.js';
import type { Agency, SurveyRound } from '../db/schema.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { nationalAdmin } from '../test-support/factories.js';
import { factory } from '../test-support/factories.js';
import { SurveyRepository } from './repository.js';
import { SurveyService } from './service.js';

const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const central = nationalAdmin;

describe.each(TEST_DATABASES)("quotas follow the agency's kind on $engine", (database) => {
  let db: Db & { drop(): Promise<void> };
  let service: SurveyService;
  let serial = 0;

  beforeAll(async () => {
    db = await database.openDemo({ results: false }, mkdtempSync(join(tmpdir(), 'prongsai-kind-quotas-')));
    service = new SurveyService(db.kysely);
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  /** The round's quotas by division name: [headcount, required]. */
  const quotas = async (round: SurveyRound) => {
    const names = new Map((await listDivisions(db.kysely, round.agency_id)).map((d) => [d.id, d.name_th]));
    const rows = await new SurveyRepository(db.kysely).quotas(round.id);
    return Object.fromEntries(rows.map((q) => [names.get(q.division_id)!, [q.headcount, q.required]]));
  };
  const unit = async (agency: Agency, name: string) =>
    (await listDivisions(db.kysely, agency.id)).find((d) => d.name_th === name)!.id;
  /** A round of a main-round agency, whose sets give no survey items yet, so it is written as the service would. */
  const roundOf = (agency: Agency, tool: 'IIT' | 'EIT') =>
    new SurveyRepository(db.kysely).insertRound({
      agency_id: agency.id,
      fiscal_year: 2568,
      tool,
      framework_id: 'nacc-main-2568',
      code: `KQ${String(++serial).padStart(6, '0')}`,
      opens_on: day(-1),
      closes_on: day(10),
      use_codes: 0,
      closed_at: null,
      created_by: null,
      created_at: new Date().toISOString(),
    });

  it("asks every eligible person of a municipality's and an อบต.'s units, where NACC's ITAS computes the sample", async () => {
    const municipality = (await findAgency(db.kysely, 'nakhon-nonthaburi'))!;
    expect(municipality.kind).toBe('municipality');
    const round = await roundOf(municipality, 'IIT');
    await service.setQuotas(systemActor(municipality.id), round, [
      { divisionId: await unit(municipality, 'กองคลัง'), civilServants: 7, employees: 13 },
      { divisionId: await unit(municipality, 'กองช่าง'), civilServants: 2, employees: 6 },
      { divisionId: await unit(municipality, 'กองการศึกษา'), civilServants: 4, employees: 5, required: 3 },
    ]);
    // The BMA rule would ask 7 + 11 and 2 + 5.
    expect(await quotas(round)).toMatchObject({ กองคลัง: [20, 20], กองช่าง: [8, 8], กองการศึกษา: [9, 3] });

    const sao = (await findAgency(db.kysely, 'bang-rak-noi'))!;
    expect(sao.kind).toBe('sao');
    const saoRound = await roundOf(sao, 'IIT');
    const roster = [
      'division,type,start_date',
      ...Array.from({ length: 2 }, () => 'กองคลัง,ข้าราชการ,2020-01-01'),
      ...Array.from({ length: 6 }, () => 'กองคลัง,ลูกจ้าง,2020-01-01'),
      'กองคลัง,ลูกจ้าง,2024-06-01',
      ...Array.from({ length: 3 }, () => 'กองช่าง,พนักงานจ้าง,1/5/2562'),
    ].join('\n');
    const counted = await service.countFromRoster(systemActor(sao.id), saoRound, {
      fileName: 'staff.csv',
      data: Buffer.from(roster),
    });
    expect(counted).toMatchObject({ eligible: 11, notYet: 1 });
    expect(await quotas(saoRound)).toMatchObject({ กองคลัง: [8, 8], กองช่าง: [3, 3], สำนักปลัด: [0, 0] });
  });

  it("writes no EIT minimum where the kind sets none, and a district's as before", async () => {
    const sao = (await findAgency(db.kysely, 'ko-kret'))!;
    const eit = await roundOf(sao, 'EIT');
    await service.setQuotas(systemActor(sao.id), eit, [{ divisionId: await unit(sao, 'กองคลัง'), headcount: 30 }]);
    expect(await quotas(eit)).toEqual({ กองคลัง: [30, 0] });

    const district = (await findAgency(db.kysely, 'bang-khae'))!;
    const opened = await service.open(null, district, { tool: 'EIT', fiscalYear: 2566, opensOn: day(-1), closesOn: day(10) });
    const minimums = Object.fromEntries(Object.entries(await quotas(opened)).map(([name, [, required]]) => [name, required]));
    const divisions = (await listDivisions(db.kysely, district.id)).map((d) => d.name_th);
    expect(minimums).toEqual(Object.fromEntries(divisions.filter((d) => EIT_MINIMUMS[d]).map((d) => [d, EIT_MINIMUMS[d]])));
    const iit = await service.open(null, district, { tool: 'IIT', fiscalYear: 2566, opensOn: day(-1), closesOn: day(10) });
    await service.setQuotas(systemActor(district.id), iit, [
      { divisionId: await unit(district, 'ฝ่ายโยธา'), civilServants: 7, employees: 13 },
      { divisionId: await unit(district, 'ฝ่ายการคลัง'), civilServants: 7, employees: 13 },
      { divisionId: await unit(district, 'ฝ่ายทะเบียน'), headcount: 9 },
    ]);
    expect(await quotas(iit)).toMatchObject({ ฝ่ายโยธา: [20, 20], ฝ่ายการคลัง: [20, 18], ฝ่ายทะเบียน: [9, 9] });
  });

  it('takes the rule a central admin set for the kind', async () => {
    const make = factory(db.kysely, undefined as never);
    const agency = await make.agency({ kind: 'other' });
    await make.division(agency, 'กองคลัง');
    await make.division(agency, 'กองช่าง');
    const before = await service.open(null, agency, { tool: 'EIT', fiscalYear: 2566, opensOn: day(-10), closesOn: day(-5) });
    expect(await quotas(before)).toEqual({});
    const iit = await service.open(null, agency, { tool: 'IIT', fiscalYear: 2566, opensOn: day(-1), closesOn: day(10) });
    await service.setQuotas(systemActor(agency.id), iit, [
      { divisionId: await unit(agency, 'กองคลัง'), civilServants: 7, employees: 13 },
    ]);
    expect(await quotas(iit)).toEqual({ กองคลัง: [20, 20] });

    const other = shippedKind('other')!;
    await changeAgencyKind(db.kysely, central, 'other', {
      ...other,
      sampling: {
        iit: { rule: 'minimum', minimum: 10 },
        eit: { minimums: { กองคลัง: 15 }, defaultMinimum: 5 },
        status: 'review',
        source: 'set by the secretariat',
      },
    });
    const after = await service.open(null, agency, { tool: 'EIT', fiscalYear: 2566, opensOn: day(-1), closesOn: day(10) });
    expect(await quotas(after)).toEqual({ กองคลัง: [0, 15], กองช่าง: [0, 5] });
    // At least 10 of the agency's 50, shared by the units' eligible staff (rounded up).
    await service.setQuotas(systemActor(agency.id), iit, [
      { divisionId: await unit(agency, 'กองคลัง'), civilServants: 30, employees: 10 },
      { divisionId: await unit(agency, 'กองช่าง'), civilServants: 10, employees: 0 },
    ]);
    expect(await quotas(iit)).toEqual({ กองคลัง: [40, 8], กองช่าง: [10, 2] });
    // A unit given alone takes its share of the agency's eligible staff, the others' as kept.
    await service.setQuotas(systemActor(agency.id), iit, [{ divisionId: await unit(agency, 'กองช่าง'), headcount: 20 }]);
    expect(await quotas(iit)).toEqual({ กองคลัง: [40, 8], กองช่าง: [20, 4] });
  });
});
