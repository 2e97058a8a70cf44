import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import { loadActor } from '../http/context.js';
import { findLiveSession, SESSION_COOKIE } from './sessions.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Writes that happen before a session exists. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/**
 * Resolves the session cookie to an actor on every request, and requires the session's CSRF
 * token in `X-CSRF-Token` for every cookie-authenticated write.
 */
export const authPlugin = fp(async (app: FastifyInstance, options: { db: Db }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const live = await findLiveSession(options.db.kysely, token);
    if (!live) return;
    request.actor = await loadActor(options.db.kysely, live.user);
    request.session = live.session;
  });
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method) || !request.session || CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    if (request.headers['x-csrf-token'] !== request.session.csrf_token) {
      throw new HttpError(403, 'csrf', 'missing or wrong X-CSRF-Token header', 'คำขอไม่ผ่านการตรวจสอบความปลอดภัย กรุณาโหลดหน้าใหม่');
    }
  });
});
