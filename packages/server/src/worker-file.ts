import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's compiled script: beside the module that starts it (`from`, its
 * `import.meta.url`), or — running from source, in tests — the built one under `dist/`.
 */
export function workerFile(name: string, from: string, builtPath: string): URL {
  const beside = new URL(`./${name}`, from);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL(builtPath, from);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error(`${name} is not built: run npm run build`);
}
