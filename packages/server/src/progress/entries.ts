import type { Division, MeasureEntry, ReportPart } from '../db/schema.js';
import type { Divisions } from '../measures/service.js';

/** The divisions an entry names: ids, or 'all' for every division. */
export const entryDivisions = (entry: MeasureEntry) => JSON.parse(entry.divisions) as Divisions;

/** A shared measure's narrative as documents print it: the report's own text, then each division's part. */
export function narrativeWithParts(narrative: string, parts: ReportPart[], divisions: Division[]): string {
  const lines = parts
    .filter((p) => p.submitted_at !== null && p.narrative.trim() !== '')
    .map((p) => {
      const division = divisions.find((d) => d.id === p.division_id);
      return `${division?.name_th ?? `#${p.division_id}`}: ${p.narrative.trim()}`;
    });
  return [narrative.trim(), ...lines].filter((l) => l !== '').join('\n');
}
