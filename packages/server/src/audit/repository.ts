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

export interface AuditFilter {
  limit: number;
  offset: number;
  agencyId?: number | undefined;
  /** Only entries of these agencies. */
  within?: readonly number[] | undefined;
  /** The acting account's email, or part of it. */
  user?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  /** Calendar dates (YYYY-MM-DD, Bangkok) the entries fall within, both included. */
  from?: string | undefined;
  to?: string | undefined;
  /** Words to find in the record id or its before/after. */
  q?: string | undefined;
}

/** A Bangkok calendar date as the UTC instant its day starts (Bangkok is UTC+7, without DST). */
const bangkokMidnight = (date: string, plusDays = 0) =>
  new Date(Date.parse(`${date}T00:00:00+07:00`) + plusDays * 86_400_000).toISOString();

const likeText = (text: string) => `%${text}%`;

export async function listAudit(db: Kysely<Database>, options: AuditFilter) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .leftJoin('agencies', 'agencies.id', 'audit_log.agency_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.email as user_email',
      'users.display_name as user_name',
      'agencies.name_th as agency_name',
      'audit_log.action',
      'audit_log.entity',
      'audit_log.entity_id',
      'audit_log.agency_id',
      'audit_log.before',
      'audit_log.after',
    ]);
  if (options.agencyId !== undefined) query = query.where('audit_log.agency_id', '=', options.agencyId);
  if (options.within !== undefined) {
    query = query.where('audit_log.agency_id', 'in', options.within.length ? options.within : [-1]);
  }
  if (options.user) query = query.where('users.email', 'like', likeText(options.user.toLowerCase()));
  if (options.action) query = query.where('audit_log.action', '=', options.action);
  if (options.entity) query = query.where('audit_log.entity', '=', options.entity);
  if (options.from) query = query.where('audit_log.at', '>=', bangkokMidnight(options.from));
  if (options.to) query = query.where('audit_log.at', '<', bangkokMidnight(options.to, 1));
  if (options.q) {
    const like = likeText(options.q);
    query = query.where((eb) =>
      eb.or([eb('audit_log.entity_id', 'like', like), eb('audit_log.before', 'like', like), eb('audit_log.after', 'like', like)]),
    );
  }
  return query.orderBy('audit_log.id', 'desc').limit(options.limit).offset(options.offset).execute();
}
