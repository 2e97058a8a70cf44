import { findWeakPoints, round2 } from '@prongsai/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/policy.js';
import type { Agency, Database } from '../db/schema.js';
import { readableEntries } from '../progress/access.js';
import { ProgressRepository, type RoundScope } from '../progress/repository.js';
import { notFound } from '../http/errors.js';
import { listDivisions } from '../agencies/repository.js';
import { findPlan, listEntries } from '../measures/repository.js';
import { presentEntry } from '../measures/service.js';
import { findAssessment } from '../results/repository.js';
import { loadState } from '../results/service.js';

export type Dataset = 'results' | 'analysis' | 'measures' | 'progress';

/** Documented columns of each open-data file (CSV header and JSON keys alike). */
export const OPEN_DATA_COLUMNS: Record<Dataset, readonly string[]> = {
  results: ['agency_code', 'fiscal_year', 'framework', 'level', 'code', 'name', 'score', 'published_score', 'source'],
  analysis: ['agency_code', 'fiscal_year', 'threshold', 'tool', 'indicator', 'code', 'score', 'reason', 'items_below'],
  measures: [
    'agency_code',
    'fiscal_year',
    'section',
    'code',
    'indicator',
    'score_when_planned',
    'issue',
    'measures',
    'divisions',
    'cadence',
    'start_date',
    'end_date',
    'target_score',
  ],
  progress: ['agency_code', 'fiscal_year', 'round', 'revision', 'approved_at', 'code', 'issue', 'status', 'narrative'],
};

type Row = Record<string, string | number | null>;

/** The rows of an approved round's progress, as `reader` may see them (publishing uses the secretariat's view). */
export async function progressRows(db: Kysely<Database>, reader: Actor, agency: Agency, scope: RoundScope): Promise<Row[]> {
  const progress = new ProgressRepository(db);
  const entries = await readableEntries(progress, reader, scope);
  const reports = await progress.reportsOf(scope.round, entries);
  const narratives = await progress.narrativesOf(agency.id, [...reports.values()]);
  return entries.map(presentEntry).map((e) => {
    const report = reports.get(e.id);
    return {
      agency_code: agency.code,
      fiscal_year: scope.plan.fiscal_year,
      round: scope.round.round,
      revision: scope.round.revision,
      approved_at: scope.round.approved_at,
      code: e.questionCode ?? e.title,
      issue: e.issue,
      status: report?.status ?? 'not-started',
      narrative: report ? (narratives.get(report.id) ?? '') : '',
    };
  });
}

export async function openDataRows(
  db: Kysely<Database>,
  agency: Agency,
  fiscalYear: number,
  dataset: Exclude<Dataset, 'progress'>,
): Promise<Row[]> {
  if (dataset === 'measures') {
    const plan = await findPlan(db, agency.id, fiscalYear);
    if (!plan) throw notFound('plan');
    // Divisions by name, as the plan document prints them, never by internal id.
    const names = new Map((await listDivisions(db, agency.id)).map((d) => [d.id, d.name_th]));
    const divisionName = (d: number | 'all') => (d === 'all' ? 'ทุกฝ่าย' : (names.get(d) ?? String(d)));
    return (await listEntries(db, plan.id)).map(presentEntry).map((e) => ({
      agency_code: agency.code,
      fiscal_year: fiscalYear,
      section: e.section,
      code: e.questionCode ?? e.title,
      indicator: e.indicatorNumber,
      score_when_planned: e.score,
      issue: e.issue,
      measures: e.measures.join(' | '),
      divisions: e.divisions.map(divisionName).join(' | '),
      cadence: e.cadence === 'custom' ? e.cadenceText : e.cadence,
      start_date: e.startDate,
      end_date: e.endDate,
      target_score: e.targetScore,
    }));
  }
  const assessment = await findAssessment(db, agency.id, fiscalYear);
  if (!assessment) throw notFound('assessment');
  const { framework, result } = await loadState(db, assessment);
  const base = { agency_code: agency.code, fiscal_year: fiscalYear };
  if (dataset === 'analysis') {
    const weak = findWeakPoints(framework, result);
    return weak.flat.map((p) => ({
      ...base,
      threshold: weak.threshold,
      tool: p.tool,
      indicator: p.indicator,
      code: p.code,
      score: round2(p.score),
      reason: p.reason,
      items_below: p.weakItems.map((i) => `${i.key}=${round2(i.score).toFixed(2)}`).join(' | '),
    }));
  }
  const row = (level: string, code: string, name: string, scored: { score: number; published?: number } | undefined): Row => ({
    ...base,
    framework: framework.id,
    level,
    code,
    name,
    score: scored ? round2(scored.score) : null,
    published_score: scored?.published ?? null,
    source: assessment.source,
  });
  return [
    { ...row('ita', 'ITA', result.level?.name.th ?? '', undefined), score: result.ita === null ? null : round2(result.ita) },
    ...framework.tools.map((t) => row('tool', t.code, t.data.name.th, result.tools[t.code])),
    ...[...framework.indicators.values()].map((i) =>
      row('indicator', String(i.number), i.data.name.th, result.indicators[String(i.number)]),
    ),
    ...[...framework.units.values()].map((u) =>
      row(
        u.kind === 'oit' ? 'oit-item' : 'question',
        u.code,
        u.kind === 'question' ? u.data.text.th : (u.data.name?.th ?? ''),
        result.units[u.code],
      ),
    ),
    ...Object.entries(result.items).map(([key, scored]) => row('item', key, framework.items.get(key)?.text.th ?? '', scored)),
  ];
}
