import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { listAgencies } from '../agencies/repository.js';
import { readableAgency } from '../agencies/service.js';
import { authorize, overseen, type Actor } from '../auth/policy.js';
import { recordAudit } from '../audit/repository.js';
import type { Page } from '../db/page.js';
import type { Agency, Database, DocumentBatch, DocumentJob } from '../db/schema.js';
import { loadActor } from '../http/context.js';
import { findUser } from '../users/repository.js';
import { filesAt, readWhole, type FileStore } from '../files/index.js';
import type { DocumentJobs } from './jobs.js';
import {
  batchJobPage,
  batchPage,
  findBatch,
  insertBatch,
  type BatchJobSort,
  type BatchSort,
  type JobStatus,
} from './repository.js';
import { kindMemoKinds, memoKindTh, milestoneTh, type MemoKind } from '@prongsai/core';
import { knownKinds } from '../agencies/kinds-service.js';
import { MemoService } from '../calendar/memo.js';
import { taskSheetModel } from '../calendar/task-sheet.js';
import { ClarificationService, type ClarificationModel } from '../oit/clarification.js';
import { badRequest, HttpError, notFound } from '../http/errors.js';
import { measuresModel, orderModel, progressModel } from './model.js';
import { documentRenderer } from './renderer.js';
import type { DocumentFormat, DocumentKind } from './renderers.js';

export { BATCH_JOB_SORTS, BATCH_SORTS } from './repository.js';

export type { DocumentFormat, DocumentKind } from './renderers.js';

export interface DocumentRequest {
  kind: DocumentKind;
  format: DocumentFormat;
  fiscalYear: number;
  round?: 6 | 12 | undefined;
  /** Print every number with Thai digits (๑๒๓), as some agencies' official documents do. */
  thaiDigits?: boolean | undefined;
  /** Which memo of the year: ฝ่ายปกครอง's to every division, or ฝ่ายการศึกษา's to the schools. */
  memoKind?: MemoKind | undefined;
  /** Where the public reaches Prongsai (PRONGSAI_PUBLIC_URL, else the address the request came to): the clarification form's evidence links are printed whole with it. */
  publicBase?: string | undefined;
}

/** Bump when the layout changes, so cached documents are made again. */
const GENERATOR_VERSION = 6;

export const MIME: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** What a document's file is called around the agency's slug: `prongsai-<kind>-` … `-<year>[-round6].<format>`. */
export function fileNameParts(request: DocumentRequest): { prefix: string; suffix: string } {
  const round =
    request.kind === 'progress'
      ? `-round${request.round ?? 6}`
      : request.kind === 'memo'
        ? `-${request.memoKind ?? 'collection'}`
        : '';
  return { prefix: `prongsai-${request.kind}-`, suffix: `-${request.fiscalYear}${round}.${request.format}` };
}

export function fileName(agency: Pick<Agency, 'slug'>, request: DocumentRequest): string {
  const { prefix, suffix } = fileNameParts(request);
  return `${prefix}${agency.slug}${suffix}`;
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
  reader: Actor,
  onProgress: (fraction: number) => void = () => {},
): Promise<{ bytes: Buffer; cached: boolean; hash: string }> {
  onProgress(0.05);
  const model =
    request.kind === 'measures'
      ? await measuresModel(db, agency, request.fiscalYear)
      : request.kind === 'progress'
        ? await progressModel(db, reader, agency, request.fiscalYear, request.round ?? 6, dataDir)
        : request.kind === 'order'
          ? await orderModel(db, agency, request.fiscalYear, dataDir)
          : request.kind === 'memo'
            ? await new MemoService(db).model(reader, agency, request.fiscalYear, request.memoKind ?? 'collection', dataDir)
            : request.kind === 'tasks'
              ? await taskSheetModel(db, reader, agency, request.fiscalYear)
              : await clarificationFormModel(db, dataDir, reader, agency, request.fiscalYear, request.publicBase);
  onProgress(0.3);
  const hash = createHash('sha256')
    .update(
      JSON.stringify({ v: GENERATOR_VERSION, request, model }, (key, value) =>
        key === 'framework' ? (value as { id: string }).id : value,
      ),
    )
    .digest('hex');
  const files = filesAt(dataDir);
  const key = documentKey(hash, request.format);
  const cached = await readCachedDocument(files, key, request.format);
  if (cached) {
    onProgress(1);
    return { bytes: cached, cached: true, hash };
  }
  const bytes = await documentRenderer.render({
    kind: request.kind,
    format: request.format,
    thaiDigits: request.thaiDigits ?? false,
    model,
  });
  onProgress(0.9);
  // Kept whole or not at all (the disk store writes beside and renames), in the store every instance reads.
  await files.put(key, bytes);
  onProgress(1);
  return { bytes, cached: false, hash };
}

/** Whether bytes are a whole document of the format: a PDF to its end marker, a DOCX (ZIP) to its central directory. */
export function isCompleteDocument(bytes: Buffer, format: DocumentFormat): boolean {
  if (format === 'pdf') {
    return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-1024).toString('latin1').includes('%%EOF');
  }
  const endOfCentralDirectory = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
  return bytes.subarray(0, 2).toString('latin1') === 'PK' && bytes.subarray(-65_557).includes(endOfCentralDirectory);
}

/** Where a made document is kept in the file store: named by the hash of what it shows. */
export const documentKey = (hash: string, format: DocumentFormat) => `documents/${hash}.${format}`;

/** A cached document, or `null` when it is missing or not whole (then it is made again). */
export async function readCachedDocument(files: FileStore, key: string, format: DocumentFormat): Promise<Buffer | null> {
  const bytes = await readWhole(files, key);
  if (!bytes) return null;
  if (isCompleteDocument(bytes, format)) return bytes;
  await files.delete(key);
  return null;
}

/** The clarification form's model: the round as the requester may read it, with at least one disputed item. */
async function clarificationFormModel(
  db: Kysely<Database>,
  dataDir: string,
  reader: Actor,
  agency: Agency,
  fiscalYear: number,
  publicBase?: string,
): Promise<ClarificationModel> {
  const model = await new ClarificationService(db, dataDir).view(reader, agency, fiscalYear);
  if (!model?.items.some((i) => i.disputed)) {
    throw badRequest(`no disputed OIT item in FY${fiscalYear}`, `ยังไม่มีข้อ OIT ที่ขอชี้แจงในปีงบประมาณ พ.ศ. ${fiscalYear}`);
  }
  // The assessors open the links from paper or another machine: a transparency page's path gets its host.
  const whole = (url: string) => (publicBase && url.startsWith('/') ? `${publicBase}${url}` : url);
  return {
    ...model,
    items: model.items.map((item) => ({ ...item, evidence: item.evidence.map((e) => ({ ...e, url: whole(e.url) })) })),
  };
}

/** Makes a queued job's document as the person who asked for it, through the same policy as their screens. */
export function jobWork(db: Kysely<Database>, dataDir: string) {
  return async (job: DocumentJob, progress: (fraction: number) => void): Promise<{ hash: string; bytes: number }> => {
    const [agency] = await listAgencies(db, job.agency_id);
    const user = job.requested_by === null ? undefined : await findUser(db, job.requested_by);
    if (!agency || !user || user.disabled === 1) {
      throw new HttpError(403, 'requester-gone', 'the account that asked for this document is gone', 'บัญชีผู้ขอเอกสารถูกปิดใช้งาน');
    }
    const made = await generateDocument(
      db,
      dataDir,
      agency,
      JSON.parse(job.request) as DocumentRequest,
      await loadActor(db, user),
      progress,
    );
    return { hash: made.hash, bytes: made.bytes.length };
  };
}

/** What a batch keeps of the request: everything but the address of one request's host. */
const batchRequest = (request: DocumentRequest) => ({ ...request, publicBase: undefined });

function presentBatch(batch: DocumentBatch) {
  const request = JSON.parse(batch.request) as DocumentRequest;
  return {
    id: batch.id,
    kind: batch.kind as DocumentKind,
    format: batch.format as DocumentFormat,
    year: batch.fiscal_year,
    round: request.round ?? null,
    total: batch.total,
    createdAt: batch.created_at,
  };
}

/** The refusal of a memo batch that would make no document: no agency it covers has the memo. */
const noAgencyHas = (memo: MemoKind) =>
  badRequest(
    `no agency this batch covers has the ${memo} memo${memo === 'schools' ? ": an agency has it only where its kind's year has the schools' data step" : ''}`,
    `ไม่มีหน่วยงานในชุดนี้ที่มี${memoKindTh(memo)}${memo === 'schools' ? ` เพราะหน่วยงานจะมีบันทึกนี้เฉพาะเมื่อกำหนดการของประเภทหน่วยงานมีขั้นตอน${milestoneTh('schools-data')}` : ''}`,
  );

/** Jobs counted by status, every status named. */
function countsOf(rows: { status: string; n: number | string }[]): Record<JobStatus, number> {
  const counts = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) if (row.status in counts) counts[row.status as JobStatus] += Number(row.n);
  return counts;
}

/** Asking for documents, following their jobs and fetching what they made. */
export class DocumentJobService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dataDir: string,
    private readonly jobs: DocumentJobs,
  ) {}

  private enqueueFor(agency: Agency, actor: Actor, request: DocumentRequest) {
    return this.jobs.enqueue({
      agencyId: agency.id,
      requestedBy: actor.id,
      request,
      fileName: fileName(agency, request),
      format: request.format,
    });
  }

  /** Starts making one document of an agency, for those who may read its plan. */
  async request(actor: Actor, ref: string, request: DocumentRequest): Promise<DocumentJob> {
    const agency = await readableAgency(this.db, actor, ref);
    authorize(actor, 'document', 'generate', { agencyId: agency.id });
    // A memo the agency's kind does not have is refused now rather than by a failed job, unless it was issued.
    if (request.kind === 'memo') {
      await new MemoService(this.db).checkPrintable(agency, request.fiscalYear, request.memoKind ?? 'collection');
    }
    return this.enqueueFor(agency, actor, request);
  }

  /**
   * Starts a batch: one document for every agency the central admin oversees (every kind but the
   * central bodies; a memo's, only of the kinds that have it), its jobs inserted in one statement
   * within one transaction, audited; then the queue is woken. Answers the batch; a memo batch that
   * would make no document is refused.
   */
  async requestBatch(actor: Actor, request: DocumentRequest): Promise<DocumentBatch> {
    authorize(actor, 'document', 'generateForEvery', undefined);
    const memo = request.kind === 'memo' ? (request.memoKind ?? 'collection') : null;
    const kinds = memo ? await this.kindsWithMemo(memo) : undefined;
    const batch = await this.db.transaction().execute(async (trx) => {
      const made = await insertBatch(trx, {
        requestedBy: actor.id,
        request: batchRequest(request),
        scope: overseen(actor),
        kinds,
        fileName: fileNameParts(request),
      });
      // Written and refused as one: a memo no agency of the batch has leaves no empty batch behind.
      if (memo && made.total === 0) throw noAgencyHas(memo);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'create',
        entity: 'document_batch',
        entityId: made.id,
        agencyId: null,
        after: { kind: made.kind, format: made.format, fiscalYear: made.fiscal_year, total: made.total },
      });
      return made;
    });
    this.jobs.kick();
    return batch;
  }

  /**
   * The kinds of agency a memo batch covers: those whose kind has the memo (the schools' one only
   * where the kind's year has the schools' step), as the calendar resolves kinds; where an agency
   * of a kind not known would have it, every kind but those that lack it.
   */
  private async kindsWithMemo(memo: MemoKind): Promise<{ only: string[] } | { except: string[] }> {
    const { byId, unknown } = await knownKinds(this.db);
    const kinds = [...byId.values()];
    const has = kinds.filter((kind) => kindMemoKinds(kind).includes(memo)).map((kind) => kind.id);
    if (kindMemoKinds(unknown).includes(memo)) return { except: kinds.map((kind) => kind.id).filter((id) => !has.includes(id)) };
    if (!has.length) throw noAgencyHas(memo);
    return { only: has };
  }

  /** A page of the batches the actor asked for, newest first by default, each with its jobs counted by status. */
  async batches(actor: Actor, page: Page<BatchSort>) {
    authorize(actor, 'document', 'generateForEvery', undefined);
    // Counted over what the actor oversees now, as a batch's own page counts them.
    const { rows, total, counts } = await batchPage(this.db, actor.id, overseen(actor), page);
    return {
      total,
      rows: rows.map((batch) => ({
        ...presentBatch(batch),
        counts: countsOf(counts.filter((c) => c.batch_id === batch.id)),
      })),
    };
  }

  /**
   * A batch with a page of its jobs (of the agencies the reader oversees), sorted, filtered by status
   * and searched, and its jobs counted by status: for the one who asked and national central admins.
   */
  async batch(actor: Actor, id: string, page: Page<BatchJobSort> & { status?: JobStatus | undefined }) {
    const batch = await findBatch(this.db, id);
    if (!batch) throw notFound('batch');
    authorize(actor, 'batch', 'read', { requestedBy: batch.requested_by });
    // A national admin sees every job of the batch (no condition on the agencies). The one who asked
    // saw every agency of it when it was made, but their oversight may have narrowed since (an agency
    // moved under another parent, the person moved or no longer oversees the country): their reads
    // stay within what they oversee now.
    const { rows, total, counts } = await batchJobPage(this.db, batch, overseen(actor), page);
    return {
      batch: presentBatch(batch),
      total,
      counts: countsOf(counts),
      rows: rows.map((job) => ({
        id: job.id,
        agency: { id: job.agency_id, code: job.code, slug: job.slug, nameTh: job.name_th, nameEn: job.name_en },
        status: job.status as JobStatus,
        progress: job.progress,
        url: job.status === 'done' ? `/api/jobs/${job.id}/file` : null,
        error: job.error === null ? null : (JSON.parse(job.error) as { message: string; messageTh: string }),
      })),
    };
  }

  /** A job, seen by the person who asked for it (and central admins), never by others of the agency. */
  async job(actor: Actor, id: string): Promise<DocumentJob> {
    const job = await this.jobs.get(id);
    if (!job) throw notFound('job');
    authorize(actor, 'job', 'read', { requestedBy: job.requested_by, agencyId: job.agency_id });
    authorize(actor, 'plan', 'read', { agencyId: job.agency_id });
    return job;
  }

  /**
   * The finished document of a job as a stream from the file store (any instance may have made
   * it), of the size the job recorded; a lost or damaged file answers 410, to be made again.
   */
  async file(actor: Actor, id: string): Promise<{ stream: Readable; bytes: number; format: DocumentFormat; fileName: string }> {
    const job = await this.job(actor, id);
    if (job.status !== 'done' || !job.hash) throw notFound('document');
    const format = job.format as DocumentFormat;
    const files = filesAt(this.dataDir);
    const key = documentKey(job.hash, format);
    const gone = () =>
      new HttpError(
        410,
        'document-gone',
        'the finished document is missing or damaged in storage; make it again',
        'ไม่พบไฟล์เอกสารหรือไฟล์เสียหาย กรุณาสั่งสร้างเอกสารใหม่',
      );
    if (job.bytes === null) {
      // A job recorded without its size: the file is read and checked whole.
      const bytes = await readCachedDocument(files, key, format);
      if (!bytes) throw gone();
      return { stream: Readable.from([bytes]), bytes: bytes.length, format, fileName: job.file_name };
    }
    const stored = await files.stat(key);
    if (!stored || stored.bytes !== job.bytes) throw gone();
    const stream = await files.get(key);
    if (!stream) throw gone();
    return { stream, bytes: stored.bytes, format, fileName: job.file_name };
  }
}
