import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/policy.js';
import type { Session, User } from '../db/schema.js';
import { unauthenticated } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: Session | null;
  }
}

export function actorOf(user: User): Actor {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    role: user.role,
    agencyId: user.agency_id,
    divisionId: user.division_id,
  };
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
