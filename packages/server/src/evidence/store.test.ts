import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAgency } from '../agencies/repository.js';
import { buildApp } from '../app.js';
import { loadConfig, withoutSchedules } from '../config.js';
import type { Db } from '../db/database.js';
import { login, TEST_DATABASES, type Session } from '../test-support/databases.js';
import { sweepEvidence } from './storage.js';

const MB = 1024 * 1024;
const QUOTA = 1 * MB;

/** A PDF of exactly `bytes` (kept as it is by every upload, so its size is what is stored). */
const pdf = (bytes: number, mark: number) => {
  const head = Buffer.from(`%PDF-1.4\n% ${mark}\n`);
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(bytes - head.length - tail.length, 0x20), tail]);
};

/** Bytes on disk in an agency's folders: what it really stores, whatever the records say. */
function storedOnDisk(dataDir: string, agencyId: number): number {
  let total = 0;
  for (const folder of ['evidence', 'oit', 'letterhead']) {
    const dir = join(dataDir, folder, String(agencyId));
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) total += statSync(join(dir, name)).size;
  }
  return total;
}

describe.each(TEST_DATABASES)("one store and one quota for an agency's files on $engine", (database) => {
  let app: FastifyInstance;
  let db: Db & { drop(): Promise<void> };
  let dataDir: string;
  let admin: Session;
  let agencyId: number;
  let entryId: number;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
  const progressUpload = (data: Buffer) =>
    call('POST', `/api/entries/${entryId}/reports/6/evidence`, {
      fileName: 'หลักฐาน.pdf',
      contentBase64: data.toString('base64'),
    });
  const oitUpload = (data: Buffer, code = 'O1') =>
    call('POST', `/api/agencies/din-daeng/oit/2566/items/${code}/evidence`, {
      fileName: 'เอกสาร.pdf',
      contentBase64: data.toString('base64'),
    });
  const expectQuotaRefusal = (response: { statusCode: number; json(): { error: { messageTh: string } } }) => {
    expect(response.statusCode).toBe(413);
    expect(response.json().error.messageTh).toContain('โควตาพื้นที่จัดเก็บไฟล์ของหน่วยงาน 1 MB');
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'prongsai-data-'));
    db = await database.openDemo({ results: false }, dataDir);
    app = await buildApp({
      db,
      config: { ...withoutSchedules(loadConfig({})), dataDir, secureCookies: false, agencyQuotaBytes: QUOTA },
      logger: false,
      webDist: '/nonexistent',
    });
    admin = await login(app, 'admin@din-daeng.demo');
    agencyId = (await findAgency(db.kysely, 'din-daeng'))!.id;
    expect((await call('POST', '/api/agencies/din-daeng/plans/2568', { mode: 'empty' })).statusCode).toBe(201);
    const entry = await call('POST', '/api/agencies/din-daeng/plans/2568/entries', {
      section: 'extra',
      title: 'มาตรการเผยแพร่ข้อมูล',
      issue: 'การเปิดเผยข้อมูล',
      measures: ['เผยแพร่'],
      divisions: ['all'],
      cadence: 'semiannual',
    });
    expect(entry.statusCode, entry.body).toBe(201);
    entryId = (entry.json() as { id: number }).id;
    const opened = await call('POST', '/api/agencies/din-daeng/oit/2566', {});
    expect([201, 409], opened.body).toContain(opened.statusCode);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets uploads through progress and OIT, together and at the same time, store no more than the quota', async () => {
    const before = storedOnDisk(dataDir, agencyId);
    expect(before).toBeLessThan(QUOTA / 2);
    // Ten uploads at once, half through progress and half through OIT: at most what fits is kept.
    const size = 200 * 1024;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? progressUpload(pdf(size, i)) : oitUpload(pdf(size, i)))),
    );
    const accepted = responses.filter((r) => r.statusCode === 201);
    const refused = responses.filter((r) => r.statusCode !== 201);
    for (const response of refused) expectQuotaRefusal(response);
    expect(accepted.length).toBe(Math.floor((QUOTA - before) / size));
    expect(storedOnDisk(dataDir, agencyId)).toBeLessThanOrEqual(QUOTA);
  });

  it('counts every file of the agency once, whichever way it came: progress, OIT or the letterhead', async () => {
    const free = QUOTA - storedOnDisk(dataDir, agencyId);
    expect(free).toBeGreaterThan(0);
    // Neither route takes a file that does not fit beside what the other stored.
    expectQuotaRefusal(await progressUpload(pdf(free + 1, 100)));
    expectQuotaRefusal(await oitUpload(pdf(free + 1, 101), 'O2'));
    const emblem = await sharp({
      create: { width: 500, height: 500, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 60 } },
    })
      .png()
      .toBuffer();
    expectQuotaRefusal(await call('PUT', '/api/agencies/din-daeng/emblem', { contentBase64: emblem.toString('base64') }));
    // What fits exactly is taken.
    expect((await progressUpload(pdf(free, 102))).statusCode).toBe(201);
    expect(storedOnDisk(dataDir, agencyId)).toBe(QUOTA);
    expectQuotaRefusal(await oitUpload(pdf(1024, 103), 'O2'));
  });

  it('sweeps what no record refers to from every folder of the store, OIT documents included', async () => {
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    const orphans = ['evidence', 'oit', 'letterhead'].map((folder) => {
      const path = join(dataDir, folder, String(agencyId), folder === 'letterhead' ? 'emblem.png.1.2.tmp' : 'left.pdf');
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, 'x');
      utimesSync(path, old, old);
      return path;
    });
    const fresh = join(dataDir, 'oit', String(agencyId), 'upload-in-progress.pdf');
    writeFileSync(fresh, 'y');
    const kept = readdirSync(join(dataDir, 'oit', String(agencyId))).filter(
      (f) => !['left.pdf', 'upload-in-progress.pdf'].includes(f),
    );
    const report = await sweepEvidence(db.kysely, dataDir);
    expect(report.orphans.map((o) => o.name).sort()).toEqual([
      `evidence/${agencyId}/left.pdf`,
      `letterhead/${agencyId}/emblem.png.1.2.tmp`,
      `oit/${agencyId}/left.pdf`,
    ]);
    expect(report.missing).toEqual([]);
    for (const path of orphans) expect(existsSync(path)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    for (const name of kept) expect(existsSync(join(dataDir, 'oit', String(agencyId), name))).toBe(true);
  });
});
