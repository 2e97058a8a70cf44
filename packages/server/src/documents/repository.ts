import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { agencyContains, within, type Page } from '../db/page.js';
import type { Database, DocumentBatch, DocumentJob } from '../db/schema.js';

/** A document job to queue: the agency, who asked, the request and the file it makes. */
export interface NewDocumentJob {
  agencyId: number;
  requestedBy: number | null;
  request: unknown;
  fileName: string;
  format: string;
}

/** The document jobs' rows. */
export class DocumentJobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A new job, queued. */
  insert(job: NewDocumentJob): Promise<DocumentJob> {
    return this.db
      .insertInto('document_jobs')
      .values({
        id: randomUUID(),
        agency_id: job.agencyId,
        requested_by: job.requestedBy,
        request: JSON.stringify(job.request),
        file_name: job.fileName,
        format: job.format,
        status: 'queued',
        progress: 0,
        attempts: 0,
        hash: null,
        bytes: null,
        error: null,
        worker: null,
        heartbeat_at: null,
        created_at: new Date().toISOString(),
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  find(id: string): Promise<DocumentJob | undefined> {
    return this.db.selectFrom('document_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }
}

type Executor = Kysely<Database> | Transaction<Database>;

/** Agencies a batch leaves out: the central oversight bodies (the BMA), which are not assessed and hold no plans. */
export const NOT_IN_BATCHES = ['central'] as const;

/** A batch to make: one job per agency in scope, each named `prefix + slug + suffix`. */
export interface NewDocumentBatch {
  requestedBy: number;
  request: { fiscalYear: number; kind: string; format: string };
  /** The agencies the batch covers, or undefined for every agency. */
  scope: readonly number[] | undefined;
  /** The kinds of agency it covers (a memo's: those whose kind has it), or those it leaves out; every kind when absent. */
  kinds?: { only: readonly string[] } | { except: readonly string[] } | undefined;
  fileName: { prefix: string; suffix: string };
}

/**
 * A batch and its jobs, queued: the batch row, then every job in one `INSERT … SELECT` over the
 * agencies in scope (all kinds but the central bodies, and of the kinds asked for), whatever their number. A job's id is the
 * batch's random prefix (a version-4 UUID's first 24 characters) and the agency's id in 12 digits,
 * so ids are made in SQL alike on both engines, unique, and still UUIDs. Each job keeps its place in
 * the batch by agency code (then id), from 1: a window function, alike on both engines.
 */
export async function insertBatch(db: Executor, batch: NewDocumentBatch): Promise<DocumentBatch> {
  const id = randomUUID();
  const createdAt = new Date().toISOString();
  await db
    .insertInto('document_batches')
    .values({
      id,
      requested_by: batch.requestedBy,
      request: JSON.stringify(batch.request),
      fiscal_year: batch.request.fiscalYear,
      kind: batch.request.kind,
      format: batch.request.format,
      total: 0,
      created_at: createdAt,
    })
    .execute();
  const text = (value: string) => sql<string>`cast(${value} as varchar(200))`;
  const inserted = await db
    .insertInto('document_jobs')
    .columns([
      'id',
      'agency_id',
      'requested_by',
      'request',
      'file_name',
      'format',
      'status',
      'progress',
      'attempts',
      'created_at',
      'batch_id',
      'position',
    ])
    .expression(
      db
        .selectFrom('agencies')
        .select([
          // 100000000000 + id: the id in 12 digits (below 900,000,000,000 agencies), valid hexadecimal.
          sql<string>`${text(id.slice(0, 24))} || cast(${sql.lit(100_000_000_000)} + agencies.id as varchar(12))`.as('id'),
          'agencies.id as agency_id',
          sql<number>`${sql.lit(batch.requestedBy)}`.as('requested_by'),
          sql<string>`cast(${JSON.stringify(batch.request)} as text)`.as('request'),
          sql<string>`${text(batch.fileName.prefix)} || agencies.slug || ${text(batch.fileName.suffix)}`.as('file_name'),
          text(batch.request.format).as('format'),
          sql<string>`'queued'`.as('status'),
          sql<number>`0`.as('progress'),
          sql<number>`0`.as('attempts'),
          text(createdAt).as('created_at'),
          text(id).as('batch_id'),
          // The job's place in the batch: its pages are read in this order (batchJobPage).
          sql<number>`row_number() over (order by agencies.code, agencies.id)`.as('position'),
        ])
        .where(within('agencies.id', batch.scope))
        .where('agencies.kind', 'not in', [
          ...NOT_IN_BATCHES,
          ...(batch.kinds && 'except' in batch.kinds ? batch.kinds.except : []),
        ])
        .where((eb) =>
          batch.kinds && 'only' in batch.kinds
            ? batch.kinds.only.length
              ? eb('agencies.kind', 'in', batch.kinds.only)
              : sql<boolean>`1 = 0`
            : eb.and([]),
        ),
    )
    .executeTakeFirst();
  const total = Number(inserted.numInsertedOrUpdatedRows ?? 0);
  return db.updateTable('document_batches').set({ total }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/**
 * Gives every batch job without a place its place in its batch: the agencies' code order, then their
 * ids, from 1, as insertBatch gives it (jobs already placed count in the order and keep their place).
 * A backup from before batch jobs kept their place (migration 0027) needs it once restored.
 * UPDATE … FROM: PostgreSQL, SQLite 3.33 and later.
 */
export async function placeBatchJobs(db: Executor): Promise<void> {
  await sql`update document_jobs set position = placed.position
from (
  select document_jobs.id, row_number() over (partition by document_jobs.batch_id order by agencies.code, agencies.id) as position
  from document_jobs inner join agencies on agencies.id = document_jobs.agency_id
  where document_jobs.batch_id is not null
) as placed
where placed.id = document_jobs.id and document_jobs.position is null`.execute(db);
}

/**
 * Counts every batch's jobs by status again, from the jobs: what the database keeps on each batch as
 * its jobs move (migration 0035). A restore needs it once its rows are in, whatever counts they carried.
 */
export async function recountBatchJobs(db: Executor): Promise<void> {
  const count = (status: string) =>
    sql<number>`(select count(*) from document_jobs j where j.batch_id = document_batches.id and j.status = ${status})`;
  await db
    .updateTable('document_batches')
    .set({ jobs_queued: count('queued'), jobs_running: count('running'), jobs_done: count('done'), jobs_failed: count('failed') })
    .execute();
}

export function findBatch(db: Executor, id: string): Promise<DocumentBatch | undefined> {
  return db.selectFrom('document_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export const BATCH_SORTS = ['created', 'year', 'kind'] as const;
export type BatchSort = (typeof BATCH_SORTS)[number];

/**
 * A page of the batches one person asked for, with each one's jobs counted by status (those of the
 * agencies in scope): two queries read whole, as the batches keep their counts, three in a part of the tree.
 */
export async function batchPage(db: Executor, requestedBy: number, scope: readonly number[] | undefined, page: Page<BatchSort>) {
  const mine = db
    .selectFrom('document_batches')
    .where('requested_by', '=', requestedBy)
    .where((eb) =>
      page.q
        ? eb.or([eb('kind', 'like', `%${page.q.toLowerCase()}%`), eb(sql`cast(fiscal_year as varchar(8))`, '=', page.q)])
        : eb.and([]),
    );
  const column = page.sort === 'year' ? 'fiscal_year' : page.sort === 'kind' ? 'kind' : 'created_at';
  const [rows, count] = await Promise.all([
    mine
      .selectAll()
      .orderBy(column, page.order === 'desc' ? 'desc' : 'asc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'asc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    mine.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const counts =
    scope === undefined
      ? rows.flatMap((batch) =>
          JOB_STATUSES.map((status) => ({ batch_id: batch.id, status, n: batch[`jobs_${status}`] as number | string })),
        )
      : await db
          .selectFrom('document_jobs')
          .select(['batch_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('batch_id', 'in', rows.length ? rows.map((r) => r.id) : [''])
          .where(within('agency_id', scope))
          .groupBy(['batch_id', 'status'])
          .execute();
  return { rows, total: Number(count.n), counts };
}

export const BATCH_JOB_SORTS = ['code', 'name', 'status'] as const;
export type BatchJobSort = (typeof BATCH_JOB_SORTS)[number];
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * A page of a batch's jobs with their agencies, of the agencies in scope, sorted, filtered by status
 * and searched; how many match; and the batch's jobs (in scope) counted by status: one to three
 * queries, whatever the size of the batch.
 *
 * Sorted by agency code (the default) and not searched, the page is read along the jobs' places in
 * the batch (`position`, the agencies' code order when the batch was made: codes are unique and
 * Prongsai never changes one) from where it starts, and only its rows are joined to their agencies.
 * Read whole (no scope), the jobs' counts by status are those kept on the batch (migration 0035); in
 * a part of the tree they are counted on the batch's own rows: a job's agency always exists (a
 * foreign key that cascades), so the scope is a condition on `document_jobs.agency_id` and needs no
 * join. How many match without a search is the sum of those counts (of the status asked for), so it
 * takes no query of its own.
 */
export async function batchJobPage(
  db: Executor,
  batch: DocumentBatch,
  scope: readonly number[] | undefined,
  page: Page<BatchJobSort> & { status?: JobStatus | undefined },
) {
  const order = page.order === 'desc' ? 'desc' : 'asc';
  const mine = db
    .selectFrom('document_jobs')
    .where('document_jobs.batch_id', '=', batch.id)
    .where(within('document_jobs.agency_id', scope));
  const ofStatus = mine.where((eb) => (page.status ? eb('document_jobs.status', '=', page.status) : eb.and([])));
  const agencyColumns = [
    'agencies.id as agency_id',
    'agencies.code',
    'agencies.slug',
    'agencies.name_th',
    'agencies.name_en',
  ] as const;
  const rowsQuery = (() => {
    if (page.sort === 'code' && !page.q) {
      const placed = ofStatus
        .select([
          'document_jobs.id',
          'document_jobs.status',
          'document_jobs.progress',
          'document_jobs.error',
          'document_jobs.agency_id',
          'document_jobs.position',
        ])
        .orderBy('document_jobs.position', order)
        .limit(page.limit)
        .offset(page.offset)
        .as('placed');
      return db
        .selectFrom(placed)
        .innerJoin('agencies', 'agencies.id', 'placed.agency_id')
        .select(['placed.id', 'placed.status', 'placed.progress', 'placed.error', ...agencyColumns])
        .orderBy('placed.position', order);
    }
    const column = page.sort === 'name' ? 'agencies.name_th' : page.sort === 'status' ? 'document_jobs.status' : 'agencies.code';
    return ofStatus
      .innerJoin('agencies', 'agencies.id', 'document_jobs.agency_id')
      .where((eb) => (page.q ? agencyContains(page.q) : eb.and([])))
      .select(['document_jobs.id', 'document_jobs.status', 'document_jobs.progress', 'document_jobs.error', ...agencyColumns])
      .orderBy(sql.ref(column), order)
      .orderBy('agencies.code', 'asc')
      .orderBy('document_jobs.id', 'asc')
      .limit(page.limit)
      .offset(page.offset);
  })();
  const [rows, counts, count] = await Promise.all([
    rowsQuery.execute(),
    // Every job of the batch: its counts as the database keeps them on the batch; else counted in scope.
    scope === undefined
      ? [
          { status: 'queued', n: batch.jobs_queued },
          { status: 'running', n: batch.jobs_running },
          { status: 'done', n: batch.jobs_done },
          { status: 'failed', n: batch.jobs_failed },
        ]
      : mine
          .select(['document_jobs.status', (eb) => eb.fn.countAll<number | string>().as('n')])
          .groupBy('document_jobs.status')
          .execute(),
    page.q
      ? ofStatus
          .innerJoin('agencies', 'agencies.id', 'document_jobs.agency_id')
          .where(agencyContains(page.q))
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow()
      : undefined,
  ]);
  const total = count
    ? Number(count.n)
    : counts.filter((c) => !page.status || c.status === page.status).reduce((sum, c) => sum + Number(c.n), 0);
  return { rows, total, counts };
}
