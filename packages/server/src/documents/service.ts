import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Agency, Database } from '../db/schema.js';
import { documentOptions } from './common.js';
import { measuresDocx, orderDocx, progressDocx } from './docx.js';
import { measuresModel, orderModel, progressModel } from './model.js';
import { measuresPdf, orderPdf, progressPdf } from './pdf.js';

export type DocumentKind = 'measures' | 'progress' | 'order';
export type DocumentFormat = 'pdf' | 'docx';

export interface DocumentRequest {
  kind: DocumentKind;
  format: DocumentFormat;
  fiscalYear: number;
  round?: 6 | 12 | undefined;
  /** Print every number with Thai digits (๑๒๓), as some agencies' official documents do. */
  thaiDigits?: boolean | undefined;
}

/** Bump when the layout changes, so cached documents are made again. */
const GENERATOR_VERSION = 1;

export const MIME: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function fileName(agency: Agency, request: DocumentRequest): string {
  const round = request.kind === 'progress' ? `-round${request.round ?? 6}` : '';
  return `prongsai-${request.kind}-${agency.slug}-${request.fiscalYear}${round}.${request.format}`;
}

/**
 * Builds a document, or returns the one built before from the same content: the cache key is a
 * hash of everything the document shows (the model, with photos) and the generator's version.
 */
export async function generateDocument(
  db: Kysely<Database>,
  dataDir: string,
  agency: Agency,
  request: DocumentRequest,
  onProgress: (fraction: number) => void = () => {},
): Promise<{ bytes: Buffer; cached: boolean; hash: string }> {
  onProgress(0.05);
  const model =
    request.kind === 'measures'
      ? await measuresModel(db, agency, request.fiscalYear)
      : request.kind === 'progress'
        ? await progressModel(db, agency, request.fiscalYear, request.round ?? 6, dataDir)
        : await orderModel(db, agency, request.fiscalYear);
  onProgress(0.3);
  const hash = createHash('sha256')
    .update(
      JSON.stringify({ v: GENERATOR_VERSION, request, model }, (key, value) =>
        key === 'framework' ? (value as { id: string }).id : value,
      ),
    )
    .digest('hex');
  const folder = join(dataDir, 'documents');
  const path = join(folder, `${hash}.${request.format}`);
  const cached = await readFile(path).catch(() => null);
  if (cached) {
    onProgress(1);
    return { bytes: cached, cached: true, hash };
  }
  const bytes = await documentOptions.run({ thaiDigits: request.thaiDigits ?? false }, () => render(request, model));
  onProgress(0.9);
  await mkdir(folder, { recursive: true });
  await writeFile(path, bytes);
  onProgress(1);
  return { bytes, cached: false, hash };
}

const RENDERERS = {
  measures: { pdf: measuresPdf, docx: measuresDocx },
  progress: { pdf: progressPdf, docx: progressDocx },
  order: { pdf: orderPdf, docx: orderDocx },
} as const;

function render(request: DocumentRequest, model: unknown): Promise<Buffer> {
  // The model was loaded for this kind of document above.
  const renderer = RENDERERS[request.kind][request.format] as (model: unknown) => Promise<Buffer>;
  return renderer(model);
}

export interface Job {
  id: string;
  agencyId: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  fileName: string;
  hash: string | null;
  format: DocumentFormat;
  error: { message: string; messageTh: string } | null;
}

/** Document jobs, one at a time in the background; their state is kept in memory. */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private chain: Promise<void> = Promise.resolve();

  enqueue(agencyId: number, name: string, format: DocumentFormat, work: (progress: (f: number) => void) => Promise<string>): Job {
    const job: Job = {
      id: randomUUID(),
      agencyId,
      status: 'queued',
      progress: 0,
      fileName: name,
      hash: null,
      format,
      error: null,
    };
    this.jobs.set(job.id, job);
    this.chain = this.chain.then(async () => {
      job.status = 'running';
      try {
        job.hash = await work((f) => (job.progress = Math.round(f * 100)));
        job.status = 'done';
        job.progress = 100;
      } catch (error) {
        job.status = 'failed';
        const e = error as Error & { th?: string };
        job.error = { message: e.message, messageTh: e.th ?? 'สร้างเอกสารไม่สำเร็จ' };
      }
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Waits for everything queued so far (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }
}
