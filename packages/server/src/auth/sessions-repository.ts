import type { Kysely, Transaction } from 'kysely';
import type { Database, Session, User } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** Sessions as stored: SQL only; what a session means lives in sessions.ts. */
export async function insertSession(db: Executor, session: Session): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export function findSession(db: Executor, id: string): Promise<Session | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSessionUser(db: Executor, userId: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
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
