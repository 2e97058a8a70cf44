import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findAgency } from '../agencies/repository.js';
import { recordAudit } from '../audit/repository.js';
import type { Config } from '../config.js';
import { DEMO_PASSWORD, demoAccounts, SEED_DISTRICTS } from '../demo/demo.js';
import type { Db } from '../db/database.js';
import { HttpError, notFound } from '../http/errors.js';
import { actorOf, requireActor } from '../http/context.js';
import type { User } from '../db/schema.js';
import { countLoginAttempt, findUser, findUserByEmail, lockAccount, presentUser, updateUser } from '../users/repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { abilities } from './policy.js';
import { SlidingWindow } from './sliding-window.js';
import {
  capUserSessions,
  createSession,
  MAX_SESSIONS_PER_ACCOUNT,
  listUserSessions,
  revokeSession,
  SESSION_COOKIE,
  SESSION_MAX_MS,
} from './sessions.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Beside 10 a minute per address: an account under attack from many addresses is slowed down as well. */
export const ATTEMPTS_PER_ACCOUNT_PER_MINUTE = 20;

const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['central_admin', 'agency_admin', 'division_editor', 'executive']),
  agencyId: z.number().nullable(),
  divisionId: z.number().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
export const meSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
  abilities: z.record(z.string(), z.boolean()),
  agency: z.object({ id: z.number(), code: z.string(), slug: z.string(), nameTh: z.string(), nameEn: z.string() }).nullable(),
});

const tooManyAttempts = () =>
  new HttpError(429, 'rate-limited', 'too many requests; try again in a minute', 'มีคำขอมากเกินไป กรุณารอสักครู่แล้วลองใหม่');

const invalidLogin = () => new HttpError(401, 'invalid-login', 'wrong email or password', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง');

export async function authRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const accountAttempts = new SlidingWindow(ATTEMPTS_PER_ACCOUNT_PER_MINUTE, 60_000);
  // Verified when the email is unknown, so both cases take as long.
  const decoyHash = await hashPassword('decoy-password-never-used');

  const lock = (user: User, time: Date) =>
    db.kysely.transaction().execute(async (trx) => {
      const locked = await lockAccount(trx, user.id, new Date(time.getTime() + LOCKOUT_MS).toISOString(), time.toISOString());
      if (!locked) return;
      await recordAudit(trx, { actorId: null, action: 'lock-out', entity: 'user', entityId: user.id, agencyId: user.agency_id });
    });

  const describe = async (userId: number, csrfToken: string) => {
    const user = await findUser(db.kysely, userId);
    if (!user) throw notFound('user');
    const agency = user.agency_id === null ? undefined : await findAgency(db.kysely, user.agency_id);
    return {
      user: presentUser(user),
      csrfToken,
      abilities: abilities(actorOf(user)),
      agency: agency
        ? { id: agency.id, code: agency.code, slug: agency.slug, nameTh: agency.name_th, nameEn: agency.name_en }
        : null,
    };
  };

  api.post(
    '/api/auth/login',
    {
      // Per address (the proxy's client address only when PRONGSAI_TRUST_PROXY says so) and
      // per account, so neither rotating addresses nor spreading accounts gets past the limit.
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }),
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      if (!accountAttempts.allow(email.trim().toLowerCase())) throw tooManyAttempts();
      const user = await findUserByEmail(db.kysely, email);
      const time = new Date();
      // Unknown, locked and disabled accounts answer exactly as a wrong password, after the
      // same hashing work, so a response tells nothing about which accounts exist.
      const attempt = user ? await countLoginAttempt(db.kysely, user.id, time.toISOString()) : null;
      if (!user || attempt === null || attempt > MAX_FAILED_LOGINS) {
        await verifyPassword(decoyHash, password);
        if (user && attempt !== null) await lock(user, time);
        throw invalidLogin();
      }
      if (user.disabled === 1 || !(await verifyPassword(user.password_hash, password))) {
        const locking = attempt >= MAX_FAILED_LOGINS;
        if (locking) await lock(user, time);
        else {
          await recordAudit(db.kysely, {
            actorId: null,
            action: 'login-failed',
            entity: 'user',
            entityId: user.id,
            agencyId: user.agency_id,
          });
        }
        request.log.warn({ userId: user.id, attempt, locked: locking }, 'failed login');
        throw invalidLogin();
      }
      const session = await db.kysely.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, { failed_logins: 0, locked_until: null });
        const created = await createSession(trx, user.id, request.headers['user-agent']);
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
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: SESSION_MAX_MS / 1000,
      });
      return describe(user.id, session.csrfToken);
    },
  );

  api.get(
    '/api/demo',
    {
      schema: {
        tags: ['auth'],
        summary: 'On a demo server only: the demo accounts to try, by role (404 elsewhere)',
        security: [],
        response: {
          200: z.object({
            password: z.string(),
            accounts: z.array(z.object({ email: z.string(), role: z.string(), agency: z.string().nullable() })),
          }),
        },
      },
    },
    async () => {
      if (!config.demo) throw notFound('demo');
      const accounts = demoAccounts().filter((a) => !a.agency || a.agency === SEED_DISTRICTS[0]);
      return {
        password: DEMO_PASSWORD,
        accounts: accounts.map((a) => ({ email: a.email, role: a.role, agency: a.agency ?? null })),
      };
    },
  );

  api.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (request.session) {
        await revokeSession(db.kysely, request.session.id);
        await recordAudit(db.kysely, {
          actorId: actor.id,
          action: 'logout',
          entity: 'session',
          entityId: null,
          agencyId: actor.agencyId,
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, their abilities and CSRF token', response: { 200: meSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return describe(actor.id, request.session?.csrf_token ?? '');
    },
  );

  api.get(
    '/api/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: "The signed-in user's live sessions",
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              createdAt: z.string(),
              lastSeenAt: z.string(),
              userAgent: z.string().nullable(),
              current: z.boolean(),
            }),
          ),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const sessions = await listUserSessions(db.kysely, actor.id);
      return sessions.map((s) => ({
        id: s.id,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        userAgent: s.user_agent,
        current: s.id === request.session?.id,
      }));
    },
  );

  api.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of your sessions',
        params: z.object({ id: z.string().max(64) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const own = (await listUserSessions(db.kysely, actor.id)).find((s) => s.id === request.params.id);
      if (!own) throw notFound('session');
      await db.kysely.transaction().execute(async (trx) => {
        await revokeSession(trx, own.id);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'revoke',
          entity: 'session',
          entityId: null,
          agencyId: actor.agencyId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
