// Document benchmark: the measures document with all its charts for one agency as PDF and DOCX,
// and the 50-district batch, against loading the same document's data as the baseline.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findAgency, listAgencies } from '../agencies/repository.js';
import { openDatabase } from '../db/database.js';
import { loadDemo } from '../demo/demo.js';
import { measuresDocx } from '../documents/docx.js';
import { measuresModel } from '../documents/model.js';
import { measuresPdf } from '../documents/pdf.js';
import { systemActor } from '../auth/policy.js';
import { generateDocument } from '../documents/service.js';
import { printTable, writeReport } from './report.js';

const dataDir = mkdtempSync(join(tmpdir(), 'prongsai-bench-docs-'));
const db = await openDatabase('sqlite::memory:');
await loadDemo(db.kysely, { dataDir });
const agency = (await findAgency(db.kysely, 'bang-khae'))!;

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

await measuresPdf(await measuresModel(db.kysely, agency, 2567)); // warm-up: fonts, charts
const baseline = await median(5, () => measuresModel(db.kysely, agency, 2567));
const pdf = await median(5, async () => measuresPdf(await measuresModel(db.kysely, agency, 2567)));
const docx = await median(5, async () => measuresDocx(await measuresModel(db.kysely, agency, 2567)));

const districts = (await listAgencies(db.kysely)).filter((a) => a.kind === 'district');
/** Bang Khae's FY2567 measures PDF for every district, one after another, as the batch runs it. */
async function everyDistrict(): Promise<void> {
  for (const district of districts) {
    await generateDocument(
      db.kysely,
      dataDir,
      district,
      { kind: 'measures', format: 'pdf', fiscalYear: 2567 },
      systemActor(district.id),
    );
  }
}
const batchStart = process.hrtime.bigint();
await everyDistrict();
const batch = Number(process.hrtime.bigint() - batchStart) / 1e6;
const cachedStart = process.hrtime.bigint();
await everyDistrict();
const cached = Number(process.hrtime.bigint() - cachedStart) / 1e6;

console.log(`\nDocument benchmark — Bang Khae FY2567 measures document (FY2566 results, radar and bar charts), median of 5`);
const rows = [
  ['what', 'ms', 'vs baseline'],
  ['load its data and scores (baseline)', baseline.toFixed(0), '1.0×'],
  ['PDF (target ≤ 3,000 ms)', pdf.toFixed(0), `${(pdf / baseline).toFixed(1)}×`],
  ['DOCX (target ≤ 2,000 ms)', docx.toFixed(0), `${(docx / baseline).toFixed(1)}×`],
  [`batch: ${districts.length} districts, PDF (target ≤ 120,000 ms)`, batch.toFixed(0), `${(batch / baseline).toFixed(1)}×`],
  [`the same batch again, from the cache`, cached.toFixed(0), `${(cached / baseline).toFixed(1)}×`],
];
printTable(rows);
writeReport('documents', {
  baselineMs: baseline,
  pdfMs: pdf,
  docxMs: docx,
  batchMs: batch,
  cachedBatchMs: cached,
  districts: districts.length,
});
await db.close();
