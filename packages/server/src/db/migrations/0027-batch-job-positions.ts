import { sql, type Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // A batch's jobs are read a page at a time in their agencies' code order: each job keeps its place
  // in that order (agency code, then agency id; from 1), set when the batch is made, so a page is
  // read along the index from where it starts instead of sorting the whole batch by a join.
  await db.schema.alterTable('document_jobs').addColumn('position', 'integer').execute();
  await db.schema.createIndex('document_jobs_batch_position').on('document_jobs').columns(['batch_id', 'position']).execute();
  // The batches made before keep their places too (UPDATE … FROM: PostgreSQL, SQLite 3.33 and later).
  await sql`update document_jobs set position = placed.position
from (
  select document_jobs.id, row_number() over (partition by document_jobs.batch_id order by agencies.code, agencies.id) as position
  from document_jobs inner join agencies on agencies.id = document_jobs.agency_id
  where document_jobs.batch_id is not null
) as placed
where placed.id = document_jobs.id`.execute(db);
}
