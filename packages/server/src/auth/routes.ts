import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.js';
import { DEMO_PASSWORD, demoAccounts, SEED_DISTRICTS } from '../demo/demo.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { AuthService } from './service.js';
import { SESSION_COOKIE, SESSION_MAX_MS } from './sessions.js';

export { ATTEMPTS_PER_ACCOUNT_PER_MINUTE, LOCKOUT_MS, MAX_FAILED_LOGINS } from './service.js';

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

export async function authRoutes(app: FastifyInstance, { db, config }: { db: Db; config: Config }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const service = await AuthService.create(db.kysely);

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
      const { token, me } = await service.login(
        request.body.email,
        request.body.password,
        request.headers['user-agent'],
        request.log,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: SESSION_MAX_MS / 1000,
      });
      return me;
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
      await service.logout(requireActor(request), request.session?.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, their abilities and CSRF token', response: { 200: meSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return service.describe(actor.id, request.session?.csrf_token ?? '');
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
      const sessions = await service.sessions(requireActor(request));
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
      await service.revoke(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
