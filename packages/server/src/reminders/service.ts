import { fiscalYearOfDay, todayInBangkok } from '../db/database.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import { addDays } from '@prongsai/core';
import { listAgencies } from '../agencies/repository.js';
import { tasksFor, type Task } from '../calendar/tasks.js';
import { reminderConfig, type ReminderConfig } from '../config.js';
import type { Engine } from '../db/database.js';
import type { Database, ReminderJob } from '../db/schema.js';
import { actorOf } from '../http/context.js';
import { DurableQueue } from '../jobs/durable-queue.js';
import { findUser, listUsers } from '../users/repository.js';
import { ReminderRepository } from './repository.js';

/** How often the schedule looks whether today's digests are queued. */
const SCHEDULE_TICK_MS = 30 * 60_000;

export const KIND_TH: Record<Task['kind'], string> = {
  'oit-evidence': 'การส่งหลักฐาน OIT',
  'oit-review': 'การตรวจหลักฐาน OIT',
  'oit-approve': 'การอนุมัติรายการ OIT',
  'progress-report': 'การรายงานความก้าวหน้า',
  'progress-review': 'การตรวจรายงานความก้าวหน้า',
  'progress-approve': 'การอนุมัติรายงานความก้าวหน้า',
  'division-late': 'ฝ่ายที่ส่งงานเลยกำหนด',
  milestone: 'กำหนดการของปี',
};

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Reminders: once a day, each person's tasks that are due within `daysBefore` days or overdue
 * become notices in the app and one digest email, sent from the durable queue (so it survives a
 * restart, and two instances queue and send it once).
 */
export class Reminders {
  private readonly queue: DurableQueue<ReminderJob>;
  private readonly repository: ReminderRepository;
  private readonly transport: Transporter | null;
  private schedule: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    engine: Engine,
    private readonly settings: ReminderConfig = reminderConfig(),
    private readonly publicUrl = 'http://localhost:3000',
    pollMs = 2000,
  ) {
    this.repository = new ReminderRepository(db);
    this.transport = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : null;
    this.queue = new DurableQueue<ReminderJob>(
      db,
      engine,
      'reminder_jobs',
      {
        run: async (job) => {
          await this.send(job);
          return {};
        },
        failed: (error) => ({ error: (error as Error).message.slice(0, 500) }),
        abandoned: (job) => ({ error: `the server stopped while sending (${job.attempts} tries)` }),
        requeued: {},
      },
      pollMs,
    );
  }

  async start(): Promise<void> {
    await this.queue.start();
    if (!this.settings.scheduled) return;
    this.schedule = setInterval(() => void this.scheduleDay().catch(() => {}), SCHEDULE_TICK_MS);
    this.schedule.unref();
    void this.scheduleDay().catch(() => {});
  }

  async stop(): Promise<void> {
    if (this.schedule) clearInterval(this.schedule);
    await this.queue.stop();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Makes a day's notices and queues each person's digest; running it again (or on another instance) adds nothing. */
  async scheduleDay(day = todayInBangkok()): Promise<number> {
    const agencies = new Map((await listAgencies(this.db)).map((a) => [a.id, a]));
    const fiscalYear = fiscalYearOfDay(day);
    const soon = addDays(day, this.settings.daysBefore);
    let queued = 0;
    for (const user of await listUsers(this.db)) {
      const agency = user.agency_id === null ? undefined : agencies.get(user.agency_id);
      if (user.disabled === 1 || !agency) continue;
      const optedOut = await this.repository.optedOut(user.id);
      const due = (await tasksFor(this.db, actorOf(user), agency, fiscalYear, day)).filter(
        (task) => !optedOut.has(task.kind) && (task.late || (task.dueOn !== null && task.dueOn <= soon)),
      );
      if (!due.length) continue;
      await this.repository.addNotices(
        due.map((task) => ({
          user_id: user.id,
          day,
          kind: task.kind,
          title: task.title,
          href: task.href,
          due_on: task.dueOn,
          late: task.late ? 1 : 0,
        })),
      );
      if (await this.repository.queueDigest(user.id, day)) queued++;
    }
    this.queue.kick();
    return queued;
  }

  /** Sends one person's digest of a day: their notices, grouped by kind, each kind with its unsubscribe link. */
  private async send(job: ReminderJob): Promise<void> {
    const user = await findUser(this.db, job.user_id);
    if (!user || user.disabled === 1 || !this.transport) return;
    const optedOut = await this.repository.optedOut(user.id);
    const notices = (await this.repository.noticesOf(user.id, job.day)).filter((n) => !optedOut.has(n.kind));
    if (!notices.length) return;
    const kinds = [...new Set(notices.map((n) => n.kind))];
    const links = new Map<string, string>();
    for (const kind of kinds) {
      const token = randomBytes(24).toString('base64url');
      await this.repository.setUnsubscribeToken(user.id, kind, hash(token));
      links.set(kind, `${this.publicUrl}/unsubscribe/${token}`);
    }
    const lines = kinds.flatMap((kind) => [
      `${KIND_TH[kind as Task['kind']] ?? kind}`,
      ...notices
        .filter((n) => n.kind === kind)
        .map(
          (n) =>
            `  - ${n.late ? '[เลยกำหนด] ' : ''}${n.title}${n.due_on ? ` (กำหนด ${n.due_on})` : ''} ${this.publicUrl}${n.href}`,
        ),
      `  ยกเลิกการแจ้งเตือนประเภทนี้: ${links.get(kind)}`,
      '',
    ]);
    await this.transport.sendMail({
      from: this.settings.from,
      to: user.email,
      subject: `งาน ITA ที่ต้องทำ วันที่ ${job.day} (${notices.length} รายการ)`,
      text: [`เรียน ${user.display_name}`, '', ...lines, 'ส่งจากระบบโปร่งใส (Prongsai)'].join('\n'),
      // One Message-ID per person and day: a digest sent again (its instance died after the SMTP
      // server accepted it, before it was marked sent) is the same message, which mail systems
      // that de-duplicate by Message-ID show once.
      messageId: `<digest-${user.id}-${job.day}@${new URL(this.publicUrl).hostname}>`,
      headers: { 'List-Unsubscribe': `<${links.get(kinds[0]!)}>` },
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    reminders: Reminders;
  }
}
