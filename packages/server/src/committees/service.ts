import type { Kysely } from 'kysely';
import { kindById } from '../agencies/kinds-service.js';
import { recordAudit } from '../audit/repository.js';
import { allows, authorize, type Actor } from '../auth/policy.js';
import { lockRow } from '../db/locks.js';
import type { Agency, Database } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { findCommittee, latestCommitteeBefore, saveCommittee } from './repository.js';
import type { Committee } from './schema.js';
import { carryCommittee, COMMITTEE_ROLES, committeeTemplate } from './template.js';

/** An agency's ITA committee of a year: the data of its appointment order, read by its people, written by its secretariat. */
export class CommitteeService {
  constructor(private readonly db: Kysely<Database>) {}

  /** The committee written for a year; 404 when none is. */
  async read(actor: Actor, agency: Agency, fiscalYear: number): Promise<Committee> {
    authorize(actor, 'plan', 'read', { agencyId: agency.id });
    const committee = await findCommittee(this.db, agency.id, fiscalYear);
    if (!committee) throw notFound('committee');
    return committee;
  }

  /** The committee to edit: the year's own if written, else the latest earlier one carried over, else the template. */
  async draft(actor: Actor, agency: Agency, fiscalYear: number) {
    authorize(actor, 'plan', 'read', { agencyId: agency.id });
    const roles = [...COMMITTEE_ROLES];
    const can = { edit: allows(actor, 'plan', 'manage', { agencyId: agency.id }) };
    const saved = await findCommittee(this.db, agency.id, fiscalYear);
    if (saved) return { source: 'saved' as const, fromYear: fiscalYear, committee: saved, roles, can };
    const previous = await latestCommitteeBefore(this.db, agency.id, fiscalYear);
    if (previous) {
      return {
        source: 'carried' as const,
        fromYear: previous.fiscalYear,
        committee: carryCommittee(previous.committee, previous.fiscalYear, fiscalYear),
        roles,
        can,
      };
    }
    return {
      source: 'template' as const,
      fromYear: null,
      committee: committeeTemplate(agency, fiscalYear, await kindById(this.db, agency.kind)),
      roles,
      can,
    };
  }

  /** Writes the committee of a year, the agency held so parallel writes run in turn, and audits what it replaced. */
  async write(actor: Actor, agency: Agency, fiscalYear: number, committee: Committee): Promise<Committee> {
    authorize(actor, 'plan', 'manage', { agencyId: agency.id });
    await this.db.transaction().execute(async (trx) => {
      await lockRow(trx, 'agencies', agency.id);
      const before = await saveCommittee(trx, agency.id, fiscalYear, committee);
      await recordAudit(trx, {
        actorId: actor.id,
        action: before ? 'update' : 'create',
        entity: 'committee',
        entityId: fiscalYear,
        agencyId: agency.id,
        before,
        after: committee,
      });
    });
    return committee;
  }
}
