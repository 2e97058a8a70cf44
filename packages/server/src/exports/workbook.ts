import ExcelJS from 'exceljs';
import { findWeakPoints, round2 } from '@prongsai/core';
import type { Kysely } from 'kysely';
import type { Agency, Database } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { findPlan, listEntries } from '../measures/repository.js';
import { presentEntry } from '../measures/service.js';
import { findAssessment } from '../results/repository.js';
import { loadState } from '../results/service.js';

/**
 * One workbook with an agency's results (every level), the analysis (questions below the
 * threshold) and the measures plan of a fiscal year; results are those of the plan's base year.
 */
export async function workbookFor(db: Kysely<Database>, agency: Agency, fiscalYear: number): Promise<Buffer> {
  const plan = await findPlan(db, agency.id, fiscalYear);
  const resultsYear = plan?.based_on_year ?? fiscalYear - 1;
  const assessment = (await findAssessment(db, agency.id, resultsYear)) ?? (await findAssessment(db, agency.id, fiscalYear));
  if (!assessment && !plan) {
    throw badRequest(`nothing to export for FY${fiscalYear}`, `ไม่มีข้อมูลปีงบประมาณ พ.ศ. ${fiscalYear} ให้ส่งออก`);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Prongsai';
  if (assessment) {
    const state = await loadState(db, assessment);
    const results = workbook.addWorksheet(`ผลการประเมิน ${assessment.fiscal_year}`);
    results.addRow(['level', 'code', 'name', 'score', 'published']);
    results.addRow([
      'ita',
      'ITA',
      state.result.level?.name.th ?? '',
      state.result.ita === null ? null : round2(state.result.ita),
      null,
    ]);
    for (const tool of state.framework.tools) {
      const scored = state.result.tools[tool.code];
      results.addRow(['tool', tool.code, tool.data.name.th, scored ? round2(scored.score) : null, scored?.published ?? null]);
    }
    for (const indicator of state.framework.indicators.values()) {
      const scored = state.result.indicators[String(indicator.number)];
      results.addRow([
        'indicator',
        String(indicator.number),
        indicator.data.name.th,
        scored ? round2(scored.score) : null,
        scored?.published ?? null,
      ]);
    }
    for (const unit of state.framework.units.values()) {
      const scored = state.result.units[unit.code];
      results.addRow([
        unit.kind === 'oit' ? 'oit-item' : 'question',
        unit.code,
        unit.kind === 'question' ? unit.data.text.th : (unit.data.name?.th ?? ''),
        scored ? round2(scored.score) : null,
        scored?.published ?? null,
      ]);
    }
    for (const [key, scored] of Object.entries(state.result.items)) {
      results.addRow([
        'item',
        key,
        state.framework.items.get(key)?.text.th ?? '',
        round2(scored.score),
        scored.published ?? null,
      ]);
    }
    results.getRow(1).font = { bold: true };
    const analysis = workbook.addWorksheet('วิเคราะห์ (ต่ำกว่าเกณฑ์)');
    analysis.addRow(['tool', 'indicator', 'code', 'score', 'reason', 'weak_items']);
    for (const point of findWeakPoints(state.framework, state.result).flat) {
      analysis.addRow([
        point.tool,
        point.indicator,
        point.code,
        round2(point.score),
        point.reason,
        point.weakItems.map((i) => `${i.key} ${round2(i.score).toFixed(2)}`).join('; '),
      ]);
    }
    analysis.getRow(1).font = { bold: true };
  }
  if (plan) {
    const measures = workbook.addWorksheet(`มาตรการ ${fiscalYear}`);
    measures.addRow([
      'section',
      'code',
      'indicator',
      'score',
      'issue',
      'measures',
      'divisions',
      'cadence',
      'start_date',
      'end_date',
      'target_score',
    ]);
    for (const entry of (await listEntries(db, plan.id)).map(presentEntry)) {
      measures.addRow([
        entry.section,
        entry.questionCode ?? entry.title,
        entry.indicatorNumber,
        entry.score,
        entry.issue,
        entry.measures.join('\n'),
        entry.divisions.join(', '),
        entry.cadence === 'custom' ? entry.cadenceText : entry.cadence,
        entry.startDate,
        entry.endDate,
        entry.targetScore,
      ]);
    }
    measures.getRow(1).font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
