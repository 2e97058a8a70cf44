import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { toThaiDigits, type FrameworkData } from '@prongsai/core';
import { findAgency } from '../agencies/repository.js';
import { fiscalYearOfDay, todayInBangkok } from '../db/database.js';
import { OitRepository } from '../oit/repository.js';
import { OitService } from '../oit/service.js';
import type { Database } from '../db/schema.js';
import { findDraft } from '../frameworks/draft-repository.js';
import { createDraft, editDraft, publishDraft } from '../frameworks/editor.js';
import { availableFrameworks, loadFramework, useImportedFrameworks } from '../frameworks/registry.js';
import { syncImportedFrameworks } from '../frameworks/shared.js';

/** The set the demo's current year is derived from: FY2567's, the latest district set the seeds give. */
export const DEMO_BASE_FRAMEWORK = 'bma-district-2567';

/** The fiscal year today falls in, in Bangkok (October to September, Buddhist Era). */
export function currentFiscalYear(today = todayInBangkok()): number {
  return fiscalYearOfDay(today);
}

/** The id of the demo's provisional district set for a fiscal year. */
export const demoFrameworkId = (fiscalYear: number) => `bma-district-${fiscalYear}-provisional`;

/**
 * The demo's district set for the current fiscal year, made through the framework editor from FY2567's:
 * provisional, its provenance naming it derived from FY2567's set and never NACC's for the year. Published
 * once into `<data dir>/frameworks/`; null when a district set for the year exists already (shipped or
 * loaded), which is then used instead.
 */
export async function ensureDemoFramework(
  db: Kysely<Database>,
  dataDir: string,
  fiscalYear = currentFiscalYear(),
): Promise<string | null> {
  // The demo's data dir is the app's: sets loaded there are found beside the shipped ones.
  useImportedFrameworks(join(dataDir, 'frameworks'));
  // Published already through another instance on the same database: its copy is written here.
  await syncImportedFrameworks(db, join(dataDir, 'frameworks'));
  const id = demoFrameworkId(fiscalYear);
  if (availableFrameworks().includes(id)) return id;
  const other = availableFrameworks().find((f) => {
    const data = loadFramework(f).data;
    return (data.agencyKinds ?? ['district']).includes('district') && data.fiscalYears.includes(fiscalYear);
  });
  if (other) return null;
  const base = loadFramework(DEMO_BASE_FRAMEWORK).data;
  const draft = (await findDraft(db, id)) ? null : await createDraft(db, null, { fromId: DEMO_BASE_FRAMEWORK, newId: id });
  const provenance = (draft?.data ?? JSON.parse((await findDraft(db, id))!.data)) as {
    provenance: Record<string, unknown> & { unknowns: string[]; notes?: string[] };
  };
  const year = toThaiDigits(String(fiscalYear));
  await editDraft(db, null, id, {
    part: 'name',
    value: {
      th: `ชุดคำถาม ITA สำนักงานเขต กรุงเทพมหานคร ปีงบประมาณ พ.ศ. ${year} (ชั่วคราว ปรับจากชุดปี ๒๕๖๗)`,
      en: `ITA question set for Bangkok district offices, FY${fiscalYear} (provisional, derived from FY2567's)`,
    } satisfies FrameworkData['name'],
  });
  await editDraft(db, null, id, {
    part: 'provenance',
    value: {
      ...provenance.provenance,
      provisional: true,
      confirmedBy: null,
      confirmedAt: null,
      unknowns: [
        ...provenance.provenance.unknowns,
        `NACC's FY${fiscalYear} district set: its questions, items, OIT items and weights are not known; this set repeats FY2567's`,
      ],
      notes: [
        ...(provenance.provenance.notes ?? []),
        `Derived from ${DEMO_BASE_FRAMEWORK} (${base.name.en ?? base.name.th}) for Prongsai's demo of FY${fiscalYear}; it is not NACC's set for FY${fiscalYear}. A central admin replaces it once NACC's manual is out.`,
      ],
    },
  });
  await publishDraft(db, null, id, { fiscalYears: [fiscalYear], agencyKinds: ['district'] });
  return id;
}

/**
 * The seed districts' OIT checklists of the current year on its set, each item's divisions carried over from
 * the district's previous checklist (FY2567's). Safe to run again.
 */
export async function loadDemoCurrentOit(db: Kysely<Database>, dataDir: string, districts: readonly string[]): Promise<number> {
  const fiscalYear = currentFiscalYear();
  const frameworkId = await ensureDemoFramework(db, dataDir, fiscalYear);
  const service = new OitService(db, dataDir);
  let opened = 0;
  for (const slug of districts) {
    const agency = await findAgency(db, slug);
    if (!agency || (await new OitRepository(db).findChecklist(agency.id, fiscalYear))) continue;
    await service.open(null, agency, fiscalYear, frameworkId ?? undefined);
    opened++;
  }
  return opened;
}
