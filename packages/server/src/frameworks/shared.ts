import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { compileFramework } from '@prongsai/core';
import type { Database } from '../db/schema.js';
import { forgetFrameworkIds, importedFrameworksDir } from './registry.js';
import { fillFrameworkData, frameworkClaims, importedFrameworkIds, importedFrameworks } from './repository.js';

/**
 * How often each instance looks in the database for frameworks imported through another. The
 * database holds every imported set; each instance keeps a copy in `<data dir>/frameworks/`, which
 * is what the registry reads.
 */
export const FRAMEWORK_SYNC_EVERY_MS = 10_000;

/** What a sync has to say besides what it wrote: a set it could not keep, or a file the database lacks. */
export type FrameworkSyncWarn = (message: string) => void;

const ignore: FrameworkSyncWarn = () => {};

async function localIds(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => f.slice(0, -'.json'.length));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Writes a framework's JSON as `<id>.json` in `dir`, whole or not at all (written beside and linked
 * into place), never replacing a file there; its time is when the set was imported, so every instance
 * lists the newest import first alike. False when the file was there already.
 */
export async function keepFrameworkFile(dir: string, id: string, text: string, importedAt: string): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${randomUUID()}.tmp`);
  await writeFile(temporary, text);
  try {
    const at = new Date(importedAt);
    if (!Number.isNaN(at.getTime())) await utimes(temporary, at, at);
    await link(temporary, join(dir, `${id}.json`));
    forgetFrameworkIds();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Whether `text` is a valid framework whose id is `id`; otherwise why not. */
function check(id: string, text: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  const compiled = compileFramework(data, `${id}.json`);
  if (!compiled.ok) return compiled.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
  if (compiled.framework.id !== id) return `its id is ${compiled.framework.id}`;
  return null;
}

/** Sets refused once are named once per process, not at every sync. */
const refused = new Set<string>();

/**
 * Writes into `dir` (the imported frameworks' folder; the configured one by default) every set the
 * database holds that is not there yet: one query of ids, and a second for the missing sets' JSON.
 * Answers the ids written.
 */
export async function syncImportedFrameworks(
  db: Kysely<Database>,
  dir: string | null = importedFrameworksDir(),
  warn: FrameworkSyncWarn = ignore,
): Promise<string[]> {
  if (!dir) return [];
  const here = new Set(await localIds(dir));
  const missing = (await importedFrameworkIds(db)).filter((id) => !here.has(id) && !refused.has(`${dir}\0${id}`));
  const written: string[] = [];
  for (const row of await importedFrameworks(db, missing)) {
    const wrong = check(row.id, row.data);
    if (wrong) {
      refused.add(`${dir}\0${row.id}`);
      warn(`imported framework ${row.id} in the database is not kept in ${dir}: ${wrong}`);
      continue;
    }
    if (await keepFrameworkFile(dir, row.id, row.data, row.imported_at)) written.push(row.id);
  }
  return written;
}

/**
 * Puts into the database the sets in `dir` imported before the database kept them (their row holds
 * no JSON yet), so the other instances find them too. A file whose id was never claimed in the
 * database is named in a warning and left as it is.
 */
export async function backfillImportedFrameworks(
  db: Kysely<Database>,
  dir: string,
  warn: FrameworkSyncWarn = ignore,
): Promise<{ filled: string[]; unclaimed: string[] }> {
  const ids = await localIds(dir);
  const claims = new Map((await frameworkClaims(db, ids)).map((c) => [c.id, c.hasData]));
  const filled: string[] = [];
  const unclaimed: string[] = [];
  for (const id of ids) {
    const hasData = claims.get(id);
    if (hasData === undefined) {
      unclaimed.push(id);
      warn(
        `imported framework ${id} (${join(dir, `${id}.json`)}) is not in the database, so other instances do not have it; import it again under a new id to share it`,
      );
      continue;
    }
    if (hasData) continue;
    const text = await readFile(join(dir, `${id}.json`), 'utf8');
    const wrong = check(id, text);
    if (wrong) {
      warn(`imported framework ${id} (${join(dir, `${id}.json`)}) is not put in the database: ${wrong}`);
      continue;
    }
    if (await fillFrameworkData(db, id, text)) filled.push(id);
  }
  return { filled, unclaimed };
}

/**
 * An instance's copy of the imported frameworks kept up to date: at start the sets only this
 * instance's disk had are put in the database and those it lacks are written, then every
 * `everyMs` (unless disabled) the sets imported meanwhile through other instances are written.
 */
export class FrameworkSync {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<string[]> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dir: string,
    private readonly settings: { enabled: boolean; everyMs: number },
    private readonly log: { warn: FrameworkSyncWarn; error: (error: unknown) => void },
  ) {}

  async start(): Promise<void> {
    try {
      await backfillImportedFrameworks(this.db, this.dir, this.log.warn);
    } catch (error) {
      this.log.error(error);
    }
    await this.run();
    if (!this.settings.enabled || this.timer) return;
    this.timer = setInterval(() => {
      if (!this.running) void this.run();
    }, this.settings.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Writes the sets the database holds and this instance lacks, after any sync under way; answers their ids. */
  run(): Promise<string[]> {
    const previous = this.running ?? Promise.resolve([]);
    const next = previous
      .then(() => syncImportedFrameworks(this.db, this.dir, this.log.warn))
      .catch((error: unknown) => {
        this.log.error(error);
        return [] as string[];
      })
      .finally(() => {
        if (this.running === next) this.running = null;
      });
    this.running = next;
    return next;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    frameworkSync: FrameworkSync;
  }
}
