import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, DocumentJob } from '../db/schema.js';

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
