import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';

const example = (name: string) => fileURLToPath(new URL(`../../../../examples/${name}`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'prongsai-score-'));

const run = runCli;

const BANG_KHAE = [
  'score',
  '--framework',
  'bma-district-2566',
  example('bang-khae-2566-distributions.csv'),
  example('bang-khae-2566-oit.csv'),
];

describe('prongsai score', () => {
  it('prints the Bang Khae FY2566 table in Thai', async () => {
    const { code, stdout } = await run(...BANG_KHAE);
    expect(code).toBe(0);
    expect(stdout).toContain('คะแนนรวม ITA: 94.87  ระดับผลการประเมิน: ผ่านดี');
    expect(stdout).toMatch(/IIT\s+30\.00\s+88\.04\s+26\.41/);
    expect(stdout).toMatch(/EIT\s+30\.00\s+94\.86\s+28\.46/);
    expect(stdout).toMatch(/OIT\s+40\.00\s+100\.00\s+40\.00/);
    expect(stdout).toContain('I11.1: ร้อยละของคำตอบรวมกันได้ 99.85');
  });

  it('prints English labels and Thai digits on request', async () => {
    expect((await run(...BANG_KHAE, '--lang', 'en')).stdout).toContain('ITA total: 94.87  Level: Good');
    expect((await run(...BANG_KHAE, '--thai-digits')).stdout).toContain('คะแนนรวม ITA: ๙๔.๘๗');
  });

  it('prints JSON with every level of scores', async () => {
    const { code, stdout } = await run(...BANG_KHAE, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      ita: 94.87,
      level: 'ผ่านดี',
      tools: { IIT: 88.04, EIT: 94.86, OIT: 100 },
      indicators: { '1': 89.67, '6': 97.24, '10': 100 },
      questions: { I1: 88.24, E12: 77.05, O30: 100 },
    });
    expect(json.warnings.map((w: { code: string; subject: string }) => `${w.code} ${w.subject}`)).toEqual([
      'shares-sum I11.1',
      'shares-sum I22.1',
    ]);
  });

  it('reproduces Bang Sue FY2567 from its indicator scores', async () => {
    const { stdout } = await run('score', '--framework', 'bma-district-2567', '--json', example('bang-sue-2567-indicators.csv'));
    expect(JSON.parse(stdout)).toMatchObject({ ita: 96.82, level: 'ผ่านดีเยี่ยม', tools: { IIT: 99.37, EIT: 95.03, OIT: 96.25 } });
  });

  it('scores raw responses and counts respondents', async () => {
    const { code, stdout } = await run(
      'score',
      '--framework',
      'bma-district-2566',
      '--json',
      example('synthetic-iit-responses.csv'),
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.respondents).toEqual({ IIT: 60 });
    expect(json.tools.IIT).toBeGreaterThan(0);
    expect(json.ita).toBeNull();
  });

  it('reads the same data from XLSX and JSON', async () => {
    const rows = readFileSync(example('bang-khae-2566-question-scores.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('scores');
    for (const row of rows) sheet.addRow(row.map((c, i) => (i === 2 && c !== 'score' ? Number(c) : c)));
    const xlsx = join(scratch, 'scores.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const json = join(scratch, 'scores.json');
    const [header, ...body] = rows;
    writeFileSync(json, JSON.stringify(body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])))));
    for (const file of [xlsx, json]) {
      const { code, stdout } = await run('score', '--framework', 'bma-district-2566', '--json', file);
      expect(code, file).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ ita: 94.87, tools: { IIT: 88.04, EIT: 94.86, OIT: 100 } });
    }
  });

  describe('bad input: exit code 2, the file, row and problem, no stack trace', () => {
    const expectUserError = (result: { code: number; stderr: string; stdout: string }) => {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
    };

    it('a non-number in a distributions file', async () => {
      const file = join(scratch, 'bad.csv');
      writeFileSync(file, 'code,item,p1,p2,p3,p4\nI1,1,1,2,3,94\nI1,2,1,x,3,95\n');
      const result = await run('score', '--framework', 'bma-district-2566', file);
      expectUserError(result);
      expect(result.stderr).toContain(`${file}, แถว 3, คอลัมน์ p2: "x" ไม่ใช่ตัวเลข`);
      expect((await run('score', '--framework', 'bma-district-2566', '--lang', 'en', file)).stderr).toContain(
        `${file}, row 3, column p2: "x" is not a number`,
      );
    });

    it('a truncated XLSX', async () => {
      const file = join(scratch, 'truncated.xlsx');
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('x').addRow(['code', 'score']);
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      writeFileSync(file, bytes.subarray(0, bytes.length / 2));
      const result = await run('score', '--framework', 'bma-district-2566', '--lang', 'en', file);
      expectUserError(result);
      expect(result.stderr).toContain('cannot read the XLSX workbook');
    });

    it('a file in another encoding', async () => {
      const file = join(scratch, 'tis620.csv');
      writeFileSync(file, Buffer.concat([Buffer.from('code,score\nO1,100\n'), Buffer.from([0xa4, 0xd0, 0xaa, 0xb9, 0xb9])]));
      const result = await run('score', '--framework', 'bma-district-2566', '--lang', 'en', file);
      expectUserError(result);
      expect(result.stderr).toContain('not UTF-8');
    });

    it('a missing file, an unknown framework and a missing argument', async () => {
      expectUserError(await run('score', '--framework', 'bma-district-2566', join(scratch, 'nope.csv')));
      const unknown = await run('score', '--framework', 'bma-district-1999', example('bang-khae-2566-oit.csv'));
      expectUserError(unknown);
      expect(unknown.stderr).toContain('available: bma-district-2566, bma-district-2567');
      expectUserError(await run('score', example('bang-khae-2566-oit.csv')));
      expectUserError(await run('frobnicate'));
    });
  });
});
