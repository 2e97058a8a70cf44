import type { Kysely, Transaction } from 'kysely';
import type { Database, User, UserUpdate } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

export function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export function findUser(db: Executor, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Accounts, of one agency when given; `within` keeps those of these agencies and the central accounts
 * overseeing one of them.
 */
export function listUsers(db: Executor, agencyId?: number, within?: readonly number[]): Promise<User[]> {
  let query = db.selectFrom('users').selectAll();
  if (agencyId !== undefined) query = query.where('agency_id', '=', agencyId);
  if (within !== undefined) {
    const ids = within.length ? within : [-1];
    query = query.where((eb) =>
      eb.or([eb('agency_id', 'in', ids), eb.and([eb('role', '=', 'central_admin'), eb('oversees_agency_id', 'in', ids)])]),
    );
  }
  return query.orderBy('email').execute();
}

export function insertUser(db: Executor, user: Omit<User, 'id'>): Promise<User> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(db: Executor, id: number, changes: UserUpdate): Promise<User> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/**
 * Counts one sign-in attempt before the password is checked, atomically on both engines, so
 * parallel guesses cannot all pass the check before the lock applies. Answers the attempt's
 * number, or `null` while the account is locked.
 */
export async function countLoginAttempt(db: Executor, id: number, at: string): Promise<number | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .returning('failed_logins')
    .executeTakeFirst();
  return row ? row.failed_logins : null;
}

/** Locks an account until `until` unless a lock is in force already; `true` when this call locked it. */
export async function lockAccount(db: Executor, id: number, until: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: until })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What may leave the server about a user: never the password hash. */
export function presentUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    agencyId: user.agency_id,
    divisionId: user.division_id,
    overseesAgencyId: user.oversees_agency_id,
    disabled: user.disabled === 1,
    locked: user.locked_until !== null && user.locked_until > new Date().toISOString(),
    createdAt: user.created_at,
  };
}
