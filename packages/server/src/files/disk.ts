import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, FileStoreError, type FileStore, type StoredFile } from './store.js';

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Files in a folder of this machine (the data directory): the default, for one instance. */
export class DiskFileStore implements FileStore {
  readonly kind = 'disk' as const;

  constructor(readonly root: string) {}

  get where(): string {
    return this.root;
  }

  private path(key: string): string {
    return join(this.root, ...checkKey(key).split('/'));
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    const path = this.path(key);
    // Written beside and renamed into place, so a crash never leaves a part of a file under its name.
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(temporary));
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => {});
      throw new FileStoreError(this, 'write', key, error);
    }
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.path(key);
    try {
      // Opened first, so a missing file answers null rather than failing the stream later.
      const handle = await open(path, 'r');
      return handle.createReadStream();
    } catch (error) {
      if (missing(error)) return null;
      throw new FileStoreError(this, 'read', key, error);
    }
  }

  async stat(key: string): Promise<StoredFile | null> {
    try {
      const info = await stat(this.path(key));
      return info.isFile() ? { key, bytes: info.size, modified: info.mtimeMs } : null;
    } catch (error) {
      if (missing(error)) return null;
      throw new FileStoreError(this, 'read', key, error);
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    try {
      await rm(this.path(key), { force: true });
    } catch (error) {
      throw new FileStoreError(this, 'remove', key, error);
    }
  }

  async *list(prefix: string): AsyncIterable<StoredFile> {
    // The folder the prefix lies in, read to any depth; names are then matched against the prefix.
    const slash = prefix.lastIndexOf('/');
    const folder = slash < 0 ? this.root : join(this.root, ...checkKey(prefix.slice(0, slash)).split('/'));
    let entries;
    try {
      entries = await readdir(folder, { recursive: true, withFileTypes: true });
    } catch (error) {
      if (missing(error)) return;
      throw new FileStoreError(this, 'list', prefix, error);
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const key = relative(this.root, path).split(sep).join('/');
      if (!key.startsWith(prefix)) continue;
      const info = await stat(path).catch(() => null);
      if (info) yield { key, bytes: info.size, modified: info.mtimeMs };
    }
  }

  /** Nothing is held open. */
  close(): void {}
}
