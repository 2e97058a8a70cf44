import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/repository.js';
import { authorize, policies } from '../auth/policy.js';
import { revokeUserSessions } from '../auth/sessions.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { requireActor } from '../http/context.js';
import { findUser, listUsers, presentUser } from './repository.js';
import { changeUser, createUser, resetPassword } from './service.js';

const role = z.enum(['central_admin', 'agency_admin', 'division_editor', 'executive']);
const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  role,
  agencyId: z.number().nullable(),
  divisionId: z.number().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
const params = z.object({ id: z.coerce.number().int().positive() });
const password = z.string().min(1).max(1024);

export async function userRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  const readableUser = async (actor: ReturnType<typeof requireActor>, id: number) => {
    const user = await findUser(db.kysely, id);
    if (!user) throw notFound('user');
    const ref = { id: user.id, role: user.role, agencyId: user.agency_id, divisionId: user.division_id };
    authorize(actor, 'user', 'read', ref);
    return { user, ref };
  };

  api.get(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Accounts you manage (all for central admins, your agency for agency admins)',
        querystring: z.object({ agency: z.coerce.number().int().positive().optional() }),
        response: { 200: z.array(userSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agencyId = actor.role === 'central_admin' ? request.query.agency : (actor.agencyId ?? -1);
      const users = await listUsers(db.kysely, agencyId);
      return users
        .filter((u) => policies.user.read(actor, { id: u.id, role: u.role, agencyId: u.agency_id, divisionId: u.division_id }))
        .map(presentUser);
    },
  );

  api.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account; a generated password is returned once',
        body: z.object({
          email: z.email().max(254),
          displayName: z.string().trim().min(1).max(200),
          role,
          agencyId: z.number().int().positive().nullable().default(null),
          divisionId: z.number().int().positive().nullable().default(null),
          password: password.optional(),
        }),
        response: { 201: z.object({ user: userSchema, password: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      authorize(actor, 'user', 'create', { role: body.role, agencyId: body.agencyId, divisionId: body.divisionId });
      const created = await createUser(db.kysely, actor.id, body);
      return reply.code(201).send({ user: presentUser(created.user), password: created.password });
    },
  );

  api.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One account', params, response: { 200: userSchema } } },
    async (request) => {
      const { user } = await readableUser(requireActor(request), request.params.id);
      return presentUser(user);
    },
  );

  api.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change an account’s name, role, agency, division, or disable it',
        params,
        body: z.object({
          displayName: z.string().trim().min(1).max(200).optional(),
          role: role.optional(),
          agencyId: z.number().int().positive().nullable().optional(),
          divisionId: z.number().int().positive().nullable().optional(),
          disabled: z.boolean().optional(),
        }),
        response: { 200: userSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { user, ref } = await readableUser(actor, request.params.id);
      authorize(actor, 'user', 'update', ref);
      const next = {
        role: request.body.role ?? user.role,
        agencyId: request.body.agencyId === undefined ? user.agency_id : request.body.agencyId,
      };
      // The account as it will be must also be one the actor may manage.
      authorize(actor, 'user', 'create', { ...next, divisionId: null });
      return presentUser(await changeUser(db.kysely, actor.id, user, request.body));
    },
  );

  api.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Set a new password (generated unless given), unlock the account and end its sessions',
        params,
        body: z.object({ password: password.optional() }).default({}),
        response: { 200: z.object({ password: z.string() }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { user, ref } = await readableUser(actor, request.params.id);
      authorize(actor, 'user', 'resetPassword', ref);
      return { password: await resetPassword(db.kysely, actor.id, user, request.body.password) };
    },
  );

  api.post(
    '/api/users/:id/revoke-sessions',
    {
      schema: { tags, summary: 'End every session of an account', params, response: { 200: z.object({ revoked: z.number() }) } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { user, ref } = await readableUser(actor, request.params.id);
      authorize(actor, 'user', 'revokeSessions', ref);
      const revoked = await db.kysely.transaction().execute(async (trx) => {
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
      return { revoked };
    },
  );
}
