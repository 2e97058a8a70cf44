import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAgency } from '../agencies/repository.js';
import { systemActor } from '../auth/policy.js';
import { openBackup, restoreBackup, writeBackup } from '../db/backup.js';
import type { Db } from '../db/database.js';
import { up as migration0038 } from '../db/migrations/0038-readiness-with-checklist.js';
import type { Agency } from '../db/schema.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { nationalAdmin } from '../test-support/factories.js';
import { OitService } from './service.js';

const YEAR = 2567;
const OTHER = YEAR - 1;
const AT = '2025-01-01T00:00:00.000Z';
const central = nationalAdmin;

describe.each(TEST_DATABASES)('kept OIT readiness as checklists and agencies are removed, on $engine', (database) => {
  let db: Db & { drop(): Promise<void> };
  let folder: string;
  let service: OitService;
  const agencies: Agency[] = [];

  /** A finished link check of the agency-year, which notes its readiness as changed. */
  let runs = 0;
  const finishLinkCheck = (agencyId: number, fiscalYear: number) =>
    db.kysely
      .insertInto('link_check_runs')
      .values({
        id: `00000000-0000-4000-8000-${String(++runs).padStart(12, '0')}`,
        agency_id: agencyId,
        fiscal_year: fiscalYear,
        trigger: 'manual',
        requested_by: null,
        status: 'done',
        total: 1,
        checked: 1,
        passed: 1,
        attempts: 1,
        error: null,
        worker: null,
        heartbeat_at: null,
        created_at: AT,
        finished_at: new Date().toISOString(),
      })
      .execute();

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'prongsai-readiness-removal-'));
    db = await database.open();
    service = new OitService(db.kysely, folder);
    for (let i = 0; i < 5; i++) {
      const agency = await insertAgency(db.kysely, {
        code: `R${i}`,
        slug: `removal-${i}`,
        name_th: `เขตลบ ${i}`,
        name_en: `Removal ${i}`,
        kind: 'district',
        parent_id: null,
        created_at: AT,
      });
      agencies.push(agency);
      const admin = systemActor(agency.id);
      // Checklists of two years, worked on to different figures.
      for (const fiscalYear of [OTHER, YEAR]) {
        await service.open(admin, agency, fiscalYear);
        const codes = (await service.checklist(admin, agency, fiscalYear)).tasks.map((t) => t.task.item_code);
        for (const code of codes.slice(0, i * 3 + (fiscalYear === YEAR ? 1 : 0))) {
          await service.addEvidence(admin, agency, fiscalYear, code, {
            title: 'หลักฐาน',
            note: '',
            url: `https://example.org/${code}`,
          });
        }
        for (const code of codes.slice(0, i)) await service.transition(admin, agency, fiscalYear, code, 'accept', null);
      }
    }
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Notes of agency-years that have no checklist. */
  const orphans = () =>
    db.kysely
      .selectFrom('readiness_changes')
      .select(['agency_id', 'fiscal_year'])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('oit_checklists as c')
              .select('c.id')
              .whereRef('c.agency_id', '=', 'readiness_changes.agency_id')
              .whereRef('c.fiscal_year', '=', 'readiness_changes.fiscal_year'),
          ),
        ),
      )
      .execute();

  /** A year's readiness as the city page shows it (caught up first). */
  const kept = async (fiscalYear: number) => {
    const page = await service.cityReadiness(central, fiscalYear, { limit: 200, offset: 0, sort: 'code', order: 'asc' });
    expect(page.pending).toBe(0);
    return {
      agencies: page.agencies,
      counts: page.counts,
      allReady: page.allReady,
      withMissing: page.withMissing,
      oit: page.oit,
      rows: page.rows.map((r) => ({ code: r.agency.code, counts: r.counts, oit: r.oit, ita: r.ita, basis: r.basis })),
    };
  };

  /** The same, computed afresh from every checklist of the year. */
  const fresh = async (fiscalYear: number) => {
    const checklists = await db.kysely
      .selectFrom('oit_checklists')
      .innerJoin('agencies', 'agencies.id', 'oit_checklists.agency_id')
      .selectAll('agencies')
      .where('oit_checklists.fiscal_year', '=', fiscalYear)
      .orderBy('agencies.code')
      .execute();
    const rows = [];
    for (const agency of checklists) {
      const p = await service.prediction(null, agency, fiscalYear);
      rows.push({ code: agency.code, counts: p.counts, oit: p.oit, ita: p.ita, basis: p.basis });
    }
    const sum = (of: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + of(r), 0);
    const mean = (of: (r: (typeof rows)[number]) => number) =>
      Math.round((sum((r) => Math.round(of(r) * 100)) / 100 / rows.length) * 100) / 100;
    return {
      agencies: rows.length,
      counts: {
        ready: sum((r) => r.counts.ready),
        'at-risk': sum((r) => r.counts['at-risk']),
        missing: sum((r) => r.counts.missing),
      },
      allReady: rows.filter((r) => r.counts.missing === 0 && r.counts['at-risk'] === 0).length,
      withMissing: rows.filter((r) => r.counts.missing > 0).length,
      oit: rows.length ? { low: mean((r) => r.oit.low), high: mean((r) => r.oit.high) } : null,
      rows,
    };
  };

  /** The kept totals of the year as the database holds them, against the kept rows summed again. */
  const totalsAgree = async (fiscalYear: number) => {
    const totals = await db.kysely
      .selectFrom('readiness_totals')
      .selectAll()
      .where('fiscal_year', '=', fiscalYear)
      .executeTakeFirst();
    const live = await db.kysely
      .selectFrom('oit_readiness')
      .where('fiscal_year', '=', fiscalYear)
      .select([
        (eb) => eb.fn.countAll<number | string>().as('agencies'),
        sql<number | string | null>`sum(ready)`.as('ready'),
        sql<number | string | null>`sum(at_risk)`.as('at_risk'),
        sql<number | string | null>`sum(missing)`.as('missing'),
        sql<number | string | null>`sum(round(oit_low * 100))`.as('oit_low_hundredths'),
        sql<number | string | null>`sum(round(oit_high * 100))`.as('oit_high_hundredths'),
      ])
      .executeTakeFirstOrThrow();
    const figures = (row: Record<string, unknown> | undefined) =>
      ['agencies', 'ready', 'at_risk', 'missing', 'oit_low_hundredths', 'oit_high_hundredths'].map((c) => Number(row?.[c] ?? 0));
    expect(figures(totals)).toEqual(figures(live));
  };

  /** Everything kept agrees with the checklists as they stand. */
  const agrees = async () => {
    for (const fiscalYear of [OTHER, YEAR]) {
      expect(await kept(fiscalYear)).toEqual(await fresh(fiscalYear));
      await totalsAgree(fiscalYear);
    }
    expect(await orphans()).toEqual([]);
    // Every kept row has its checklist.
    const unmatched = await db.kysely
      .selectFrom('oit_readiness as r')
      .leftJoin('oit_checklists as c', (join) =>
        join.onRef('c.agency_id', '=', 'r.agency_id').onRef('c.fiscal_year', '=', 'r.fiscal_year'),
      )
      .select(['r.agency_id', 'r.fiscal_year'])
      .where('c.id', 'is', null)
      .execute();
    expect(unmatched).toEqual([]);
  };

  it('starts with the kept figures equal to those computed afresh', async () => {
    expect((await fresh(YEAR)).agencies).toBe(agencies.length);
    await agrees();
  });

  it('takes a removed checklist out of the figures, with its notes', async () => {
    const agency = agencies[1]!;
    // Noted as changed, and not kept again yet.
    await finishLinkCheck(agency.id, YEAR);
    const notes = () =>
      db.kysely
        .selectFrom('readiness_changes')
        .select('id')
        .where('agency_id', '=', agency.id)
        .where('fiscal_year', '=', YEAR)
        .execute();
    expect(await notes()).not.toEqual([]);
    await db.kysely.deleteFrom('oit_checklists').where('agency_id', '=', agency.id).where('fiscal_year', '=', YEAR).execute();
    expect(await notes()).toEqual([]);
    await totalsAgree(YEAR);
    await agrees();
    expect((await kept(YEAR)).rows.map((r) => r.code)).not.toContain(agency.code);
    // A link check finishing after its checklist went notes nothing.
    await finishLinkCheck(agency.id, YEAR);
    expect(await notes()).toEqual([]);
    // One of a checklist still there is noted as before.
    const other = agencies[2]!;
    await finishLinkCheck(other.id, YEAR);
    expect(
      await db.kysely
        .selectFrom('readiness_changes')
        .select('id')
        .where('agency_id', '=', other.id)
        .where('fiscal_year', '=', YEAR)
        .execute(),
    ).not.toEqual([]);
    await agrees();
  });

  it('takes a removed agency’s checklists out of the figures, with their notes', async () => {
    const agency = agencies[3]!;
    await finishLinkCheck(agency.id, YEAR);
    await finishLinkCheck(agency.id, OTHER);
    await db.kysely.deleteFrom('agencies').where('id', '=', agency.id).execute();
    const left = await db.kysely.selectFrom('readiness_changes').select('id').where('agency_id', '=', agency.id).execute();
    expect(left).toEqual([]);
    await agrees();
    expect((await kept(OTHER)).rows.map((r) => r.code)).not.toContain(agency.code);
  });

  it('leaves no notes of checklists a restore removed, and keeps the restored ones afresh', async () => {
    const file = join(folder, 'backup.jsonl.gz');
    await writeBackup(db, file);
    // A checklist the backup does not have, noted as changed before the restore.
    const later = await insertAgency(db.kysely, {
      code: 'R9',
      slug: 'removal-9',
      name_th: 'เขตลบ 9',
      name_en: 'Removal 9',
      kind: 'district',
      parent_id: null,
      created_at: AT,
    });
    await service.open(systemActor(later.id), later, YEAR);
    await finishLinkCheck(later.id, YEAR);
    await finishLinkCheck(agencies[0]!.id, YEAR);
    await restoreBackup(db, await openBackup(file));
    expect(await orphans()).toEqual([]);
    expect(await db.kysely.selectFrom('readiness_changes').select('id').where('agency_id', '=', later.id).execute()).toEqual([]);
    await agrees();
    expect((await kept(YEAR)).rows.map((r) => r.code)).not.toContain(later.code);
  });

  it('removes the notes and kept rows left by checklists removed before the upgrade', async () => {
    // As before the upgrade: nothing goes with a removed checklist.
    if (db.engine === 'sqlite') await sql`drop trigger oit_checklists_readiness_delete`.execute(db.kysely);
    else await sql`drop trigger oit_checklists_readiness_gone on oit_checklists`.execute(db.kysely);
    const agency = agencies[4]!;
    await finishLinkCheck(agency.id, OTHER);
    await db.kysely.deleteFrom('oit_checklists').where('agency_id', '=', agency.id).where('fiscal_year', '=', OTHER).execute();
    expect(await orphans()).not.toEqual([]);
    await db.kysely.transaction().execute((trx) => migration0038(trx, db.engine));
    await agrees();
    // And the upgraded database removes them as they go again.
    await finishLinkCheck(agency.id, YEAR);
    await db.kysely.deleteFrom('agencies').where('id', '=', agency.id).execute();
    await agrees();
  });
});
