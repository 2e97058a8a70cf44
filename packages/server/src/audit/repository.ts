import type { Kysely, Transaction } from 'kysely';
import { now } from '../db/database.js';
import type { Database } from '../db/schema.js';

export interface AuditRecord {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  agencyId: number | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Records a write; call it inside the write's transaction so both land or neither does. */
export async function recordAudit(trx: Transaction<Database> | Kysely<Database>, record: AuditRecord): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: now(),
      user_id: record.actorId,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId === null ? null : String(record.entityId),
      agency_id: record.agencyId,
      before: json(record.before),
      after: json(record.after),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, options: { limit: number; offset: number; agencyId?: number | undefined }) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.email as user_email',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.agency_id',
      'audit_log.before',
      'audit_log.after',
    ]);
  if (options.agencyId !== undefined) query = query.where('audit_log.agency_id', '=', options.agencyId);
  return query.orderBy('audit_log.id', 'desc').limit(options.limit).offset(options.offset).execute();
}
