import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { now } from '../db/database.js';
import type { Database, Session, User } from '../db/schema.js';
import {
  endSession,
  endSessions,
  endUserSessions,
  findSessionWithUser,
  insertSession,
  liveSessionIds,
  touchSession,
  unexpiredSessions,
} from './sessions-repository.js';

type Executor = Kysely<Database> | Transaction<Database>;

export const SESSION_COOKIE = 'prongsai_session';
/** Idle sessions end after 8 hours (a working day); any session after 7 days. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Executor, userId: number, userAgent: string | undefined) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const at = now();
  const id = digest(token);
  await insertSession(db, {
    id,
    user_id: userId,
    csrf_token: csrfToken,
    created_at: at,
    last_seen_at: at,
    expires_at: new Date(Date.now() + SESSION_MAX_MS).toISOString(),
    revoked_at: null,
    user_agent: userAgent?.slice(0, 400) ?? null,
  });
  return { token, csrfToken, id };
}

/** The live session behind a cookie token, with its user; ends idle and expired sessions. */
export async function findLiveSession(db: Executor, token: string): Promise<{ session: Session; user: User } | undefined> {
  const found = await findSessionWithUser(db, digest(token));
  if (!found || found.session.revoked_at !== null) return undefined;
  const { session, user } = found;
  const time = Date.now();
  if (session.expires_at < new Date(time).toISOString() || Date.parse(session.last_seen_at) + SESSION_IDLE_MS < time) {
    return undefined;
  }
  if (user.disabled === 1) return undefined;
  // Refresh at most once a minute to keep reads cheap.
  if (Date.parse(session.last_seen_at) + 60_000 < time) await touchSession(db, session.id, new Date(time).toISOString());
  return { session, user };
}

export async function revokeSession(db: Executor, id: string): Promise<void> {
  await endSession(db, id, now());
}

/** A person signs in from a few devices; beyond this, the oldest sessions end. */
export const MAX_SESSIONS_PER_ACCOUNT = 10;

export async function capUserSessions(db: Executor, userId: number, keep: number): Promise<void> {
  const live = await liveSessionIds(db, userId);
  await endSessions(db, live.slice(keep), now());
}

export function revokeUserSessions(db: Executor, userId: number): Promise<number> {
  return endUserSessions(db, userId, now());
}

export function listUserSessions(db: Executor, userId: number) {
  return unexpiredSessions(db, userId, now());
}
