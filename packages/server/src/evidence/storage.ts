import { cp, mkdir, mkdtemp, readdir, rename, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import * as tar from 'tar';
import type { Database } from '../db/schema.js';
import { OitRepository } from '../oit/repository.js';
import { ProgressRepository } from '../progress/repository.js';

/** Files younger than this are left alone by the sweep: an upload writes its file before its row. */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;

export interface SweepReport {
  /** `folder/agency/file` names on disk that no record refers to (removed unless a dry run). */
  orphans: { name: string; bytes: number }[];
  /** `folder/agency/file` names records refer to that are not on disk. */
  missing: string[];
  kept: number;
}

async function filesOnDisk(evidenceDir: string): Promise<{ name: string; bytes: number; modified: number }[]> {
  const found = [];
  const agencies = await readdir(evidenceDir, { withFileTypes: true }).catch(() => []);
  for (const agency of agencies.filter((a) => a.isDirectory())) {
    for (const file of await readdir(join(evidenceDir, agency.name))) {
      const info = await stat(join(evidenceDir, agency.name, file));
      if (info.isFile()) found.push({ name: `${agency.name}/${file}`, bytes: info.size, modified: info.mtimeMs });
    }
  }
  return found;
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
  const prefixed = (folder: string, names: Iterable<string>) => [...names].map((name) => `${folder}/${name}`);
  const referenced = new Set([
    ...prefixed('evidence', await new ProgressRepository(db).storedNames()),
    ...prefixed('oit', await new OitRepository(db).storedNames()),
  ]);
  const disk = [];
  for (const folder of ['evidence', 'oit', 'letterhead'] as const) {
    for (const file of await filesOnDisk(join(dataDir, folder))) {
      // A letterhead has no record: only its unfinished writes are strays.
      if (folder === 'letterhead' && !file.name.endsWith('.tmp')) referenced.add(`${folder}/${file.name}`);
      disk.push({ ...file, name: `${folder}/${file.name}` });
    }
  }
  const onDisk = new Set(disk.map((f) => f.name));
  const orphans = disk.filter((f) => !referenced.has(f.name) && at - f.modified > SWEEP_GRACE_MS);
  if (!dryRun) for (const file of orphans) await rm(join(dataDir, file.name), { force: true });
  return {
    orphans: orphans.map(({ name, bytes }) => ({ name, bytes })),
    missing: [...referenced].filter((name) => !onDisk.has(name)).sort(),
    kept: disk.length - orphans.length,
  };
}

export const ARCHIVE_DATABASE = 'database.json.gz';
/** The agencies' file folders under the data directory that a backup with files keeps. */
export const ARCHIVED_FOLDERS = ['evidence', 'letterhead', 'oit', 'frameworks'] as const;

/** One gzipped tar holding the database backup and the agencies' files (`prongsai backup --with-files`). */
export async function writeArchive(
  file: string,
  writeDatabase: (path: string) => Promise<unknown>,
  dataDir: string,
): Promise<{ files: number }> {
  const staging = await mkdtemp(join(tmpdir(), 'prongsai-backup-'));
  try {
    await writeDatabase(join(staging, ARCHIVE_DATABASE));
    const entries: string[] = [ARCHIVE_DATABASE];
    for (const folder of ARCHIVED_FOLDERS) {
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
    /** Puts each archived folder in place of the current one; answers how many files it placed. */
    async placeFiles(): Promise<number> {
      let count = 0;
      await mkdir(dataDir, { recursive: true });
      for (const folder of ARCHIVED_FOLDERS) {
        const incoming = join(staging, folder);
        const target = join(dataDir, folder);
        // Every file at any depth: a loaded framework lies at the folder's top, evidence one folder down.
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
