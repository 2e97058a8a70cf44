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
