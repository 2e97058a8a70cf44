import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgency, listDivisions } from '../agencies/repository.js';
import { systemActor } from '../auth/policy.js';
import { openBackup, restoreBackup, writeBackup } from '../db/backup.js';
import type { Db } from '../db/database.js';
import type { Agency } from '../db/schema.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { nationalAdmin } from '../test-support/factories.js';
import { SurveyService } from './service.js';

const YEAR = 2566;
const day = (offset: number) => new Date(Date.now() + 7 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const central = nationalAdmin;

describe.each(TEST_DATABASES)('rounds keep whether they are latest and their quotas’ sum on $engine', (database) => {
  let db: Db & { drop(): Promise<void> };
  let dataDir: string;
  let service: SurveyService;
  let agency: Agency;
  let other: Agency;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'prongsai-kept-rounds-'));
    db = await database.openDemo({ results: false }, dataDir);
    service = new SurveyService(db.kysely);
    agency = (await findAgency(db.kysely, 'bang-khae'))!;
    other = (await findAgency(db.kysely, 'bang-sue'))!;
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  /** Every round whose kept flag or sum differs from what the rounds and quotas say now. */
  const drift = async () =>
    (
      await sql<{ id: number; latest: number; required: number; live_latest: number; live_required: number }>`
        select r.id, r.latest, r.required,
          case when r.id = (select max(x.id) from survey_rounds x where x.agency_id = r.agency_id
            and x.fiscal_year = r.fiscal_year and x.tool = r.tool) then 1 else 0 end as live_latest,
          (select coalesce(sum(q.required), 0) from survey_quotas q where q.round_id = r.id) as live_required
        from survey_rounds r`.execute(db.kysely)
    ).rows.filter((r) => Number(r.latest) !== Number(r.live_latest) || Number(r.required) !== Number(r.live_required));
  /** The latest rounds counted by their days, as kept and as the rounds say now, where they differ. */
  const dayDrift = async () => {
    const key = (r: { fiscal_year: number; tool: string; opens_on: string; closes_on: string; closed: number }) =>
      `${r.fiscal_year} ${r.tool} ${r.opens_on} ${r.closes_on} ${Number(r.closed)}`;
    const kept = new Map(
      (await db.kysely.selectFrom('survey_round_days').selectAll().execute())
        .filter((d) => Number(d.rounds) !== 0 || Number(d.required) !== 0)
        .map((d) => [key(d), `${d.rounds}/${d.required}`]),
    );
    const live = new Map(
      (
        await sql<{
          fiscal_year: number;
          tool: string;
          opens_on: string;
          closes_on: string;
          closed: number;
          n: number;
          required: number;
        }>`
          select fiscal_year, tool, opens_on, closes_on, case when closed_at is null then 0 else 1 end as closed,
            count(*) as n, sum(required) as required
          from survey_rounds where latest = 1
          group by fiscal_year, tool, opens_on, closes_on, case when closed_at is null then 0 else 1 end`.execute(db.kysely)
      ).rows.map((d) => [key(d), `${d.n}/${d.required}`]),
    );
    return [...new Set([...kept.keys(), ...live.keys()])]
      .filter((k) => kept.get(k) !== live.get(k))
      .map((k) => ({ day: k, kept: kept.get(k), live: live.get(k) }));
  };
  const city = (tool: 'IIT' | 'EIT' = 'EIT') =>
    service.cityProgress(central, YEAR, tool, { limit: 100, offset: 0, sort: 'code', order: 'asc' });
  const roundOf = async (id: number) =>
    (await db.kysely.selectFrom('survey_rounds').selectAll().where('id', '=', id).executeTakeFirst())!;

  it('starts from the kept values the migration and the demo rounds give', async () => {
    expect(await db.kysely.selectFrom('survey_rounds').select('id').execute()).not.toHaveLength(0);
    expect(await drift()).toEqual([]);
    expect(await dayDrift()).toEqual([]);
  });

  it('lets a second round of the same agency, year and tool take over as latest, counted once', async () => {
    const first = await service.open(null, agency, { tool: 'EIT', fiscalYear: YEAR, opensOn: day(-30), closesOn: day(-2) });
    const before = await city();
    const own = before.rows.filter((r) => r.agencyId === agency.id);
    expect(own.map((r) => r.round.id)).toEqual([first.id]);
    // EIT rounds start with the district minimums: kept on the round as they are written.
    expect((await roundOf(first.id)).required).toBe(own[0]!.required);
    expect(own[0]!.required).toBeGreaterThan(0);
    await service.close(systemActor(agency.id), first);

    const second = await service.open(null, agency, { tool: 'EIT', fiscalYear: YEAR, opensOn: day(0), closesOn: day(10) });
    expect(Number((await roundOf(first.id)).latest)).toBe(0);
    expect(Number((await roundOf(second.id)).latest)).toBe(1);
    const after = await city();
    expect(after.rows.filter((r) => r.agencyId === agency.id).map((r) => r.round.id)).toEqual([second.id]);
    expect(after.total).toBe(before.total);
    expect(after.agencies).toBe(before.agencies);
    expect(after.agencies).toBe(after.open + after.upcoming + after.closed);
    // The first round was closed; the agency counts once, now open.
    expect(after.open).toBe(before.open + 1);
    expect(after.closed).toBe(before.closed - 1);
    expect(after.required).toBe(after.rows.reduce((sum, r) => sum + r.required, 0));
    // The state filter and its count read the kept rounds too.
    const open = await service.cityProgress(central, YEAR, 'EIT', {
      limit: 100,
      offset: 0,
      sort: 'code',
      order: 'asc',
      state: 'open',
    });
    expect(open.rows.map((r) => r.round.id)).toEqual([second.id]);
    expect(open.total).toBe(1);
    // Each state's page holds the rounds the figures count in it.
    const past = await service.open(null, other, { tool: 'EIT', fiscalYear: YEAR, opensOn: day(-9), closesOn: day(-3) });
    const later = await service.open(null, (await findAgency(db.kysely, 'lak-si'))!, {
      tool: 'EIT',
      fiscalYear: YEAR,
      opensOn: day(3),
      closesOn: day(9),
    });
    const all = await city();
    for (const [state, ids] of [
      ['open', [second.id]],
      ['upcoming', [later.id]],
      ['closed', [past.id]],
    ] as const) {
      const page = await service.cityProgress(central, YEAR, 'EIT', {
        limit: 100,
        offset: 0,
        sort: 'closesOn',
        order: 'desc',
        state,
      });
      expect(page.rows.map((r) => r.round.id)).toEqual(ids);
      expect(page.total).toBe(all[state]);
    }
    const searched = await service.cityProgress(central, YEAR, 'EIT', {
      limit: 100,
      offset: 0,
      sort: 'name',
      order: 'desc',
      q: agency.slug,
    });
    expect(searched.rows.map((r) => r.round.id)).toEqual([second.id]);
    expect(searched.total).toBe(1);
    expect(await drift()).toEqual([]);
    expect(await dayDrift()).toEqual([]);
  });

  it('keeps the quotas’ sum as quotas are set and changed', async () => {
    const round = await service.open(null, other, { tool: 'IIT', fiscalYear: YEAR, opensOn: day(-1), closesOn: day(20) });
    expect(Number((await roundOf(round.id)).required)).toBe(0);
    const divisions = await listDivisions(db.kysely, other.id);
    await service.setQuotas(
      systemActor(other.id),
      round,
      divisions.slice(0, 3).map((d, i) => ({ divisionId: d.id, headcount: 20 + i, required: 10 + i })),
    );
    expect(Number((await roundOf(round.id)).required)).toBe(10 + 11 + 12);
    await service.setQuotas(systemActor(other.id), round, [{ divisionId: divisions[1]!.id, headcount: 40, required: 30 }]);
    expect(Number((await roundOf(round.id)).required)).toBe(10 + 30 + 12);
    const row = (await city('IIT')).rows.find((r) => r.agencyId === other.id)!;
    expect(row.round.id).toBe(round.id);
    expect(row.required).toBe(52);
    expect((await city('IIT')).required).toBe((await city('IIT')).rows.reduce((sum, r) => sum + r.required, 0));
    // Quotas written or removed directly are kept the same way.
    await db.kysely.updateTable('survey_quotas').set({ required: 1 }).where('round_id', '=', round.id).execute();
    expect(Number((await roundOf(round.id)).required)).toBe(3);
    await db.kysely
      .deleteFrom('survey_quotas')
      .where('round_id', '=', round.id)
      .where('division_id', '=', divisions[0]!.id)
      .execute();
    expect(Number((await roundOf(round.id)).required)).toBe(2);
    expect(await drift()).toEqual([]);
    expect(await dayDrift()).toEqual([]);
  });

  it('keeps what the city shows of a round, forgets it when counts or quotas change and works it out again', async () => {
    const lakSi = (await findAgency(db.kysely, 'lak-si'))!;
    const round = await service.open(null, lakSi, { tool: 'IIT', fiscalYear: YEAR, opensOn: day(-1), closesOn: day(20) });
    const [d1, d2, d3] = await listDivisions(db.kysely, lakSi.id);
    const shownOf = async () => {
      const row = await roundOf(round.id);
      return {
        kept: Number(row.shown_kept),
        responses: row.shown_responses === null ? null : Number(row.shown_responses),
        quotaGroups: Number(row.quota_groups),
        groupsShort: Number(row.groups_short),
        shortBy: Number(row.short_by),
      };
    };
    const cityRow = async () => {
      const row = (await city('IIT')).rows.find((r) => r.round.id === round.id)!;
      return { responses: row.responses, quotaGroups: row.quotaGroups, groupsShort: row.groupsShort, shortBy: row.shortBy };
    };
    await service.setQuotas(systemActor(lakSi.id), round, [
      { divisionId: d1!.id, headcount: 30, required: 10 },
      { divisionId: d2!.id, headcount: 20, required: 8 },
      { divisionId: d3!.id, headcount: 4, required: 2 },
    ]);
    // Kept as the quotas are written: nobody answered, so every group is hidden and those asking 5 or more are short.
    expect(await shownOf()).toEqual({ kept: 1, responses: null, quotaGroups: 3, groupsShort: 2, shortBy: 18 });

    // Counts written directly: the database forgets the figures, and the next reading keeps them again.
    await db.kysely
      .insertInto('survey_counts')
      .values([
        { round_id: round.id, division_id: d1!.id, responses: 12 },
        { round_id: round.id, division_id: d2!.id, responses: 6 },
        { round_id: round.id, division_id: d3!.id, responses: 3 },
      ])
      .execute();
    expect((await shownOf()).kept).toBe(0);
    // The 3 hide the 6 beside them (3 alone would tell about fewer than 5): the second group is short by all its 8.
    const expected = { responses: 21, quotaGroups: 3, groupsShort: 1, shortBy: 8 };
    expect(await cityRow()).toEqual(expected);
    expect(await shownOf()).toEqual({ kept: 1, ...expected });
    expect(await cityRow()).toEqual(expected);

    await db.kysely
      .updateTable('survey_counts')
      .set({ responses: 5 })
      .where('round_id', '=', round.id)
      .where('division_id', '=', d3!.id)
      .execute();
    expect((await shownOf()).kept).toBe(0);
    expect(await cityRow()).toEqual({ responses: 23, quotaGroups: 3, groupsShort: 1, shortBy: 2 });
    await db.kysely.deleteFrom('survey_quotas').where('round_id', '=', round.id).where('division_id', '=', d2!.id).execute();
    expect((await shownOf()).kept).toBe(0);
    expect(await cityRow()).toEqual({ responses: 23, quotaGroups: 2, groupsShort: 0, shortBy: 0 });
    await db.kysely.deleteFrom('survey_counts').where('round_id', '=', round.id).execute();
    expect((await shownOf()).kept).toBe(0);
    expect(await cityRow()).toEqual({ responses: null, quotaGroups: 2, groupsShort: 1, shortBy: 10 });
  });

  it('gives the flag back to the newest remaining round when the latest is removed', async () => {
    const older = await service.open(null, other, { tool: 'EIT', fiscalYear: YEAR, opensOn: day(-40), closesOn: day(-30) });
    const newer = await service.open(null, other, { tool: 'EIT', fiscalYear: YEAR, opensOn: day(-20), closesOn: day(-10) });
    expect(Number((await roundOf(older.id)).latest)).toBe(0);
    await db.kysely.deleteFrom('survey_rounds').where('id', '=', newer.id).execute();
    expect(Number((await roundOf(older.id)).latest)).toBe(1);
    expect((await city()).rows.filter((r) => r.agencyId === other.id).map((r) => r.round.id)).toEqual([older.id]);
    expect(await drift()).toEqual([]);
    expect(await dayDrift()).toEqual([]);
  });

  it('restores a backup to the same kept values, neither doubled nor lost', async () => {
    const keptOf = async () =>
      (
        await db.kysely
          .selectFrom('survey_rounds')
          .select(['id', 'fiscal_year', 'latest', 'required', 'shown_responses', 'groups_short', 'short_by'])
          .orderBy('id')
          .execute()
      ).map((r) => ({
        id: r.id,
        latest: Number(r.latest),
        required: Number(r.required),
        // What the city shows of the rounds it reads below, the year's latest.
        shown:
          Number(r.latest) && r.fiscal_year === YEAR
            ? [r.shown_responses, r.groups_short, r.short_by].map((n) => (n === null ? null : Number(n)))
            : [],
      }));
    // The latest rounds' figures kept by reading them all, as they are before the backup.
    await city('IIT');
    await city('EIT');
    const before = await keptOf();
    const file = join(dataDir, 'kept.backup.gz');
    await writeBackup(db, file);
    await restoreBackup(db, await openBackup(file));
    expect(await keptOf()).toEqual(before);
    expect(await drift()).toEqual([]);
    expect(await dayDrift()).toEqual([]);
    // Rows of a backup from before the kept columns, or holding other values, are kept as they are restored.
    for (const change of [
      ({ latest: _latest, required: _required, ...row }: Record<string, unknown>) => row,
      (row: Record<string, unknown>) => ({
        ...row,
        latest: 1,
        required: 999,
        shown_kept: 1,
        shown_responses: 999,
        short_by: 999,
      }),
    ]) {
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const changed = lines.map((line) => {
        if (!line.startsWith('["survey_rounds",')) return line;
        const [table, row] = JSON.parse(line) as [string, Record<string, unknown>];
        return JSON.stringify([table, change(row)]);
      });
      const other = join(dataDir, 'changed.backup.gz');
      writeFileSync(other, gzipSync(changed.join('\n')));
      await restoreBackup(db, await openBackup(other));
      // A restored round's figures are worked out again when read, not taken from the backup.
      const forgotten = await db.kysely.selectFrom('survey_rounds').select('id').where('shown_kept', '=', 1).execute();
      expect(forgotten).toEqual([]);
      await city('IIT');
      await city('EIT');
      expect(await keptOf()).toEqual(before);
      expect(await dayDrift()).toEqual([]);
    }
  });
});
