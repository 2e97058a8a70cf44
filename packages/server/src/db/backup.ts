import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** Tables in foreign-key order: parents first. */
export const TABLES = [
  'agencies',
  'divisions',
  'users',
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
      t !== 'sessions' && t !== 'document_jobs' && t !== 'link_check_runs' && t !== 'reminder_jobs' && t !== 'survey_pending',
  ),
);

export interface Backup {
  format: 'prongsai-backup';
  version: 1;
  createdAt: string;
  engine: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
}

async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * A consistent snapshot of every table, read in one transaction (repeatable read on
 * PostgreSQL), as gzipped JSON that restores into either engine.
 */
export async function createBackup(db: Db): Promise<Buffer> {
  let transaction = db.kysely.transaction();
  if (db.engine === 'postgres') transaction = transaction.setIsolationLevel('repeatable read');
  const backup = await transaction.execute(async (trx) => {
    const tables: Backup['tables'] = {};
    for (const table of TABLES) {
      tables[table] = (await trx
        .selectFrom(table)
        .selectAll()
        .orderBy(
          table === 'sessions' || table === 'document_jobs' || table === 'link_check_runs' || table === 'reminder_jobs'
            ? 'created_at'
            : 'id',
        )
        .execute()) as Record<string, unknown>[];
    }
    return {
      format: 'prongsai-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      engine: db.engine,
      migrations: await appliedMigrations(trx),
      tables,
    } satisfies Backup;
  });
  return gzipSync(JSON.stringify(backup));
}

export function readBackup(bytes: Buffer): Backup {
  let backup: Backup;
  try {
    backup = JSON.parse(gunzipSync(bytes).toString('utf8')) as Backup;
  } catch {
    throw new Error('not a Prongsai backup (expected gzipped JSON)');
  }
  if (backup.format !== 'prongsai-backup' || backup.version !== 1) throw new Error('not a Prongsai backup of a known version');
  return backup;
}

/**
 * Replaces every table's rows with the backup's, in one transaction: on any error nothing changes.
 * Refuses a backup taken with migrations this version does not have.
 */
export async function restoreBackup(db: Db, backup: Backup): Promise<Record<string, number>> {
  const known = await appliedMigrations(db.kysely);
  const unknown = backup.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new Error(`the backup comes from a newer version (migrations ${unknown.join(', ')}); upgrade Prongsai first`);
  }
  const counts: Record<string, number> = {};
  let stripped = 0;
  await db.kysely.transaction().execute(async (trx) => {
    for (const table of [...TABLES].reverse()) await trx.deleteFrom(table).execute();
    for (const table of TABLES) {
      const rows = (backup.tables[table] ?? []).map((row) => withoutNul(row, () => stripped++));
      for (let i = 0; i < rows.length; i += 500) {
        // Rows are checked by the database's own constraints; a bad one rolls the whole restore back.
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + 500) as never)
          .execute();
      }
      counts[table] = rows.length;
      if (db.engine === 'postgres' && WITH_IDENTITY.has(table)) {
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
