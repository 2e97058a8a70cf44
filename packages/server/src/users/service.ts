import type { Kysely } from 'kysely';
import { findAgency, findDivision } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import { hashPassword, MIN_PASSWORD_LENGTH, randomPassword } from '../auth/passwords.js';
import { agencyScope, authorize, policies, type Actor, type UserRef } from '../auth/policy.js';
import { revokeUserSessions } from '../auth/sessions.js';
import { now } from '../db/database.js';
import type { Database, Role, User } from '../db/schema.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { findUser, findUserByEmail, insertUser, listUsers, presentUser, updateUser } from './repository.js';

export { presentUser };

export const ROLES: readonly Role[] = ['central_admin', 'agency_admin', 'division_editor', 'executive'];

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  divisionId: number | null;
  /** A central admin's part of the tree: null (or left out) for the whole country. */
  overseesAgencyId?: number | null | undefined;
  password?: string | undefined;
}

/** Checks that the role, agency and division of an account fit together. */
async function checkPlacement(
  db: Kysely<Database>,
  user: Pick<NewUser, 'role' | 'agencyId' | 'divisionId' | 'overseesAgencyId'>,
) {
  const overseen = user.overseesAgencyId ?? null;
  if (user.role === 'central_admin') {
    if (user.agencyId !== null || user.divisionId !== null) {
      throw badRequest('a central admin belongs to no agency or division', 'ผู้ดูแลระบบส่วนกลางต้องไม่สังกัดหน่วยงานหรือฝ่าย');
    }
    if (overseen !== null && !(await findAgency(db, overseen))) {
      throw badRequest('the overseen agency does not exist', 'ไม่พบหน่วยงานที่กำกับดูแล');
    }
    return;
  }
  if (overseen !== null) {
    throw badRequest('only central admins oversee agencies', 'เฉพาะผู้ดูแลระบบส่วนกลางเท่านั้นที่กำกับดูแลหน่วยงาน');
  }
  if (user.agencyId === null || !(await findAgency(db, user.agencyId))) {
    throw badRequest('this role needs an existing agency', 'บทบาทนี้ต้องระบุหน่วยงานที่มีอยู่ในระบบ');
  }
  if (user.role === 'division_editor') {
    const division = user.divisionId === null ? undefined : await findDivision(db, user.divisionId);
    if (!division || division.agency_id !== user.agencyId) {
      throw badRequest('a division editor needs a division of their agency', 'ผู้แก้ไขระดับฝ่ายต้องระบุฝ่ายในหน่วยงานของตน');
    }
  } else if (user.divisionId !== null) {
    throw badRequest('only division editors belong to a division', 'เฉพาะผู้แก้ไขระดับฝ่ายเท่านั้นที่ระบุฝ่าย');
  }
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw badRequest(
      `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
      `รหัสผ่านต้องมีอย่างน้อย ${MIN_PASSWORD_LENGTH} ตัวอักษร`,
    );
  }
}

/** Creates an account; returns it with the password (generated when none was given) to show once. */
export async function createUser(
  db: Kysely<Database>,
  actorId: number | null,
  input: NewUser,
): Promise<{ user: User; password: string }> {
  const email = input.email.trim().toLowerCase();
  await checkPlacement(db, input);
  const password = input.password ?? randomPassword();
  checkPassword(password);
  if (await findUserByEmail(db, email)) throw conflict(`${email} already has an account`, `อีเมล ${email} มีบัญชีอยู่แล้ว`);
  const passwordHash = await hashPassword(password);
  const user = await db.transaction().execute(async (trx) => {
    const created = await insertUser(trx, {
      email,
      display_name: input.displayName.trim(),
      password_hash: passwordHash,
      role: input.role,
      agency_id: input.agencyId,
      division_id: input.divisionId,
      oversees_agency_id: input.overseesAgencyId ?? null,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      created_at: now(),
    });
    await recordAudit(trx, {
      actorId,
      action: 'create',
      entity: 'user',
      entityId: created.id,
      agencyId: created.agency_id,
      after: presentUser(created),
    });
    return created;
  });
  return { user, password };
}

export async function changeUser(
  db: Kysely<Database>,
  actorId: number | null,
  before: User,
  changes: Partial<Pick<NewUser, 'displayName' | 'role' | 'agencyId' | 'divisionId' | 'overseesAgencyId'>> & {
    disabled?: boolean | undefined;
  },
): Promise<User> {
  const next = nextPlacement(before, changes);
  await checkPlacement(db, next);
  return db.transaction().execute(async (trx) => {
    const after = await updateUser(trx, before.id, {
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName.trim() }),
      role: next.role,
      agency_id: next.agencyId,
      division_id: next.divisionId,
      oversees_agency_id: next.overseesAgencyId,
      ...(changes.disabled === undefined ? {} : { disabled: changes.disabled ? 1 : 0 }),
    });
    if (changes.disabled) await revokeUserSessions(trx, before.id);
    await recordAudit(trx, {
      actorId,
      action: 'update',
      entity: 'user',
      entityId: before.id,
      agencyId: after.agency_id,
      before: presentUser(before),
      after: presentUser(after),
    });
    return after;
  });
}

/** The role and place of an account once changed; a role other than central admin oversees nothing. */
function nextPlacement(before: User, changes: Partial<Pick<NewUser, 'role' | 'agencyId' | 'divisionId' | 'overseesAgencyId'>>) {
  const role = changes.role ?? before.role;
  return {
    role,
    agencyId: changes.agencyId === undefined ? before.agency_id : changes.agencyId,
    divisionId: changes.divisionId === undefined ? before.division_id : changes.divisionId,
    overseesAgencyId:
      changes.overseesAgencyId !== undefined
        ? changes.overseesAgencyId
        : role === 'central_admin'
          ? before.oversees_agency_id
          : null,
  };
}

/** Sets a new password (random when none is given), unlocks the account and ends its sessions. */
export async function resetPassword(
  db: Kysely<Database>,
  actorId: number | null,
  user: User,
  password?: string,
): Promise<string> {
  const next = password ?? randomPassword();
  checkPassword(next);
  const passwordHash = await hashPassword(next);
  await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { password_hash: passwordHash, failed_logins: 0, locked_until: null });
    await revokeUserSessions(trx, user.id);
    await recordAudit(trx, { actorId, action: 'reset-password', entity: 'user', entityId: user.id, agencyId: user.agency_id });
  });
  return next;
}

/** The account by id, if the actor may see it (themselves, or as its admin); otherwise 404. */
async function readableUser(db: Kysely<Database>, actor: Actor, id: number): Promise<{ user: User; ref: UserRef }> {
  const user = await findUser(db, id);
  if (!user) throw notFound('user');
  const ref = refOf(user);
  authorize(actor, 'user', 'read', ref);
  return { user, ref };
}

const refOf = (user: User): UserRef => ({
  id: user.id,
  role: user.role,
  agencyId: user.agency_id,
  divisionId: user.division_id,
  overseesAgencyId: user.oversees_agency_id,
});

/**
 * The accounts the actor manages: those within what a central admin oversees (all, or one agency's, for
 * the whole country), their agency's for agency admins.
 */
export async function managedUsers(db: Kysely<Database>, actor: Actor, agencyId?: number): Promise<User[]> {
  const scope = agencyScope(actor);
  const users =
    actor.role !== 'central_admin'
      ? await listUsers(db, actor.agencyId ?? -1)
      : await listUsers(db, agencyId, scope === 'all' ? undefined : scope);
  return users.filter((u) => policies.user.read(actor, refOf(u)));
}

/** Creates an account the actor may manage; returns it with its password to show once. */
export async function addUser(db: Kysely<Database>, actor: Actor, input: NewUser): Promise<{ user: User; password: string }> {
  authorize(actor, 'user', 'create', {
    role: input.role,
    agencyId: input.agencyId,
    divisionId: input.divisionId,
    overseesAgencyId: input.overseesAgencyId ?? null,
  });
  return createUser(db, actor.id, input);
}

/** One account the actor may see. */
export async function oneUser(db: Kysely<Database>, actor: Actor, id: number): Promise<User> {
  return (await readableUser(db, actor, id)).user;
}

/** Changes an account the actor manages, into one they may still manage. */
export async function editUser(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  changes: Parameters<typeof changeUser>[3],
): Promise<User> {
  const { user, ref } = await readableUser(db, actor, id);
  authorize(actor, 'user', 'update', ref);
  const next = nextPlacement(user, changes);
  // The account as it will be must also be one the actor may manage (a scope given only as widely as one's own).
  authorize(actor, 'user', 'create', { ...next, divisionId: null });
  return changeUser(db, actor.id, user, changes);
}

/** Sets a new password of an account the actor manages; returns it to show once. */
export async function resetUserPassword(db: Kysely<Database>, actor: Actor, id: number, password?: string): Promise<string> {
  const { user, ref } = await readableUser(db, actor, id);
  authorize(actor, 'user', 'resetPassword', ref);
  return resetPassword(db, actor.id, user, password);
}

/** Ends every session of an account (one's own, or one the actor manages), with its audit entry. */
export async function revokeSessionsOf(db: Kysely<Database>, actor: Actor, id: number): Promise<number> {
  const { user, ref } = await readableUser(db, actor, id);
  authorize(actor, 'user', 'revokeSessions', ref);
  return db.transaction().execute(async (trx) => {
    const count = await revokeUserSessions(trx, user.id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'revoke-sessions',
      entity: 'user',
      entityId: user.id,
      agencyId: user.agency_id,
    });
    return count;
  });
}
