import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/policy.js';
import type { Kysely } from 'kysely';
import { subtreeIds } from '../agencies/repository.js';
import type { Database, Session, User } from '../db/schema.js';
import { unauthenticated } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: Session | null;
  }
}

/**
 * The actor of an account. A central admin overseeing part of the tree needs `subtree`, the ids of
 * that part (read once per request); without it they oversee only the agency named on their account.
 */
export function actorOf(user: User, subtree?: readonly number[]): Actor {
  const overseen = user.oversees_agency_id;
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    agencyId: user.agency_id,
    divisionId: user.division_id,
    oversees: user.role !== 'central_admin' ? null : overseen === null ? 'all' : new Set(subtree ?? [overseen]),
  };
}

/** The actor of an account, its part of the oversight tree read from the database (once per request or job). */
export async function loadActor(db: Kysely<Database>, user: User): Promise<Actor> {
  const overseen = user.role === 'central_admin' ? user.oversees_agency_id : null;
  return actorOf(user, overseen === null ? undefined : await subtreeIds(db, overseen));
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
