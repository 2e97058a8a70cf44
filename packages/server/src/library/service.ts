import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { matchScore } from '@prongsai/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/policy.js';
import { now } from '../db/database.js';
import type { Database, LibraryEntry } from '../db/schema.js';
import { frameworksDir } from '../frameworks/registry.js';

interface SeedFile {
  entries: {
    questionCode: string | null;
    indicatorNumber: number | null;
    title: string | null;
    issue: string;
    measures: string[];
    source: string;
  }[];
}

/** Loads the shipped library (issues and measures of the published seed documents) once. */
export async function ensureLibrary(db: Kysely<Database>): Promise<number> {
  const existing = await db.selectFrom('library_entries').select('id').where('agency_id', 'is', null).limit(1).execute();
  if (existing.length > 0) return 0;
  const seed = JSON.parse(await readFile(join(frameworksDir(), 'library', 'measures-library.json'), 'utf8')) as SeedFile;
  const at = now();
  for (const entry of seed.entries) {
    await db
      .insertInto('library_entries')
      .values({
        agency_id: null,
        status: 'shared',
        question_code: entry.questionCode,
        indicator_number: entry.indicatorNumber,
        issue: entry.title ? `${entry.title}${entry.issue ? `: ${entry.issue}` : ''}` : entry.issue,
        measures: JSON.stringify(entry.measures),
        source: entry.source,
        created_by: null,
        created_at: at,
      })
      .execute();
  }
  return seed.entries.length;
}

export function presentLibraryEntry(entry: LibraryEntry) {
  return {
    id: entry.id,
    agencyId: entry.agency_id,
    status: entry.status,
    questionCode: entry.question_code,
    indicatorNumber: entry.indicator_number,
    issue: entry.issue,
    measures: JSON.parse(entry.measures) as string[],
    source: entry.source,
  };
}

/**
 * Library entries the actor may see (shared ones, and their agency's own), best first: the
 * query's words (Thai word segmentation) found in the issue and measures, then entries for the
 * same question, then the same indicator.
 */
export async function searchLibrary(
  db: Kysely<Database>,
  actor: Actor,
  query: { q?: string | undefined; question?: string | undefined; indicator?: number | undefined; limit: number },
) {
  let select = db.selectFrom('library_entries').selectAll();
  if (actor.role !== 'central_admin') {
    select = select.where((eb) => eb.or([eb('status', '=', 'shared'), eb('agency_id', '=', actor.agencyId ?? -1)]));
  }
  const rows = await select.execute();
  const ranked = rows
    .map((row) => {
      const text = `${row.issue} ${(JSON.parse(row.measures) as string[]).join(' ')}`;
      // Every word of the query must be found (or the query as a whole).
      const matches = !query.q || matchScore(query.q, text) === 1 || text.includes(query.q.trim());
      let rank = query.q && matches ? 10 : 0;
      if (query.question && row.question_code === query.question) rank += 5;
      if (query.indicator !== undefined && row.indicator_number === query.indicator) rank += 1;
      return { row, rank, matches };
    })
    .filter((r) => r.matches && (query.q || query.question || query.indicator !== undefined ? r.rank > 0 : true))
    .sort((a, b) => b.rank - a.rank || a.row.id - b.row.id);
  return ranked.slice(0, query.limit).map((r) => ({ ...presentLibraryEntry(r.row), rank: Math.round(r.rank * 100) / 100 }));
}
