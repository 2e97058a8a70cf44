import { Worker } from 'node:worker_threads';
import { workerFile } from '../worker-file.js';
import { InputError, type CompiledFramework, type ImportContent, type InputProblem } from '@prongsai/core';
import { frameworksDir, importedFrameworksDir } from '../frameworks/registry.js';

/** Heap of one reading worker: a file that needs more is refused, and only that worker dies. */
export const WORKBOOK_WORKER_HEAP_MB = 768;
export const WORKBOOK_WORKER_TIMEOUT_MS = 30_000;
/** Workbooks read at once; more wait, so a burst of uploads cannot take every core. */
export const WORKBOOK_WORKERS = 2;

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

/** One worksheet as the worker hands it back: each row's cells as text, numbers, booleans or dates. */
export interface WorkbookSheet {
  name: string;
  rows: { number: number; values: (string | number | boolean | Date | null)[] }[];
}

/**
 * Reads an uploaded XLSX in a worker thread with a capped heap and a time limit, after the gate
 * of `checkZipLimits` (run first, inside the worker). Every XLSX the service opens comes through
 * here. Problems come back as the same `InputError` (Thai, naming the file).
 */
async function offThread<T>(job: Record<string, unknown>, data: Uint8Array, file: string): Promise<T> {
  const release = await slot();
  try {
    return await new Promise<T>((resolve, reject) => {
      const copy = new Uint8Array(data);
      const worker = new Worker(workerFile('workbook-worker.js', import.meta.url, '../../dist/inputs/workbook-worker.js'), {
        workerData: { ...job, fileName: file, data: copy },
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
      worker.once('message', (message: { ok: boolean; content?: T; problems?: InputProblem[]; failure?: string }) =>
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

/** A results workbook (every sheet in an import format) read into import content, off the event loop. */
export async function readWorkbookOffThread(framework: CompiledFramework, data: Buffer, file: string): Promise<ImportContent> {
  return offThread<ImportContent>(
    {
      mode: 'results',
      frameworkId: framework.id,
      frameworksDir: frameworksDir(),
      importedFrameworksDir: importedFrameworksDir(),
    },
    data,
    file,
  );
}

/**
 * Any other workbook (a staff roster, a framework's workbook, a score file of the command line):
 * its worksheets' rows, read off the event loop behind the same gate.
 */
export async function readSheetsOffThread(data: Uint8Array, file: string): Promise<WorkbookSheet[]> {
  return offThread<WorkbookSheet[]>({ mode: 'sheets' }, data, file);
}
