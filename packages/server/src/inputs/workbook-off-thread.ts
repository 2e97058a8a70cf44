import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, type CompiledFramework, type ImportContent, type InputProblem } from '@prongsai/core';
import { frameworksDir, importedFrameworksDir } from '../frameworks/registry.js';

/** Heap of one reading worker: a file that needs more is refused, and only that worker dies. */
export const WORKBOOK_WORKER_HEAP_MB = 768;
export const WORKBOOK_WORKER_TIMEOUT_MS = 30_000;
/** Workbooks read at once; more wait, so a burst of uploads cannot take every core. */
export const WORKBOOK_WORKERS = 2;

/** The compiled worker beside this file, or (running from source, in tests) the built one. */
function workerFile(): URL {
  const beside = new URL('./workbook-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../dist/inputs/workbook-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('the workbook reader is not built: run npm run build');
}

let running = 0;
const waiting: (() => void)[] = [];
async function slot(): Promise<() => void> {
  if (running >= WORKBOOK_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

const tooLarge = (file: string, why: string): InputError =>
  new InputError([
    {
      file,
      message: `the workbook is too large to read (${why})`,
      th: 'ไฟล์ XLSX มีข้อมูลมากเกินกว่าจะอ่านได้ กรุณาลบแถวหรือคอลัมน์ที่ไม่ใช้ออก หรือแบ่งเป็นหลายไฟล์',
    },
  ]);

/**
 * Reads an uploaded XLSX in a worker thread with a capped heap and a time limit; the limits of
 * `checkZipLimits` apply first, inside the worker. Problems come back as the same `InputError`.
 */
export async function readWorkbookOffThread(framework: CompiledFramework, data: Buffer, file: string): Promise<ImportContent> {
  const release = await slot();
  try {
    return await new Promise<ImportContent>((resolve, reject) => {
      const copy = new Uint8Array(data);
      const worker = new Worker(workerFile(), {
        workerData: {
          frameworkId: framework.id,
          frameworksDir: frameworksDir(),
          importedFrameworksDir: importedFrameworksDir(),
          fileName: file,
          data: copy,
        },
        transferList: [copy.buffer],
        resourceLimits: { maxOldGenerationSizeMb: WORKBOOK_WORKER_HEAP_MB },
      });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(tooLarge(file, `not read within ${WORKBOOK_WORKER_TIMEOUT_MS / 1000} s`));
      }, WORKBOOK_WORKER_TIMEOUT_MS);
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        fn();
      };
      worker.once('message', (message: { ok: boolean; content?: ImportContent; problems?: InputProblem[]; failure?: string }) =>
        settle(() => {
          if (message.ok) resolve(message.content!);
          else if (message.problems) reject(new InputError(message.problems));
          else reject(new Error(`workbook reader failed: ${message.failure}`));
          void worker.terminate();
        }),
      );
      worker.once('error', (error: Error & { code?: string }) =>
        settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge(file, 'out of memory reading it') : error)),
      );
      worker.once('exit', (code) => settle(() => reject(tooLarge(file, `reader stopped with code ${code}`))));
    });
  } finally {
    release();
  }
}
