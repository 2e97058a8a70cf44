// Test helpers only: reads the repository's shipped frameworks and examples.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileFramework, type CompiledFramework } from '../framework/compile.js';
import { decodeUtf8, parseCsvTable, readTable } from '../inputs/table.js';
import { mergeScoreInputs, type ScoreInput } from '../scoring/input.js';

export const repoPath = (relative: string) => fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));

const cache = new Map<string, CompiledFramework>();

export function loadFramework(id: string): CompiledFramework {
  const cached = cache.get(id);
  if (cached) return cached;
  const file = `frameworks/${id}.json`;
  const result = compileFramework(JSON.parse(readFileSync(repoPath(file), 'utf8')), file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  cache.set(id, result.framework);
  return result.framework;
}

export function readExample(framework: CompiledFramework, ...names: string[]): ScoreInput {
  return mergeScoreInputs(
    names.map((name) => {
      const file = `examples/${name}`;
      return readTable(framework, parseCsvTable(decodeUtf8(readFileSync(repoPath(file)), file), file));
    }),
  );
}
