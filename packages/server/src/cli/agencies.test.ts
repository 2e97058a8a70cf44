import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';

describe('prongsai agencies import', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'prongsai-agencies-'));
    process.env.PRONGSAI_DATABASE_URL = `sqlite:${join(dir, 'p.db')}`;
    process.env.PRONGSAI_DATA_DIR = join(dir, 'data');
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, ...lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };

  it('loads Bangkok once at init, previews with --dry-run, imports, and a re-run changes nothing', async () => {
    expect((await runCli('init')).stdout).toContain('50 district offices added');
    expect((await runCli('init')).stdout).toContain('0 district offices added');
    const list = file(
      'agencies.csv',
      'code,name_th,name_en,kind,parent_code,divisions',
      '50,จังหวัดเชียงใหม่,Chiang Mai Province,province,,',
      '5001,เทศบาลนครเชียงใหม่,Chiang Mai City Municipality,municipality,50,กองคลัง;กองช่าง',
      '1040,สำนักงานเขตบางแค,Bang Khae District Office,district,,',
    );
    const dry = await runCli('agencies', 'import', '--dry-run', '--lang', 'en', list);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('2 added · 0 updated · 1 unchanged');
    expect(dry.stdout).toContain('dry run: nothing written');
    const done = await runCli('agencies', 'import', list);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('เพิ่ม 2 · ปรับปรุง 0 · ไม่เปลี่ยนแปลง 1');
    const again = await runCli('agencies', 'import', '--lang', 'en', list);
    expect(again.stdout).toContain('0 added · 0 updated · 3 unchanged');
    const user = await runCli(
      'user',
      'add',
      '--email',
      'a@cm.go.th',
      '--name',
      'ก',
      '--role',
      'agency_admin',
      '--agency',
      '5001',
    );
    expect(user.code).toBe(0);
  });

  it('names every bad row and exits 2, importing nothing', async () => {
    await runCli('init');
    const bad = file(
      'bad.csv',
      'code,name_th,name_en,kind,parent_code',
      '9001,ก,A,planet,,',
      '9002,,B,sao,',
      '9003,ค,C,sao,NOPE',
    );
    const result = await runCli('agencies', 'import', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ไม่ได้นำเข้า: พบปัญหา 3 รายการ');
    expect(result.stderr).toContain('bad.csv, แถว 2, คอลัมน์ kind');
    expect(result.stderr).toContain('bad.csv, แถว 3, คอลัมน์ name_th');
    expect(result.stderr).toContain('bad.csv, แถว 4, คอลัมน์ parent_code');
    const english = await runCli('agencies', 'import', '--lang', 'en', bad);
    expect(english.stderr).toContain('bad.csv, row 4, column parent_code: no agency with the code NOPE');
    const good = file('good.csv', 'code,name_th,name_en,kind,parent_code', '9001,ก,A,sao,');
    expect((await runCli('agencies', 'import', '--dry-run', '--lang', 'en', good)).stdout).toContain('1 added');
    expect((await runCli('agencies', 'import', join(dir, 'missing.csv'))).code).toBe(2);
    expect((await runCli('agencies')).code).toBe(2);
  });
});
