import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { emptyScoreInput, type CompiledFramework, type ImportContent } from '@prongsai/core';
import type { Kysely } from 'kysely';
import { findAgency, listAgencies } from '../agencies/repository.js';
import type { Agency, Database } from '../db/schema.js';
import { loadFramework } from '../frameworks/registry.js';
import { readUpload } from '../inputs/read-upload.js';
import { findAssessment } from '../results/repository.js';
import { commitImport, prepareImport } from '../results/service.js';

const examples = (name: string) => fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url));

/** Results published in the seed documents, imported as any agency would import them. */
const PUBLISHED: { agency: string; year: number; framework: string; files: string[] }[] = [
  {
    agency: 'bang-khae',
    year: 2566,
    framework: 'bma-district-2566',
    files: ['bang-khae-2566-pasted.txt', 'bang-khae-2566-oit-details.csv', 'bang-khae-2566-respondents.csv'],
  },
  { agency: 'bang-sue', year: 2567, framework: 'bma-district-2567', files: ['bang-sue-2567-indicators.csv'] },
  { agency: 'lak-si', year: 2567, framework: 'bma-district-2567', files: ['lak-si-2567-scores.csv'] },
];

export const DEMO_YEARS = [2566, 2567] as const;

function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** A number from an agency's code: the code itself when it is digits, else a hash of it. */
function codeSeed(code: string): number {
  if (/^\d+$/.test(code)) return Number(code);
  let hash = 0;
  for (const char of code) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash % 1_000_003;
}

/**
 * Plausible made-up results for one agency and year: question scores around an agency's own
 * level, OIT items mostly disclosed. An indicator the set has no questions for (the main round's
 * survey indicators, whose questions are unknown) gets an indicator score around the same level.
 * Stored with source `demo-generated` and shown as such.
 */
export function generatedContent(framework: CompiledFramework, agencyCode: string, year: number): ImportContent {
  const next = random(codeSeed(agencyCode) * 7919 + year);
  const input = emptyScoreInput();
  const base = 84 + next() * 12;
  for (const unit of framework.units.values()) {
    if (unit.kind === 'oit') {
      const score = next() < 0.9 ? 100 : 0;
      input.units.set(unit.code, { score: unit.data.scoring === 'partial' && score === 0 && next() < 0.5 ? 50 : score });
    } else {
      const score = Math.min(100, Math.max(55, base + (next() - 0.5) * 18));
      input.units.set(unit.code, { score: Math.round(score * 100) / 100 });
    }
  }
  input.respondents.set('IIT', 300 + Math.floor(next() * 500));
  input.respondents.set('EIT', 500 + Math.floor(next() * 200));
  for (const indicator of framework.indicators.values()) {
    if (indicator.units.length > 0) continue;
    const score = Math.min(100, Math.max(55, base + (next() - 0.5) * 14));
    input.indicators.set(indicator.number, { score: Math.round(score * 100) / 100 });
  }
  return { input, oit: [], stats: [] };
}

async function importContent(
  db: Kysely<Database>,
  agency: Agency,
  year: number,
  framework: CompiledFramework,
  read: Parameters<typeof prepareImport>[4],
  source: string,
) {
  const preview = await prepareImport(db, agency, year, framework, read);
  await commitImport(db, null, agency, year, preview, source);
}

/** Loads the published seed results and generated results for every other district and year. Skips what exists. */
export async function loadDemoResults(db: Kysely<Database>): Promise<number> {
  let added = 0;
  for (const published of PUBLISHED) {
    const agency = await findAgency(db, published.agency);
    if (!agency || (await findAssessment(db, agency.id, published.year))) continue;
    const framework = loadFramework(published.framework);
    for (const file of published.files) {
      const data = await readFile(examples(file));
      const read = await readUpload(framework, { kind: 'file', fileName: file, data });
      await importContent(db, agency, published.year, framework, read, 'imported');
    }
    added++;
  }
  for (const year of DEMO_YEARS) {
    const framework = loadFramework(`bma-district-${year}`);
    for (const agency of await listAgencies(db)) {
      if (agency.kind !== 'district' || (await findAssessment(db, agency.id, year))) continue;
      const content = generatedContent(framework, agency.code, year);
      await importContent(
        db,
        agency,
        year,
        framework,
        { content, format: 'demo-generated', fileName: 'ข้อมูลสาธิตที่สร้างขึ้น (ไม่ใช่ผลจริง)', unread: [] },
        'demo-generated',
      );
      added++;
    }
  }
  return added;
}
