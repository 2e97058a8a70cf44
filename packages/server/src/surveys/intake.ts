import { randomInt } from 'node:crypto';
import { SqliteAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { MIN_GROUP_SIZE, surveyItems } from '@prongsai/core';
import { lockRow } from '../db/locks.js';
import type { Database, SurveyRound } from '../db/schema.js';
import { loadFramework } from '../frameworks/registry.js';
import { HttpError } from '../http/errors.js';
import { hashCode } from './codes.js';
import { keepShownFigures } from './shown.js';
import { SurveyRepository } from './repository.js';
import { randomRowId, seal, surveyKeyOf, tagOf, unseal, type SurveyKey } from './sealing.js';

interface Pending {
  round: SurveyRound;
  division: number;
  options: ReadonlyMap<string, number>;
  clientId: string;
  code: string | undefined;
  resolve: (value: { status: 'received' }) => void;
  reject: (error: unknown) => void;
}

const codeRefused = () => new HttpError(409, 'code-used', 'the code is unknown or used already', 'รหัสนี้ไม่ถูกต้องหรือถูกใช้ไปแล้ว');
const closedRefused = () =>
  new HttpError(409, 'survey-closed', 'the survey is not taking responses', 'แบบสอบถามนี้ปิดรับคำตอบแล้ว หรือยังไม่เปิดรับ');

/** Responses written together at most this many at a time. */
const BATCH = 500;

const itemCache = new Map<string, ReturnType<typeof surveyItems>>();
/** The items of a round's tool, computed once per framework and tool. */
export const itemsOf = (round: SurveyRound) => {
  const key = `${round.framework_id}|${round.tool}`;
  let items = itemCache.get(key);
  if (!items) itemCache.set(key, (items = surveyItems(loadFramework(round.framework_id), round.tool)));
  return items;
};

/** A Fisher–Yates shuffle with the system's random numbers. */
function shuffle<T>(rows: T[]): T[] {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

/**
 * Counts waiting responses of a round in one shuffled batch: opens them, adds their answers to the
 * round's tallies and their divisions' counts, marks their codes used, and deletes them, all in
 * the caller's transaction. `keep` responses (chosen at random) stay waiting. Nothing happens
 * unless the batch holds at least `MIN_GROUP_SIZE`, so every change to tallies, counts or codes
 * is one of 5 or more responses. Answers whether a batch was counted.
 */
export async function countWaiting(
  trx: Transaction<Database>,
  key: SurveyKey | (() => SurveyKey),
  round: SurveyRound,
  keep: number,
): Promise<boolean> {
  const repository = new SurveyRepository(trx);
  const rows = await repository.pending(trx, round.id);
  if (rows.length - keep < MIN_GROUP_SIZE) return false;
  const opener = typeof key === 'function' ? key() : key;
  // A row sealed with another key (a restore onto a server without this one) stays waiting, unread.
  const readable = rows.flatMap((row) => {
    try {
      return [{ id: row.id, response: unseal(opener, round.id, row.sealed) }];
    } catch {
      return [];
    }
  });
  if (readable.length - keep < MIN_GROUP_SIZE) return false;
  const batch = shuffle(readable).slice(0, readable.length - keep);
  const items = itemsOf(round);
  const tallies = new Map<
    string,
    { round_id: number; division_id: number; item_key: string; option_index: number; count: number }
  >();
  const counts = new Map<number, number>();
  const codes: string[] = [];
  for (const { response } of batch) {
    response.options.forEach((option_index, i) => {
      const item_key = items[i]!.key;
      const cell = `${item_key}|${option_index}`;
      const tally = tallies.get(cell);
      if (tally) tally.count++;
      else tallies.set(cell, { round_id: round.id, division_id: 0, item_key, option_index, count: 1 });
    });
    counts.set(response.division, (counts.get(response.division) ?? 0) + 1);
    if (response.codeHash) codes.push(response.codeHash);
  }
  await repository.dropPending(
    trx,
    batch.map((r) => r.id),
  );
  if (codes.length) await repository.markCodesUsed(trx, round.id, codes.sort());
  await repository.addToTallies(
    trx,
    [...tallies.values()],
    [...counts].sort(([a], [b]) => a - b).map(([division_id, responses]) => ({ round_id: round.id, division_id, responses })),
  );
  await keepShownFigures(trx, [round.id]);
  return true;
}

/**
 * After a batch was counted, SQLite folds its write-ahead log into the database file and empties
 * it: with `secure_delete` on, the sealed rows just deleted are then overwritten everywhere.
 */
export async function afterCounting(db: Kysely<Database>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}

/**
 * Takes complete responses and keeps them sealed until they are counted. Responses arriving
 * together are written in one transaction: each keeps the keyed tag of its submission id (a retry
 * is answered as the first) and its sealed answers, division and code hash in a row of random id.
 * A code is taken by the keyed tag of its hash, and marked used only when its response is
 * counted. When 10 or more responses of a round wait, all but 5 of them, chosen at random, are
 * counted in the same transaction. A response is answered only once its transaction has
 * committed, so a reply always means the answers are kept.
 */
export class SurveyIntake {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  submit(round: SurveyRound, division: number, options: ReadonlyMap<string, number>, clientId: string, code?: string) {
    return new Promise<{ status: 'received' }>((resolve, reject) => {
      this.queue.push({ round, division, options, clientId, code, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing) return;
    this.flushing = (async () => {
      // Let the responses arriving in the same moment join the group.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.queue.length) await this.flush(this.queue.splice(0, BATCH));
    })().finally(() => {
      this.flushing = null;
      if (this.queue.length) this.kick();
    });
  }

  private async flush(batch: Pending[]): Promise<void> {
    const outcome = new Map<Pending, { ok: true } | { ok: false; error: unknown }>();
    let counted = false;
    try {
      const key = surveyKeyOf(this.db);
      await this.db.transaction().execute(async (trx) => {
        const repository = new SurveyRepository(trx);
        const rounds = new Map(batch.map((p) => [p.round.id, p.round]));
        const ids = [...rounds.keys()].sort((a, b) => a - b);
        // One writer per round at a time (PostgreSQL), and none after the round was closed.
        for (const id of ids) await lockRow(trx, 'survey_rounds', id);
        const closed = new Set((await repository.closedRounds(trx, ids)).map((r) => r.id));
        const sealedOf = (p: Pending, division: number, codeHash: string | null) =>
          seal(key, p.round.id, { division, codeHash, options: itemsOf(p.round).map((item) => p.options.get(item.key)!) });
        // Within a group, the first of the same submission id counts; the others are its retries.
        const seen = new Set<string>();
        const first: Pending[] = [];
        for (const p of batch) {
          const dedupe = `${p.round.id}|${p.clientId}`;
          if (closed.has(p.round.id)) outcome.set(p, { ok: false, error: closedRefused() });
          else if (seen.has(dedupe)) outcome.set(p, { ok: true });
          else {
            seen.add(dedupe);
            first.push(p);
          }
        }
        const tag = (p: Pending) => tagOf(key, p.round.id, 'client', p.clientId);
        const plain = first.filter((p) => p.round.use_codes !== 1);
        for (let i = 0; i < plain.length; i += BATCH) {
          const part = plain.slice(i, i + BATCH);
          const kept = await repository.receipts(
            trx,
            part.map((p) => ({ round_id: p.round.id, client_id: tag(p) })),
          );
          const isNew = new Set(kept.map((k) => `${k.round_id}|${k.client_id}`));
          const fresh = part.filter((p) => isNew.has(`${p.round.id}|${tag(p)}`));
          await repository.insertPending(
            trx,
            fresh.map((p) => ({
              id: randomRowId(),
              round_id: p.round.id,
              code_tag: null,
              sealed: sealedOf(p, p.division, null),
            })),
          );
          for (const p of part) outcome.set(p, { ok: true });
        }
        // With single-use codes, each response takes its code, or is refused and leaves nothing.
        for (const p of first.filter((p) => p.round.use_codes === 1)) {
          const [receipt] = await repository.receipts(trx, [{ round_id: p.round.id, client_id: tag(p) }]);
          if (!receipt) {
            outcome.set(p, { ok: true });
            continue;
          }
          const codeHash = p.code ? hashCode(p.code) : undefined;
          const code = codeHash ? await repository.unusedCode(trx, p.round.id, codeHash) : undefined;
          const taken =
            code &&
            (
              await repository.insertPending(trx, [
                {
                  id: randomRowId(),
                  round_id: p.round.id,
                  code_tag: tagOf(key, p.round.id, 'code', codeHash!),
                  sealed: sealedOf(p, code.division_id, codeHash!),
                },
              ])
            ).length > 0;
          if (!taken) {
            await repository.dropReceipt(trx, receipt.id);
            outcome.set(p, { ok: false, error: codeRefused() });
            continue;
          }
          outcome.set(p, { ok: true });
        }
        for (const id of ids) {
          if (closed.has(id)) continue;
          if ((await repository.pendingCount(trx, id)) >= 2 * MIN_GROUP_SIZE) {
            counted = (await countWaiting(trx, key, rounds.get(id)!, MIN_GROUP_SIZE)) || counted;
          }
        }
      });
    } catch (error) {
      // Nothing of the group was kept: every response of it fails, and its phone sends it again.
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) {
      const result = outcome.get(p)!;
      if (result.ok) p.resolve({ status: 'received' });
      else p.reject(result.error);
    }
    if (counted) await afterCounting(this.db).catch(() => {});
  }
}

const intakes = new WeakMap<Kysely<Database>, SurveyIntake>();
/** One intake per database in a process, so every route and service groups into the same transactions. */
export function intakeFor(db: Kysely<Database>): SurveyIntake {
  let intake = intakes.get(db);
  if (!intake) intakes.set(db, (intake = new SurveyIntake(db)));
  return intake;
}
