import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.js';
import { loadDemo } from '../demo/demo.js';
import { TEST_DATABASES } from '../test-support/databases.js';
import { createBackup, readBackup, restoreBackup, TABLES } from './backup.js';

const pairs = TEST_DATABASES.flatMap((from) => TEST_DATABASES.map((to) => ({ from, to, name: `${from.engine} → ${to.engine}` })));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe.each(pairs)('backup and restore $name', ({ from, to }) => {
  it('restores every row, and the restored database keeps working', async () => {
    const source = await from.open();
    const target = await to.open();
    cleanups.push(source.drop, target.drop);
    await loadDemo(source.kysely);
    const backup = readBackup(await createBackup(source));
    const counts = await restoreBackup(target, backup);
    for (const table of TABLES) {
      const rows = await target.kysely.selectFrom(table).selectAll().execute();
      expect(rows.length, table).toBe(counts[table]);
      expect(rows.length, table).toBe(backup.tables[table]?.length);
    }
    expect(counts.agencies).toBe(50);
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
    expect(added.id).toBeGreaterThan(50);
  });
});

describe.each(pairs)('a SQLite database holding U+0000, $name', ({ from, to }) => {
  it('restores with the NUL characters removed and counted', async () => {
    const source = await from.open();
    const target = await to.open();
    cleanups.push(source.drop, target.drop);
    await loadDemo(source.kysely);
    const backup = readBackup(await createBackup(source));
    // As an older version may have stored (SQLite keeps NUL; PostgreSQL text cannot hold it).
    backup.tables.divisions![0]!.name_th = 'ฝ่าย\u0000ปกครอง';
    const counts = await restoreBackup(target, backup);
    expect(counts['NUL characters removed']).toBe(1);
    const division = await target.kysely
      .selectFrom('divisions')
      .select('name_th')
      .where('id', '=', backup.tables.divisions![0]!.id as number)
      .executeTakeFirstOrThrow();
    expect(division.name_th).toBe('ฝ่ายปกครอง');
  });
});

describe('a bad backup file', () => {
  it('is refused before anything is touched', () => {
    expect(() => readBackup(Buffer.from('not a backup'))).toThrow('not a Prongsai backup');
  });

  it('from a newer version is refused and changes nothing', async () => {
    const db = await TEST_DATABASES[0]!.open();
    cleanups.push(db.drop);
    await loadDemo(db.kysely);
    const backup = readBackup(await createBackup(db));
    backup.migrations.push('9999-from-the-future');
    backup.tables.agencies = [];
    await expect(restoreBackup(db, backup)).rejects.toThrow('newer version');
    expect(await db.kysely.selectFrom('agencies').select('id').execute()).toHaveLength(50);
  });

  it('that breaks a constraint is rolled back whole', async () => {
    const db = await TEST_DATABASES[0]!.open();
    cleanups.push(db.drop);
    await loadDemo(db.kysely);
    const backup = readBackup(await createBackup(db));
    backup.tables.users = [...(backup.tables.users ?? []), { ...backup.tables.users![0], id: 999 }];
    await expect(restoreBackup(db, backup)).rejects.toThrow();
    expect(await db.kysely.selectFrom('users').select('id').execute()).toHaveLength(backup.tables.users.length - 1);
  });
});
