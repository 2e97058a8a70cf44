import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.js';
import { loadDemo } from '../demo/demo.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { openBackup, restoreBackup, TABLES, writeBackup } from './backup.js';

const pairs = TEST_DATABASES.flatMap((from) => TEST_DATABASES.map((to) => ({ from, to, name: `${from.engine} → ${to.engine}` })));
const dir = mkdtempSync(join(tmpdir(), 'prongsai-backup-test-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});
let files = 0;
const newFile = () => join(dir, `backup-${++files}.jsonl.gz`);

/** A backup's lines, as JSON values, to change and write back. */
const linesOf = (file: string) =>
  gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);
const writeLines = (lines: unknown[]) => {
  const file = newFile();
  writeFileSync(file, gzipSync(lines.map((l) => JSON.stringify(l)).join('\n') + '\n'));
  return file;
};
type RowLine = [string, Record<string, unknown>];
const isRow = (line: unknown): line is RowLine => Array.isArray(line);

describe.each(pairs)('backup and restore $name', ({ from, to }) => {
  it('restores every row, and the restored database keeps working', async () => {
    const source = await from.open();
    const target = await to.open();
    cleanups.push(source.drop, target.drop);
    await loadDemo(source.kysely);
    const file = newFile();
    const written = await writeBackup(source, file);
    const counts = await restoreBackup(target, await openBackup(file));
    for (const table of TABLES) {
      const rows = await target.kysely.selectFrom(table).selectAll().execute();
      expect(rows.length, table).toBe(counts[table]);
      expect(rows.length, table).toBe(written.counts[table]);
    }
    expect(counts.agencies).toBeGreaterThanOrEqual(50);
    const admin = await target.kysely
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'admin@prongsai.demo')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(admin.password_hash, 'prongsai-demo')).toBe(true);
    // New rows get fresh ids after a restore.
    await loadDemo(target.kysely);
    const added = await target.kysely
      .insertInto('agencies')
      .values({ code: 'NEW', slug: 'new', name_th: 'ใหม่', name_en: 'New', kind: 'other', created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(added.id).toBeGreaterThan(counts.agencies!);
  });
});

describe.each(pairs)('a SQLite database holding U+0000, $name', ({ from, to }) => {
  it('restores with the NUL characters removed and counted', async () => {
    const source = await from.open();
    const target = await to.open();
    cleanups.push(source.drop, target.drop);
    await loadDemo(source.kysely);
    const file = newFile();
    await writeBackup(source, file);
    const lines = linesOf(file);
    // As an older version may have stored (SQLite keeps NUL; PostgreSQL text cannot hold it).
    const division = lines.filter(isRow).find(([table]) => table === 'divisions')![1];
    division.name_th = 'ฝ่าย\u0000ปกครอง';
    const counts = await restoreBackup(target, await openBackup(writeLines(lines)));
    expect(counts['NUL characters removed']).toBe(1);
    const restored = await target.kysely
      .selectFrom('divisions')
      .select('name_th')
      .where('id', '=', division.id as number)
      .executeTakeFirstOrThrow();
    expect(restored.name_th).toBe('ฝ่ายปกครอง');
  });
});

describe('a backup file', () => {
  it('is written as lines: a header, a row per line in parent-first table order, and an end line with the counts', async () => {
    const db = await TEST_DATABASES[0]!.open();
    cleanups.push(db.drop);
    await loadDemo(db.kysely);
    const file = newFile();
    const { counts } = await writeBackup(db, file);
    const lines = linesOf(file);
    expect(lines[0]).toMatchObject({ format: 'prongsai-backup', version: 2, engine: 'sqlite' });
    expect(lines.at(-1)).toEqual({ end: true, counts });
    const order = lines.filter(isRow).map(([table]) => TABLES.indexOf(table as (typeof TABLES)[number]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(lines.filter(isRow)).toHaveLength(Object.values(counts).reduce((a, b) => a + b, 0));
  });

  it('of the older single-document kind (version 1) still restores', async () => {
    const db = await TEST_DATABASES[0]!.open();
    cleanups.push(db.drop);
    await loadDemo(db.kysely);
    const file = newFile();
    const { counts } = await writeBackup(db, file);
    const [header, ...rest] = linesOf(file) as [Record<string, unknown>, ...unknown[]];
    const tables: Record<string, unknown[]> = {};
    for (const [table, row] of rest.filter(isRow)) (tables[table] ??= []).push(row);
    const legacy = newFile();
    writeFileSync(legacy, gzipSync(JSON.stringify({ ...header, version: 1, tables })));
    const restored = await restoreBackup(db, await openBackup(legacy));
    for (const table of TABLES) expect(restored[table], table).toBe(counts[table]);
  });
});

describe('a backup that cannot be written', () => {
  it('fails with the file system error and leaves the database as it was', async () => {
    const db = await TEST_DATABASES[0]!.open();
    cleanups.push(db.drop);
    await loadDemo(db.kysely);
    await expect(writeBackup(db, join(dir, 'no-such-folder', 'backup.jsonl.gz'))).rejects.toThrow(/ENOENT/);
    expect(await db.kysely.selectFrom('agencies').select('id').execute()).not.toHaveLength(0);
  });
});

describe('a bad backup file', () => {
  it('is refused before anything is touched', async () => {
    const file = newFile();
    writeFileSync(file, 'not a backup');
    await expect(openBackup(file)).rejects.toThrow('not a Prongsai backup');
    writeFileSync(file, gzipSync('{"format":"something else"}\n'));
    await expect(openBackup(file)).rejects.toThrow('not a Prongsai backup of a known version');
  });

  it('from a newer version is refused and changes nothing', async () => {
    const db = await TEST_DATABASES[0]!.open();
    cleanups.push(db.drop);
    await loadDemo(db.kysely);
    const before = (await db.kysely.selectFrom('agencies').select('id').execute()).length;
    const file = newFile();
    await writeBackup(db, file);
    const [header, ...rest] = linesOf(file) as [{ migrations: string[] }, ...unknown[]];
    header.migrations.push('9999-from-the-future');
    const changed = writeLines([header, ...rest.filter((line) => !(isRow(line) && line[0] === 'agencies'))]);
    await expect(restoreBackup(db, await openBackup(changed))).rejects.toThrow('newer version');
    expect(await db.kysely.selectFrom('agencies').select('id').execute()).toHaveLength(before);
  });

  it('that breaks a constraint is rolled back whole', async () => {
    const db = await TEST_DATABASES[0]!.open();
    cleanups.push(db.drop);
    await loadDemo(db.kysely);
    const users = (await db.kysely.selectFrom('users').select('id').execute()).length;
    const file = newFile();
    await writeBackup(db, file);
    const lines = linesOf(file);
    const firstUser = lines.filter(isRow).findIndex(([table]) => table === 'users');
    const user = lines.filter(isRow)[firstUser]!;
    const at = lines.indexOf(user);
    lines.splice(at + 1, 0, ['users', { ...user[1], id: 999 }]);
    await expect(restoreBackup(db, await openBackup(writeLines(lines)))).rejects.toThrow();
    expect(await db.kysely.selectFrom('users').select('id').execute()).toHaveLength(users);
  });

  it('cut short (no end line, or a gzip stream that stops) is refused and changes nothing', async () => {
    const db = await TEST_DATABASES[0]!.open();
    cleanups.push(db.drop);
    await loadDemo(db.kysely);
    const agencies = (await db.kysely.selectFrom('agencies').select('id').execute()).length;
    const file = newFile();
    await writeBackup(db, file);
    const lines = linesOf(file);
    const withoutEnd = writeLines(lines.slice(0, Math.floor(lines.length / 2)));
    await expect(restoreBackup(db, await openBackup(withoutEnd))).rejects.toThrow('cut short');
    const bytes = readFileSync(file);
    const truncated = newFile();
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(restoreBackup(db, await openBackup(truncated))).rejects.toThrow(/cut short|damaged/);
    expect(await db.kysely.selectFrom('agencies').select('id').execute()).toHaveLength(agencies);
    expect(await db.kysely.selectFrom('users').select('id').execute()).not.toHaveLength(0);
  });
});
