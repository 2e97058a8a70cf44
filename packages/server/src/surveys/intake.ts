import type { Kysely } from 'kysely';
import type { Database, SurveyRound } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import { hashCode } from './codes.js';
import { SurveyRepository } from './repository.js';

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

/** Responses written together at most this many at a time. */
const BATCH = 500;

/**
 * Takes complete responses and writes them in groups: each group is one transaction that keeps
 * the new submission ids, drops retries, and adds every answer to its tally once per group (a
 * tally gains the group's count, not one row per answer). A response is answered only once its
 * group has committed, so a reply always means the answers are kept.
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
    try {
      await this.db.transaction().execute(async (trx) => {
        const repository = new SurveyRepository(trx);
        const tallies = new Map<
          string,
          { round_id: number; division_id: number; item_key: string; option_index: number; count: number }
        >();
        const counts = new Map<string, { round_id: number; division_id: number; responses: number }>();
        const add = (p: Pending, division: number) => {
          for (const [item_key, option_index] of p.options) {
            const key = `${p.round.id}|${division}|${item_key}|${option_index}`;
            const row = tallies.get(key);
            if (row) row.count++;
            else tallies.set(key, { round_id: p.round.id, division_id: division, item_key, option_index, count: 1 });
          }
          const key = `${p.round.id}|${division}`;
          const row = counts.get(key);
          if (row) row.responses++;
          else counts.set(key, { round_id: p.round.id, division_id: division, responses: 1 });
        };
        // Within a group, the first of the same submission id counts; the others are its retries.
        const seen = new Set<string>();
        const first: Pending[] = [];
        for (const p of batch) {
          const key = `${p.round.id}|${p.clientId}`;
          if (seen.has(key)) outcome.set(p, { ok: true });
          else {
            seen.add(key);
            first.push(p);
          }
        }
        const plain = first.filter((p) => p.round.use_codes !== 1);
        for (let i = 0; i < plain.length; i += BATCH) {
          const part = plain.slice(i, i + BATCH);
          const kept = await repository.receipts(
            trx,
            part.map((p) => ({ round_id: p.round.id, client_id: p.clientId })),
          );
          const isNew = new Set(kept.map((k) => `${k.round_id}|${k.client_id}`));
          for (const p of part) {
            if (isNew.has(`${p.round.id}|${p.clientId}`)) add(p, p.division);
            outcome.set(p, { ok: true });
          }
        }
        // With single-use codes, each response uses its code, or is refused and leaves nothing.
        for (const p of first.filter((p) => p.round.use_codes === 1)) {
          const [kept] = await repository.receipts(trx, [{ round_id: p.round.id, client_id: p.clientId }]);
          if (!kept) {
            outcome.set(p, { ok: true });
            continue;
          }
          const used = p.code ? await repository.useCode(trx, p.round.id, hashCode(p.code)) : undefined;
          if (!used) {
            await repository.dropReceipt(trx, kept.id);
            outcome.set(p, { ok: false, error: codeRefused() });
            continue;
          }
          add(p, used.division_id);
          outcome.set(p, { ok: true });
        }
        await repository.addToTallies(trx, [...tallies.values()], [...counts.values()]);
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
  }
}

const intakes = new WeakMap<Kysely<Database>, SurveyIntake>();
/** One intake per database in a process, so every route and service groups into the same transactions. */
export function intakeFor(db: Kysely<Database>): SurveyIntake {
  let intake = intakes.get(db);
  if (!intake) intakes.set(db, (intake = new SurveyIntake(db)));
  return intake;
}
