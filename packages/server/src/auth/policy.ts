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
  /**
   * What a central admin oversees: 'all' the whole country, or the ids of one agency and every agency
   * below it in the oversight tree. Null for every other role.
   */
  oversees: 'all' | ReadonlySet<number> | null;
}

/**
 * The server itself acting for an agency, as its secretariat: work no signed-in person does
 * (a scheduled or demo publication, the CLI, background jobs). Its id 0 names no account.
 */
export const systemActor = (agencyId: number): Actor => ({
  id: 0,
  email: 'system@localhost',
  displayName: 'system',
  role: 'agency_admin',
  agencyId,
  divisionId: null,
  oversees: null,
});

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
  /** A central account's part of the tree (null: the whole country). */
  overseesAgencyId?: number | null;
}

/** A central admin, whatever part of the tree they oversee (city-wide views then cover that part). */
const isCentral = (actor: Actor) => actor.role === 'central_admin';
/** A central admin of the whole country: national work, and records of no agency. */
const national = (actor: Actor) => isCentral(actor) && actor.oversees === 'all';
/** A central admin overseeing the agency (whole-country ones oversee every agency, and records of none). */
const oversees = (actor: Actor, agencyId: number | null) =>
  national(actor) || (isCentral(actor) && agencyId !== null && actor.oversees instanceof Set && actor.oversees.has(agencyId));
const inAgency = (actor: Actor, agencyId: number | null) => agencyId !== null && actor.agencyId === agencyId;
const adminOf = (actor: Actor, agencyId: number | null) =>
  oversees(actor, agencyId) || (actor.role === 'agency_admin' && inAgency(actor, agencyId));
/** An account within the actor's oversight: a central one by the part it oversees, others by their agency. */
const overseesAccount = (actor: Actor, user: Omit<UserRef, 'id'>) =>
  user.role === 'central_admin'
    ? national(actor) ||
      (user.overseesAgencyId !== undefined && user.overseesAgencyId !== null && oversees(actor, user.overseesAgencyId))
    : oversees(actor, user.agencyId);
const managesAccount = (actor: Actor, user: Omit<UserRef, 'id'>) =>
  overseesAccount(actor, user) ||
  (actor.role === 'agency_admin' && user.role !== 'central_admin' && inAgency(actor, user.agencyId));

/**
 * The agencies the actor's lists cover: 'all', or these ids (their part of the tree, or their own agency).
 * Lists filter by it in SQL; every record is still decided by its rule.
 */
export function agencyScope(actor: Actor): 'all' | number[] {
  if (isCentral(actor)) return actor.oversees === 'all' ? 'all' : [...(actor.oversees ?? [])];
  return actor.agencyId === null ? [] : [actor.agencyId];
}

/** The ids a list filters by, or undefined for every agency. */
export function overseen(actor: Actor): number[] | undefined {
  const scope = agencyScope(actor);
  return scope === 'all' ? undefined : scope;
}

/**
 * Every permission in one place: per resource, per action, a rule on the actor and the record.
 * `read` decides whether a record exists for the actor at all (denied reads answer 404).
 */
export const policies = {
  agency: {
    read: (actor: Actor, agency: AgencyRef) => oversees(actor, agency.id) || inAgency(actor, agency.id),
    /** Seeing every agency of the country at once (others list their part of the tree, or their own). */
    listAll: (actor: Actor) => national(actor),
    /** A new agency under one the actor oversees; a new top of the tree is national work. */
    create: (actor: Actor, agency: { parentId: number | null }) =>
      national(actor) || (agency.parentId !== null && oversees(actor, agency.parentId)),
    update: (actor: Actor, agency: AgencyRef) => adminOf(actor, agency.id),
    /** Adding and updating agencies in bulk from a file (any code, any parent): national. */
    import: (actor: Actor) => national(actor),
  },
  /** Kinds of agency (naming, units, sampling): read by every signed-in person, kept by central admins. */
  agencyKind: {
    read: (_actor: Actor) => true,
    manage: (actor: Actor) => national(actor),
  },
  division: {
    read: (actor: Actor, division: DivisionRef) => oversees(actor, division.agencyId) || inAgency(actor, division.agencyId),
    create: (actor: Actor, division: { agencyId: number }) => adminOf(actor, division.agencyId),
    update: (actor: Actor, division: DivisionRef) => adminOf(actor, division.agencyId),
    delete: (actor: Actor, division: DivisionRef) => adminOf(actor, division.agencyId),
  },
  user: {
    read: (actor: Actor, user: UserRef) =>
      actor.id === user.id || overseesAccount(actor, user) || (actor.role === 'agency_admin' && inAgency(actor, user.agencyId)),
    /** Listing the accounts of every agency (or of any one), not only those in one's scope. */
    listAll: (actor: Actor) => national(actor),
    /**
     * Agency admins manage their agency's non-central accounts; central admins the accounts within what they
     * oversee, central ones included (a whole-country one only by a whole-country admin).
     */
    create: (actor: Actor, user: Omit<UserRef, 'id'>) => managesAccount(actor, user),
    update: (actor: Actor, user: UserRef) => managesAccount(actor, user),
    resetPassword: (actor: Actor, user: UserRef) => managesAccount(actor, user),
    revokeSessions: (actor: Actor, user: UserRef) => actor.id === user.id || managesAccount(actor, user),
  },
  audit: {
    /** Reading the log of every agency (or of any one asked for), not only those in one's scope. */
    listAll: (actor: Actor) => national(actor),
    /** Reading the log of every agency one oversees at once (any central admin). */
    listOverseen: (actor: Actor) => isCentral(actor),
    /** Central admins read the log of what they oversee (of no agency: the whole country's); a secretariat its own agency's. */
    list: (actor: Actor, scope: { agencyId: number | null }) =>
      oversees(actor, scope.agencyId) || (scope.agencyId !== null && adminOf(actor, scope.agencyId)),
  },
  assessment: {
    read: (actor: Actor, assessment: { agencyId: number }) =>
      oversees(actor, assessment.agencyId) || inAgency(actor, assessment.agencyId),
    import: (actor: Actor, assessment: { agencyId: number }) => adminOf(actor, assessment.agencyId),
  },
  /** City-wide views: every central admin, over what they oversee. */
  cityResults: {
    read: (actor: Actor) => isCentral(actor),
  },
  /** Documents made on request: an agency's by those who read its plan, every overseen agency's at once by central admins. */
  document: {
    generate: (actor: Actor, document: { agencyId: number }) =>
      oversees(actor, document.agencyId) || inAgency(actor, document.agencyId),
    /** The batch covers the agencies the central admin oversees. */
    generateForEvery: (actor: Actor) => isCentral(actor),
  },
  /** A document job is seen by the person who asked for it and by central admins overseeing its agency, never by others of the agency. */
  job: {
    read: (actor: Actor, job: { requestedBy: number | null; agencyId: number | null }) =>
      oversees(actor, job.agencyId) || job.requestedBy === actor.id,
  },
  /** A batch of documents is seen by the person who asked for it and by central admins of the whole country. */
  batch: {
    read: (actor: Actor, batch: { requestedBy: number | null }) => national(actor) || batch.requestedBy === actor.id,
  },
  plan: {
    read: (actor: Actor, plan: { agencyId: number }) => oversees(actor, plan.agencyId) || inAgency(actor, plan.agencyId),
    manage: (actor: Actor, plan: { agencyId: number }) => adminOf(actor, plan.agencyId),
  },
  /** A progress report of one measure in one round; `divisions` are the entry's responsible divisions. */
  report: {
    read: (actor: Actor, report: { agencyId: number; divisions: (number | 'all')[] }) =>
      oversees(actor, report.agencyId) ||
      (inAgency(actor, report.agencyId) &&
        (actor.role !== 'division_editor' ||
          report.divisions.includes('all') ||
          report.divisions.includes(actor.divisionId ?? -1))),
    edit: (actor: Actor, report: { agencyId: number; divisions: (number | 'all')[] }) =>
      adminOf(actor, report.agencyId) ||
      (actor.role === 'division_editor' &&
        inAgency(actor, report.agencyId) &&
        (report.divisions.includes('all') || report.divisions.includes(actor.divisionId ?? -1))),
    review: (actor: Actor, report: { agencyId: number }) => adminOf(actor, report.agencyId),
    /** One division's part of a shared measure: that division's editors, or the secretariat. */
    editPart: (actor: Actor, part: { agencyId: number; divisions: (number | 'all')[]; divisionId: number }) =>
      (part.divisions.includes('all') || part.divisions.includes(part.divisionId)) &&
      (adminOf(actor, part.agencyId) ||
        (actor.role === 'division_editor' && inAgency(actor, part.agencyId) && actor.divisionId === part.divisionId)),
  },
  round: {
    approve: (actor: Actor, round: { agencyId: number }) =>
      oversees(actor, round.agencyId) || (actor.role === 'executive' && inAgency(actor, round.agencyId)),
    reopen: (actor: Actor, round: { agencyId: number }) => adminOf(actor, round.agencyId),
    /** Every division's completeness of the round: the secretariat, executives, central admins. */
    readCompleteness: (actor: Actor, round: { agencyId: number }) =>
      oversees(actor, round.agencyId) || (inAgency(actor, round.agencyId) && actor.role !== 'division_editor'),
  },
  /** What the public sees: published on purpose by the agency's secretariat, withdrawn the same way. */
  publication: {
    read: (actor: Actor, publication: { agencyId: number }) =>
      oversees(actor, publication.agencyId) || inAgency(actor, publication.agencyId),
    manage: (actor: Actor, publication: { agencyId: number }) => adminOf(actor, publication.agencyId),
  },
  /** An agency's OIT checklist of a year: its board, assignments and review by the secretariat, approval by an executive. */
  oitChecklist: {
    read: (actor: Actor, checklist: { agencyId: number }) =>
      oversees(actor, checklist.agencyId) || inAgency(actor, checklist.agencyId),
    manage: (actor: Actor, checklist: { agencyId: number }) => adminOf(actor, checklist.agencyId),
    approve: (actor: Actor, checklist: { agencyId: number }) =>
      oversees(actor, checklist.agencyId) || (actor.role === 'executive' && inAgency(actor, checklist.agencyId)),
    /** The whole checklist at once (readiness, prediction): the secretariat, executives, central admins. */
    /** City-wide OIT views (the years with checklists, every agency's link checks): central admins. */
    readCity: (actor: Actor) => isCentral(actor),
    readWhole: (actor: Actor, checklist: { agencyId: number }) =>
      oversees(actor, checklist.agencyId) || (inAgency(actor, checklist.agencyId) && actor.role !== 'division_editor'),
  },
  /** One OIT item of the checklist; `divisions` are the divisions it is assigned to. */
  oitTask: {
    read: (actor: Actor, task: { agencyId: number; divisions: number[] }) =>
      oversees(actor, task.agencyId) ||
      (inAgency(actor, task.agencyId) && (actor.role !== 'division_editor' || task.divisions.includes(actor.divisionId ?? -1))),
    /** Adding or removing its documents and links, and sending it to the secretariat. */
    contribute: (actor: Actor, task: { agencyId: number; divisions: number[] }) =>
      adminOf(actor, task.agencyId) ||
      (actor.role === 'division_editor' && inAgency(actor, task.agencyId) && task.divisions.includes(actor.divisionId ?? -1)),
    /**
     * Removing one document or link of the item: each division's are its own, as report parts are
     * (on an item shared by two divisions, neither removes the other's); the secretariat removes any.
     */
    removeEvidence: (actor: Actor, evidence: { agencyId: number; divisions: number[]; divisionId: number | null }) =>
      adminOf(actor, evidence.agencyId) ||
      (actor.role === 'division_editor' &&
        inAgency(actor, evidence.agencyId) &&
        evidence.divisions.includes(actor.divisionId ?? -1) &&
        evidence.divisionId !== null &&
        evidence.divisionId === actor.divisionId),
  },
  /** Self-assessment survey rounds: run by the secretariat, read by it, executives and central admins. */
  survey: {
    read: (actor: Actor, round: { agencyId: number }) =>
      oversees(actor, round.agencyId) || (inAgency(actor, round.agencyId) && actor.role !== 'division_editor'),
    manage: (actor: Actor, round: { agencyId: number }) => adminOf(actor, round.agencyId),
  },
  /** The ITA year's calendar: read by everyone of the agency, dated by its secretariat. */
  calendar: {
    read: (actor: Actor, calendar: { agencyId: number }) =>
      oversees(actor, calendar.agencyId) || inAgency(actor, calendar.agencyId),
    manage: (actor: Actor, calendar: { agencyId: number }) => adminOf(actor, calendar.agencyId),
    setDefaults: (actor: Actor) => national(actor),
    /** A feed of the agency (its secretariat) or of a division (also that division's editors). */
    feed: (actor: Actor, feed: { agencyId: number; divisionId: number }) =>
      adminOf(actor, feed.agencyId) ||
      (actor.role === 'division_editor' &&
        inAgency(actor, feed.agencyId) &&
        feed.divisionId !== 0 &&
        actor.divisionId === feed.divisionId),
  },
  /** Loading a new year's framework: central admins. */
  framework: {
    import: (actor: Actor) => national(actor),
  },
  /** The library of issues and measures: entries shared with all agencies, and each agency's own. */
  library: {
    /** An entry is seen by everyone once shared, else by its agency; central admins see every entry (`readAll`). */
    read: (actor: Actor, entry: { agencyId: number | null; status: string }) =>
      oversees(actor, entry.agencyId) || entry.status === 'shared' || inAgency(actor, entry.agencyId),
    readAll: (actor: Actor) => national(actor),
    /** A central admin's entry is shared with every agency: national. */
    create: (actor: Actor) => national(actor) || actor.role === 'agency_admin',
    offer: (actor: Actor, entry: { agencyId: number | null }) => entry.agencyId !== null && adminOf(actor, entry.agencyId),
    approveShare: (actor: Actor) => national(actor),
  },
} as const;

type Policies = typeof policies;
export type Resource = keyof Policies;

/** What an actor may do, sent to the web app so it hides what the server would refuse. */
export function abilities(actor: Actor) {
  const own = actor.agencyId === null ? null : { id: actor.agencyId };
  return {
    manageAgencies: national(actor),
    /** Adding and updating agencies in bulk from a list: national, never an overseer of part of the tree. */
    importAgencies: policies.agency.import(actor),
    editAgency: own ? policies.agency.update(actor, own) : isCentral(actor),
    manageDivisions: own ? policies.division.create(actor, { agencyId: own.id }) : isCentral(actor),
    manageUsers: isCentral(actor) || actor.role === 'agency_admin',
    /** Making central admins, and accounts of any agency. */
    manageAllAccounts: isCentral(actor),
    /** Making whole-country central admins and choosing any part of the tree for one. */
    overseeAll: national(actor),
    readAudit: own ? policies.audit.list(actor, { agencyId: own.id }) : isCentral(actor),
    importResults: own ? policies.assessment.import(actor, { agencyId: own.id }) : isCentral(actor),
    readCityResults: policies.cityResults.read(actor),
    managePlans: own ? policies.plan.manage(actor, { agencyId: own.id }) : isCentral(actor),
    approveRounds: own ? policies.round.approve(actor, { agencyId: own.id }) : isCentral(actor),
    publish: own ? policies.publication.manage(actor, { agencyId: own.id }) : isCentral(actor),
    manageOit: own ? policies.oitChecklist.manage(actor, { agencyId: own.id }) : isCentral(actor),
    approveOit: own ? policies.oitChecklist.approve(actor, { agencyId: own.id }) : isCentral(actor),
    switchAgency: isCentral(actor),
    importFrameworks: policies.framework.import(actor),
  };
}

/**
 * Whether the policy allows it: what a presented record's `can` says, so the web app offers exactly
 * what the server would accept (it never decides from a role itself).
 */
export function allows<R extends Resource, A extends keyof Policies[R]>(
  actor: Actor,
  resource: R,
  action: A,
  record: Policies[R][A] extends (actor: Actor, record: infer T) => boolean ? T : undefined,
): boolean {
  return (policies[resource][action] as (actor: Actor, record: unknown) => boolean)(actor, record);
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
  if (action !== 'read' && (!read || read(actor, record))) throw forbidden();
  throw notFound(resource);
}
