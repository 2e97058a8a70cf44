import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/policy.js';
import type { Database } from '../db/schema.js';
import type { CsvValue } from '../exports/csv.js';
import { csvStream, EXPORT_CHUNK } from '../exports/stream.js';
import type { AuditFilter } from './repository.js';
import { auditEntries } from './service.js';

/** The most entries one CSV export holds (the newest). */
export const AUDIT_EXPORT_MAX = 10_000;

/** Documented columns of the audit log's CSV. */
export const AUDIT_COLUMNS = [
  'id',
  'at',
  'user_email',
  'user_name',
  'agency',
  'action',
  'entity',
  'entity_id',
  'record',
  'before',
  'after',
] as const;

type Entry = Awaited<ReturnType<typeof auditEntries>>[number];

const record = (e: Entry): CsvValue[] => [
  e.id,
  e.at,
  e.userEmail,
  e.userName,
  e.agencyName,
  e.action,
  e.entity,
  e.entityId,
  e.recordName,
  e.before === null ? null : JSON.stringify(e.before),
  e.after === null ? null : JSON.stringify(e.after),
];

/**
 * The audit log the actor may read, newest first, up to AUDIT_EXPORT_MAX entries, as a CSV stream
 * read a page at a time. The first page is read (and the actor authorised) before the answer
 * starts; an entry written while the file is read shifts the pages, so entries at or above the
 * last one written are skipped rather than written twice.
 */
export async function auditExport(
  db: Kysely<Database>,
  actor: Actor,
  filter: Omit<AuditFilter, 'limit' | 'offset'>,
): Promise<Readable> {
  const page = (offset: number) =>
    auditEntries(db, actor, { ...filter, limit: Math.min(EXPORT_CHUNK, AUDIT_EXPORT_MAX - offset), offset });
  const first = await page(0);
  async function* pages(): AsyncGenerator<CsvValue[][]> {
    let entries = first;
    let offset = 0;
    let below = Infinity;
    for (;;) {
      const fresh = entries.filter((e) => e.id < below);
      if (fresh.length > 0) below = fresh.at(-1)!.id;
      yield fresh.map(record);
      offset += entries.length;
      if (entries.length < EXPORT_CHUNK || offset >= AUDIT_EXPORT_MAX) return;
      entries = await page(offset);
    }
  }
  return csvStream(AUDIT_COLUMNS, pages());
}
