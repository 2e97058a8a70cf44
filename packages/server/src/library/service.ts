import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { matchScore } from '@prongsai/core';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/repository.js';
import { authorize, policies, type Actor } from '../auth/policy.js';
import { now } from '../db/database.js';
import type { Database, LibraryEntry } from '../db/schema.js';
import { frameworksDir } from '../frameworks/registry.js';
import { notFound } from '../http/errors.js';
import { findLibraryEntry, hasShippedLibrary, insertLibraryEntry, listLibraryEntries, setLibraryStatus } from './repository.js';

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
  if (await hasShippedLibrary(db)) return 0;
  const seed = JSON.parse(await readFile(join(frameworksDir(), 'library', 'measures-library.json'), 'utf8')) as SeedFile;
  const at = now();
  for (const entry of seed.entries) {
    await insertLibraryEntry(db, {
      agency_id: null,
      status: 'shared',
      question_code: entry.questionCode,
      indicator_number: entry.indicatorNumber,
      issue: entry.title ? `${entry.title}${entry.issue ? `: ${entry.issue}` : ''}` : entry.issue,
      measures: JSON.stringify(entry.measures),
      source: entry.source,
      created_by: null,
      created_at: at,
    });
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

/** What the policy asks of an entry: whose it is and how far it is shared. */
const libraryRef = (entry: LibraryEntry) => ({ agencyId: entry.agency_id, status: entry.status });

/**
 * Library entries the actor may read (`library.read`: shared ones, and their agency's own), best first: the
 * query's words (Thai word segmentation) found in the issue and measures, then entries for the
 * same question, then the same indicator.
 */
export async function searchLibrary(
  db: Kysely<Database>,
  actor: Actor,
  query: { q?: string | undefined; question?: string | undefined; indicator?: number | undefined; limit: number },
) {
  // The rows `library.read` lets the actor see, chosen in SQL.
  const rows = await listLibraryEntries(db, policies.library.readAll(actor) ? 'all' : { sharedOrOf: actor.agencyId });
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

/** Saves an issue and its measures to the actor's agency's library (a central admin's are shared at once). */
export async function createLibraryEntry(
  db: Kysely<Database>,
  actor: Actor,
  input: {
    questionCode?: string | null | undefined;
    indicatorNumber?: number | null | undefined;
    issue: string;
    measures: string[];
  },
) {
  authorize(actor, 'library', 'create', undefined);
  const row = await db.transaction().execute(async (trx) => {
    const created = await insertLibraryEntry(trx, {
      agency_id: actor.agencyId,
      status: actor.agencyId === null ? 'shared' : 'private',
      question_code: input.questionCode ?? null,
      indicator_number: input.indicatorNumber ?? null,
      issue: input.issue,
      measures: JSON.stringify(input.measures),
      source: null,
      created_by: actor.id,
      created_at: now(),
    });
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'create',
      entity: 'library-entry',
      entityId: created.id,
      agencyId: actor.agencyId,
      after: presentLibraryEntry(created),
    });
    return created;
  });
  return presentLibraryEntry(row);
}

/** Offers an agency's own entry to all agencies; a central admin approves it. */
export async function offerLibraryEntry(db: Kysely<Database>, actor: Actor, id: number) {
  const row = await findLibraryEntry(db, id);
  if (!row || !policies.library.read(actor, libraryRef(row))) throw notFound('library entry');
  authorize(actor, 'library', 'offer', libraryRef(row));
  const updated = await setLibraryStatus(db, row.id, ['private', 'pending', 'shared'], 'pending');
  if (!updated) throw notFound('library entry');
  await recordAudit(db, {
    actorId: actor.id,
    action: 'offer',
    entity: 'library-entry',
    entityId: row.id,
    agencyId: row.agency_id,
  });
  return presentLibraryEntry(updated);
}

/** Shares an offered entry with all agencies. */
export async function approveLibraryEntry(db: Kysely<Database>, actor: Actor, id: number) {
  authorize(actor, 'library', 'approveShare', undefined);
  const row = await findLibraryEntry(db, id);
  const updated = row && (await setLibraryStatus(db, row.id, ['pending'], 'shared'));
  if (!row || !updated) throw notFound('library entry');
  await recordAudit(db, {
    actorId: actor.id,
    action: 'approve-share',
    entity: 'library-entry',
    entityId: row.id,
    agencyId: row.agency_id,
  });
  return presentLibraryEntry(updated);
}
