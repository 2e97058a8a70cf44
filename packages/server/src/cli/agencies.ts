import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, InputError } from '@prongsai/core';
import { importAgenciesFromFile } from '../agencies/import-service.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { USER_ERROR, type CliIo } from './io.js';

const usage = `Usage: prongsai agencies import [--dry-run] [--lang th|en] <file.csv|file.xlsx>
Columns: code,name_th,name_en,kind,parent_code[,divisions] (divisions: names separated by ";").
An existing code is updated, never duplicated; every row is imported or none.`;

export async function runAgencies(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, lang: { type: 'string', default: 'th' } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return USER_ERROR;
  }
  const { values, positionals } = parsed;
  const lang = values.lang === 'en' ? 'en' : 'th';
  const [file] = positionals;
  if (sub !== 'import' || !file || positionals.length > 1) {
    io.stderr.write(`${usage}\n`);
    return sub === '--help' ? 0 : USER_ERROR;
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    io.stderr.write(`${file}: ${lang === 'th' ? 'ไม่พบไฟล์หรืออ่านไฟล์ไม่ได้' : 'the file does not exist or cannot be read'}\n`);
    return USER_ERROR;
  }
  const dryRun = values['dry-run'];
  const db = await openDatabase(loadConfig().databaseUrl);
  try {
    const started = performance.now();
    const plan = await importAgenciesFromFile(db.kysely, { fileName: basename(file), data }, { dryRun });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.stdout.write(
      lang === 'th'
        ? `${plan.fileName}: เพิ่ม ${plan.added} · ปรับปรุง ${plan.updated} · ไม่เปลี่ยนแปลง ${plan.unchanged} หน่วยงาน · เพิ่มหน่วยย่อย ${plan.divisionsAdded} (${seconds} วินาที)\n`
        : `${plan.fileName}: ${plan.added} added · ${plan.updated} updated · ${plan.unchanged} unchanged · ${plan.divisionsAdded} divisions added (${seconds} s)\n`,
    );
    for (const row of plan.rows.filter((r) => r.action === 'update')) {
      io.stdout.write(
        `  ${lang === 'th' ? 'แถว' : 'row'} ${row.row} ${row.code}: ${[...row.changes, ...(row.divisionsAdded ? ['divisions'] : [])].join(', ')}\n`,
      );
    }
    io.stdout.write(
      dryRun
        ? lang === 'th'
          ? 'ทดลองอ่านเท่านั้น ไม่ได้บันทึก\n'
          : 'dry run: nothing written\n'
        : lang === 'th'
          ? 'นำเข้าเรียบร้อย\n'
          : 'imported\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(
        (lang === 'th'
          ? `ไม่ได้นำเข้า: พบปัญหา ${error.problems.length} รายการ\n`
          : `nothing imported: ${error.problems.length} problem(s)\n`) +
          error.problems.map((p) => formatProblem(p, lang)).join('\n') +
          '\n',
      );
      return USER_ERROR;
    }
    throw error;
  } finally {
    await db.close();
  }
}
