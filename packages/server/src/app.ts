import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { agencyRoutes } from './agencies/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authPlugin } from './auth/plugin.js';
import { authRoutes } from './auth/routes.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { fiscalYearRoutes } from './fiscal-years/routes.js';
import { frameworkRoutes } from './frameworks/routes.js';
import { resultRoutes } from './results/routes.js';
import { measureRoutes } from './measures/routes.js';
import { progressRoutes } from './progress/routes.js';
import { committeeRoutes } from './committees/routes.js';
import { documentRoutes } from './documents/routes.js';
import { exportRoutes } from './exports/routes.js';
import { HttpError } from './http/errors.js';
import { userRoutes } from './users/routes.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface AppOptions {
  db: Db;
  config: Config;
  /** `false` silences request logs (tests). */
  logger?: boolean;
  webDist?: string;
}

/** Builds the HTTP app: JSON API under /api, its OpenAPI document, and the web app. */
export async function buildApp({ db, config, logger = true, webDist = WEB_DIST }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] }
      : false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      if (error.status >= 500) request.log.error(error);
      return reply
        .code(error.status)
        .send({ error: { code: error.code, message: error.message, messageTh: error.th, details: error.details } });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply.code(400).send({
        error: {
          code: 'invalid-request',
          message: `invalid request: ${error.message}`,
          messageTh: 'ข้อมูลที่ส่งมาไม่ถูกต้อง',
          details: error.validation,
        },
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      return reply.code(429).send({
        error: {
          code: 'rate-limited',
          message: 'too many requests; try again in a minute',
          messageTh: 'มีคำขอมากเกินไป กรุณารอสักครู่แล้วลองใหม่',
        },
      });
    }
    if (status >= 400 && status < 500) {
      return reply
        .code(status)
        .send({ error: { code: 'bad-request', message: (error as Error).message, messageTh: 'คำขอไม่ถูกต้อง' } });
    }
    request.log.error(error);
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'internal error', messageTh: 'เกิดข้อผิดพลาดภายในระบบ กรุณาลองใหม่อีกครั้ง' } });
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Prongsai API',
        description: 'ITA results, measures and reports for Thai public agencies',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'prongsai_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authPlugin, { db });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        security: [],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => {
      await sql`select 1`.execute(db.kysely);
      return { status: 'ok' as const, database: db.engine };
    },
  );
  await app.register(authRoutes, { db, config });
  await app.register(agencyRoutes, { db });
  await app.register(userRoutes, { db });
  await app.register(auditRoutes, { db });
  await app.register(fiscalYearRoutes);
  await app.register(frameworkRoutes);
  await app.register(resultRoutes, { db });
  await app.register(measureRoutes, { db });
  await app.register(progressRoutes, { db, config });
  await app.register(committeeRoutes, { db });
  await app.register(documentRoutes, { db, config });
  await app.register(exportRoutes, { db });

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return reply.code(404).send({ error: { code: 'not-found', message: 'no such endpoint', messageTh: 'ไม่พบข้อมูลที่ต้องการ' } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.code(404).send({ error: { code: 'not-found', message: 'no such endpoint', messageTh: 'ไม่พบข้อมูลที่ต้องการ' } }),
    );
  }
  return app;
}
