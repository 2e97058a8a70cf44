import type { Readable } from 'node:stream';
import { HttpError } from '../http/errors.js';

/** One file in a store: its key (`evidence/12/a1b2.jpg`), its size and when it was last written. */
export interface StoredFile {
  key: string;
  bytes: number;
  /** Milliseconds since the epoch. */
  modified: number;
}

/**
 * Where Prongsai keeps the agencies' files (evidence, OIT documents, letterhead emblems) and the
 * documents it makes: a folder on this machine's disk, or a bucket of an S3-compatible object
 * store that several instances share. Keys are relative paths with `/` between their parts.
 */
export interface FileStore {
  /** `disk` or `s3`. */
  readonly kind: 'disk' | 's3';
  /** Where the files are, for messages: a folder, or `s3://bucket` at an endpoint. */
  readonly where: string;
  /**
   * Writes a file whole in place of what was there; a reader sees the old file or the new one,
   * never a part. A stream is copied as it comes; the S3 store needs its length in `bytes`.
   */
  put(key: string, body: Buffer | Readable, bytes?: number): Promise<void>;
  /** The file as a stream, or `null` when there is none. */
  get(key: string): Promise<Readable | null>;
  /** The file's size and time, or `null` when there is none. */
  stat(key: string): Promise<StoredFile | null>;
  exists(key: string): Promise<boolean>;
  /** Removes the file; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  /** Every file whose key starts with `prefix`, in no promised order. */
  list(prefix: string): AsyncIterable<StoredFile>;
  /** Lets go of what the store holds open (a bucket's connections); it is not used after. */
  close(): void;
}

/** A store that failed (unreachable, refused, full): answered as 503 with the store named in the log. */
export class FileStoreError extends HttpError {
  /** Which store and why, for the log only: the answer does not tell the store's address. */
  readonly store: string;
  readonly reason: string;

  constructor(store: Pick<FileStore, 'where'>, action: string, key: string, cause: unknown) {
    super(
      503,
      'file-store',
      `the file store could not ${action} "${key}"`,
      'ที่เก็บไฟล์ของระบบขัดข้อง กรุณาลองใหม่ภายหลังหรือติดต่อผู้ดูแลระบบ',
    );
    this.name = 'FileStoreError';
    this.store = store.where;
    this.reason = cause instanceof Error ? cause.message || cause.name : String(cause);
    this.cause = cause;
  }
}

/** Refuses keys that could leave the store's root: absolute, empty parts, `.` or `..`, backslashes. */
export function checkKey(key: string): string {
  const parts = key.split('/');
  if (key.includes('\\') || key.includes('\0') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`"${key}" is not a file store key`);
  }
  return key;
}

/** Reads a small file whole (an emblem, a photo for a document); `null` when there is none. */
export async function readWhole(store: FileStore, key: string): Promise<Buffer | null> {
  const stream = await store.get(key);
  if (!stream) return null;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  } catch (error) {
    throw new FileStoreError(store, 'read', key, error);
  }
  return Buffer.concat(chunks);
}

/** Every file under `prefix`, gathered. */
export async function listAll(store: FileStore, prefix: string): Promise<StoredFile[]> {
  const found: StoredFile[] = [];
  for await (const file of store.list(prefix)) found.push(file);
  return found;
}
