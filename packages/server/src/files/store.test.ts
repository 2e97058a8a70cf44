// The file store's promises, kept by both stores alike: the data directory's disk and an
// S3-compatible bucket (s3rver, on loopback).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiskFileStore } from './disk.js';
import { S3FileStore } from './s3.js';
import { listAll, readWhole, type FileStore } from './store.js';

const root = mkdtempSync(join(tmpdir(), 'prongsai-store-test-'));
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: join(root, 's3'),
  configureBuckets: [{ name: 'store-test', configs: [] }],
});
let endpoint = '';

beforeAll(async () => {
  endpoint = `http://127.0.0.1:${(await server.run()).port}`;
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const stores: { kind: string; make(): FileStore }[] = [
  { kind: 'disk', make: () => new DiskFileStore(mkdtempSync(join(root, 'disk-'))) },
  {
    kind: 's3',
    make: () =>
      new S3FileStore({
        endpoint,
        bucket: 'store-test',
        region: 'us-east-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
        forcePathStyle: true,
      }),
  },
];

describe.each(stores)('the $kind file store', ({ make }) => {
  let store: FileStore;
  beforeAll(() => {
    store = make();
  });

  it('keeps a file, answers its size, streams it back and removes it', async () => {
    await store.put('evidence/7/a.jpg', Buffer.from('first'));
    await store.put('evidence/7/a.jpg', Buffer.from('second, longer'));
    expect((await store.stat('evidence/7/a.jpg'))?.bytes).toBe(14);
    expect(await store.exists('evidence/7/a.jpg')).toBe(true);
    const stream = await store.get('evidence/7/a.jpg');
    expect(stream).toBeInstanceOf(Readable);
    expect(await readWhole(store, 'evidence/7/a.jpg')).toEqual(Buffer.from('second, longer'));
    await store.delete('evidence/7/a.jpg');
    await store.delete('evidence/7/a.jpg');
    expect(await store.exists('evidence/7/a.jpg')).toBe(false);
    expect(await store.get('evidence/7/a.jpg')).toBeNull();
    expect(await store.stat('evidence/7/a.jpg')).toBeNull();
    stream?.destroy();
  });

  it('takes a stream of a known length, a chunk at a time', async () => {
    const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(16 * 1024, i));
    await store.put('documents/big.pdf', Readable.from(chunks), 64 * 16 * 1024);
    const back = await readWhole(store, 'documents/big.pdf');
    expect(back?.length).toBe(64 * 16 * 1024);
    expect(back?.subarray(63 * 16 * 1024)).toEqual(chunks[63]);
  });

  it('lists by prefix, at any depth', async () => {
    for (const key of ['oit/1/x.pdf', 'oit/1/y.pdf', 'oit/12/z.pdf', 'letterhead/1/emblem.png']) {
      await store.put(key, Buffer.from(key));
    }
    const keys = async (prefix: string) => (await listAll(store, prefix)).map((f) => f.key).sort();
    expect(await keys('oit/1/')).toEqual(['oit/1/x.pdf', 'oit/1/y.pdf']);
    expect(await keys('oit/')).toEqual(['oit/1/x.pdf', 'oit/1/y.pdf', 'oit/12/z.pdf']);
    expect(await keys('nothing/')).toEqual([]);
    const [file] = await listAll(store, 'letterhead/1/');
    expect(file).toMatchObject({ key: 'letterhead/1/emblem.png', bytes: 'letterhead/1/emblem.png'.length });
    expect(file!.modified).toBeGreaterThan(0);
  });

  it('refuses keys that would leave the store', async () => {
    for (const key of ['../secret', 'evidence/../../x', '/etc/passwd', 'evidence//a', 'a\\b']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow('is not a file store key');
    }
  });
});

describe('the disk file store', () => {
  it('never leaves a part of a file under its name when the stream fails', async () => {
    const folder = mkdtempSync(join(root, 'disk-'));
    const store = new DiskFileStore(folder);
    writeFileSync(join(folder, 'kept.pdf'), 'whole');
    const failing = new Readable({
      read() {
        this.push(Buffer.from('part'));
        this.destroy(new Error('the client went away'));
      },
    });
    await expect(store.put('kept.pdf', failing)).rejects.toMatchObject({ status: 503, code: 'file-store' });
    expect(readdirSync(folder)).toEqual(['kept.pdf']);
    expect((await readWhole(store, 'kept.pdf'))?.toString()).toBe('whole');
  });
});
