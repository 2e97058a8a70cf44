import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { linkCheckConfig, loadConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { login, TEST_DATABASES } from '../test-support/databases.js';

interface Mail {
  to: string;
  text: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function mailbox() {
  const received: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    received,
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes a quoted-printable mail body enough to read its Thai text. */
const decoded = (text: string) =>
  Buffer.from(
    text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

describe.each(TEST_DATABASES)('reminders by email on $engine', (database) => {
  let db: Db & { drop(): Promise<void> };
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof mailbox>>;
  const apps: FastifyInstance[] = [];
  const instance = async () => {
    const app = await buildApp({
      db,
      config: {
        ...loadConfig({}),
        dataDir,
        secureCookies: false,
        publicUrl: 'https://ita.example.go.th',
        linkCheck: { ...linkCheckConfig({}), everyHours: 0 },
        reminders: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'ITA <ita@example.go.th>', daysBefore: 7, scheduled: false },
      },
      logger: false,
      webDist: '/nonexistent',
    });
    await app.ready();
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    smtp = await mailbox();
    dataDir = mkdtempSync(join(tmpdir(), 'prongsai-reminders-'));
    db = await database.openDemo({}, dataDir);
  }, 60_000);
  // An instance left running would send the next test's queued digests: every instance serves the shared queue.
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close().catch(() => {});
  });
  afterAll(async () => {
    await db.drop();
    await smtp.close();
  });

  const mailsTo = (email: string) => smtp.received.filter((m) => m.to === email);

  it('sends each person one daily digest of what is due soon or late, and the app lists the same notices', async () => {
    const app = await instance();
    // 25 March 2567: Lak Si's finance division owes O5–O8, due 31 March 2567.
    const queued = await app.reminders.scheduleDay('2024-03-25');
    expect(queued).toBeGreaterThan(3);
    await app.reminders.idle();
    expect(new Set(smtp.received.map((m) => m.to)).size).toBe(smtp.received.length);
    expect(smtp.received).toHaveLength(queued);
    const finance = mailsTo('finance@lak-si.demo');
    expect(finance).toHaveLength(1);
    const text = decoded(finance[0]!.text);
    expect(text).toContain('ส่งหลักฐาน OIT ข้อ O5');
    expect(text).toContain('https://ita.example.go.th/a/lak-si/disclosure');
    expect(text).toMatch(/https:\/\/ita\.example\.go\.th\/unsubscribe\/[A-Za-z0-9_-]+/);
    // The same day again, on this instance: nothing more.
    expect(await app.reminders.scheduleDay('2024-03-25')).toBe(0);
    await app.reminders.idle();
    expect(smtp.received).toHaveLength(queued);
    const session = await login(app, 'finance@lak-si.demo');
    const notices = (await app.inject({ method: 'GET', url: '/api/me/notices', headers: session.headers })).json() as {
      title: string;
      day: string;
    }[];
    expect(notices.filter((n) => n.day === '2024-03-25').map((n) => n.title)).toContain('ส่งหลักฐาน OIT ข้อ O5');
  });

  it('sends a digest scheduled before a restart once, by the instance that comes up', async () => {
    const before = smtp.received.length;
    const first = await instance();
    await first.reminders.stop(); // it schedules, then goes down before sending
    const queued = await first.reminders.scheduleDay('2024-03-26');
    expect(queued).toBeGreaterThan(0);
    await first.close();
    expect(smtp.received.length).toBe(before);
    const second = await instance();
    await second.reminders.idle();
    expect(smtp.received.length - before).toBe(queued);
  });

  it('sends once with two instances scheduling and sending the same day', async () => {
    const before = smtp.received.length;
    const [a, b] = [await instance(), await instance()];
    const [qa, qb] = await Promise.all([a.reminders.scheduleDay('2024-03-27'), b.reminders.scheduleDay('2024-03-27')]);
    await Promise.all([a.reminders.idle(), b.reminders.idle()]);
    const day = smtp.received.slice(before);
    // Digests were due that day, and only one of the two instances queued each.
    expect(qa + qb).toBeGreaterThan(3);
    expect(day.length).toBe(qa + qb);
    expect(new Set(day.map((m) => m.to)).size).toBe(day.length);
  });

  it('sends a digest again with the same Message-ID when its instance died after the SMTP server accepted it', async () => {
    const app = await instance();
    await app.reminders.scheduleDay('2024-03-29');
    await app.reminders.idle();
    const sent = mailsTo('finance@lak-si.demo').at(-1)!;
    const messageId = /^Message-ID: (<[^>]+>)/im.exec(sent.text)![1]!;
    expect(messageId).toMatch(/^<digest-\d+-2024-03-29@ita\.example\.go\.th>$/);
    // The instance went down between the SMTP server's acceptance and marking the digest sent.
    const user = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'finance@lak-si.demo')
      .executeTakeFirstOrThrow();
    await db.kysely
      .updateTable('reminder_jobs')
      .set({ status: 'running', worker: 'gone', heartbeat_at: '2000-01-01T00:00:00.000Z', finished_at: null })
      .where('user_id', '=', user.id)
      .where('day', '=', '2024-03-29')
      .execute();
    await app.close();
    const next = await instance();
    await next.reminders.idle();
    const again = mailsTo('finance@lak-si.demo').at(-1)!;
    expect(again).not.toBe(sent);
    expect(/^Message-ID: (<[^>]+>)/im.exec(again.text)![1]).toBe(messageId);
  });

  it('stops the emails of a kind its link unsubscribes from', async () => {
    const app = await instance();
    const text = decoded(mailsTo('finance@lak-si.demo').at(-1)!.text);
    const link = /https:\/\/ita\.example\.go\.th(\/unsubscribe\/[A-Za-z0-9_-]+)/.exec(text)![1]!;
    const page = await app.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ยกเลิกการแจ้งเตือนแล้ว');
    const before = mailsTo('finance@lak-si.demo').length;
    const sentBefore = smtp.received.length;
    await app.reminders.scheduleDay('2024-03-28');
    await app.reminders.idle();
    // The day's digests went out (the OIT items are still owed, so others hear of them)…
    const thatDay = smtp.received.slice(sentBefore).map((m) => decoded(m.text));
    expect(thatDay.some((t) => t.includes('ส่งหลักฐาน OIT'))).toBe(true);
    // …but none to the person who unsubscribed from that kind.
    const after = mailsTo('finance@lak-si.demo')
      .slice(before)
      .map((m) => decoded(m.text));
    expect(after.filter((t) => t.includes('ส่งหลักฐาน OIT'))).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/unsubscribe/not-a-real-token-at-all-000' })).statusCode).toBe(404);
  });
});
