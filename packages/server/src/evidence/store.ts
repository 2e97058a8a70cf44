import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { agencyQuotaBytes } from '../config.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { recordedBytes } from './repository.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The largest file an upload route takes; a body over the route's limit is refused naming it. */
    fileLimitBytes?: number;
  }
}

type Executor = Kysely<Database> | Transaction<Database>;

/** The agencies' file folders under the data directory, each holding one folder per agency. */
export type StoreFolder = 'evidence' | 'oit' | 'letterhead';

const MiB = 1024 * 1024;
/** Megabytes as people read them: 2, 15, 0.5. */
export const megabytes = (bytes: number) => String(Number((bytes / MiB).toFixed(2)));

/**
 * The body limit of a route that takes a file of at most `fileBytes` as base64 in JSON: base64
 * adds a third, and the JSON around it (name, caption, note) some more.
 */
export function uploadBodyLimit(fileBytes: number): number {
  return Math.ceil(fileBytes / 3) * 4 + 64 * 1024;
}

/** The refusal of a file over an upload's limit, the same whether the body or the file was measured. */
export function fileTooLarge(limitBytes: number): HttpError {
  return new HttpError(
    413,
    'file-too-large',
    `the file is larger than ${megabytes(limitBytes)} MB`,
    `ไฟล์ใหญ่เกิน ${megabytes(limitBytes)} MB`,
  );
}

export function quotaExceeded(quotaBytes: number, usedBytes: number): HttpError {
  return new HttpError(
    413,
    'quota',
    `the agency's storage quota of ${megabytes(quotaBytes)} MB would be exceeded (${megabytes(usedBytes)} MB used)`,
    `เกินโควตาพื้นที่จัดเก็บไฟล์ของหน่วยงาน ${megabytes(quotaBytes)} MB (ใช้ไปแล้ว ${megabytes(usedBytes)} MB) กรุณาลบไฟล์ที่ไม่ใช้แล้วหรือติดต่อผู้ดูแลระบบ`,
  );
}

/** Files written for an upload before its record: kept once the record commits, discarded otherwise. */
export interface StagedFiles {
  names: string[];
  bytes: number;
  discard(): Promise<void>;
}

/**
 * The one store of an agency's files: progress evidence (with thumbnails), OIT documents and the
 * letterhead emblem, under one quota. A file is written first and recorded in a transaction that
 * holds the agency's row while it counts what the agency stores, so uploads that run at the same
 * time (through progress, OIT or the letterhead) are counted one after another and together never
 * pass the quota. A file written but never recorded is removed by `prongsai evidence gc`.
 */
export class EvidenceStore {
  constructor(
    readonly dataDir: string,
    /** The agency's quota: the configured one (PRONGSAI_AGENCY_QUOTA_MB) unless given. */
    readonly quotaBytes: number = agencyQuotaBytes(),
  ) {}

  folder(kind: StoreFolder, agencyId: number): string {
    return join(this.dataDir, kind, String(agencyId));
  }

  path(kind: StoreFolder, agencyId: number, name: string): string {
    return join(this.folder(kind, agencyId), name);
  }

  /** Writes an upload's files into the agency's folder, to be recorded (`reserve`) or discarded. */
  async stage(kind: StoreFolder, agencyId: number, files: { name: string; data: Buffer }[]): Promise<StagedFiles> {
    const folder = this.folder(kind, agencyId);
    await mkdir(folder, { recursive: true });
    const written: string[] = [];
    const discard = async () => {
      for (const name of written) await rm(join(folder, name), { force: true });
    };
    try {
      for (const file of files) {
        await writeFile(join(folder, file.name), file.data);
        written.push(file.name);
      }
    } catch (error) {
      await discard();
      throw error;
    }
    return { names: written, bytes: files.reduce((sum, f) => sum + f.data.length, 0), discard };
  }

  /**
   * Bytes the agency stores: its progress evidence and their thumbnails, its OIT documents and
   * its letterhead, each file once.
   */
  async usedBytes(db: Executor, agencyId: number): Promise<number> {
    const recorded = await recordedBytes(db, agencyId);
    return recorded.evidence + recorded.thumbs + recorded.oit + (await this.letterheadBytes(agencyId));
  }

  /** The letterhead files on disk (they have no record of their own). */
  async letterheadBytes(agencyId: number): Promise<number> {
    const folder = this.folder('letterhead', agencyId);
    const names = await readdir(folder).catch(() => [] as string[]);
    let total = 0;
    for (const name of names) {
      if (name.endsWith('.tmp')) continue;
      const info = await stat(join(folder, name)).catch(() => null);
      if (info?.isFile()) total += info.size;
    }
    return total;
  }

  /**
   * Inside the transaction that records an upload: holds the agency's row, then refuses (413,
   * naming the quota) if `adding` bytes, less the `replacing` ones the upload takes the place of,
   * would take the agency past its quota.
   */
  async reserve(trx: Transaction<Database>, agencyId: number, adding: number, replacing = 0): Promise<void> {
    await lockRow(trx, 'agencies', agencyId);
    const used = await this.usedBytes(trx, agencyId);
    if (used - replacing + adding > this.quotaBytes) throw quotaExceeded(this.quotaBytes, used);
  }

  /** Puts `data` at `name` in place of what was there: written beside, then renamed. */
  async replace(kind: StoreFolder, agencyId: number, name: string, data: Buffer): Promise<void> {
    const path = this.path(kind, agencyId, name);
    await mkdir(this.folder(kind, agencyId), { recursive: true });
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, path);
  }

  async remove(kind: StoreFolder, agencyId: number, ...names: (string | null)[]): Promise<void> {
    for (const name of names) if (name) await rm(this.path(kind, agencyId, name), { force: true });
  }
}
