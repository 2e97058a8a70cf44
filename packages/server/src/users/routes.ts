import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { addUser, editUser, managedUsers, oneUser, presentUser, resetUserPassword, revokeSessionsOf } from './service.js';

const role = z.enum(['central_admin', 'agency_admin', 'division_editor', 'executive']);
const userSchema = z.object({
  id: z.number(),
  email: z.string(),
  displayName: z.string(),
  role,
  agencyId: z.number().nullable(),
  divisionId: z.number().nullable(),
  /** A central admin's part of the tree: null for the whole country (and for every other role). */
  overseesAgencyId: z.number().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
const params = z.object({ id: z.coerce.number().int().positive() });
const password = z.string().min(1).max(1024);

export async function userRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

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
      return (await managedUsers(db.kysely, requireActor(request), request.query.agency)).map(presentUser);
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
          overseesAgencyId: z.number().int().positive().nullable().default(null),
          password: password.optional(),
        }),
        response: { 201: z.object({ user: userSchema, password: z.string() }) },
      },
    },
    async (request, reply) => {
      const created = await addUser(db.kysely, requireActor(request), request.body);
      return reply.code(201).send({ user: presentUser(created.user), password: created.password });
    },
  );

  api.get(
    '/api/users/:id',
    { schema: { tags, summary: 'One account', params, response: { 200: userSchema } } },
    async (request) => {
      return presentUser(await oneUser(db.kysely, requireActor(request), request.params.id));
    },
  );

  api.patch(
    '/api/users/:id',
    {
      schema: {
        tags,
        summary: 'Change an account’s name, role, agency, division, overseen agency, or disable it',
        params,
        body: z.object({
          displayName: z.string().trim().min(1).max(200).optional(),
          role: role.optional(),
          agencyId: z.number().int().positive().nullable().optional(),
          divisionId: z.number().int().positive().nullable().optional(),
          overseesAgencyId: z.number().int().positive().nullable().optional(),
          disabled: z.boolean().optional(),
        }),
        response: { 200: userSchema },
      },
    },
    async (request) => {
      return presentUser(await editUser(db.kysely, requireActor(request), request.params.id, request.body));
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
      return { password: await resetUserPassword(db.kysely, requireActor(request), request.params.id, request.body.password) };
    },
  );

  api.post(
    '/api/users/:id/revoke-sessions',
    {
      schema: { tags, summary: 'End every session of an account', params, response: { 200: z.object({ revoked: z.number() }) } },
    },
    async (request) => {
      const revoked = await revokeSessionsOf(db.kysely, requireActor(request), request.params.id);
      return { revoked };
    },
  );
}
