import { createReadStream, createWriteStream } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rename, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, gunzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import * as tar from 'tar';
import type { Database } from '../db/schema.js';
import { filesAt, listAll, type FileStore } from '../files/index.js';
import { OitRepository } from '../oit/repository.js';
import { ProgressRepository } from '../progress/repository.js';

/** Files younger than this are left alone by the sweep: an upload writes its file before its row. */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;

export interface SweepReport {
  /** `folder/agency/file` names in the store that no record refers to (removed unless a dry run). */
  orphans: { name: string; bytes: number }[];
  /** `folder/agency/file` names records refer to that are not in the store. */
  missing: string[];
  kept: number;
}

/**
 * Compares the agencies' file store (progress evidence, OIT documents, letterheads) with the
 * records: removes files no record refers to (left by a crash between writing a file and
 * recording it, by a refused upload that stopped half way, or a letterhead write never renamed
 * into place) and reports records whose file is gone.
 */
export async function sweepEvidence(
  db: Kysely<Database>,
  dataDir: string,
  { dryRun = false, at = Date.now() }: { dryRun?: boolean; at?: number } = {},
): Promise<SweepReport> {
  const files = filesAt(dataDir);
  const prefixed = (folder: string, names: Iterable<string>) => [...names].map((name) => `${folder}/${name}`);
  const referenced = new Set([
    ...prefixed('evidence', await new ProgressRepository(db).storedNames()),
    ...prefixed('oit', await new OitRepository(db).storedNames()),
  ]);
  const stored = [];
  for (const folder of ['evidence', 'oit', 'letterhead'] as const) {
    // Only `folder/agency/file`: anything else under the folder is no agency's file.
    for (const file of await listAll(files, `${folder}/`)) {
      if (file.key.split('/').length !== 3) continue;
      // A letterhead has no record: only its unfinished writes are strays.
      if (folder === 'letterhead' && !file.key.endsWith('.tmp')) referenced.add(file.key);
      stored.push(file);
    }
  }
  const inStore = new Set(stored.map((f) => f.key));
  const orphans = stored.filter((f) => !referenced.has(f.key) && at - f.modified > SWEEP_GRACE_MS);
  if (!dryRun) for (const file of orphans) await files.delete(file.key);
  return {
    orphans: orphans.map(({ key, bytes }) => ({ name: key, bytes })),
    missing: [...referenced].filter((name) => !inStore.has(name)).sort(),
    kept: stored.length - orphans.length,
  };
}

export const ARCHIVE_DATABASE = 'database.json.gz';
/** The file store's folders a backup with files keeps: the agencies' files and the documents made. */
export const STORE_FOLDERS = ['evidence', 'letterhead', 'oit', 'documents'] as const;
/** The folders of the data directory's own disk a backup with files keeps (loaded frameworks). */
export const DISK_FOLDERS = ['frameworks'] as const;
export const ARCHIVED_FOLDERS = [...STORE_FOLDERS, ...DISK_FOLDERS] as const;

/** Copies the store's files under `folder/` into `into`, one at a time as streams; answers how many. */
async function copyOut(files: FileStore, folder: string, into: string): Promise<number> {
  let count = 0;
  for (const file of await listAll(files, `${folder}/`)) {
    if (file.key.endsWith('.tmp')) continue;
    const stream = await files.get(file.key);
    if (!stream) continue; // removed since it was listed
    const target = join(into, ...file.key.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await pipeline(stream, createWriteStream(target));
    count++;
  }
  return count;
}

/**
 * One gzipped tar holding the database backup and the files (`prongsai backup --with-files`):
 * those of the file store (the disk or the shared object store) and the loaded frameworks.
 */
export async function writeArchive(
  file: string,
  writeDatabase: (path: string) => Promise<unknown>,
  dataDir: string,
): Promise<{ files: number }> {
  const staging = await mkdtemp(join(tmpdir(), 'prongsai-backup-'));
  try {
    await writeDatabase(join(staging, ARCHIVE_DATABASE));
    const entries: string[] = [ARCHIVE_DATABASE];
    const store = filesAt(dataDir);
    for (const folder of STORE_FOLDERS) {
      if ((await copyOut(store, folder, staging)) > 0) entries.push(folder);
    }
    for (const folder of DISK_FOLDERS) {
      const source = join(dataDir, folder);
      if (await stat(source).catch(() => null)) {
        await symlink(source, join(staging, folder), 'dir');
        entries.push(folder);
      }
    }
    let files = 0;
    await tar.c(
      {
        gzip: true,
        file,
        cwd: staging,
        portable: true,
        follow: true,
        onWriteEntry: (entry) => void (entry.type === 'File' && files++),
      },
      entries,
    );
    return { files: files - 1 };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Whether bytes are an archive from `writeArchive` (a tar inside the gzip), not a plain database backup. */
export function isArchive(bytes: Buffer): boolean {
  try {
    const head = gunzipSync(bytes.subarray(0, Math.min(bytes.length, 4096)), { finishFlush: constants.Z_SYNC_FLUSH });
    return head.subarray(257, 262).toString('latin1') === 'ustar';
  } catch {
    return false;
  }
}

/**
 * Reads an archive: the database backup's bytes, and a function that puts its file folders
 * in place of the current ones (call it after the database restore has committed).
 */
export async function readArchive(file: string, dataDir: string) {
  const staging = await mkdtemp(join(tmpdir(), 'prongsai-restore-'));
  await tar.x({
    file,
    cwd: staging,
    strict: true,
    filter: (path) =>
      path === ARCHIVE_DATABASE || ARCHIVED_FOLDERS.some((folder) => path === folder || path.startsWith(`${folder}/`)),
  });
  return {
    /** The database backup's file, inside the unpacked archive. */
    databaseFile: join(staging, ARCHIVE_DATABASE),
    /**
     * Puts the archived files in place of the current ones: the file store's folders file by
     * file (the files the archive lacks removed), the loaded frameworks' folder whole. Call it
     * after the database restore has committed; answers how many files it placed.
     */
    async placeFiles(): Promise<number> {
      let count = 0;
      const store = filesAt(dataDir);
      for (const folder of STORE_FOLDERS) {
        const incoming = join(staging, folder);
        const placed = new Set<string>();
        for (const entry of await readdir(incoming, { recursive: true, withFileTypes: true }).catch(() => [])) {
          if (!entry.isFile()) continue;
          const path = join(entry.parentPath, entry.name);
          const key = relative(staging, path).split(sep).join('/');
          await store.put(key, createReadStream(path), (await stat(path)).size);
          placed.add(key);
        }
        count += placed.size;
        for (const file of await listAll(store, `${folder}/`)) if (!placed.has(file.key)) await store.delete(file.key);
      }
      await mkdir(dataDir, { recursive: true });
      for (const folder of DISK_FOLDERS) {
        const incoming = join(staging, folder);
        const target = join(dataDir, folder);
        // Every file at any depth.
        count += (await readdir(incoming, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) =>
          e.isFile(),
        ).length;
        const previous = `${target}.before-restore-${Date.now()}`;
        const had = await stat(target).catch(() => null);
        if (had) await rename(target, previous);
        if (await stat(incoming).catch(() => null)) {
          await rename(incoming, target).catch(async () => {
            await cp(incoming, target, { recursive: true });
          });
        } else await mkdir(target, { recursive: true });
        if (had) await rm(previous, { recursive: true, force: true });
      }
      return count;
    },
    cleanup: () => rm(staging, { recursive: true, force: true }),
  };
}
