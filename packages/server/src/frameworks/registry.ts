import { readdirSync, readFileSync } from 'node:fs';
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

export function availableFrameworks(dir = frameworksDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** Loads and validates a framework by id (`bma-district-2566`) or by path to a JSON file. */
export function loadFramework(idOrPath: string, dir = frameworksDir()): CompiledFramework {
  const file = idOrPath.endsWith('.json') ? idOrPath : join(dir, `${idOrPath}.json`);
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
