import { resolve } from 'node:path';
import type { FileStoreSettings } from '../config.js';
import { DiskFileStore } from './disk.js';
import { S3FileStore } from './s3.js';
import type { FileStore } from './store.js';

export { FileStoreError, listAll, readWhole, type FileStore, type StoredFile } from './store.js';

/** The store each data directory's files are kept in, once an app or a command chose it. */
const stores = new Map<string, FileStore>();

/** A store of the settings: a folder under the data directory, or a bucket. */
export function createFileStore(dataDir: string, settings: FileStoreSettings = { kind: 'disk' }): FileStore {
  return settings.kind === 's3' ? new S3FileStore(settings.s3) : new DiskFileStore(resolve(dataDir));
}

/**
 * Chooses where the files of the data directory `dataDir` are kept, for the app or command that
 * runs with it (the configuration's `files`; the disk when not set), and answers that store.
 */
export function useFileStore(dataDir: string, settings?: FileStoreSettings): FileStore {
  const store = createFileStore(dataDir, settings);
  stores.set(resolve(dataDir), store);
  return store;
}

/** The store of the data directory's files: the one chosen by `useFileStore`, else its disk. */
export function filesAt(dataDir: string): FileStore {
  return stores.get(resolve(dataDir)) ?? new DiskFileStore(resolve(dataDir));
}
