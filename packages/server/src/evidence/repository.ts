import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Bytes an agency's records hold: its progress evidence, their thumbnails and its OIT documents. */
export async function recordedBytes(db: Executor, agencyId: number): Promise<{ evidence: number; thumbs: number; oit: number }> {
  const [evidence, oit] = await Promise.all([
    db
      .selectFrom('evidence_files')
      .select((eb) => [eb.fn.sum<number>('bytes').as('files'), eb.fn.sum<number>('thumb_bytes').as('thumbs')])
      .where('agency_id', '=', agencyId)
      .executeTakeFirst(),
    db
      .selectFrom('oit_evidence')
      .select((eb) => eb.fn.sum<number>('bytes').as('files'))
      .where('agency_id', '=', agencyId)
      .executeTakeFirst(),
  ]);
  return {
    evidence: Number(evidence?.files ?? 0),
    thumbs: Number(evidence?.thumbs ?? 0),
    oit: Number(oit?.files ?? 0),
  };
}
