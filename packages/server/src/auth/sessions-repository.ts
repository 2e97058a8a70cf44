import type { Kysely, Transaction } from 'kysely';
import type { Database, Session, User } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Sessions as stored: SQL only; what a session means lives in sessions.ts. */
export async function insertSession(db: Executor, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** A session with its user, in one statement: every signed-in request reads it. */
export async function findSessionWithUser(db: Executor, id: string): Promise<{ session: Session; user: User } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token as session_csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.expires_at as session_expires_at',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.revoked_at as session_revoked_at',
      'sessions.user_agent as session_user_agent',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    session_id,
    session_csrf_token,
    session_created_at,
    session_expires_at,
    session_last_seen_at,
    session_revoked_at,
    session_user_agent,
    ...user
  } = row;
  return {
    session: {
      id: session_id,
      user_id: user.id,
      csrf_token: session_csrf_token,
      created_at: session_created_at,
      expires_at: session_expires_at,
      last_seen_at: session_last_seen_at,
      revoked_at: session_revoked_at,
      user_agent: session_user_agent,
    },
    user,
  };
}

export async function touchSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Ends a session still live; one already ended keeps its time. */
export async function endSession(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** The ids of an account's sessions not ended, newest first. */
export async function liveSessionIds(db: Executor, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((s) => s.id);
}

export async function endSessions(db: Executor, ids: string[], at: string): Promise<void> {
  if (ids.length) await db.updateTable('sessions').set({ revoked_at: at }).where('id', 'in', ids).execute();
}

/** Ends every live session of an account; how many were ended. */
export async function endUserSessions(db: Executor, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** An account's sessions neither ended nor expired at `at`, newest first. */
export function unexpiredSessions(db: Executor, userId: number, at: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .orderBy('created_at', 'desc')
    .execute();
}
