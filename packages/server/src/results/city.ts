import type { Kysely } from 'kysely';
import { loadFramework } from '../frameworks/registry.js';
import type { Database } from '../db/schema.js';
import { cityRows } from './repository.js';
import { round2 } from '@prongsai/core';

export interface CityRow {
  rank: number;
  agency: { id: number; code: string; slug: string; nameTh: string; nameEn: string };
  framework: string;
  source: string;
  ita: number | null;
  level: string | null;
  levelId: string | null;
  iit: number | null;
  eit: number | null;
  oit: number | null;
  indicators: Record<string, number>;
}

const r2 = (v: number | null) => (v === null ? null : round2(v));

/** All agencies' results of a fiscal year (of these agencies when given), ranked by ITA (equal totals share a rank). */
export async function cityTable(db: Kysely<Database>, fiscalYear: number, within?: readonly number[]): Promise<CityRow[]> {
  // Highest first, agencies without a total last (engines order NULLs differently).
  const rows = (await cityRows(db, fiscalYear, within)).sort(
    (a, b) => (b.ita ?? -1) - (a.ita ?? -1) || a.code.localeCompare(b.code),
  );
  let rank = 0;
  let previous: number | null = null;
  return rows.map((row, i) => {
    const ita = r2(row.ita);
    if (ita !== previous) rank = i + 1;
    previous = ita;
    const level = row.level_id
      ? loadFramework(row.framework_id).data.levels.levels.find((l) => l.id === row.level_id)
      : undefined;
    return {
      rank,
      agency: { id: row.agency_id, code: row.code, slug: row.slug, nameTh: row.name_th, nameEn: row.name_en },
      framework: row.framework_id,
      source: row.source,
      ita,
      level: level?.name.th ?? null,
      levelId: row.level_id,
      iit: r2(row.iit),
      eit: r2(row.eit),
      oit: r2(row.oit),
      indicators: Object.fromEntries(
        Object.entries(JSON.parse(row.indicators) as Record<string, number>).map(([k, v]) => [k, round2(v)]),
      ),
    };
  });
}

/** Documented columns of the city-wide export (CSV and XLSX alike, results/city-export.ts). */
export const CITY_COLUMNS = [
  'fiscal_year',
  'rank',
  'agency_code',
  'agency_slug',
  'agency_name_th',
  'agency_name_en',
  'framework',
  'source',
  'ita',
  'level',
  'iit',
  'eit',
  'oit',
  ...Array.from({ length: 10 }, (_, i) => `indicator_${i + 1}`),
] as const;
