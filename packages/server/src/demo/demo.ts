import type { Kysely } from 'kysely';
import { findAgency, findDivisionByName } from '../agencies/repository.js';
import { seedBangkokDistricts } from '../agencies/import-service.js';
import type { Database, Role } from '../db/schema.js';
import { findUserByEmail } from '../users/repository.js';
import { createUser } from '../users/service.js';
import { listPlans } from '../measures/repository.js';
import { publish } from '../publications/service.js';
import { listAssessments } from '../results/repository.js';
import { loadDemoOit } from './oit.js';
import { loadDemoCurrentOit } from './current-year.js';
import { loadDemoSurveys } from './surveys.js';
import { loadDemoCalendar } from './calendar.js';
import { loadDemoPlans } from './plans.js';
import { loadDemoResults } from './results.js';
import { loadDemoProvincePlans, loadDemoProvinceResults, provinceAccounts, seedDemoProvince } from './province.js';

/** Every demo account has this password; it is printed in the README. */
export const DEMO_PASSWORD = 'prongsai-demo';

/** The five districts whose ITA documents the product reproduces. */
export const SEED_DISTRICTS = ['bang-khae', 'bang-sue', 'din-daeng', 'phasi-charoen', 'lak-si'] as const;

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  agency?: string;
  division?: string;
  /** The agency (slug) whose part of the tree a central admin oversees. */
  oversees?: string;
}

export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [{ email: 'admin@prongsai.demo', displayName: 'ผู้ดูแลระบบส่วนกลาง', role: 'central_admin' }];
  for (const slug of SEED_DISTRICTS) {
    accounts.push(
      { email: `admin@${slug}.demo`, displayName: 'เลขานุการคณะทำงาน ITA', role: 'agency_admin', agency: slug },
      { email: `director@${slug}.demo`, displayName: 'ผู้อำนวยการเขต', role: 'executive', agency: slug },
      {
        email: `finance@${slug}.demo`,
        displayName: 'เจ้าหน้าที่ฝ่ายการคลัง',
        role: 'division_editor',
        agency: slug,
        division: 'ฝ่ายการคลัง',
      },
      {
        email: `works@${slug}.demo`,
        displayName: 'เจ้าหน้าที่ฝ่ายโยธา',
        role: 'division_editor',
        agency: slug,
        division: 'ฝ่ายโยธา',
      },
    );
  }
  accounts.push(...provinceAccounts());
  return accounts;
}

/** Makes the demo accounts not there yet, placed in their agency, division or part of the tree; answers how many. */
export async function addDemoAccounts(db: Kysely<Database>, accounts: readonly DemoAccount[]): Promise<number> {
  let added = 0;
  for (const account of accounts) {
    if (await findUserByEmail(db, account.email)) continue;
    const agency = account.agency ? await findAgency(db, account.agency) : undefined;
    const division = agency && account.division ? await findDivisionByName(db, agency.id, account.division) : undefined;
    const oversees = account.oversees ? await findAgency(db, account.oversees) : undefined;
    // An overseer without its part of the tree would oversee the whole country: not made at all.
    if (account.oversees && !oversees) {
      throw new Error(`the demo account ${account.email} oversees ${account.oversees}, which is not in the database`);
    }
    await createUser(db, null, {
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      agencyId: agency?.id ?? null,
      divisionId: division?.id ?? null,
      ...(oversees ? { overseesAgencyId: oversees.id } : {}),
      password: DEMO_PASSWORD,
    });
    added++;
  }
  return added;
}

/** The seed districts' results and plans, published as their secretariats would, so the open data has them. */
async function publishDemo(db: Kysely<Database>): Promise<void> {
  for (const slug of SEED_DISTRICTS) {
    const agency = await findAgency(db, slug);
    if (!agency) continue;
    for (const { fiscal_year } of await listAssessments(db, agency.id)) {
      await publish(db, null, agency, 'results', fiscal_year, null);
    }
    for (const { fiscal_year } of await listPlans(db, agency.id)) await publish(db, null, agency, 'plan', fiscal_year, null);
  }
}

/**
 * Loads the demo data: all 50 districts, a province with its local administrations (main round),
 * demo accounts for each role, and results. Safe to run again.
 */
export async function loadDemo(
  db: Kysely<Database>,
  options: { results?: boolean; plans?: boolean; dataDir?: string } = {},
): Promise<{
  agenciesAdded: number;
  accountsAdded: number;
  assessmentsAdded: number;
  plansAdded: number;
  oitChecklistsAdded: number;
}> {
  const agenciesAdded = (await seedBangkokDistricts(db)) + (await seedDemoProvince(db));
  const accountsAdded = await addDemoAccounts(db, demoAccounts());
  const assessmentsAdded = options.results === false ? 0 : (await loadDemoResults(db)) + (await loadDemoProvinceResults(db));
  const plansAdded =
    options.plans === false || options.dataDir === undefined
      ? 0
      : (await loadDemoPlans(db, options.dataDir)) + (await loadDemoProvincePlans(db));
  if (assessmentsAdded + plansAdded > 0) await publishDemo(db);
  const oitChecklistsAdded =
    options.dataDir === undefined
      ? 0
      : (await loadDemoOit(db, options.dataDir)) + (await loadDemoCurrentOit(db, options.dataDir, SEED_DISTRICTS));
  if (options.dataDir !== undefined) {
    await loadDemoSurveys(db);
    await loadDemoCalendar(db, SEED_DISTRICTS);
  }
  return { agenciesAdded, accountsAdded, assessmentsAdded, plansAdded, oitChecklistsAdded };
}
