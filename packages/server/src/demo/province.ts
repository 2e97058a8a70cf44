import { entriesPerIndicator, headTitleTh, shippedKind, shortNameTh, type AgencyKind } from '@prongsai/core';
import type { Kysely } from 'kysely';
import { importAgencyRows, type AgencyRow } from '../agencies/import-service.js';
import { findAgency, listAllAgencies, listDivisions } from '../agencies/repository.js';
import type { Agency, Database, Division, Role } from '../db/schema.js';
import { frameworkForAgency } from '../frameworks/for-agency.js';
import { findPlan, insertEntry } from '../measures/repository.js';
import { createPlan, entryRow, type Divisions } from '../measures/service.js';
import { findAssessment } from '../results/repository.js';
import { commitImport, loadState, prepareImport } from '../results/service.js';
import { generatedContent } from './results.js';

/**
 * A province beside Bangkok, assessed in NACC's main round: Nonthaburi with its provincial
 * administrative organisation, two city municipalities and three subdistrict administrative
 * organisations, each below the province in the oversight tree, and an overseer of the province.
 * The names are real; their results and plans are made up (marked `demo-generated`).
 */
export const PROVINCE_SLUG = 'nonthaburi';

/** The province first: the others name it as their parent. */
const PROVINCE_ROWS: Omit<AgencyRow, 'row'>[] = [
  {
    code: '12',
    slug: 'nonthaburi',
    name_th: 'จังหวัดนนทบุรี',
    name_en: 'Nonthaburi Province',
    kind: 'province',
    parent_code: '',
  },
  {
    code: '12-pao',
    slug: 'nonthaburi-pao',
    name_th: 'องค์การบริหารส่วนจังหวัดนนทบุรี',
    name_en: 'Nonthaburi Provincial Administrative Organisation',
    kind: 'pao',
    parent_code: '12',
  },
  {
    code: '12-m-nonthaburi',
    slug: 'nakhon-nonthaburi',
    name_th: 'เทศบาลนครนนทบุรี',
    name_en: 'Nakhon Nonthaburi Municipality',
    kind: 'municipality',
    parent_code: '12',
  },
  {
    code: '12-m-pak-kret',
    slug: 'nakhon-pak-kret',
    name_th: 'เทศบาลนครปากเกร็ด',
    name_en: 'Nakhon Pak Kret Municipality',
    kind: 'municipality',
    parent_code: '12',
  },
  {
    code: '12-s-bang-rak-noi',
    slug: 'bang-rak-noi',
    name_th: 'องค์การบริหารส่วนตำบลบางรักน้อย',
    name_en: 'Bang Rak Noi Subdistrict Administrative Organisation',
    kind: 'sao',
    parent_code: '12',
  },
  {
    code: '12-s-ko-kret',
    slug: 'ko-kret',
    name_th: 'องค์การบริหารส่วนตำบลเกาะเกร็ด',
    name_en: 'Ko Kret Subdistrict Administrative Organisation',
    kind: 'sao',
    parent_code: '12',
  },
  {
    code: '12-s-rat-niyom',
    slug: 'rat-niyom',
    name_th: 'องค์การบริหารส่วนตำบลราษฎร์นิยม',
    name_en: 'Rat Niyom Subdistrict Administrative Organisation',
    kind: 'sao',
    parent_code: '12',
  },
];

/** The province's agencies' slugs, the province first. */
export const PROVINCE_AGENCIES = PROVINCE_ROWS.map((r) => r.slug!);

/** The main round's years the demo gives results of, and the plan's year (made from the first). */
export const PROVINCE_RESULTS_YEAR = 2568;
export const PROVINCE_PLAN_YEAR = 2569;

export interface ProvinceAccount {
  email: string;
  displayName: string;
  role: Role;
  agency?: string;
  /** The agency (slug) whose part of the tree a central admin oversees. */
  oversees?: string;
}

/** The overseer of the province (a central admin of its part of the tree) and each agency's secretariat. */
export function provinceAccounts(): ProvinceAccount[] {
  return [
    {
      email: `overseer@${PROVINCE_SLUG}.demo`,
      displayName: 'ผู้กำกับดูแล ITA จังหวัดนนทบุรี',
      role: 'central_admin',
      oversees: PROVINCE_SLUG,
    },
    ...PROVINCE_AGENCIES.map((slug) => ({
      email: `admin@${slug}.demo`,
      displayName: 'เลขานุการคณะทำงาน ITA',
      role: 'agency_admin' as const,
      agency: slug,
    })),
  ];
}

/** Adds the province's agencies not there yet (with their kinds' units), as an agency list would. */
export async function seedDemoProvince(db: Kysely<Database>): Promise<number> {
  const have = new Set((await listAllAgencies(db)).map((a) => a.code));
  const rows = PROVINCE_ROWS.map((r, i) => ({ ...r, row: i + 2 })).filter((r) => !have.has(r.code));
  if (rows.length === 0) return 0;
  return (await importAgencyRows(db, null, 'demo-province', rows, { dryRun: false })).added;
}

async function provinceAgencies(db: Kysely<Database>): Promise<Agency[]> {
  const found = await Promise.all(PROVINCE_AGENCIES.map((slug) => findAgency(db, slug)));
  return found.filter((a): a is Agency => a !== undefined);
}

/** Generated results of the main round's year for each agency, imported and scored as any import is. Skips what exists. */
export async function loadDemoProvinceResults(db: Kysely<Database>): Promise<number> {
  let added = 0;
  for (const agency of await provinceAgencies(db)) {
    if (await findAssessment(db, agency.id, PROVINCE_RESULTS_YEAR)) continue;
    const framework = frameworkForAgency(agency, PROVINCE_RESULTS_YEAR);
    const content = generatedContent(framework, agency.code, PROVINCE_RESULTS_YEAR);
    const read = { content, format: 'demo-generated', fileName: 'ข้อมูลสาธิตที่สร้างขึ้น (ไม่ใช่ผลจริง)', unread: [] };
    const preview = await prepareImport(db, agency, PROVINCE_RESULTS_YEAR, framework, read);
    await commitImport(db, null, agency, PROVINCE_RESULTS_YEAR, preview, 'demo-generated');
    added++;
  }
  return added;
}

/** The units a measure falls to, by what they do; each finds the kind's unit of that work. */
type Work = 'clerk' | 'finance' | 'works' | 'strategy' | 'audit' | 'all';

const WORK_UNITS: Record<Exclude<Work, 'all'>, RegExp> = {
  clerk: /^สำนักปลัด|^ฝ่ายบริหารงานทั่วไป|^กลุ่มงานอำนวยการ/,
  finance: /^กองคลัง|^กองพัสดุ|^กลุ่มงานบริหารทรัพยากรทั่วไป/,
  works: /^กองช่าง/,
  strategy: /ยุทธศาสตร์/,
  audit: /ตรวจสอบภายใน/,
};

interface IndicatorPlan {
  issue: string;
  measures: string[];
  works: Work[];
}

/**
 * The plan of an indicator in a local administration's words: `{agency}` its name, `{head}` its
 * head's title, `{units}` what it calls its units (กอง, กลุ่มงาน), `{clerk}` its central office.
 */
const INDICATOR_PLANS: Record<number, IndicatorPlan> = {
  1: {
    issue: 'ผู้รับบริการบางส่วนเห็นว่าการให้บริการยังไม่เป็นไปตามขั้นตอนและระยะเวลาที่ประกาศไว้อย่างเท่าเทียมกัน',
    measures: [
      'ทบทวนคู่มือการให้บริการประชาชนของ{agency} และติดประกาศขั้นตอน ระยะเวลา และค่าธรรมเนียม ณ จุดบริการทุกจุด',
      'สำรวจความพึงพอใจของผู้มารับบริการทุกไตรมาส และรายงานผลต่อ{head}',
    ],
    works: ['clerk'],
  },
  2: {
    issue: 'บุคลากรยังไม่ทราบแผนการใช้จ่ายงบประมาณประจำปีและผลการเบิกจ่ายของ{agency}',
    measures: [
      'เผยแพร่แผนการใช้จ่ายงบประมาณและรายงานผลการเบิกจ่ายรายไตรมาสให้บุคลากรทุก{units}ทราบ',
      'เชิญตัวแทนประชาคมร่วมเป็นกรรมการตรวจรับงานจ้างโครงการที่มีมูลค่าสูง',
    ],
    works: ['finance', 'strategy'],
  },
  3: {
    issue: 'บุคลากรบางส่วนเห็นว่าการมอบหมายงานและการประเมินผลการปฏิบัติงานยังไม่โปร่งใส',
    measures: [
      'กำหนดหลักเกณฑ์การมอบหมายงานและการประเมินผลการปฏิบัติงานเป็นลายลักษณ์อักษร และแจ้งเวียนทุก{units}',
      'เปิดช่องทางให้บุคลากรสอบถามผลการประเมินของตนได้ที่{clerk}',
    ],
    works: ['clerk'],
  },
  4: {
    issue: 'ยังมีผู้เข้าใจไม่ชัดเจนว่าการยืมพัสดุ ครุภัณฑ์ และยานพาหนะไปใช้ต้องขออนุญาตอย่างไร',
    measures: ['จัดทำแนวปฏิบัติการยืมคืนพัสดุและยานพาหนะ และบันทึกการยืมในทะเบียนคุมทุกครั้ง', 'ตรวจสอบพัสดุประจำปีและรายงานผลต่อ{head}'],
    works: ['finance', 'works'],
  },
  5: {
    issue: 'บุคลากรบางส่วนไม่มั่นใจว่าจะได้รับการคุ้มครองเมื่อแจ้งเบาะแสการทุจริต',
    measures: [
      'ประชาสัมพันธ์ช่องทางร้องเรียนการทุจริตและมาตรการคุ้มครองผู้ร้องเรียนในที่ประชุมประจำเดือนของ{agency}',
      'รายงานผลการจัดการเรื่องร้องเรียนต่อ{head}ทุก ๖ เดือน',
    ],
    works: ['clerk', 'audit'],
  },
  6: {
    issue: 'ประชาชนต้องการทราบความคืบหน้าของคำร้องโดยไม่ต้องเดินทางมาที่สำนักงาน',
    measures: ['แจ้งความคืบหน้าคำร้องทางบัญชีไลน์ทางการและเว็บไซต์ของ{agency}', 'กำหนดระยะเวลาตอบกลับคำร้องไม่เกิน ๗ วันทำการ'],
    works: ['clerk', 'works'],
  },
  7: {
    issue: 'ข้อมูลข่าวสารบนเว็บไซต์และเพจของ{agency}ยังไม่เป็นปัจจุบัน',
    measures: ['มอบหมายผู้รับผิดชอบปรับปรุงข่าวสารบนเว็บไซต์และเพจอย่างน้อยสัปดาห์ละครั้ง'],
    works: ['clerk', 'strategy'],
  },
  8: {
    issue: 'การให้บริการยังใช้เอกสารกระดาษเป็นส่วนใหญ่ ผู้รับบริการต้องยื่นสำเนาเอกสารซ้ำ',
    measures: [
      'เพิ่มบริการยื่นคำร้องออนไลน์ (E-Service) และงดขอสำเนาเอกสารที่{agency}ตรวจสอบเองได้',
      'ทบทวนขั้นตอนการทำงานที่ซ้ำซ้อนร่วมกันทุก{units}',
    ],
    works: ['strategy', 'clerk'],
  },
  9: {
    issue: 'ข้อมูลบางรายการบนเว็บไซต์ยังไม่ครบตามรายการ OIT หรือไม่เป็นข้อมูลของปีปัจจุบัน',
    measures: ['จัดทำปฏิทินการเผยแพร่ข้อมูลตามรายการ OIT และให้ทุก{units}ส่งข้อมูลให้{clerk}ตรวจสอบก่อนเผยแพร่'],
    works: ['all'],
  },
  10: {
    issue: 'การป้องกันการทุจริตยังไม่ต่อเนื่องตลอดปีงบประมาณ',
    measures: [
      '{head}ประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) และรายงานผลการรับทรัพย์สินประจำปี',
      'ประเมินความเสี่ยงการทุจริตและจัดทำแผนปฏิบัติการป้องกันการทุจริตของ{agency}',
    ],
    works: ['clerk', 'audit'],
  },
};

function worded(text: string, words: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => words[key] ?? whole);
}

/** The agency's units doing the works (those it has), or every unit when it has none of them. */
function unitsFor(works: Work[], divisions: Division[]): Divisions {
  if (works.includes('all')) return ['all'];
  const ids = works.flatMap((work) => divisions.find((d) => WORK_UNITS[work as Exclude<Work, 'all'>].test(d.name_th))?.id ?? []);
  const unique = [...new Set(ids)];
  return unique.length > 0 ? unique : ['all'];
}

/**
 * Each agency's measures plan of the year after its results: one row per indicator with the score
 * the results give it (as the product drafts a plan per indicator), measures worded for the kind,
 * and the units responsible by the kind's own names. Skips plans that exist.
 */
export async function loadDemoProvincePlans(db: Kysely<Database>): Promise<number> {
  let added = 0;
  for (const agency of await provinceAgencies(db)) {
    if (await findPlan(db, agency.id, PROVINCE_PLAN_YEAR)) continue;
    const assessment = await findAssessment(db, agency.id, PROVINCE_RESULTS_YEAR);
    if (!assessment) continue;
    const kind: AgencyKind = shippedKind(agency.kind) ?? shippedKind('other')!;
    const { framework, result } = await loadState(db, assessment);
    const divisions = await listDivisions(db, agency.id);
    const clerk = divisions.find((d) => WORK_UNITS.clerk.test(d.name_th))?.name_th ?? agency.name_th;
    const words = {
      agency: agency.name_th,
      head: headTitleTh(kind, shortNameTh(kind, agency.name_th)),
      units: kind.unitTerm,
      clerk,
    };
    const plan = await createPlan(db, null, agency, PROVINCE_PLAN_YEAR, { mode: 'empty' });
    await db.updateTable('measure_plans').set({ based_on_year: assessment.fiscal_year }).where('id', '=', plan.id).execute();
    for (const [i, draft] of entriesPerIndicator(framework, result).entries()) {
      const text = INDICATOR_PLANS[draft.indicatorNumber ?? 0];
      if (!text) continue;
      await insertEntry(
        db,
        entryRow(plan.id, i + 1, {
          ...draft,
          issue: worded(text.issue, words),
          measures: text.measures.map((m) => worded(m, words)),
          divisions: unitsFor(text.works, divisions),
          cadence: draft.indicatorNumber === 1 ? 'quarterly' : 'semiannual',
          targetScore: 95,
        }),
      );
    }
    added++;
  }
  return added;
}
