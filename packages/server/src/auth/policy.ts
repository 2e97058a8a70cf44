import type { Role } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';

/** Who is acting: the signed-in user, as the policies see them. */
export interface Actor {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  divisionId: number | null;
}

export interface AgencyRef {
  id: number;
}
export interface DivisionRef {
  id: number;
  agencyId: number;
}
export interface UserRef {
  id: number;
  role: Role;
  agencyId: number | null;
  divisionId: number | null;
}

const isCentral = (actor: Actor) => actor.role === 'central_admin';
const inAgency = (actor: Actor, agencyId: number | null) => agencyId !== null && actor.agencyId === agencyId;
const adminOf = (actor: Actor, agencyId: number | null) =>
  isCentral(actor) || (actor.role === 'agency_admin' && inAgency(actor, agencyId));

/**
 * Every permission in one place: per resource, per action, a rule on the actor and the record.
 * `read` decides whether a record exists for the actor at all (denied reads answer 404).
 */
export const policies = {
  agency: {
    read: (actor: Actor, agency: AgencyRef) => isCentral(actor) || inAgency(actor, agency.id),
    create: (actor: Actor) => isCentral(actor),
    update: (actor: Actor, agency: AgencyRef) => adminOf(actor, agency.id),
  },
  division: {
    read: (actor: Actor, division: DivisionRef) => isCentral(actor) || inAgency(actor, division.agencyId),
    create: (actor: Actor, division: { agencyId: number }) => adminOf(actor, division.agencyId),
    update: (actor: Actor, division: DivisionRef) => adminOf(actor, division.agencyId),
    delete: (actor: Actor, division: DivisionRef) => adminOf(actor, division.agencyId),
  },
  user: {
    read: (actor: Actor, user: UserRef) => actor.id === user.id || adminOf(actor, user.agencyId),
    /** Agency admins manage their agency's non-central accounts; only central admins make central admins. */
    create: (actor: Actor, user: Omit<UserRef, 'id'>) =>
      isCentral(actor) || (actor.role === 'agency_admin' && user.role !== 'central_admin' && inAgency(actor, user.agencyId)),
    update: (actor: Actor, user: UserRef) =>
      isCentral(actor) || (actor.role === 'agency_admin' && user.role !== 'central_admin' && inAgency(actor, user.agencyId)),
    resetPassword: (actor: Actor, user: UserRef) =>
      isCentral(actor) || (actor.role === 'agency_admin' && user.role !== 'central_admin' && inAgency(actor, user.agencyId)),
    revokeSessions: (actor: Actor, user: UserRef) =>
      actor.id === user.id ||
      isCentral(actor) ||
      (actor.role === 'agency_admin' && user.role !== 'central_admin' && inAgency(actor, user.agencyId)),
  },
  audit: {
    read: (actor: Actor) => isCentral(actor),
  },
  assessment: {
    read: (actor: Actor, assessment: { agencyId: number }) => isCentral(actor) || inAgency(actor, assessment.agencyId),
    import: (actor: Actor, assessment: { agencyId: number }) => adminOf(actor, assessment.agencyId),
  },
  cityResults: {
    read: (actor: Actor) => isCentral(actor),
  },
} as const;

type Policies = typeof policies;
export type Resource = keyof Policies;

/** What an actor may do, sent to the web app so it hides what the server would refuse. */
export function abilities(actor: Actor) {
  const own = actor.agencyId === null ? null : { id: actor.agencyId };
  return {
    manageAgencies: policies.agency.create(actor),
    editAgency: own ? policies.agency.update(actor, own) : isCentral(actor),
    manageDivisions: own ? policies.division.create(actor, { agencyId: own.id }) : isCentral(actor),
    manageUsers: isCentral(actor) || actor.role === 'agency_admin',
    readAudit: policies.audit.read(actor),
    importResults: own ? policies.assessment.import(actor, { agencyId: own.id }) : isCentral(actor),
    readCityResults: policies.cityResults.read(actor),
    switchAgency: isCentral(actor),
  };
}

/**
 * Throws unless the policy allows it. A record the actor may not read is reported as not
 * found, so ids of other agencies reveal nothing.
 */
export function authorize<R extends Resource, A extends keyof Policies[R]>(
  actor: Actor,
  resource: R,
  action: A,
  record: Policies[R][A] extends (actor: Actor, record: infer T) => boolean ? T : undefined,
): void {
  const rule = policies[resource][action] as (actor: Actor, record: unknown) => boolean;
  if (rule(actor, record)) return;
  // Creating names no existing record, and some actions have none: nothing to hide.
  if (action === 'create' || record === undefined) throw forbidden();
  const read = (policies[resource] as Record<string, unknown>).read as ((actor: Actor, record: unknown) => boolean) | undefined;
  if (action !== 'read' && read?.(actor, record)) throw forbidden();
  throw notFound(resource);
}
