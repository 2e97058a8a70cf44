import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatProblem, formatScore, InputError } from '@prongsai/core';
import { findAgency } from '../agencies/repository.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { FrameworkError } from '../frameworks/registry.js';
import { HttpError } from '../http/errors.js';
import { commitImport, previewImport } from '../results/service.js';
import { syncFrameworks, USER_ERROR, type CliIo } from './io.js';

const usage = `Usage: prongsai import --agency <code|slug> --year <พ.ศ.> [--framework <id>] [--dry-run] [--lang th|en] <file>
Files: CSV, XLSX or JSON in any results format, or a .txt of NACC result tables as pasted text.`;

export async function runImport(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        agency: { type: 'string' },
        year: { type: 'string' },
        framework: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'th' },
      },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return USER_ERROR;
  }
  const { values, positionals } = parsed;
  const lang = values.lang === 'en' ? 'en' : 'th';
  const year = Number(values.year);
  const [file] = positionals;
  if (!values.agency || !Number.isInteger(year) || year < 2500 || !file) {
    io.stderr.write(`${usage}\n`);
    return USER_ERROR;
  }
  const db = await openDatabase(loadConfig().databaseUrl);
  try {
    await syncFrameworks(db.kysely, io);
    const agency = await findAgency(db.kysely, values.agency);
    if (!agency) {
      io.stderr.write(lang === 'th' ? `ไม่พบหน่วยงาน "${values.agency}"\n` : `no agency "${values.agency}"\n`);
      return USER_ERROR;
    }
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      io.stderr.write(`${file}: ${lang === 'th' ? 'ไม่พบไฟล์หรืออ่านไฟล์ไม่ได้' : 'the file does not exist or cannot be read'}\n`);
      return USER_ERROR;
    }
    const preview = await previewImport(db.kysely, agency, year, values.framework, {
      kind: 'file',
      fileName: basename(file),
      data,
    });
    const result = preview.result;
    io.stdout.write(
      `${agency.name_th} (${agency.code}) FY${year} · ${preview.framework} · ${preview.format} · ${preview.scope.join(', ')}\n` +
        `ITA ${result.ita === null ? '—' : formatScore(result.ita)} ${result.level ?? ''} · ` +
        Object.entries(result.tools)
          .map(([t, s]) => `${t} ${formatScore(s)}`)
          .join(' · ') +
        '\n',
    );
    for (const line of preview.unread) io.stdout.write(`! line ${line.line}: ${line.reason}: ${line.text.slice(0, 80)}\n`);
    for (const warning of preview.warnings) io.stdout.write(`! ${lang === 'th' ? warning.messageTh : warning.message}\n`);
    if (preview.replaces.length > 0) {
      io.stdout.write(`replaces import(s) ${preview.replaces.map((r) => `#${r.id} ${r.fileName}`).join(', ')}\n`);
    }
    if (values['dry-run']) {
      io.stdout.write(lang === 'th' ? 'ทดลองอ่านเท่านั้น ไม่ได้บันทึก\n' : 'dry run: nothing written\n');
      return 0;
    }
    await commitImport(db.kysely, null, agency, year, preview);
    io.stdout.write(lang === 'th' ? 'นำเข้าเรียบร้อย\n' : 'imported\n');
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(error.problems.map((p) => formatProblem(p, lang)).join('\n') + '\n');
      return USER_ERROR;
    }
    if (error instanceof HttpError || error instanceof FrameworkError) {
      io.stderr.write(`${lang === 'th' && error instanceof HttpError ? error.th : error.message}\n`);
      return USER_ERROR;
    }
    throw error;
  } finally {
    await db.close();
  }
}
