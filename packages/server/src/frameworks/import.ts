import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { compileFramework, shareAgencyKinds, type FrameworkProblem } from '@prongsai/core';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import type { Database } from '../db/schema.js';
import { conflict } from '../http/errors.js';
import { availableFrameworks, forgetFrameworkIds, importedFrameworksDir, loadFramework } from './registry.js';
import { claimFrameworkId, frameworkUse } from './repository.js';
import { keepFrameworkFile, syncImportedFrameworks } from './shared.js';
import { locateProblems, workbookError, workbookToFramework, type WorkbookCells } from './workbook.js';

/** A framework file may be at most this large (the shipped ones are about 60 KB). */
export const MAX_FRAMEWORK_BYTES = 5 * 1024 * 1024;

export type FrameworkImport =
  | { ok: true; id: string; fiscalYears: number[]; questions: number; oitItems: number; saved: boolean }
  | { ok: false; problems: FrameworkProblem[] };

const problem = (source: string, path: string, message: string): FrameworkProblem => ({ source, path, message });

/**
 * Checks a new year's framework and, unless it is a dry run, keeps it beside the shipped ones.
 * Every problem is listed. A framework is never changed once saved (a revised set takes a new
 * id), and none may cover a fiscal year whose results or OIT checklists were made with another.
 */
export async function importFramework(
  db: Kysely<Database>,
  actor: Actor | null,
  file: { fileName: string; data: Buffer },
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<FrameworkImport> {
  if (actor) authorize(actor, 'framework', 'import', undefined);
  const source = file.fileName;
  if (file.data.length > MAX_FRAMEWORK_BYTES) {
    return { ok: false, problems: [problem(source, '(file)', `larger than ${MAX_FRAMEWORK_BYTES / 1048576} MB`)] };
  }
  let data: unknown;
  let cells: WorkbookCells | undefined;
  if (/\.xlsx$/i.test(file.fileName)) {
    // A workbook's problems are answered as a 422 naming each sheet, row and column, in Thai.
    const read = await workbookToFramework(file.data, source);
    if (!read.ok) throw workbookError(read.problems);
    ({ data, cells } = read);
  } else if (/\.json$/i.test(file.fileName)) {
    try {
      data = JSON.parse(file.data.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, problems: [problem(source, '(root)', `not valid JSON: ${(error as Error).message}`)] };
    }
  } else {
    return {
      ok: false,
      problems: [problem(source, '(file)', 'a framework is imported from its JSON file or its workbook (.xlsx, as GET /api/frameworks/{id}/workbook gives it)')],
    };
  }
  const compiled = compileFramework(data, source);
  if (!compiled.ok) {
    if (cells) throw workbookError(locateProblems(compiled.problems, cells));
    return { ok: false, problems: compiled.problems };
  }
  const framework = compiled.framework;
  const problems: FrameworkProblem[] = [];
  // The sets imported through other instances meanwhile are checked against as well.
  const here = availableFrameworks();
  const arrived = await syncImportedFrameworks(db);
  const existing = arrived.length ? availableFrameworks() : here;
  if (here.includes(framework.id) || arrived.includes(framework.id)) {
    problems.push(
      problem(source, 'id', `framework ${framework.id} exists already and is never changed; give the revised set a new id (e.g. ${framework.id}-v2)`),
    );
  }
  // A year already assessed keeps the set it was assessed with; a set for other kinds of agency is no rival.
  const covering = new Map<string, number[]>();
  for (const id of existing) {
    const other = loadFramework(id).data;
    if (!shareAgencyKinds(other, framework.data)) continue;
    const years = other.fiscalYears.filter((y) => framework.data.fiscalYears.includes(y));
    if (years.length) covering.set(id, years);
  }
  for (const use of await frameworkUse(db, framework.data.fiscalYears)) {
    if (use.framework_id !== framework.id && covering.get(use.framework_id)?.includes(use.fiscal_year)) {
      problems.push(
        problem(
          source,
          'fiscalYears',
          `fiscal year ${use.fiscal_year} is already assessed with ${use.framework_id} (${use.uses}); its set cannot change`,
        ),
      );
    }
  }
  if (problems.length) return { ok: false, problems };
  const summary = {
    id: framework.id,
    fiscalYears: framework.data.fiscalYears,
    questions: framework.data.questions.length,
    oitItems: framework.data.oitItems.length,
  };
  if (dryRun) return { ok: true, ...summary, saved: false };
  const dir = importedFrameworksDir();
  if (!dir) throw new Error('no folder for imported frameworks is configured');
  const taken = () =>
    conflict(
      `framework ${framework.id} exists already and is never changed; give the revised set a new id`,
      `มีชุดคำถามรหัสนี้แล้ว (${framework.id}) ชุดคำถามที่บันทึกแล้วไม่เปลี่ยนแปลง ให้ใช้รหัสใหม่สำหรับฉบับปรับปรุง (เช่น ${framework.id}-v2)`,
    );
  // The id is claimed once, in the database, with the set's JSON (insert-only: a second claim, even at
  // the same moment, inserts nothing); that row is what every instance reads. This instance's copy is
  // linked into place only if none is there, never replaced, and removed again if the claim is not kept.
  const text = JSON.stringify(data, null, 2);
  const importedAt = new Date().toISOString();
  const copy = join(dir, `${framework.id}.json`);
  let kept = false;
  try {
    await db.transaction().execute(async (trx) => {
      const claimed = await claimFrameworkId(trx, framework.id, actor?.id ?? null, importedAt, text);
      if (!claimed) throw taken();
      await recordAudit(trx, {
        actorId: actor?.id ?? null,
        action: 'import',
        entity: 'framework',
        entityId: framework.id,
        agencyId: null,
        after: summary,
      });
      kept = await keepFrameworkFile(dir, framework.id, text, importedAt);
      if (!kept) throw taken();
    });
  } catch (error) {
    if (kept) {
      await rm(copy, { force: true });
      forgetFrameworkIds();
    }
    throw error;
  }
  return { ok: true, ...summary, saved: true };
}
