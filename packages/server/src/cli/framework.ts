import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createDraft, publishDraft, type DraftProblem } from '../frameworks/editor.js';
import { importFramework } from '../frameworks/import.js';
import { HttpError } from '../http/errors.js';
import { availableFrameworks, loadFramework, useImportedFrameworks } from '../frameworks/registry.js';
import { syncFrameworks, USER_ERROR, type CliIo } from './io.js';

const usage = `Usage: prongsai framework list
       prongsai framework import [--dry-run] <file.json|file.xlsx>
       prongsai framework draft <from-id> <new-id>
       prongsai framework publish <draft-id> --years 2570 [--years 2571] [--kinds district]
Loads a new year's ITA framework (question set) after checking it; every problem is listed.
draft starts an editable set from an existing one (provisional, naming it); publish makes a draft a set
that never changes, for the given fiscal years and kinds of agency.`;

/** `prongsai framework`: list the frameworks, or check and load a new one. */
export async function runFramework(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        years: { type: 'string', multiple: true },
        kinds: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return USER_ERROR;
  }
  const [action, file] = parsed.positionals;
  const config = loadConfig();
  useImportedFrameworks(join(config.dataDir, 'frameworks'));
  if (action === 'list') {
    const db = await openDatabase(config.databaseUrl);
    try {
      await syncFrameworks(db.kysely, io);
    } finally {
      await db.close();
    }
    for (const id of availableFrameworks()) {
      const f = loadFramework(id);
      io.stdout.write(`${id}\t${f.data.fiscalYears.join(',')}\t${f.data.name.th}\n`);
    }
    return 0;
  }
  if (action === 'draft' || action === 'publish') {
    return runDraft(action, parsed.positionals.slice(1), parsed.values, config.databaseUrl, io);
  }
  if (action !== 'import' || !file) {
    io.stderr.write(`${usage}\n`);
    return USER_ERROR;
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    io.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
    return USER_ERROR;
  }
  const db = await openDatabase(config.databaseUrl);
  try {
    let result: Awaited<ReturnType<typeof importFramework>>;
    try {
      result = await importFramework(db.kysely, null, { fileName: basename(file), data }, { dryRun: parsed.values['dry-run'] });
    } catch (error) {
      // The id was taken meanwhile (by the web app or another import): nothing was loaded.
      if (error instanceof HttpError && error.status === 409) {
        io.stderr.write(`${file}: ${error.message}; nothing was loaded\n`);
        return USER_ERROR;
      }
      // A refused workbook names each problem's sheet, row and column, in Thai and in English.
      if (error instanceof HttpError && error.status === 422) {
        io.stderr.write(`${file}:\n${error.th}\n\n${error.message}\n`);
        return USER_ERROR;
      }
      throw error;
    }
    if (!result.ok) {
      io.stderr.write(`${file}: ${result.problems.length} problem(s); nothing was loaded\n`);
      for (const p of result.problems) io.stderr.write(`  ${p.path}: ${p.message}\n`);
      return USER_ERROR;
    }
    io.stdout.write(
      `${result.saved ? 'loaded' : 'checked (dry run, not loaded)'} ${result.id}: fiscal years ${result.fiscalYears.join(', ')}, ${result.questions} questions, ${result.oitItems} OIT items\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

/** `framework draft <from> <new>` and `framework publish <draft> --years …`: the editor's start and end, as the system. */
async function runDraft(
  action: 'draft' | 'publish',
  ids: string[],
  values: { years?: string[]; kinds?: string[] },
  databaseUrl: string,
  io: CliIo,
): Promise<number> {
  const list = (given?: string[]) =>
    (given ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  // Years may also follow the draft's id (`publish d --years 2570 2571`).
  const years = [...list(values.years), ...(action === 'publish' ? ids.splice(1).filter((y) => /^[0-9๐-๙]{4}$/.test(y)) : [])];
  if ((action === 'draft' && ids.length !== 2) || (action === 'publish' && (ids.length !== 1 || !years.length))) {
    io.stderr.write(`${usage}\n`);
    return USER_ERROR;
  }
  const db = await openDatabase(databaseUrl);
  try {
    await syncFrameworks(db.kysely, io);
    if (action === 'draft') {
      const draft = await createDraft(db.kysely, null, { fromId: ids[0]!, newId: ids[1]! });
      io.stdout.write(
        `draft ${draft.id} started from ${ids[0]}; ${draft.problems.length ? `${draft.problems.length} problem(s)` : 'no problems'}\n`,
      );
      return 0;
    }
    const kinds = list(values.kinds);
    const result = await publishDraft(db.kysely, null, ids[0]!, {
      fiscalYears: years,
      ...(kinds.length ? { agencyKinds: kinds } : {}),
    });
    io.stdout.write(
      `published ${result.id}: fiscal years ${result.fiscalYears.join(', ')}, ${result.questions} questions, ${result.oitItems} OIT items\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) {
      const problems = ((error.details as { problems?: DraftProblem[] } | undefined)?.problems ?? []).map(
        (p) => `  ${p.path}: ${p.th} (${p.message})\n`,
      );
      io.stderr.write(
        problems.length
          ? `${problems.length} problem(s); nothing was saved\n${problems.join('')}`
          : `${error.th}\n${error.message}\n`,
      );
      return USER_ERROR;
    }
    throw error;
  } finally {
    await db.close();
  }
}
