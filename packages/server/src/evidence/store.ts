import type { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import { agencyQuotaBytes } from '../config.js';
import { lockRow } from '../db/locks.js';
import type { Database } from '../db/schema.js';
import { filesAt, listAll, type FileStore } from '../files/index.js';
import { HttpError } from '../http/errors.js';
import { recordedBytes } from './repository.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The largest file an upload route takes; a body over the route's limit is refused naming it. */
    fileLimitBytes?: number;
  }
}

type Executor = Kysely<Database> | Transaction<Database>;

/** The agencies' file folders in the file store, each holding one folder per agency. */
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
  /** Where the files are: the data directory's disk, or the shared object store (PRONGSAI_FILE_STORE). */
  readonly files: FileStore;

  constructor(
    readonly dataDir: string,
    /** The agency's quota: the configured one (PRONGSAI_AGENCY_QUOTA_MB) unless given. */
    readonly quotaBytes: number = agencyQuotaBytes(),
  ) {
    this.files = filesAt(dataDir);
  }

  /** The folder of an agency's files of a kind, as a key prefix ending in `/`. */
  folder(kind: StoreFolder, agencyId: number): string {
    return `${kind}/${agencyId}/`;
  }

  /** A file's key in the store: `evidence/12/a1b2.jpg`. */
  key(kind: StoreFolder, agencyId: number, name: string): string {
    return `${this.folder(kind, agencyId)}${name}`;
  }

  /** Writes an upload's files into the agency's folder, to be recorded (`reserve`) or discarded. */
  async stage(kind: StoreFolder, agencyId: number, files: { name: string; data: Buffer }[]): Promise<StagedFiles> {
    const written: string[] = [];
    const discard = async () => {
      for (const name of written) await this.files.delete(this.key(kind, agencyId, name));
    };
    try {
      for (const file of files) {
        await this.files.put(this.key(kind, agencyId, file.name), file.data);
        written.push(file.name);
      }
    } catch (error) {
      await discard().catch(() => {});
      throw error;
    }
    return { names: written, bytes: files.reduce((sum, f) => sum + f.data.length, 0), discard };
  }

  /** An agency's file as a stream, or `null` when it is not in the store. */
  read(kind: StoreFolder, agencyId: number, name: string): Promise<Readable | null> {
    return this.files.get(this.key(kind, agencyId, name));
  }

  /** The size of an agency's file, or `null` when it is not in the store. */
  async size(kind: StoreFolder, agencyId: number, name: string): Promise<number | null> {
    return (await this.files.stat(this.key(kind, agencyId, name)))?.bytes ?? null;
  }

  /**
   * Bytes the agency stores: its progress evidence and their thumbnails, its OIT documents and
   * its letterhead, each file once.
   */
  async usedBytes(db: Executor, agencyId: number): Promise<number> {
    const recorded = await recordedBytes(db, agencyId);
    return recorded.evidence + recorded.thumbs + recorded.oit + (await this.letterheadBytes(agencyId));
  }

  /** The letterhead files in the store (they have no record of their own). */
  async letterheadBytes(agencyId: number): Promise<number> {
    const found = await listAll(this.files, this.folder('letterhead', agencyId));
    return found.filter((file) => !file.key.endsWith('.tmp')).reduce((sum, file) => sum + file.bytes, 0);
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

  /** Puts `data` at `name` in place of what was there, whole: a reader never sees part of it. */
  async replace(kind: StoreFolder, agencyId: number, name: string, data: Buffer): Promise<void> {
    await this.files.put(this.key(kind, agencyId, name), data);
  }

  async remove(kind: StoreFolder, agencyId: number, ...names: (string | null)[]): Promise<void> {
    for (const name of names) if (name) await this.files.delete(this.key(kind, agencyId, name));
  }
}
