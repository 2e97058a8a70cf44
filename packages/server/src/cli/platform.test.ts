import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';

const run = runCli;

describe('prongsai init, user, demo, backup and restore', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'prongsai-cli-'));
    process.env.PRONGSAI_DATABASE_URL = `sqlite:${join(dir, 'p.db')}`;
    process.env.PRONGSAI_DATA_DIR = join(dir, 'data');
    delete process.env.PRONGSAI_ADMIN_EMAIL;
    delete process.env.PRONGSAI_ADMIN_PASSWORD;
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('init creates the database and a first central admin with a password shown once', async () => {
    const first = await run('init');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('50 district offices added');
    expect(first.stdout).toMatch(/central admin admin@localhost created; password \(shown only now\): \S{16}/);
    const again = await run('init');
    expect(again.stdout).toContain('a central admin exists already (admin@localhost)');
  });

  it('init takes the admin from the environment', async () => {
    process.env.PRONGSAI_ADMIN_EMAIL = 'ita@bangkok.go.th';
    process.env.PRONGSAI_ADMIN_PASSWORD = 'a-strong-password';
    expect((await run('init')).stdout).toContain(
      'central admin ita@bangkok.go.th created with the password from PRONGSAI_ADMIN_PASSWORD',
    );
  });

  it('user add, list and reset-password', async () => {
    await run('init');
    const added = await run(
      'user',
      'add',
      '--email',
      'somchai@bang-khae.go.th',
      '--name',
      'สมชาย',
      '--role',
      'division_editor',
      '--agency',
      '1040',
      '--division',
      'ฝ่ายการคลัง',
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('account somchai@bang-khae.go.th (division_editor) created; password');
    const listed = await run('user', 'list', '--agency', 'bang-khae');
    expect(listed.stdout).toContain('somchai@bang-khae.go.th\tdivision_editor');
    const reset = await run('user', 'reset-password', '--email', 'somchai@bang-khae.go.th');
    expect(reset.stdout).toContain('its sessions were ended');
    const bad = await run('user', 'add', '--email', 'x@y.th', '--name', 'x', '--role', 'division_editor', '--agency', '1040');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('division editor needs a division');
  });

  it('import previews with --dry-run, then imports; bad files exit 2', async () => {
    await run('init');
    const file = fileURLToPath(new URL('../../../../examples/bang-khae-2566-pasted.txt', import.meta.url));
    const dry = await run('import', '--agency', '1040', '--year', '2566', '--dry-run', file);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('ITA 94.87 ผ่านดี · IIT 88.04 · EIT 94.86 · OIT 100.00');
    expect(dry.stdout).toContain('ทดลองอ่านเท่านั้น');
    const done = await run('import', '--agency', 'bang-khae', '--year', '2566', '--lang', 'en', file);
    expect(done.stdout).toContain('imported');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'code,item,p1,p2,p3,p4\nI1,1,x,1,1,97\n');
    const failed = await run('import', '--agency', '1040', '--year', '2566', bad);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('แถว 2, คอลัมน์ p1: "x" ไม่ใช่ตัวเลข');
  });

  it('report makes each document and the workbook; bad requests exit 2', async () => {
    await run('demo');
    for (const [args, file] of [
      [['measures', '--agency', '1040', '--year', '2567', '--format', 'pdf'], 'm.pdf'],
      [['progress', '--agency', 'din-daeng', '--year', '2567', '--round', '6', '--format', 'docx'], 'p.docx'],
      [['order', '--agency', 'bang-sue', '--year', '2568', '--format', 'pdf'], 'o.pdf'],
      [['measures', '--agency', 'bang-khae', '--year', '2567', '--format', 'xlsx'], 'm.xlsx'],
    ] as const) {
      const result = await run('report', ...args, '--out', join(dir, file));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`${file}:`);
    }
    const missing = await run('report', 'order', '--agency', '1040', '--year', '2567', '--out', join(dir, 'x.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ยังไม่มีข้อมูลคณะกรรมการ');
    expect((await run('report', 'brochure', '--agency', '1040', '--year', '2567', '--out', 'x')).code).toBe(2);
  });

  it('backup and restore through the CLI; restore asks for --force over existing data', async () => {
    await run('demo');
    const file = join(dir, 'backup.json.gz');
    expect((await run('backup', file)).code).toBe(0);
    process.env.PRONGSAI_DATABASE_URL = `sqlite:${join(dir, 'other.db')}`;
    const restored = await run('restore', file);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('agencies 57'); // 50 districts, and the demo's province with 6 agencies below it
    const again = await run('restore', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await run('restore', '--force', file)).code).toBe(0);
    expect((await run('restore', join(dir, 'p.db'))).stderr).toContain('not a Prongsai backup');
  });

  it('backup --with-files puts the database, the evidence and the letterheads in one archive, and restore puts both back', async () => {
    await run('demo');
    const evidence = join(dir, 'data', 'evidence');
    const photos = readdirSync(evidence, { recursive: true }).filter((f) => String(f).includes('.')).length;
    expect(photos).toBeGreaterThan(0);
    // An agency's letterhead emblem is kept with the evidence.
    const emblem = join(dir, 'data', 'letterhead', '1', 'emblem.png');
    mkdirSync(join(emblem, '..'), { recursive: true });
    writeFileSync(emblem, 'emblem');
    // The OIT documents the divisions sent travel with them.
    const oit = join(dir, 'data', 'oit');
    const documents = readdirSync(oit, { recursive: true }).filter((f) => String(f).includes('.')).length;
    expect(documents).toBeGreaterThan(0);
    // The demo's current-year set, loaded through the framework editor, is kept with them.
    const loaded = readdirSync(join(dir, 'data', 'frameworks')).length;
    expect(loaded).toBe(1);
    const before = photos + documents + loaded + 1;
    const archive = join(dir, 'all.tar.gz');
    const made = await run('backup', '--with-files', archive);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain(`${before} files (evidence, letterheads, OIT documents, loaded frameworks)`);
    rmSync(evidence, { recursive: true, force: true });
    rmSync(oit, { recursive: true, force: true });
    rmSync(join(dir, 'data', 'frameworks'), { recursive: true, force: true });
    rmSync(emblem);
    process.env.PRONGSAI_DATABASE_URL = `sqlite:${join(dir, 'restored.db')}`;
    const restored = await run('restore', archive);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`files (evidence, letterheads, OIT documents, loaded frameworks) ${before}`);
    expect(readdirSync(join(dir, 'data', 'frameworks')).length).toBe(loaded);
    expect(readdirSync(evidence, { recursive: true }).filter((f) => String(f).includes('.')).length).toBe(photos);
    expect(readFileSync(emblem, 'utf8')).toBe('emblem');
    expect(readdirSync(oit, { recursive: true }).filter((f) => String(f).includes('.')).length).toBe(documents);
    const sweep = await run('evidence', 'gc');
    expect(sweep.code, sweep.stdout).toBe(0);
    expect(sweep.stdout).toContain('removed 0 orphaned files');
  });

  it('evidence gc removes files no record refers to and reports records whose file is gone', async () => {
    await run('demo');
    const folder = join(dir, 'data', 'evidence');
    const agency = readdirSync(folder)[0]!;
    const orphan = join(folder, agency, 'left-by-a-crash.jpg');
    writeFileSync(orphan, 'x');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(orphan, old, old);
    const fresh = join(folder, agency, 'upload-in-progress.jpg');
    writeFileSync(fresh, 'y');
    const dry = await run('evidence', 'gc', '--dry-run');
    expect(dry.stdout).toContain('would remove 1 orphaned files');
    expect(existsSync(orphan)).toBe(true);
    const referenced = readdirSync(join(folder, agency)).find(
      (f) => f !== 'left-by-a-crash.jpg' && f !== 'upload-in-progress.jpg',
    )!;
    rmSync(join(folder, agency, referenced));
    const swept = await run('evidence', 'gc');
    expect(swept.stdout).toContain('removed 1 orphaned files');
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(swept.stdout).toContain(`missing: evidence/${agency}/${referenced}`);
    expect(swept.code).toBe(3);
  });

  it("calendar lists an agency's milestones, and reminders send makes the day's notices", async () => {
    await run('demo');
    const listed = await run('calendar', '--agency', 'bang-khae', '--year', '2567');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/2023-12-31\tdone +\tfeature\tจัดทำมาตรการยกระดับคุณธรรมและความโปร่งใส/);
    expect((await run('calendar', '--agency', 'nowhere', '--year', '2567')).code).toBe(2);
    const sent = await run('reminders', 'send', '--day', '2024-03-25');
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^\d+ digest\(s\) queued and sent \(no PRONGSAI_SMTP_URL: notices in the app only\)/);
  });
});
