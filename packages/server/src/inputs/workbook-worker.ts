// Runs in a worker thread: reads one uploaded workbook, so a slow or hostile file costs this
// thread (bounded in memory and time by its parent), never the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '@prongsai/core';
import { loadFramework } from '../frameworks/registry.js';
import { readWorkbook } from './read-workbook.js';

interface Job {
  frameworkId: string;
  frameworksDir: string;
  fileName: string;
  data: Uint8Array;
}

const job = workerData as Job;
try {
  const framework = loadFramework(job.frameworkId, job.frameworksDir);
  const content = await readWorkbook(framework, Buffer.from(job.data.buffer, job.data.byteOffset, job.data.length), job.fileName);
  parentPort!.postMessage({ ok: true, content });
} catch (error) {
  if (error instanceof InputError) parentPort!.postMessage({ ok: false, problems: error.problems });
  else parentPort!.postMessage({ ok: false, failure: (error as Error).message });
}
