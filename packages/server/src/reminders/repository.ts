import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Notices, digest jobs and unsubscriptions. */
export class ReminderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async addNotices(
    rows: { user_id: number; day: string; kind: string; title: string; href: string; due_on: string | null; late: number }[],
  ) {
    if (!rows.length) return;
    await this.db
      .insertInto('notices')
      .values(rows.map((r) => ({ ...r, read_at: null })))
      .onConflict((oc) => oc.columns(['user_id', 'day', 'title']).doNothing())
      .execute();
  }

  /** Queues the day's digest of a person, once: a second scheduling (or instance) finds it there. */
  async queueDigest(userId: number, day: string): Promise<boolean> {
    const row = await this.db
      .insertInto('reminder_jobs')
      .values({
        id: randomUUID(),
        user_id: userId,
        day,
        status: 'queued',
        attempts: 0,
        error: null,
        worker: null,
        heartbeat_at: null,
        created_at: new Date().toISOString(),
        finished_at: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  noticesOf(userId: number, day?: string) {
    let query = this.db.selectFrom('notices').selectAll().where('user_id', '=', userId);
    if (day) query = query.where('day', '=', day);
    return query.orderBy('day', 'desc').orderBy('id').limit(200).execute();
  }

  async markRead(userId: number, id: number): Promise<boolean> {
    const result = await this.db
      .updateTable('notices')
      .set({ read_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async optedOut(userId: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('notice_optouts')
      .select('kind')
      .where('user_id', '=', userId)
      .where('unsubscribed_at', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.kind));
  }

  /** The kind's unsubscribe link secret, made anew for each email (the last email's link works). */
  async setUnsubscribeToken(userId: number, kind: string, tokenHash: string): Promise<void> {
    await this.db
      .insertInto('notice_optouts')
      .values({ user_id: userId, kind, token_hash: tokenHash, unsubscribed_at: null })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ token_hash: tokenHash }))
      .execute();
  }

  async unsubscribe(tokenHash: string): Promise<{ kind: string } | undefined> {
    return this.db
      .updateTable('notice_optouts')
      .set({ unsubscribed_at: new Date().toISOString() })
      .where('token_hash', '=', tokenHash)
      .returning('kind')
      .executeTakeFirst();
  }

  async resubscribe(userId: number, kind: string): Promise<void> {
    await this.db
      .updateTable('notice_optouts')
      .set({ unsubscribed_at: null })
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute();
  }
}
