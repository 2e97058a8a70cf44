import { Worker } from 'node:worker_threads';
import { HttpError } from '../http/errors.js';
import { workerFile } from '../worker-file.js';
import type { RenderRequest } from './renderers.js';

interface Waiting {
  resolve(bytes: Buffer): void;
  reject(error: unknown): void;
}

interface Answer {
  id: number;
  bytes?: Uint8Array;
  error?: { message: string; th?: string; status?: number; code?: string; stack?: string };
}

/**
 * Lays documents out in a worker thread, one after another in the order asked: laying out a PDF
 * or DOCX takes from a tenth of a second to seconds of CPU, which on the event loop would hold every
 * other request of the instance for as long (a batch of the whole country makes thousands). A
 * worker that stops fails what it was making, and the next document starts a new one.
 */
export class DocumentRenderer {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private next = 1;
  private inline = false;

  /** Lays documents out on the calling thread instead (for a test that looks at what the layout library is given). */
  onCallingThread(inline: boolean): void {
    this.inline = inline;
  }

  render(request: RenderRequest): Promise<Buffer> {
    // Loaded only then: the layout libraries otherwise live in the worker alone.
    if (this.inline) return import('./renderers.js').then(({ renderDocument }) => renderDocument(request));
    const worker = this.started();
    const id = this.next++;
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Held while it works, so a command that waits for a document is not left by an empty event loop.
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // Its heap is bounded: left to V8's default it grew by some 200 MiB over a national batch before
    // collecting; the seeds' documents, photos included, are made within this bound.
    const worker = new Worker(workerFile('render-worker.js', import.meta.url, '../../dist/documents/render-worker.js'), {
      resourceLimits: { maxOldGenerationSizeMb: 192 },
    });
    worker.on('message', (answer: Answer) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) worker.unref();
      if (answer.bytes) waiting.resolve(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength));
      else waiting.reject(rebuilt(answer.error));
    });
    const stopped = (error: unknown) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const failed = [...this.waiting.values()];
      this.waiting.clear();
      for (const w of failed) w.reject(error);
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`the document worker stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/** An error thrown while laying a document out, as the caller would have caught it on its own thread. */
function rebuilt(error: Answer['error']): Error {
  if (error?.status !== undefined && error.code !== undefined && error.th !== undefined) {
    return new HttpError(error.status, error.code, error.message, error.th);
  }
  const rebuiltError = new Error(error?.message ?? 'the document could not be laid out');
  if (error?.stack) rebuiltError.stack = error.stack;
  return rebuiltError;
}

/** The renderer every document of this process goes through. */
export const documentRenderer = new DocumentRenderer();
