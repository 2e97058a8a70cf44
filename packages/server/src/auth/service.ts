import type { Kysely } from 'kysely';
import { findAgency } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import type { Database, User } from '../db/schema.js';
import { HttpError, notFound } from '../http/errors.js';
import { actorOf } from '../http/context.js';
import { countLoginAttempt, findUser, findUserByEmail, lockAccount, presentUser, updateUser } from '../users/repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { abilities, type Actor } from './policy.js';
import { SlidingWindow } from './sliding-window.js';
import { capUserSessions, createSession, MAX_SESSIONS_PER_ACCOUNT, listUserSessions, revokeSession } from './sessions.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Beside 10 a minute per address: an account under attack from many addresses is slowed down as well. */
export const ATTEMPTS_PER_ACCOUNT_PER_MINUTE = 20;

const tooManyAttempts = () =>
  new HttpError(429, 'rate-limited', 'too many requests; try again in a minute', 'มีคำขอมากเกินไป กรุณารอสักครู่แล้วลองใหม่');

const invalidLogin = () => new HttpError(401, 'invalid-login', 'wrong email or password', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง');

/** Where a failed login is told, for whoever watches the server's log. */
export interface LoginLog {
  warn(details: { userId: number; attempt: number; locked: boolean }, message: string): void;
}

/** The signed-in user as the web app sees them: the account, its abilities, its agency and the CSRF token. */
export type Me = Awaited<ReturnType<AuthService['describe']>>;

/** Signing in and out, and the sessions of the signed-in user. */
export class AuthService {
  private readonly accountAttempts = new SlidingWindow(ATTEMPTS_PER_ACCOUNT_PER_MINUTE, 60_000);

  private constructor(
    private readonly db: Kysely<Database>,
    /** Verified when the email is unknown, so both cases take as long. */
    private readonly decoyHash: string,
  ) {}

  static async create(db: Kysely<Database>): Promise<AuthService> {
    return new AuthService(db, await hashPassword('decoy-password-never-used'));
  }

  private lock(user: User, time: Date) {
    return this.db.transaction().execute(async (trx) => {
      const locked = await lockAccount(trx, user.id, new Date(time.getTime() + LOCKOUT_MS).toISOString(), time.toISOString());
      if (!locked) return;
      await recordAudit(trx, { actorId: null, action: 'lock-out', entity: 'user', entityId: user.id, agencyId: user.agency_id });
    });
  }

  /** The account of a user with their abilities and agency. */
  async describe(userId: number, csrfToken: string) {
    const user = await findUser(this.db, userId);
    if (!user) throw notFound('user');
    const agency = user.agency_id === null ? undefined : await findAgency(this.db, user.agency_id);
    return {
      user: presentUser(user),
      csrfToken,
      abilities: abilities(actorOf(user)),
      agency: agency
        ? { id: agency.id, code: agency.code, slug: agency.slug, nameTh: agency.name_th, nameEn: agency.name_en }
        : null,
    };
  }

  /**
   * Signs in with email and password: a new session (its cookie token) and the user. Unknown,
   * locked and disabled accounts fail exactly as a wrong password; too many failures lock the account.
   */
  async login(email: string, password: string, userAgent: string | undefined, log: LoginLog): Promise<{ token: string; me: Me }> {
    if (!this.accountAttempts.allow(email.trim().toLowerCase())) throw tooManyAttempts();
    const user = await findUserByEmail(this.db, email);
    const time = new Date();
    // Unknown, locked and disabled accounts answer exactly as a wrong password, after the
    // same hashing work, so a response tells nothing about which accounts exist.
    const attempt = user ? await countLoginAttempt(this.db, user.id, time.toISOString()) : null;
    if (!user || attempt === null || attempt > MAX_FAILED_LOGINS) {
      await verifyPassword(this.decoyHash, password);
      if (user && attempt !== null) await this.lock(user, time);
      throw invalidLogin();
    }
    if (user.disabled === 1 || !(await verifyPassword(user.password_hash, password))) {
      const locking = attempt >= MAX_FAILED_LOGINS;
      if (locking) await this.lock(user, time);
      else {
        await recordAudit(this.db, {
          actorId: null,
          action: 'login-failed',
          entity: 'user',
          entityId: user.id,
          agencyId: user.agency_id,
        });
      }
      log.warn({ userId: user.id, attempt, locked: locking }, 'failed login');
      throw invalidLogin();
    }
    const session = await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
      const created = await createSession(trx, user.id, userAgent);
      await capUserSessions(trx, user.id, MAX_SESSIONS_PER_ACCOUNT);
      await recordAudit(trx, {
        actorId: user.id,
        action: 'login',
        entity: 'session',
        entityId: null,
        agencyId: user.agency_id,
      });
      return created;
    });
    return { token: session.token, me: await this.describe(user.id, session.csrfToken) };
  }

  /** Ends the session the actor signed out of, if any. */
  async logout(actor: Actor, sessionId: string | undefined): Promise<void> {
    if (sessionId === undefined) return;
    await revokeSession(this.db, sessionId);
    await recordAudit(this.db, {
      actorId: actor.id,
      action: 'logout',
      entity: 'session',
      entityId: null,
      agencyId: actor.agencyId,
    });
  }

  /** The actor's live sessions. */
  sessions(actor: Actor) {
    return listUserSessions(this.db, actor.id);
  }

  /** Ends one of the actor's own sessions; others' are not found. */
  async revoke(actor: Actor, sessionId: string): Promise<void> {
    const own = (await listUserSessions(this.db, actor.id)).find((s) => s.id === sessionId);
    if (!own) throw notFound('session');
    await this.db.transaction().execute(async (trx) => {
      await revokeSession(trx, own.id);
      await recordAudit(trx, {
        actorId: actor.id,
        action: 'revoke',
        entity: 'session',
        entityId: null,
        agencyId: actor.agencyId,
      });
    });
  }
}
