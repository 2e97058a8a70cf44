import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
import { linkCheckConfig, reminderConfig, type Config } from './config.js';
import { useFileStore } from './files/index.js';
import type { Db } from './db/database.js';
import { fiscalYearRoutes } from './fiscal-years/routes.js';
import { frameworkRoutes } from './frameworks/routes.js';
import { manualPasteRoutes } from './frameworks/manual-routes.js';
import { useImportedFrameworks } from './frameworks/registry.js';
import { FRAMEWORK_SYNC_EVERY_MS, FrameworkSync } from './frameworks/shared.js';
import { ReadinessRefresh } from './oit/readiness-refresh.js';
import { LateRefresh } from './calendar/late-refresh.js';
import { resultRoutes } from './results/routes.js';
import { measureRoutes } from './measures/routes.js';
import { letterheadRoutes } from './letterhead/routes.js';
import { reportPartRoutes } from './progress/part-routes.js';
import { progressRoutes } from './progress/routes.js';
import { committeeRoutes } from './committees/routes.js';
import { createDocumentJobs, documentRoutes } from './documents/routes.js';
import { exportRoutes } from './exports/routes.js';
import { oitRoutes } from './oit/routes.js';
import { LinkChecks } from './links/service.js';
import { transparencyRoutes } from './oit/public-routes.js';
import { clarificationRoutes } from './oit/clarification-routes.js';
import { surveyRoutes } from './surveys/routes.js';
import { surveyPublicRoutes } from './surveys/public-routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { Reminders } from './reminders/service.js';
import { reminderRoutes } from './reminders/routes.js';
import { logRequest } from './http/log.js';
import { HttpError } from './http/errors.js';
import { fileTooLarge } from './evidence/store.js';
import { userRoutes } from './users/routes.js';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Scripts only from the app itself; Mantine sets inline styles, charts draw to canvas and blobs. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** How deep a request's JSON may nest: every form and import of the API needs far fewer levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * The path of the first string holding U+0000 in a parsed body or query, or `null`; `too-deep`
 * when it nests past MAX_JSON_DEPTH. Walks with its own stack, so no input can exhaust the call stack.
 */
export function findNul(value: unknown, path = ''): string | null | 'too-deep' {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') {
      if (next.value.includes('\u0000')) return next.path;
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth >= MAX_JSON_DEPTH) return 'too-deep';
    const entries = Object.entries(next.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const childPath = next.path ? `${next.path}.${key}` : key;
      if (key.includes('\u0000')) return next.path;
      stack.push({ value: child, path: childPath, depth: next.depth + 1 });
    }
  }
  return null;
}

export interface AppOptions {
  db: Db;
  config: Config;
  /** `false` silences request logs (tests). */
  logger?: boolean;
  /** Where the log goes instead of standard output (tests that read it). */
  logStream?: NodeJS.WritableStream;
  webDist?: string;
}

/** Builds the HTTP app: JSON API under /api, its OpenAPI document, and the web app. */
export async function buildApp({
  db,
  config,
  logger = true,
  logStream,
  webDist = WEB_DIST,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          serializers: { req: logRequest },
          ...(logStream ? { stream: logStream } : {}),
        }
      : false,
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (
            (hops: number) => (_address: string, hop: number) =>
              hop < hops
          )(config.trustProxy)
        : config.trustProxy,
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
    if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // An upload's body is its file in base64: say the file's limit, not the body's.
      const limit = request.routeOptions.config.fileLimitBytes;
      const refusal = limit ? fileTooLarge(limit) : null;
      return reply.code(413).send({
        error: {
          code: refusal?.code ?? 'too-large',
          message: refusal?.message ?? 'the request body is too large',
          messageTh: refusal?.th ?? 'ข้อมูลที่ส่งมามีขนาดใหญ่เกินกำหนด',
        },
      });
    }
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

  app.addHook('onSend', async (request, reply) => {
    // The API reading page brings its own policy (swagger-ui's inline scripts); evidence sets a stricter one.
    if (!request.url.startsWith('/api/docs') && !reply.hasHeader('content-security-policy')) {
      reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    }
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
  });

  // PostgreSQL cannot store U+0000 in text and SQLite would keep it silently: refuse it on
  // both engines, before any handler sees it.
  app.addHook('preValidation', async (request) => {
    const where = [request.body, request.query, request.params].map((part) => findNul(part)).find((path) => path !== null);
    if (where === 'too-deep') {
      throw new HttpError(
        400,
        'too-deep',
        `the request's JSON nests deeper than ${MAX_JSON_DEPTH} levels`,
        'ข้อมูลที่ส่งมาซ้อนกันลึกเกินกว่าที่ระบบรับได้',
      );
    }
    if (where !== undefined) {
      throw new HttpError(
        400,
        'nul-character',
        `the request holds a NUL character (U+0000) at ${where || 'the body'}`,
        'ข้อมูลที่ส่งมามีอักขระที่ไม่อนุญาต (NUL) กรุณาลบออกแล้วลองใหม่',
      );
    }
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
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
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
  useImportedFrameworks(join(config.dataDir, 'frameworks'));
  // The imported frameworks are kept in the database; this instance's copy is brought up to date at
  // start and then every few seconds, so a set imported through another instance is found here too.
  const frameworkSync = new FrameworkSync(
    db.kysely,
    join(config.dataDir, 'frameworks'),
    { enabled: config.frameworkSync !== false, everyMs: FRAMEWORK_SYNC_EVERY_MS },
    {
      warn: (message) => app.log.warn(message),
      error: (error) => app.log.error({ err: error }, 'bringing the imported frameworks up to date failed'),
    },
  );
  app.decorate('frameworkSync', frameworkSync);
  app.addHook('onReady', () => frameworkSync.start());
  app.addHook('onClose', () => frameworkSync.stop());
  // Evidence, letterheads and made documents: the data directory's disk, or the store the instances share;
  // its connections are let go when the app closes (after the jobs that use it have stopped).
  const fileStore = useFileStore(config.dataDir, config.files);
  app.addHook('onClose', async () => fileStore.close());
  await app.register(frameworkRoutes, { db });
  await app.register(manualPasteRoutes);
  await app.register(resultRoutes, { db });
  await app.register(measureRoutes, { db });
  await app.register(progressRoutes, { db, config });
  await app.register(reportPartRoutes, { db });
  await app.register(letterheadRoutes, { db, config });
  await app.register(committeeRoutes, { db });
  const documentJobs = createDocumentJobs(db, config);
  app.decorate('documentJobs', documentJobs);
  app.addHook('onReady', () => documentJobs.start());
  app.addHook('onClose', () => documentJobs.stop());
  await app.register(documentRoutes, { db, config, jobs: documentJobs });
  await app.register(exportRoutes, { db });
  // The demo's links name real sites: a demo checks them only when asked, unless a schedule is set.
  const linkSettings = config.linkCheck ?? linkCheckConfig();
  const scheduled =
    config.demo && process.env.PRONGSAI_LINKCHECK_EVERY_HOURS === undefined ? { ...linkSettings, everyHours: 0 } : linkSettings;
  const linkChecks = new LinkChecks(db.kysely, db.engine, scheduled);
  app.decorate('linkChecks', linkChecks);
  app.addHook('onReady', () => linkChecks.start());
  app.addHook('onClose', () => linkChecks.stop());
  const readinessRefresh = new ReadinessRefresh(
    db.kysely,
    config.dataDir,
    { enabled: config.readinessRefresh !== false, everyMs: 60_000, batch: 200 },
    (error) => app.log.error({ err: error }, 'keeping stale OIT readiness failed'),
  );
  app.addHook('onReady', () => readinessRefresh.start());
  app.addHook('onClose', () => readinessRefresh.stop());
  const lateRefresh = new LateRefresh(db.kysely, { enabled: config.lateRefresh !== false, everyMs: 60_000 }, (error) =>
    app.log.error({ err: error }, 'keeping the late milestones failed'),
  );
  app.addHook('onReady', () => lateRefresh.start());
  app.addHook('onClose', () => lateRefresh.stop());
  await app.register(oitRoutes, { db, config, links: linkChecks });
  await app.register(transparencyRoutes, { db, config });
  await app.register(clarificationRoutes, { db, config });
  await app.register(surveyRoutes, { db, config });
  await app.register(surveyPublicRoutes, { db });
  await app.register(calendarRoutes, { db, config });
  const reminders = new Reminders(
    db.kysely,
    db.engine,
    config.reminders ?? reminderConfig(),
    config.publicUrl ?? `http://localhost:${config.port}`,
  );
  app.decorate('reminders', reminders);
  app.addHook('onReady', () => reminders.start());
  app.addHook('onClose', () => reminders.stop());
  await app.register(reminderRoutes, { db });

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
