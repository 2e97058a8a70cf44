// Runs in a worker thread: reads one uploaded workbook, so a slow or hostile file costs this
// thread (bounded in memory and time by its parent), never the server's event loop. The ZIP is
// checked first, before ExcelJS and the framework are even loaded, so a bomb is refused fast.
import { parentPort, workerData } from 'node:worker_threads';
import { checkZipLimits } from './zip-limits.js';

interface Job {
  mode: 'results' | 'sheets';
  frameworkId: string;
  frameworksDir: string;
  importedFrameworksDir: string | null;
  fileName: string;
  data: Uint8Array;
}

const job = workerData as Job;
try {
  const data = Buffer.from(job.data.buffer, job.data.byteOffset, job.data.length);
  checkZipLimits(data, job.fileName);
  if (job.mode === 'sheets') {
    const { readSheets } = await import('./read-sheets.js');
    parentPort!.postMessage({ ok: true, content: await readSheets(data, job.fileName) });
  } else {
    const [{ loadFramework, useImportedFrameworks }, { readWorkbook }] = await Promise.all([
      import('../frameworks/registry.js'),
      import('./read-workbook.js'),
    ]);
    useImportedFrameworks(job.importedFrameworksDir);
    const content = await readWorkbook(loadFramework(job.frameworkId, job.frameworksDir), data, job.fileName);
    parentPort!.postMessage({ ok: true, content });
  }
} catch (error) {
  // InputError and ZipLimitError alike carry problems to show (the core is not loaded for a refusal).
  const problems = (error as { problems?: unknown }).problems;
  if (Array.isArray(problems)) parentPort!.postMessage({ ok: false, problems });
  else parentPort!.postMessage({ ok: false, failure: (error as Error).message });
}
