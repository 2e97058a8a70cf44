import type { Kysely } from 'kysely';
import { authorize, policies, type Actor } from '../auth/policy.js';
import type { Database } from '../db/schema.js';
import { listAudit, recordName, type AuditFilter } from './repository.js';

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

/**
 * The audit log the actor may read, newest first: every agency's (or the one asked for) for
 * central admins; a secretariat's is its own agency's, whatever it asks for.
 */
export async function auditEntries(db: Kysely<Database>, actor: Actor, { agencyId: asked, ...filter }: AuditFilter) {
  const agency = policies.audit.listAll(actor) ? asked : (actor.agencyId ?? -1);
  authorize(actor, 'audit', 'list', { agencyId: agency ?? null });
  const rows = await listAudit(db, { ...filter, agencyId: agency });
  return rows.map((r) => {
    const before = parse(r.before);
    const after = parse(r.after);
    return {
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userEmail: r.user_email,
      userName: r.user_name,
      agencyName: r.agency_name,
      recordName: recordName(r.entity, r.entity_id, before, after),
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      agencyId: r.agency_id,
      before,
      after,
    };
  });
}
