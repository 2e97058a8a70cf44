import type { Kysely } from 'kysely';
import { agencyScope, authorize, policies, type Actor } from '../auth/policy.js';
import type { Database } from '../db/schema.js';
import { listAudit, type AuditFilter } from './repository.js';

const PUBLICATION_KINDS: Record<string, string> = { results: 'ผลการประเมิน', plan: 'แผนมาตรการ', round: 'รายงานความก้าวหน้า' };

/** A record's name for people, from what the audit kept of it: a measure's code, a file's caption, an account's email. */
export function recordName(entity: string, entityId: string | null, before: unknown, after: unknown): string | null {
  const record = (after ?? before ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  const ofYear = typeof record.fiscalYear === 'number' ? ` ปีงบประมาณ ${record.fiscalYear}` : '';
  switch (entity) {
    case 'measure-entry':
      return (
        text(record.questionCode) ??
        text(record.title) ??
        (record.indicatorNumber ? `ตัวชี้วัดที่ ${String(record.indicatorNumber)}` : null)
      );
    case 'evidence':
      return text(record.caption);
    case 'user':
      return text(record.email);
    case 'report-part':
      return text(record.division);
    case 'division':
    case 'agency':
      return text(record.nameTh) ?? text(record.name_th);
    case 'progress-round':
      return record.round ? `รอบ ${String(record.round)} เดือน${ofYear}` : null;
    case 'oit-task': {
      const codes = Array.isArray(record.codes) ? record.codes.join(', ') : text(record.code);
      return codes ? `${codes}${ofYear}` : null;
    }
    case 'oit-checklist':
      return ofYear.trim() || null;
    case 'publication':
      return record.fiscalYear
        ? `${PUBLICATION_KINDS[String(record.kind)] ?? String(record.kind)} ${String(record.fiscalYear)}${record.round ? ` รอบ ${String(record.round)} เดือน` : ''}`
        : null;
    case 'committee':
      return entityId ? `ปีงบประมาณ ${entityId}` : null;
    case 'assessment':
      return text(record.file) ?? null;
    default:
      return null;
  }
}

const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

/**
 * The audit log the actor may read, newest first: every agency's (or the one asked for) for
 * central admins of the whole country, the agencies they oversee (or the one asked for) for the others;
 * a secretariat's is its own agency's, whatever it asks for.
 */
export async function auditEntries(db: Kysely<Database>, actor: Actor, { agencyId: asked, ...filter }: AuditFilter) {
  const scope = agencyScope(actor);
  if (policies.audit.listAll(actor)) {
    authorize(actor, 'audit', 'list', { agencyId: asked ?? null });
    return present(await listAudit(db, { ...filter, agencyId: asked }));
  }
  if (asked === undefined && policies.audit.listOverseen(actor)) {
    return present(await listAudit(db, { ...filter, within: scope === 'all' ? undefined : scope }));
  }
  const agency = policies.audit.listOverseen(actor) ? (asked ?? -1) : (actor.agencyId ?? -1);
  authorize(actor, 'audit', 'list', { agencyId: agency });
  return present(await listAudit(db, { ...filter, agencyId: agency }));
}

function present(rows: Awaited<ReturnType<typeof listAudit>>) {
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
