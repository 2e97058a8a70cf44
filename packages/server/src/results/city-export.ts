import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { round2 } from '@prongsai/core';
import { agencyScope, authorize, type Actor } from '../auth/policy.js';
import type { Database } from '../db/schema.js';
import type { CsvValue } from '../exports/csv.js';
import { cityRowsAfter, type CityKey } from '../exports/repository.js';
import { csvStream, EXPORT_CHUNK, xlsxStream, type RowBatches } from '../exports/stream.js';
import { loadFramework } from '../frameworks/registry.js';
import { CITY_COLUMNS } from './city.js';

const r2 = (v: number | null) => (v === null ? null : round2(v));

/**
 * The city-wide table's records, a keyset page at a time, ranked as the view ranks them (equal
 * totals share a rank, across pages too).
 */
async function* cityRecords(
  db: Kysely<Database>,
  fiscalYear: number,
  within: readonly number[] | undefined,
): AsyncGenerator<CsvValue[][]> {
  let after: CityKey | null = null;
  let position = 0;
  let rank = 0;
  let previous: number | null = null;
  for (;;) {
    const rows = await cityRowsAfter(db, fiscalYear, within, after, EXPORT_CHUNK);
    if (rows.length === 0) return;
    yield rows.map((row) => {
      position++;
      const ita = r2(row.ita);
      if (ita !== previous) rank = position;
      previous = ita;
      const level = row.level_id
        ? loadFramework(row.framework_id).data.levels.levels.find((l) => l.id === row.level_id)
        : undefined;
      const indicators = JSON.parse(row.indicators) as Record<string, number>;
      return [
        fiscalYear,
        rank,
        row.code,
        row.slug,
        row.name_th,
        row.name_en,
        row.framework_id,
        row.source,
        ita,
        level?.name.th ?? null,
        r2(row.iit),
        r2(row.eit),
        r2(row.oit),
        ...Array.from({ length: 10 }, (_, i) => {
          const score = indicators[String(i + 1)];
          return score === undefined ? null : round2(score);
        }),
      ];
    });
    const last = rows.at(-1)!;
    after = { ita: Number(last.rank_key), code: last.code };
    if (rows.length < EXPORT_CHUNK) return;
  }
}

/**
 * The full city-wide table of a fiscal year, every agency the central user oversees, as a CSV or
 * XLSX stream: read from the database a page at a time and written as it is read.
 */
export function cityExport(db: Kysely<Database>, actor: Actor, fiscalYear: number, format: 'csv' | 'xlsx'): Readable {
  authorize(actor, 'cityResults', 'read', undefined);
  const scope = agencyScope(actor);
  const batches: RowBatches = cityRecords(db, fiscalYear, scope === 'all' ? undefined : scope);
  if (format === 'csv') {
    return csvStream(CITY_COLUMNS, batches, {
      // The year and the rank are whole numbers; every score has two decimals.
      number: (value, column) => (column < 2 ? String(value) : value.toFixed(2)),
    });
  }
  const numFmt: Record<number, string> = {};
  for (let c = 9; c <= CITY_COLUMNS.length; c++) if (c !== 10) numFmt[c] = '0.00';
  return xlsxStream({ name: `ITA ${fiscalYear}`, columns: CITY_COLUMNS, batches, numFmt });
}
