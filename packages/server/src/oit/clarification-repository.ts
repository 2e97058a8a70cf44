import type { Kysely, Transaction } from 'kysely';
import { now } from '../db/database.js';
import type { Database, OitDispute, OitReview } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** A preliminary item score as the assessors gave it. */
export interface PreliminaryItem {
  code: string;
  score: number;
  suggestion: string | null;
}

/** The clarification round's rows: the preliminary scores, the disputes, the confirmed scores. */
export class ClarificationRepository {
  constructor(private readonly db: Executor) {}

  review(checklistId: number): Promise<OitReview | undefined> {
    return this.db.selectFrom('oit_reviews').selectAll().where('checklist_id', '=', checklistId).executeTakeFirst();
  }

  disputes(reviewId: number): Promise<OitDispute[]> {
    return this.db.selectFrom('oit_disputes').selectAll().where('review_id', '=', reviewId).orderBy('id').execute();
  }

  /** Records (or replaces, before confirmation) the preliminary scores; disputes of items no longer scored go. */
  async savePreliminary(
    trx: Transaction<Database>,
    row: {
      checklistId: number;
      agencyId: number;
      fiscalYear: number;
      items: PreliminaryItem[];
      fileName: string;
      actorId: number;
    },
  ): Promise<OitReview> {
    const existing = await new ClarificationRepository(trx).review(row.checklistId);
    const values = {
      preliminary: JSON.stringify(row.items),
      preliminary_file: row.fileName.slice(0, 255),
      imported_by: row.actorId,
      imported_at: now(),
    };
    if (existing) {
      await trx
        .deleteFrom('oit_disputes')
        .where('review_id', '=', existing.id)
        .where(
          'item_code',
          'not in',
          row.items.map((i) => i.code),
        )
        .execute();
      return trx.updateTable('oit_reviews').set(values).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
    }
    return trx
      .insertInto('oit_reviews')
      .values({
        checklist_id: row.checklistId,
        agency_id: row.agencyId,
        fiscal_year: row.fiscalYear,
        ...values,
        confirmed: null,
        confirmed_by: null,
        confirmed_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async saveDispute(
    trx: Transaction<Database>,
    reviewId: number,
    code: string,
    dispute: { clarification: string; evidenceIds: number[] } | null,
    actorId: number,
  ): Promise<void> {
    await trx.deleteFrom('oit_disputes').where('review_id', '=', reviewId).where('item_code', '=', code).execute();
    if (!dispute) return;
    await trx
      .insertInto('oit_disputes')
      .values({
        review_id: reviewId,
        item_code: code,
        clarification: dispute.clarification,
        evidence_ids: JSON.stringify(dispute.evidenceIds),
        updated_by: actorId,
        updated_at: now(),
      })
      .execute();
  }

  async confirm(trx: Transaction<Database>, reviewId: number, scores: Record<string, number>, actorId: number): Promise<void> {
    await trx
      .updateTable('oit_reviews')
      .set({ confirmed: JSON.stringify(scores), confirmed_by: actorId, confirmed_at: now() })
      .where('id', '=', reviewId)
      .execute();
  }
}
