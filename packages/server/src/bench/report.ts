import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the benchmarks write their reports (and the scoring benchmark its generated CSVs). */
export const BENCH_OUTPUT = fileURLToPath(new URL('../../../../bench-output/', import.meta.url));

/** Writes one benchmark's report as `bench-output/<name>.json`, making the folder when one part runs alone. */
export function writeReport(name: string, report: unknown): void {
  mkdirSync(BENCH_OUTPUT, { recursive: true });
  writeFileSync(join(BENCH_OUTPUT, `${name}.json`), JSON.stringify(report, null, 2));
}

/** Prints a table: the first `leftColumns` columns aligned left (names), the others right (numbers). */
export function printTable(rows: string[][], leftColumns = 1): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) {
    console.log(row.map((cell, i) => (i < leftColumns ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  }
}
