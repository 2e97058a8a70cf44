import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFramework, InputError, type CompiledFramework, type FrameworkProblem } from '@prongsai/core';

/** The repository's `frameworks/` folder, or `PRONGSAI_FRAMEWORKS_DIR`. */
export function frameworksDir(): string {
  return process.env.PRONGSAI_FRAMEWORKS_DIR ?? fileURLToPath(new URL('../../../../frameworks/', import.meta.url));
}

/** Thrown when a framework file is missing or invalid. */
export class FrameworkError extends Error {
  readonly problems: FrameworkProblem[];
  constructor(problems: FrameworkProblem[]) {
    super(problems.map((p) => `${p.source}: ${p.path}: ${p.message}`).join('\n'));
    this.name = 'FrameworkError';
    this.problems = problems;
  }
}

const cache = new Map<string, CompiledFramework>();
const byRef = new Map<string, CompiledFramework>();

let importedDir: string | null = null;

/**
 * Where frameworks a central admin imported are kept (`<data dir>/frameworks/`), beside the ones
 * shipped in the repository; set by the server and the CLI from their configuration.
 */
export function useImportedFrameworks(dir: string | null): void {
  importedDir = dir;
}

export function importedFrameworksDir(): string | null {
  return importedDir;
}

const jsonIds = (dir: string) => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
  } catch {
    return [];
  }
};

/**
 * Framework ids: those imported first, newest import first (so a year's newer set is found
 * before an older one), then the shipped ones.
 */
export function availableFrameworks(dir = frameworksDir()): string[] {
  const imported = importedDir && dir === frameworksDir() ? jsonIds(importedDir) : [];
  const byImport = imported
    .map((id) => ({ id, at: statSync(join(importedDir!, `${id}.json`)).mtimeMs }))
    .sort((a, b) => b.at - a.at || a.id.localeCompare(b.id))
    .map((f) => f.id);
  return [...byImport, ...jsonIds(dir).filter((id) => !imported.includes(id)).sort()];
}

/** Loads and validates a framework by id (`bma-district-2566`) or by path to a JSON file. */
/**
 * Forgets which file each id was found in: a set written into the imported folder (by an import or
 * by copying another instance's) is found first from then on, should it share an id with a shipped one.
 */
export function forgetFrameworkIds(): void {
  byRef.clear();
}

export function loadFramework(idOrPath: string, dir = frameworksDir()): CompiledFramework {
  // A set's id is never given to other content (imports refuse a known id), so once found it is
  // answered without looking at the disk again: lists load a set for each of their rows.
  const ref = `${importedDir ?? ''}\0${dir}\0${idOrPath}`;
  const found = byRef.get(ref);
  if (found) return found;
  const framework = loadFrameworkFile(idOrPath, dir);
  byRef.set(ref, framework);
  return framework;
}

function loadFrameworkFile(idOrPath: string, dir: string): CompiledFramework {
  const importedFile = importedDir && !idOrPath.endsWith('.json') ? join(importedDir, `${idOrPath}.json`) : null;
  const file = idOrPath.endsWith('.json')
    ? idOrPath
    : importedFile && existsSync(importedFile)
      ? importedFile
      : join(dir, `${idOrPath}.json`);
  const cached = cache.get(file);
  if (cached) return cached;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const known = idOrPath.endsWith('.json') ? [] : availableFrameworks(dir);
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `no such framework${known.length ? ` (available: ${known.join(', ')})` : ''}`
        : `not valid JSON: ${(error as Error).message}`;
    throw new FrameworkError([{ source: file, path: '(root)', message: reason }]);
  }
  const result = compileFramework(data, file);
  if (!result.ok) throw new FrameworkError(result.problems);
  cache.set(file, result.framework);
  return result.framework;
}

export { InputError };

/**
 * The merge list of Thai compounds kept beside the frameworks (`typesetting/thai-words.json`): every entry a
 * Thai word without spaces. A broken list stops the server at start, naming the entry.
 */
export function loadThaiWords(dir = frameworksDir()): string[] {
  const path = join(dir, 'typesetting', 'thai-words.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as { words?: unknown };
  if (!Array.isArray(data.words)) throw new Error(`${path}: "words" must be a list of Thai words`);
  data.words.forEach((word, i) => {
    if (typeof word !== 'string' || !/^[\u0E00-\u0E7F]+$/.test(word)) {
      throw new Error(`${path}: words[${i}] (${JSON.stringify(word)}) is not a Thai word without spaces`);
    }
  });
  return data.words as string[];
}

/**
 * Dictionary words longer than this many letters are names and set phrases (กรมส่งเสริมคุณภาพสิ่งแวดล้อม):
 * they stay breakable between their words, so a narrow table cell can still hold them.
 */
export const LONGEST_UNBROKEN_WORD = 20;

/**
 * The Thai dictionary kept beside the frameworks (`typesetting/thai-dictionary.txt`: one word a line, `#` starts
 * a comment; source and licence in `thai-dictionary.LICENSE`): the words, up to `LONGEST_UNBROKEN_WORD`
 * letters long, that a line of a document never breaks inside. A line that is not a Thai word stops the
 * server at start, naming the line.
 */
export function loadThaiDictionary(dir = frameworksDir()): string[] {
  const path = join(dir, 'typesetting', 'thai-dictionary.txt');
  const words: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '' || line.startsWith('#')) return;
      if (!/^[\u0E01-\u0E3A\u0E40-\u0E4E]+$/.test(line)) {
        throw new Error(`${path}:${i + 1}: ${JSON.stringify(line)} is not a Thai word`);
      }
      if (line.length <= LONGEST_UNBROKEN_WORD) words.push(line);
    });
  return words;
}
