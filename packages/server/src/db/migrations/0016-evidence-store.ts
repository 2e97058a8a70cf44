import type { Kysely } from 'kysely';
import type { Engine } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's schema types
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  // The agency's quota counts every stored file once: a photo's thumbnail is a file too.
  // Rows from before keep 0 (their thumbnails are a few kilobytes each and go uncounted).
  await db.schema
    .alterTable('evidence_files')
    .addColumn('thumb_bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
