import {
  fiscalYearsNamed,
  compareResults,
  planImprovements,
  whatIf,
  findWeakPoints,
  formatWarning,
  InputError,
  importScope,
  loadContent,
  mergeImportContents,
  presentResult,
  round2,
  scoreAssessment,
  storeContent,
  suppressSmallGroups,
  type CompiledFramework,
  type ImportContent,
  type ScoreResult,
  type StoredContent,
  type UnreadLine,
} from '@prongsai/core';
import type { Kysely } from 'kysely';
import { readableAgency } from '../agencies/service.js';
import { frameworkForAgency } from '../frameworks/for-agency.js';
import { recordAudit } from '../audit/repository.js';
import { allows, agencyScope, authorize, overseen, type Actor } from '../auth/policy.js';
import { now } from '../db/database.js';
import { lockRow } from '../db/locks.js';
import type { Agency, Assessment, AssessmentImport, Database } from '../db/schema.js';
import { loadFramework } from '../frameworks/registry.js';
import { badRequest, notFound } from '../http/errors.js';
import type { Page } from '../db/page.js';
import { inputErrorAsHttp } from '../inputs/input-http.js';
import { readUpload, type Upload } from '../inputs/read-upload.js';
import {
  activeImports,
  assessmentBefore,
  assessmentYears,
  findAssessment,
  importHistory,
  insertAssessment,
  insertImport,
  listAssessments,
  supersedeImports,
  updateAssessment,
  cityPage,
  trendPage,
  keepResultYear,
  staleResultYears,
} from './repository.js';
import type { CityRow } from './city.js';
import type { CitySort, TrendSort } from './schemas.js';

/** Differences over 0.01 between scores the imports gave and the scores computed from finer data. */
export function publishedDifferences(result: ScoreResult) {
  const differences: {
    level: 'question' | 'indicator' | 'tool';
    code: string;
    published: number;
    computed: number;
    difference: number;
  }[] = [];
  const check = (level: 'question' | 'indicator' | 'tool', code: string, score: number, published: number | undefined) => {
    if (published === undefined) return;
    const difference = round2(round2(score) - published);
    if (Math.abs(difference) > 0.01 + 1e-9) differences.push({ level, code, published, computed: round2(score), difference });
  };
  for (const [code, unit] of Object.entries(result.units)) check('question', code, unit.score, unit.published);
  for (const [code, indicator] of Object.entries(result.indicators)) {
    check('indicator', code, indicator.score, indicator.published);
  }
  for (const [code, tool] of Object.entries(result.tools)) check('tool', code, tool.score, tool.published);
  return differences;
}

/** Respondent statistics as they may be shown: small groups hidden, and none recoverable from the total. */
export function presentStats(content: ImportContent) {
  return suppressSmallGroups(content.stats);
}

export interface AssessmentState {
  framework: CompiledFramework;
  content: ImportContent;
  result: ScoreResult;
}

export function stateFromImports(
  framework: CompiledFramework,
  imports: readonly Pick<AssessmentImport, 'content' | 'file_name'>[],
): AssessmentState {
  const content = mergeImportContents(
    imports.map((i) => loadContent(JSON.parse(i.content) as StoredContent, i.file_name)),
    { warnDuplicates: false },
  );
  return { framework, content, result: scoreAssessment(framework, content.input) };
}

export async function loadState(db: Kysely<Database>, assessment: Assessment): Promise<AssessmentState> {
  return stateFromImports(loadFramework(assessment.framework_id), await activeImports(db, assessment.id));
}

export interface PreviewResult {
  /** The year and agency the results go into, restated so that a wrong choice shows before import. */
  fiscalYear: number;
  agency: { slug: string; nameTh: string; nameEn: string };
  framework: string;
  format: string;
  fileName: string;
  scope: string[];
  unread: UnreadLine[];
  /** Warnings of this file, then of the assessment as it would be. */
  warnings: { code: string; subject: string; message: string; messageTh: string }[];
  replaces: { id: number; fileName: string; scope: string }[];
  result: ReturnType<typeof presentResult>;
  prepared: { framework: CompiledFramework; content: ImportContent; merged: AssessmentState; replaced: AssessmentImport[] };
}

/**
 * Reads an upload and scores the assessment as it would be after importing it, writing nothing.
 * An earlier import whose scope overlaps this one's is replaced (kept in the history).
 */
export async function previewImport(
  db: Kysely<Database>,
  agency: Agency,
  fiscalYear: number,
  frameworkId: string | undefined,
  upload: Upload,
): Promise<PreviewResult> {
  const existing = await findAssessment(db, agency.id, fiscalYear);
  if (existing && frameworkId && existing.framework_id !== frameworkId) {
    throw badRequest(
      `the FY${fiscalYear} assessment uses framework ${existing.framework_id}, not ${frameworkId}`,
      `ผลการประเมินปีงบประมาณ ${fiscalYear} ใช้ชุดคำถาม ${existing.framework_id} ไม่ใช่ ${frameworkId}`,
    );
  }
  const framework = existing ? loadFramework(existing.framework_id) : frameworkForAgency(agency, fiscalYear, frameworkId);
  const preview = await prepareImport(db, agency, fiscalYear, framework, await readUpload(framework, upload));
  // A file that names another fiscal year is most likely that year's results: say so before it is imported.
  const named =
    upload.kind === 'file' ? fiscalYearsNamed(upload.fileName, { bare: true }) : fiscalYearsNamed(upload.text.slice(0, 4000));
  if (named.length > 0 && !named.includes(fiscalYear)) {
    const years = named.join(', ');
    preview.warnings.unshift({
      code: 'other-year',
      subject: preview.fileName,
      message: `the file names fiscal year ${years}, but it is being imported as FY${fiscalYear}`,
      messageTh: `ไฟล์นี้ระบุปีงบประมาณ ${years} แต่กำลังนำเข้าเป็นผลปีงบประมาณ ${fiscalYear}`,
    });
  }
  return preview;
}

/** Whether scoring a file alone kept any value of it (every row may have been refused as out of range). */
function holdsAnything(result: ScoreResult, content: ImportContent): boolean {
  const scored = [result.items, result.units, result.indicators, result.tools].some((r) => Object.keys(r).length > 0);
  return scored || content.oit.length > 0 || content.stats.length > 0 || content.input.respondents.size > 0;
}

/** Scores the assessment as it would be with `read` imported; writes nothing. */
export async function prepareImport(
  db: Kysely<Database>,
  agency: Agency,
  fiscalYear: number,
  framework: CompiledFramework,
  read: { content: ImportContent; format: string; fileName: string; unread: UnreadLine[] },
): Promise<PreviewResult> {
  const existing = await findAssessment(db, agency.id, fiscalYear);
  const scope = importScope(framework, read.content);
  if (scope.length === 0) throw badRequest('the file holds no results for this framework', 'ไฟล์ไม่มีผลการประเมินของชุดคำถามนี้');
  const current = existing ? await activeImports(db, existing.id) : [];
  // An earlier import is replaced when this one covers everything it provided; otherwise both
  // stay and this one's values win where they overlap.
  const replaced = current.filter((i) => i.scope.split(',').every((part) => scope.includes(part)));
  const kept = current.filter((i) => !replaced.includes(i));
  const merged = stateFromImports(framework, [
    ...kept,
    { content: JSON.stringify(storeContent(read.content)), file_name: read.fileName },
  ]);
  const alone = scoreAssessment(framework, read.content.input);
  if (!holdsAnything(alone, read.content)) {
    throw new InputError([
      {
        file: read.fileName,
        message: `nothing in the file can be used: ${alone.warnings.length} values were refused (${alone.warnings
          .slice(0, 5)
          .map((w) => formatWarning(w, 'en'))
          .join('; ')})`,
        th: `ไม่มีข้อมูลที่ใช้ได้ในไฟล์ ค่าทั้งหมดไม่ถูกต้อง: ${alone.warnings
          .slice(0, 5)
          .map((w) => formatWarning(w, 'th'))
          .join('; ')}`,
      },
    ]);
  }
  const fileWarnings = alone.warnings;
  const warnings = [
    ...fileWarnings,
    ...merged.result.warnings.filter((w) => !fileWarnings.some((f) => f.code === w.code && f.subject === w.subject)),
  ];
  return {
    fiscalYear,
    agency: { slug: agency.slug, nameTh: agency.name_th, nameEn: agency.name_en },
    framework: framework.id,
    format: read.format,
    fileName: read.fileName,
    scope,
    unread: read.unread,
    warnings: warnings.map((w) => ({
      code: w.code,
      subject: w.subject,
      message: formatWarning(w, 'en'),
      messageTh: formatWarning(w, 'th'),
    })),
    replaces: replaced.map((i) => ({ id: i.id, fileName: i.file_name, scope: i.scope })),
    result: presentResult(merged.result),
    prepared: { framework, content: read.content, merged, replaced },
  };
}

function summaryColumns(result: ScoreResult) {
  return {
    ita: result.ita,
    level_id: result.level?.id ?? null,
    iit: result.tools.IIT?.score ?? null,
    eit: result.tools.EIT?.score ?? null,
    oit: result.tools.OIT?.score ?? null,
    indicators: JSON.stringify(Object.fromEntries(Object.entries(result.indicators).map(([n, s]) => [n, s.score]))),
    result: JSON.stringify(presentResult(result)),
  };
}

/** Imports for real: replaces overlapping imports, stores the new one and the scores, audits; all in one transaction. */
export async function commitImport(
  db: Kysely<Database>,
  actorId: number | null,
  agency: Agency,
  fiscalYear: number,
  preview: PreviewResult,
  source = 'imported',
): Promise<Assessment> {
  const { framework, content } = preview.prepared;
  return db.transaction().execute(async (trx) => {
    // Imports of one agency run one at a time, and what they replace is decided here, from
    // the imports live now, not from those the preview saw.
    await lockRow(trx, 'agencies', agency.id);
    const at = now();
    let assessment = await findAssessment(trx, agency.id, fiscalYear);
    const current = assessment ? await activeImports(trx, assessment.id) : [];
    const replaced = current.filter((i) => i.scope.split(',').every((part) => preview.scope.includes(part)));
    const merged = stateFromImports(framework, [
      ...current.filter((i) => !replaced.includes(i)),
      { content: JSON.stringify(storeContent(content)), file_name: preview.fileName },
    ]);
    const before = assessment
      ? { ita: assessment.ita, level: assessment.level_id, framework: assessment.framework_id }
      : undefined;
    if (!assessment) {
      assessment = await insertAssessment(trx, {
        agency_id: agency.id,
        fiscal_year: fiscalYear,
        framework_id: framework.id,
        source,
        ...summaryColumns(merged.result),
        created_at: at,
        updated_at: at,
      });
    } else {
      assessment = await updateAssessment(trx, assessment.id, { ...summaryColumns(merged.result), source, updated_at: at });
    }
    await supersedeImports(
      trx,
      replaced.map((r) => r.id),
      at,
    );
    const row = await insertImport(trx, {
      assessment_id: assessment.id,
      kind: preview.format,
      file_name: preview.fileName.slice(0, 255),
      scope: preview.scope.join(','),
      content: JSON.stringify(storeContent(content)),
      warnings: JSON.stringify(preview.warnings),
      created_by: actorId,
      created_at: at,
      superseded_at: null,
    });
    await recordAudit(trx, {
      actorId,
      action: 'import',
      entity: 'assessment',
      entityId: assessment.id,
      agencyId: agency.id,
      before,
      after: {
        ita: assessment.ita,
        level: assessment.level_id,
        framework: framework.id,
        import: row.id,
        file: row.file_name,
        replaced: replaced.map((r) => r.id),
      },
    });
    return assessment;
  });
}

/** The assessment of the fiscal year before, for year-over-year comparison. */
export async function previousComparison(db: Kysely<Database>, assessment: Assessment, state: AssessmentState) {
  const earlier = await assessmentBefore(db, assessment.agency_id, assessment.fiscal_year);
  if (!earlier) return null;
  const before = await loadState(db, earlier);
  return { fiscalYear: earlier.fiscal_year, ...compareResults(before, state) };
}

export function weakPoints(state: AssessmentState, threshold?: number) {
  return findWeakPoints(state.framework, state.result, threshold);
}

/** An agency's assessments by fiscal year, for those who may read them. */
export async function agencyAssessments(db: Kysely<Database>, actor: Actor, ref: string): Promise<Assessment[]> {
  const agency = await readableAgency(db, actor, ref);
  authorize(actor, 'assessment', 'read', { agencyId: agency.id });
  return listAssessments(db, agency.id);
}

/** The agency's assessment of a year with its scored state, if the actor may read it; otherwise 404. */
async function readableAssessment(db: Kysely<Database>, actor: Actor, ref: string, fiscalYear: number) {
  const agency = await readableAgency(db, actor, ref);
  authorize(actor, 'assessment', 'read', { agencyId: agency.id });
  const assessment = await findAssessment(db, agency.id, fiscalYear);
  if (!assessment) throw notFound('assessment');
  return { agency, assessment, state: await loadState(db, assessment) };
}

/**
 * An assessment in full: scores, weak points, published-vs-computed differences, comparison with
 * the year before, OIT details, respondent statistics and import history.
 */
export async function assessmentReport(db: Kysely<Database>, actor: Actor, ref: string, fiscalYear: number, threshold?: number) {
  const { agency, assessment, state } = await readableAssessment(db, actor, ref, fiscalYear);
  return {
    agency: { id: agency.id, code: agency.code, slug: agency.slug, nameTh: agency.name_th, nameEn: agency.name_en },
    fiscalYear: assessment.fiscal_year,
    framework: assessment.framework_id,
    source: assessment.source,
    updatedAt: assessment.updated_at,
    result: presentResult(state.result),
    weak: weakPoints(state, threshold),
    differences: publishedDifferences(state.result),
    comparison: await previousComparison(db, assessment, state),
    oit: state.content.oit,
    stats: presentStats(state.content),
    imports: await importHistory(db, assessment.id),
    can: {
      /** The agency's own self-assessment surveys shown beside the official scores. */
      readSelfAssessment: allows(actor, 'survey', 'read', { agencyId: agency.id }),
    },
  };
}

/** The agency the actor may import results into. */
async function importableAgency(db: Kysely<Database>, actor: Actor, ref: string): Promise<Agency> {
  const agency = await readableAgency(db, actor, ref);
  authorize(actor, 'assessment', 'import', { agencyId: agency.id });
  return agency;
}

/** The scores an upload would give the agency's year, writing nothing; input problems answer 422. */
export async function previewResults(
  db: Kysely<Database>,
  actor: Actor,
  ref: string,
  fiscalYear: number,
  frameworkId: string | undefined,
  upload: Upload,
): Promise<Omit<PreviewResult, 'prepared'>> {
  const agency = await importableAgency(db, actor, ref);
  try {
    const { prepared: _prepared, ...preview } = await previewImport(db, agency, fiscalYear, frameworkId, upload);
    return preview;
  } catch (error) {
    throw inputErrorAsHttp(error);
  }
}

/** Imports an upload into the agency's year, all or nothing; input problems answer 422. */
export async function importResults(
  db: Kysely<Database>,
  actor: Actor,
  ref: string,
  fiscalYear: number,
  frameworkId: string | undefined,
  upload: Upload,
): Promise<{ assessment: Assessment; preview: PreviewResult }> {
  const agency = await importableAgency(db, actor, ref);
  try {
    const preview = await previewImport(db, agency, fiscalYear, frameworkId, upload);
    const assessment = await commitImport(db, actor.id, agency, fiscalYear, preview);
    return { assessment, preview };
  } catch (error) {
    throw inputErrorAsHttp(error);
  }
}

/** The scores with chosen questions, items or OIT items raised to new scores. */
export async function whatIfResults(
  db: Kysely<Database>,
  actor: Actor,
  ref: string,
  fiscalYear: number,
  changes: Record<string, number>,
): Promise<ScoreResult> {
  const { state } = await readableAssessment(db, actor, ref, fiscalYear);
  return whatIf(state.framework, state.result, changes);
}

/** The fewest questions to raise to a target score to reach a level of the framework. */
export async function improvementPlan(
  db: Kysely<Database>,
  actor: Actor,
  ref: string,
  fiscalYear: number,
  level: string,
  target: number,
) {
  const { state } = await readableAssessment(db, actor, ref, fiscalYear);
  if (!state.framework.data.levels.levels.some((l) => l.id === level)) {
    throw badRequest(`unknown level ${level}`, 'ไม่รู้จักระดับผลการประเมินนี้');
  }
  return planImprovements(state.framework, state.result, level, target);
}

/** The fiscal years with results of the agencies the user may see. */
export function resultYears(db: Kysely<Database>, actor: Actor): Promise<number[]> {
  return assessmentYears(db, overseen(actor));
}

/**
 * Brings the whole country's kept city figures up to date with the results' changes (the database
 * notes them as they happen): one query when nothing changed, else the changed years kept again.
 */
export async function keepCityFigures(db: Kysely<Database>): Promise<void> {
  const stale = await staleResultYears(db);
  if (!stale.length) return;
  const at = new Date().toISOString();
  for (const fiscalYear of stale) await db.transaction().execute((trx) => keepResultYear(trx, fiscalYear, at));
}

/**
 * Reads the whole country's kept figures, which say in the same statement whether the database
 * noted a change since they were kept: then they are kept again and read once more.
 */
async function readKept<T extends { stale: boolean }>(db: Kysely<Database>, read: () => Promise<T>): Promise<T> {
  const found = await read();
  if (!found.stale) return found;
  await keepCityFigures(db);
  return read();
}

const r2 = (v: number | null) => (v === null ? null : round2(Number(v)));

/**
 * A page of the city table of a fiscal year (the agencies the central user oversees), with the
 * group's figures: how many agencies have results, their mean ITA and how many reached each level.
 */
export async function cityResultsPage(
  db: Kysely<Database>,
  actor: Actor,
  fiscalYear: number,
  page: Page<CitySort> & { level?: string | undefined },
) {
  authorize(actor, 'cityResults', 'read', undefined);
  const scope = agencyScope(actor);
  const found = await readKept(db, () => cityPage(db, fiscalYear, scope === 'all' ? undefined : scope, page));
  const scored = found.levels.reduce((n, l) => n + Number(l.scored), 0);
  const sum = found.levels.reduce((n, l) => n + Number(l.sum ?? 0), 0);
  return {
    total: found.total,
    rows: found.rows.map((row): CityRow => {
      const level = row.level_id
        ? loadFramework(row.framework_id).data.levels.levels.find((l) => l.id === row.level_id)
        : undefined;
      return {
        rank: Number(row.rank),
        agency: { id: row.agency_id, code: row.code, slug: row.slug, nameTh: row.name_th, nameEn: row.name_en },
        framework: row.framework_id,
        source: row.source,
        ita: r2(row.ita),
        level: level?.name.th ?? null,
        levelId: row.level_id,
        iit: r2(row.iit),
        eit: r2(row.eit),
        oit: r2(row.oit),
        indicators: Object.fromEntries(
          Object.entries(JSON.parse(row.indicators) as Record<string, number>).map(([k, v]) => [k, round2(v)]),
        ),
      };
    }),
    agencies: found.levels.reduce((n, l) => n + Number(l.agencies), 0),
    mean: scored ? round2(sum / scored) : null,
    levels: found.levels
      .map((l) => ({ levelId: l.level_id, count: Number(l.agencies) }))
      .sort((a, b) => (a.levelId ?? '~').localeCompare(b.levelId ?? '~')),
    generated: found.levels.reduce((n, l) => n + Number(l.generated), 0),
    framework: found.levels.map((l) => l.framework_id).sort()[0] ?? null,
  };
}

/** A page of the agencies the central user oversees with their ITA by fiscal year, and each year's mean. */
export async function cityTrendsPage(db: Kysely<Database>, actor: Actor, page: Page<TrendSort>) {
  authorize(actor, 'cityResults', 'read', undefined);
  const scope = agencyScope(actor);
  const found = await readKept(db, () => trendPage(db, scope === 'all' ? undefined : scope, page));
  return {
    total: found.total,
    rows: found.rows.map((agency) => ({
      agency: { id: agency.id, code: agency.code, slug: agency.slug, nameTh: agency.name_th, nameEn: agency.name_en },
      years: agency.years.map((s) => ({ fiscalYear: s.fiscal_year, ita: r2(s.ita), levelId: s.level_id })),
    })),
    years: found.years.map((y) => ({
      fiscalYear: y.fiscal_year,
      agencies: Number(y.agencies),
      mean: y.mean === null ? null : round2(Number(y.mean)),
    })),
  };
}
