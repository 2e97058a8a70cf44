// Runs in a worker thread: lays documents out one at a time, so that a batch of thousands never
// holds the event loop that answers every other request.
import { parentPort } from 'node:worker_threads';
import { renderDocument, type RenderRequest } from './renderers.js';

/**
 * The model as its loader made it: a Buffer (a photo, the letterhead) arrives from the parent as a
 * plain Uint8Array, which the layout libraries do not take for an image.
 */
function revived(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revived(value[i]);
  } else if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  ) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = revived(record[key]);
  }
  return value;
}

parentPort!.on('message', (job: RenderRequest & { id: number }) => {
  renderDocument({ ...job, model: revived(job.model) }).then(
    (bytes) => {
      // The bytes move to the parent, not copied.
      const copy = new Uint8Array(bytes);
      parentPort!.postMessage({ id: job.id, bytes: copy }, [copy.buffer]);
    },
    (error: unknown) => {
      const e = error as Error & { th?: string; status?: number; code?: string };
      parentPort!.postMessage({
        id: job.id,
        error: { message: e?.message ?? String(error), th: e?.th, status: e?.status, code: e?.code, stack: e?.stack },
      });
    },
  );
});
