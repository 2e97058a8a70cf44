import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { requireActor } from '../http/context.js';
import { fileResponse, noContent } from '../http/schemas.js';
import { escapeHtml } from '../oit/pages.js';
import { NoticeService } from './notices.js';
import { KIND_TH } from './service.js';

/** A notice of the signed-in person, as the API answers it. */
const noticeSchema = z.object({
  id: z.number(),
  day: z.string(),
  kind: z.string(),
  title: z.string(),
  href: z.string(),
  dueOn: z.string().nullable(),
  late: z.boolean(),
  read: z.boolean(),
});

export async function reminderRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reminders'];
  const notices = new NoticeService(db.kysely);

  api.get(
    '/api/me/notices',
    {
      schema: {
        tags,
        summary: "The signed-in person's notices: tasks due soon or overdue, by day",
        response: { 200: z.array(noticeSchema) },
      },
    },
    async (request) => notices.list(requireActor(request)),
  );

  api.post(
    '/api/me/notices/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notice read',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await notices.markRead(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/me/notices/subscribe',
    {
      schema: {
        tags,
        summary: 'Receive the emails of a kind again',
        body: z.object({ kind: z.string().max(32) }),
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await notices.resubscribe(requireActor(request), request.body.kind);
      return reply.code(204).send(null);
    },
  );

  // The link's secret is in its URL: this route logs nothing.
  api.get(
    '/unsubscribe/:token',
    {
      logLevel: 'silent',
      schema: {
        hide: true,
        security: [],
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) }),
        response: {
          200: fileResponse('A page saying the e-mails of the kind end', 'text/html'),
          404: fileResponse('A page saying the link does not work', 'text/html'),
        },
      },
    },
    async (request, reply) => {
      const done = await notices.unsubscribe(request.params.token);
      const body = done
        ? `<h1>ยกเลิกการแจ้งเตือนแล้ว</h1><p>คุณจะไม่ได้รับอีเมลแจ้งเตือนเรื่อง${escapeHtml(KIND_TH[done.kind as keyof typeof KIND_TH] ?? done.kind)}อีก การแจ้งเตือนในระบบยังแสดงตามเดิม</p>`
        : '<h1>ลิงก์นี้ใช้ไม่ได้</h1><p>ลิงก์อาจมาจากอีเมลฉบับเก่า กรุณาใช้ลิงก์ในอีเมลฉบับล่าสุด</p>';
      return reply
        .code(done ? 200 : 404)
        .header('content-type', 'text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>การแจ้งเตือน</title></head><body><main>${body}</main></body></html>`,
        );
    },
  );
}
