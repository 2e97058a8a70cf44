import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  findWeakPoints,
  presentResult,
  type AgencyKind,
  type CompiledFramework,
  type OitDetail,
  type ScoreResult,
  type WeakPoint,
} from '@prongsai/core';
import type { Kysely } from 'kysely';
import { kindById } from '../agencies/kinds-service.js';
import { listDivisions } from '../agencies/repository.js';
import type { Agency, Database, Division } from '../db/schema.js';
import { findCommittee } from '../committees/repository.js';
import { readEmblem } from '../letterhead/emblem.js';
import { filesAt, readWhole } from '../files/index.js';
import type { Committee } from '../committees/schema.js';
import { frameworksDir, loadFramework } from '../frameworks/registry.js';
import { badRequest, HttpError } from '../http/errors.js';
import type { Actor } from '../auth/policy.js';
import { readableEntries, readableRound } from '../progress/access.js';
import { ProgressRepository } from '../progress/repository.js';
import { findPlan, listEntries } from '../measures/repository.js';
import { presentEntry } from '../measures/service.js';
import { findAssessment } from '../results/repository.js';
import type { MeasuresIntro } from './measures-outline.js';
import { loadState, presentStats } from '../results/service.js';

export type Entry = ReturnType<typeof presentEntry>;

export interface MeasuresModel {
  agency: Agency;
  /** The agency's kind as stored, which names it, its head and its units (agency-wording.ts); its kind id's shipped one where absent. */
  kind?: AgencyKind | undefined;
  fiscalYear: number;
  resultsYear: number;
  framework: CompiledFramework;
  result: ScoreResult;
  weak: WeakPoint[];
  threshold: number;
  entries: Entry[];
  divisions: Division[];
  oit: OitDetail[];
  /** Percent answering each option, per item, where the results have them. */
  shares: Map<string, number[]>;
  stats: ReturnType<typeof presentStats>;
  /** Respondents per breakdown (`tool|dimension`), counted before small groups are hidden; null where a count is missing. */
  statTotals: Map<string, number | null>;
  intro: MeasuresIntro;
  /** Indicator names of the results' framework, for the analysis table's group rows. */
  indicatorNames: Record<number, string>;
}

export interface ProgressModel {
  agency: Agency;
  kind?: AgencyKind | undefined;
  fiscalYear: number;
  round: 6 | 12;
  divisions: Division[];
  /** Indicator names of the framework the plan's results were scored with, for the group rows. */
  indicatorNames: Record<number, string>;
  rows: {
    entry: Entry;
    status: string;
    narrative: string;
    /** Each photo's caption and link, its bytes, and its size as stored (null for a document or an unknown size). */
    evidence: { caption: string; link: string | null; image: Buffer | null; width: number | null; height: number | null }[];
  }[];
}

export interface OrderModel {
  agency: Agency;
  kind?: AgencyKind | undefined;
  fiscalYear: number;
  committee: Committee;
  /** The agency's uploaded emblem (PNG), or null: the order then keeps its blank space. */
  emblem: Buffer | null;
}

const indicatorNamesOf = (framework: CompiledFramework): Record<number, string> =>
  Object.fromEntries([...framework.indicators.entries()].map(([n, i]) => [n, i.data.name.th]));

/** Names of responsible divisions as the documents print them. */
export function divisionText(entry: Entry, divisions: Division[], allUnits = 'ทุกฝ่าย'): string {
  return entry.divisions.map((d) => (d === 'all' ? allUnits : (divisions.find((x) => x.id === d)?.name_th ?? ''))).join(', ');
}

/**
 * Text a transcription leaves where the source had none ("(no heading in source) …", "[TODO]"):
 * an official document must never print it, so making one stops and names the entry.
 */
const PLACEHOLDER = /\((?:no heading|no title|placeholder|untitled)[^)]*\)|\[(?:todo|tbd|placeholder)[^\]]*\]/i;

export function refusePlaceholderText(entries: readonly Entry[]): void {
  const found = entries.filter((e) =>
    [e.title, e.questionText, e.issue, ...e.measures].some((text) => typeof text === 'string' && PLACEHOLDER.test(text)),
  );
  if (found.length === 0) return;
  const names = found.map((e) => e.questionCode ?? e.title ?? `#${e.id}`).join(', ');
  throw new HttpError(
    422,
    'placeholder-text',
    `entries carry placeholder text: ${names}`,
    `รายการ ${names} มีข้อความแทนที่ซึ่งไม่ใช่ข้อความของเอกสาร กรุณาแก้ไขหัวข้อให้ตรงกับต้นฉบับก่อนจัดทำเอกสาร`,
  );
}

/**
 * The measures document of a plan year: the results of the year before (or the plan's base
 * year), the analysis and the plan's entries.
 */
export async function measuresModel(db: Kysely<Database>, agency: Agency, fiscalYear: number): Promise<MeasuresModel> {
  const plan = await findPlan(db, agency.id, fiscalYear);
  const resultsYear = plan?.based_on_year ?? fiscalYear - 1;
  const assessment = await findAssessment(db, agency.id, resultsYear);
  if (!assessment) {
    throw badRequest(
      `no FY${resultsYear} results for the FY${fiscalYear} measures document`,
      `ยังไม่มีผลการประเมินปีงบประมาณ พ.ศ. ${resultsYear} สำหรับจัดทำเอกสารมาตรการปี ${fiscalYear}`,
    );
  }
  const state = await loadState(db, assessment);
  const threshold = state.framework.data.analysisThreshold;
  const entries = plan ? (await listEntries(db, plan.id)).map(presentEntry) : [];
  refusePlaceholderText(entries);
  const intro = JSON.parse(await readFile(join(frameworksDir(), 'documents', 'intro-th.json'), 'utf8')) as MeasuresModel['intro'];
  return {
    agency,
    kind: await kindById(db, agency.kind),
    fiscalYear,
    resultsYear,
    framework: state.framework,
    result: state.result,
    weak: findWeakPoints(state.framework, state.result, threshold).flat,
    threshold,
    entries,
    divisions: await listDivisions(db, agency.id),
    oit: state.content.oit,
    shares: new Map(
      [...state.content.input.items].flatMap(([key, observation]): [string, number[]][] => {
        if (observation.kind === 'shares') return [[key, [...observation.shares]]];
        if (observation.kind !== 'counts') return [];
        const total = observation.counts.reduce((a, b) => a + b, 0);
        return total > 0 ? [[key, observation.counts.map((n) => (100 * n) / total)]] : [];
      }),
    ),
    stats: presentStats(state.content),
    statTotals: state.content.stats.reduce((totals, s) => {
      const key = `${s.tool}|${s.dimension}`;
      const sum = totals.has(key) ? totals.get(key)! : 0;
      return totals.set(key, sum === null || s.count === null ? null : sum + s.count);
    }, new Map<string, number | null>()),
    intro,
    indicatorNames: indicatorNamesOf(state.framework),
  };
}

/**
 * The progress report of a round, as `reader` may see it: the same entries, reports and
 * evidence as the round's screen, through the same repository and policy.
 */
export async function progressModel(
  db: Kysely<Database>,
  reader: Actor,
  agency: Agency,
  fiscalYear: number,
  round: 6 | 12,
  dataDir: string,
): Promise<ProgressModel> {
  const progress = new ProgressRepository(db);
  const plan = await findPlan(db, agency.id, fiscalYear);
  if (!plan) throw badRequest(`no FY${fiscalYear} plan`, `ยังไม่มีแผนมาตรการปีงบประมาณ พ.ศ. ${fiscalYear}`);
  const scope = await readableRound(progress, reader, agency.id, fiscalYear, round);
  const entries = await readableEntries(progress, reader, scope);
  const reports = await progress.reportsOf(scope.round, entries);
  const files = await progress.evidenceOf([...reports.values()]);
  const narratives = await progress.narrativesOf(agency.id, [...reports.values()]);
  const rows: ProgressModel['rows'] = [];
  const missing: string[] = [];
  for (const entry of entries) {
    const report = reports.get(entry.id);
    const evidence = [];
    for (const file of files.filter((f) => f.report_id === report?.id)) {
      let image: Buffer | null = null;
      if (file.kind === 'image') {
        image = await readWhole(filesAt(dataDir), `evidence/${file.agency_id}/${file.stored_name}`);
        if (!image) missing.push(file.caption || `#${file.id}`);
      }
      evidence.push({ caption: file.caption, link: file.link, image, width: file.width, height: file.height });
    }
    rows.push({
      entry: presentEntry(entry),
      status: report?.status ?? 'not-started',
      narrative: report ? (narratives.get(report.id) ?? '') : '',
      evidence,
    });
  }
  // A photo the report shows must be in it: a missing file stops the document, by name.
  if (missing.length > 0) {
    throw new HttpError(
      409,
      'evidence-file-missing',
      `${missing.length} evidence photos are missing from storage: ${missing.slice(0, 5).join(', ')}`,
      `ไม่พบไฟล์ภาพหลักฐาน ${missing.length} ไฟล์ในที่จัดเก็บ (${missing.slice(0, 5).join(', ')}) กรุณากู้คืนหรืออัปโหลดใหม่`,
    );
  }
  refusePlaceholderText(rows.map((r) => r.entry));
  const assessment = await findAssessment(db, agency.id, plan.based_on_year ?? fiscalYear - 1);
  const framework = assessment ? loadFramework(assessment.framework_id) : undefined;
  const indicatorNames = framework ? indicatorNamesOf(framework) : {};
  return {
    agency,
    kind: await kindById(db, agency.kind),
    fiscalYear,
    round,
    divisions: await listDivisions(db, agency.id),
    indicatorNames,
    rows,
  };
}

export async function orderModel(db: Kysely<Database>, agency: Agency, fiscalYear: number, dataDir: string): Promise<OrderModel> {
  const committee = await findCommittee(db, agency.id, fiscalYear);
  if (!committee) throw badRequest(`no FY${fiscalYear} committee`, `ยังไม่มีข้อมูลคณะกรรมการปีงบประมาณ พ.ศ. ${fiscalYear}`);
  return { agency, kind: await kindById(db, agency.kind), fiscalYear, committee, emblem: await readEmblem(dataDir, agency.id) };
}

export { presentResult };
