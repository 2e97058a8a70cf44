import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { findAgency } from '../agencies/repository.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { systemActor } from '../auth/policy.js';
import { generateDocument, type DocumentFormat, type DocumentKind } from '../documents/service.js';
import { HttpError } from '../http/errors.js';
import { workbookFor } from '../exports/workbook.js';
import { syncFrameworks, USER_ERROR, type CliIo } from './io.js';

const usage = `Usage: prongsai report <measures|progress|order> --agency <code|slug> --year <พ.ศ.> [--round 6|12] --format <pdf|docx|xlsx> [--thai-digits] --out <file>
--year is the fiscal year of the plan or report (Bang Khae's FY2567 measures document shows its FY2566 results).`;

export async function runReport(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        agency: { type: 'string' },
        year: { type: 'string' },
        round: { type: 'string', default: '6' },
        format: { type: 'string', default: 'pdf' },
        out: { type: 'string' },
        'thai-digits': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return USER_ERROR;
  }
  const { values, positionals } = parsed;
  const kind = positionals[0] as DocumentKind | undefined;
  const year = Number(values.year);
  const round = Number(values.round);
  if (
    !kind ||
    !['measures', 'progress', 'order'].includes(kind) ||
    !values.agency ||
    !Number.isInteger(year) ||
    !values.out ||
    !['pdf', 'docx', 'xlsx'].includes(values.format ?? '') ||
    (round !== 6 && round !== 12)
  ) {
    io.stderr.write(`${usage}\n`);
    return USER_ERROR;
  }
  const config = loadConfig();
  const db = await openDatabase(config.databaseUrl);
  try {
    await syncFrameworks(db.kysely, io);
    const agency = await findAgency(db.kysely, values.agency);
    if (!agency) {
      io.stderr.write(`ไม่พบหน่วยงาน "${values.agency}" (no agency "${values.agency}")\n`);
      return USER_ERROR;
    }
    const started = Date.now();
    const bytes =
      values.format === 'xlsx'
        ? await workbookFor(db.kysely, agency, year)
        : (
            await generateDocument(
              db.kysely,
              config.dataDir,
              agency,
              {
                kind,
                format: values.format as DocumentFormat,
                fiscalYear: year,
                round: round as 6 | 12,
                thaiDigits: values['thai-digits'],
              },
              systemActor(agency.id),
            )
          ).bytes;
    await writeFile(values.out, bytes);
    io.stdout.write(`${values.out}: ${bytes.length.toLocaleString('en-US')} bytes in ${Date.now() - started} ms\n`);
    return 0;
  } catch (error) {
    if (error instanceof HttpError) {
      io.stderr.write(`${error.th} (${error.message})\n`);
      return USER_ERROR;
    }
    throw error;
  } finally {
    await db.close();
  }
}
