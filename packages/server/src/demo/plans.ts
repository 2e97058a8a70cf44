import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Cadence } from '@prongsai/core';
import { fromThaiDigits } from '@prongsai/core';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { findAgency, listDivisions } from '../agencies/repository.js';
import { now } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { filesAt } from '../files/index.js';
import { findPlan, insertEntry } from '../measures/repository.js';
import { createPlan, entryRow, type Divisions } from '../measures/service.js';

interface DemoPlanFile {
  plans: {
    agency: string;
    fiscalYear: number;
    round: 6 | null;
    entries: {
      section: 'question' | 'indicator' | 'extra';
      questionCode: string | null;
      indicatorNumber: number | null;
      questionText: string | null;
      score: number | null;
      title: string | null;
      issue: string;
      measures: string[];
      responsibleUnits: string[];
      monitoring: string | null;
      results: string[];
      evidenceCaptions: string[];
    }[];
  }[];
}

type DemoEntry = DemoPlanFile['plans'][number]['entries'][number];

/**
 * The seeds' progress tables merge a measures and results cell over several rows of an
 * indicator (or continue it from the row above across a page): such a row reads empty in the
 * transcription although the district reports measures and results for it. A row with no
 * measures, results or photos of its own carries those of the nearest row above it in the same
 * indicator and tool that has them; photos stay with the row that shows them.
 */
export function carryMergedCells(entries: readonly DemoEntry[]): DemoEntry[] {
  const tool = (e: DemoEntry) => /^[IEO]/.exec(e.questionCode ?? '')?.[0] ?? null;
  const out: DemoEntry[] = [];
  for (const entry of entries) {
    const empty = entry.measures.length === 0 && entry.results.length === 0 && entry.evidenceCaptions.length === 0;
    const above = empty
      ? [...out]
          .reverse()
          .find(
            (e) =>
              e.indicatorNumber !== null &&
              e.indicatorNumber === entry.indicatorNumber &&
              tool(e) === tool(entry) &&
              (e.measures.length > 0 || e.results.length > 0),
          )
      : undefined;
    out.push(above ? { ...entry, measures: [...above.measures], results: [...above.results] } : entry);
  }
  return out;
}

const CADENCE_TEXT: Record<string, Cadence> = {
  'ปีละ 2 ครั้ง': 'twice-yearly',
  'ทุก 6 เดือน': 'semiannual',
  'ทุก 2 เดือน': 'bimonthly',
  ทุกไตรมาส: 'quarterly',
};

const COLOURS = ['#0ca678', '#1c7ed6', '#f59f00', '#7048e8', '#e8590c', '#2f9e44'];

const placeholders = new Map<string, { file: Buffer; thumb: Buffer }>();

/** A plain placeholder where a seed document has an activity photo. */
async function placeholder(n: number): Promise<{ file: Buffer; thumb: Buffer }> {
  const colour = COLOURS[n % COLOURS.length]!;
  const cached = placeholders.get(colour);
  if (cached) return cached;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="${colour}"/><circle cx="400" cy="260" r="90" fill="white" opacity="0.5"/><rect x="250" y="400" width="300" height="40" rx="20" fill="white" opacity="0.5"/></svg>`;
  const file = await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
  const thumb = await sharp(file).resize({ width: 320 }).jpeg({ quality: 70 }).toBuffer();
  placeholders.set(colour, { file, thumb });
  return { file, thumb };
}

/**
 * The published plans of the five seed districts (Bang Khae's FY2567 analysis table, Bang Sue's
 * per-indicator FY2568 plan) and the six-month progress of Phasi Charoen, Din Daeng and Lak Si,
 * with placeholder images where the documents show photos. Skips plans that exist.
 */
export async function loadDemoPlans(db: Kysely<Database>, dataDir: string): Promise<number> {
  const file = fileURLToPath(new URL('../../../../examples/demo-plans.json', import.meta.url));
  const data = JSON.parse(await readFile(file, 'utf8')) as DemoPlanFile;
  let added = 0;
  let image = 0;
  for (const published of data.plans) {
    const agency = await findAgency(db, published.agency);
    if (!agency || (await findPlan(db, agency.id, published.fiscalYear))) continue;
    const divisions = await listDivisions(db, agency.id);
    const plan = await createPlan(db, null, agency, published.fiscalYear, { mode: 'empty' });
    await db
      .updateTable('measure_plans')
      .set({ based_on_year: published.fiscalYear - 1 })
      .where('id', '=', plan.id)
      .execute();
    const round = await db
      .selectFrom('progress_rounds')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .where('round', '=', 6)
      .executeTakeFirstOrThrow();
    const entries = published.round === 6 ? carryMergedCells(published.entries) : published.entries;
    for (const [i, entry] of entries.entries()) {
      const units: Divisions = entry.responsibleUnits
        .map((name) => (name === 'ทุกฝ่าย' ? 'all' : (divisions.find((d) => d.name_th === name)?.id ?? 'all')))
        .filter((v, k, list) => list.indexOf(v) === k);
      const row = await insertEntry(
        db,
        entryRow(plan.id, i + 1, {
          section: entry.section,
          questionCode: entry.questionCode && /^[IEO]\d+$/.test(entry.questionCode) ? entry.questionCode : null,
          indicatorNumber: entry.indicatorNumber,
          questionText:
            entry.questionText ??
            (entry.questionCode && !entry.title && !/^[IEO]\d+$/.test(entry.questionCode) ? entry.questionCode : null),
          score: entry.score,
          title: entry.title,
          issue: entry.issue,
          measures: entry.measures,
          divisions: units.length > 0 ? units : ['all'],
          cadence: CADENCE_TEXT[fromThaiDigits(entry.monitoring ?? '')] ?? 'semiannual',
        }),
      );
      if (published.round !== 6 || (entry.results.length === 0 && entry.evidenceCaptions.length === 0)) continue;
      const report = await db
        .insertInto('progress_reports')
        .values({
          round_id: round.id,
          entry_id: row.id,
          status: entry.results.length > 0 ? 'done' : 'in-progress',
          reason: null,
          narrative: entry.results.join('\n'),
          review: 'submitted',
          review_comment: null,
          updated_by: null,
          updated_at: now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const files = filesAt(dataDir);
      for (const [position, caption] of entry.evidenceCaptions.entries()) {
        const { file: jpeg, thumb } = await placeholder(image++);
        const name = `${randomUUID()}.jpg`;
        const thumbName = `${randomUUID()}.jpg`;
        await files.put(`evidence/${agency.id}/${name}`, jpeg);
        await files.put(`evidence/${agency.id}/${thumbName}`, thumb);
        const link = /https?:\/\/\S+/.exec(caption)?.[0] ?? null;
        await db
          .insertInto('evidence_files')
          .values({
            report_id: report.id,
            agency_id: agency.id,
            position: position + 1,
            kind: 'image',
            caption: caption.replace(/https?:\/\/\S+/, '').trim(),
            link,
            stored_name: name,
            thumb_name: thumbName,
            mime: 'image/jpeg',
            bytes: jpeg.length,
            thumb_bytes: thumb.length,
            width: 800,
            height: 600,
            created_by: null,
            created_at: now(),
          })
          .execute();
      }
    }
    added++;
  }
  await loadDemoCommittee(db);
  return added;
}

/** Bang Sue's FY2568 committee appointment order (seed 002). */
async function loadDemoCommittee(db: Kysely<Database>): Promise<void> {
  const file = fileURLToPath(new URL('../../../../examples/bang-sue-2568-committee.json', import.meta.url));
  const {
    agency: slug,
    fiscalYear,
    ...committee
  } = JSON.parse(await readFile(file, 'utf8')) as { agency: string; fiscalYear: number };
  const agency = await findAgency(db, slug);
  if (!agency) return;
  const existing = await db
    .selectFrom('committees')
    .select('id')
    .where('agency_id', '=', agency.id)
    .where('fiscal_year', '=', fiscalYear)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('committees')
      .values({ agency_id: agency.id, fiscal_year: fiscalYear, data: JSON.stringify(committee), updated_at: now() })
      .execute();
  }
}
