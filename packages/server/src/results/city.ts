/** A row of the city-wide table as answered. */
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
