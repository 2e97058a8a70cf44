import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/policy.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../http/errors.js';
import { ReminderRepository } from './repository.js';

/** One's own notices in the app, and the e-mail subscriptions the reminders honour. */
export class NoticeService {
  private readonly repository: ReminderRepository;
  constructor(db: Kysely<Database>) {
    this.repository = new ReminderRepository(db);
  }

  async list(actor: Actor) {
    return (await this.repository.noticesOf(actor.id)).map((n) => ({
      id: n.id,
      day: n.day,
      kind: n.kind,
      title: n.title,
      href: n.href,
      dueOn: n.due_on,
      late: n.late === 1,
      read: n.read_at !== null,
    }));
  }

  async markRead(actor: Actor, id: number): Promise<void> {
    if (!(await this.repository.markRead(actor.id, id))) throw notFound('notice');
  }

  resubscribe(actor: Actor, kind: string): Promise<void> {
    return this.repository.resubscribe(actor.id, kind);
  }

  /** Ends the e-mails of the kind a link's secret names; undefined when the link is not (or no longer) one. */
  unsubscribe(token: string): Promise<{ kind: string } | undefined> {
    return this.repository.unsubscribe(createHash('sha256').update(token).digest('hex'));
  }
}
