import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { placeBatchJobs, recountBatchJobs } from '../documents/repository.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** Tables in foreign-key order: parents first. */
export const TABLES = [
  'agency_kinds',
  'agencies',
  'divisions',
  'users',
  'framework_imports',
  'framework_drafts',
  'sessions',
  'audit_log',
  'assessments',
  'assessment_imports',
  'measure_plans',
  'measure_entries',
  'library_entries',
  'progress_rounds',
  'progress_reports',
  'report_parts',
  'progress_revisions',
  'evidence_files',
  'committees',
  'document_batches',
  'document_jobs',
  'publications',
  'oit_checklists',
  'oit_tasks',
  'oit_task_divisions',
  'oit_evidence',
  'link_check_runs',
  'link_results',
  'oit_reviews',
  'oit_disputes',
  'survey_rounds',
  'survey_tallies',
  'survey_counts',
  'survey_receipts',
  'survey_codes',
  'survey_pending',
  'survey_quotas',
  'calendar_defaults',
  'agency_milestones',
  'calendar_feeds',
  'memos',
  'notices',
  'reminder_jobs',
  'notice_optouts',
] as const satisfies readonly (keyof Database)[];
const WITH_IDENTITY = new Set<string>(
  TABLES.filter(
    (t) =>
      t !== 'agency_kinds' &&
      t !== 'framework_imports' &&
      t !== 'framework_drafts' &&
      t !== 'sessions' &&
      t !== 'document_batches' &&
      t !== 'document_jobs' &&
      t !== 'link_check_runs' &&
      t !== 'reminder_jobs' &&
      t !== 'survey_pending',
  ),
);

/** What a backup says of itself: its first line. */
export interface BackupHeader {
  format: 'prongsai-backup';
  version: 1 | 2;
  createdAt: string;
  engine: string;
  migrations: string[];
}

/** A backup opened for reading: its header, then its rows table by table, parents first. */
export interface BackupReader {
  header: BackupHeader;
  rows(): AsyncGenerator<[table: string, row: Record<string, unknown>]>;
  close(): void;
}

type Row = Record<string, unknown>;

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

const orderColumn = (table: (typeof TABLES)[number]) =>
  table === 'sessions' ||
  table === 'document_batches' ||
  table === 'document_jobs' ||
  table === 'link_check_runs' ||
  table === 'reminder_jobs'
    ? 'created_at'
    : 'id';

/**
 * Writes a consistent snapshot of every table, read in one transaction (repeatable read on
 * PostgreSQL), to `file` as gzipped JSON lines that restore into either engine: a header line,
 * one line per row (`[table, row]`), and an end line with the counts, so a cut-short file is
 * known. Rows are read through a cursor and written as they come: memory does not grow with
 * the database.
 */
export async function writeBackup(db: Db, file: string): Promise<{ bytes: number; counts: Record<string, number> }> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  // The pipeline carries a write error (a missing folder, a full disk) to whoever waits on it.
  const piping = pipeline(gzip, out);
  piping.catch(() => {});
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await Promise.race([once(gzip, 'drain'), piping]);
  };
  const counts: Record<string, number> = {};
  try {
    let transaction = db.kysely.transaction();
    if (db.engine === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
    await transaction.execute(async (trx) => {
      await write({
        format: 'prongsai-backup',
        version: 2,
        createdAt: new Date().toISOString(),
        engine: db.engine,
        migrations: await appliedMigrations(trx),
      } satisfies BackupHeader);
      for (const table of TABLES) {
        let count = 0;
        for await (const row of trx.selectFrom(table).selectAll().orderBy(orderColumn(table)).stream(500)) {
          await write([table, row]);
          count++;
        }
        counts[table] = count;
      }
    });
    await write({ end: true, counts });
    gzip.end();
    await piping;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  }
  return { bytes: out.bytesWritten, counts };
}

const notABackup = () => new Error('not a Prongsai backup (expected gzipped JSON)');

/**
 * Opens a backup file to read it line by line. Reads the older single-document backups
 * (version 1) too. Throws when the file is not a backup or of an unknown version.
 */
export async function openBackup(file: string): Promise<BackupReader> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.pipe(gunzip);
  const lines = createInterface({ input: gunzip, crlfDelay: Infinity })[Symbol.asyncIterator]();
  const close = () => {
    input.destroy();
    gunzip.destroy();
  };
  let first: string | undefined;
  try {
    first = (await lines.next()).value as string | undefined;
  } catch {
    close();
    throw notABackup();
  }
  let header: BackupHeader & { tables?: Record<string, Row[]> };
  try {
    header = JSON.parse(first ?? '') as typeof header;
  } catch {
    close();
    throw notABackup();
  }
  if (header?.format !== 'prongsai-backup' || (header.version !== 1 && header.version !== 2)) {
    close();
    throw new Error('not a Prongsai backup of a known version');
  }
  const { tables: whole, ...described } = header;
  async function* rows(): AsyncGenerator<[string, Row]> {
    if (described.version === 1) {
      // The whole database in the one document.
      for (const table of TABLES) for (const row of whole?.[table] ?? []) yield [table, row];
      return;
    }
    let ended = false;
    try {
      for (;;) {
        const next = await lines.next();
        if (next.done) break;
        const line = next.value as string;
        if (line === '') continue;
        const value = JSON.parse(line) as [string, Row] | { end: true };
        if (Array.isArray(value)) yield value;
        else if (value.end) ended = true;
      }
    } catch (error) {
      throw new Error(`the backup is damaged or cut short (${(error as Error).message})`);
    } finally {
      close();
    }
    if (!ended) throw new Error('the backup is cut short: it ends before its last table');
  }
  return { header: described, rows, close };
}

/**
 * Replaces every table's rows with the backup's, in one transaction: on any error (a bad row,
 * a cut-short file) nothing changes. Rows are inserted 500 at a time as they are read.
 * Refuses a backup taken with migrations this version does not have.
 */
export async function restoreBackup(db: Db, backup: BackupReader): Promise<Record<string, number>> {
  const known = await appliedMigrations(db.kysely);
  const unknown = backup.header.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    backup.close();
    throw new Error(`the backup comes from a newer version (migrations ${unknown.join(', ')}); upgrade Prongsai first`);
  }
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  let stripped = 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const table of [...TABLES].reverse()) await trx.deleteFrom(table).execute();
    let current = -1;
    let batch: Row[] = [];
    // Rows are checked by the database's own constraints; a bad one rolls the whole restore back.
    const flush = async () => {
      if (batch.length === 0) return;
      await trx
        .insertInto(TABLES[current]!)
        .values(batch as never)
        .execute();
      batch = [];
    };
    for await (const [table, row] of backup.rows()) {
      const index = TABLES.indexOf(table as (typeof TABLES)[number]);
      if (index < 0) throw new Error(`the backup holds a table this version does not know: ${table}`);
      if (index < current) throw new Error(`the backup's tables are out of order at ${table}`);
      if (index !== current) {
        await flush();
        current = index;
      }
      batch.push(withoutNul(row, () => stripped++));
      counts[table] = (counts[table] ?? 0) + 1;
      if (batch.length === 500) await flush();
    }
    await flush();
    // A backup from before batch jobs kept their place (migration 0027) gets their places here.
    await placeBatchJobs(trx);
    // Each batch's jobs counted by status from its restored jobs, not from the counts it carried.
    await recountBatchJobs(trx);
    if (db.engine === 'postgres') {
      for (const table of TABLES) {
        if (!WITH_IDENTITY.has(table)) continue;
        await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    }
  });
  // A SQLite database may hold U+0000 that PostgreSQL cannot store; it is dropped, and said so.
  if (stripped > 0) counts['NUL characters removed'] = stripped;
  return counts;
}

function withoutNul(row: Record<string, unknown>, onStrip: () => void): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      onStrip();
      clean[column] = value.replaceAll('\u0000', '');
    } else clean[column] = value;
  }
  return clean;
}
