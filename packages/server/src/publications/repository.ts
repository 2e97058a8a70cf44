import type { Kysely, Transaction } from 'kysely';
import { now } from '../db/database.js';
import type { Database, Publication } from '../db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** `oit`: an agency's approved OIT checklist, shown on its transparency pages. */
export type PublicationKind = 'results' | 'plan' | 'round' | 'oit';

export interface PublicationScope {
  agencyId: number;
  kind: PublicationKind;
  fiscalYear: number;
  round: number | null;
}

/**
 * Publications of an agency: snapshots made on purpose, the only source of what the public
 * sees. Who may list or change them is the publications service's to decide (through the policy);
 * reading the live one is public by design (it is what was published).
 */
export class PublicationRepository {
  constructor(private readonly db: Executor) {}

  /** The publication the public sees for a scope: the newest one not withdrawn. */
  live(scope: PublicationScope): Promise<Publication | undefined> {
    let query = this.db
      .selectFrom('publications')
      .selectAll()
      .where('agency_id', '=', scope.agencyId)
      .where('kind', '=', scope.kind)
      .where('fiscal_year', '=', scope.fiscalYear)
      .where('withdrawn_at', 'is', null);
    query = scope.round === null ? query.where('round', 'is', null) : query.where('round', '=', scope.round);
    return query.orderBy('published_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  }

  /** Every live publication of a kind, across agencies: what the public may list (the sitemap). */
  liveOfKind(kind: PublicationKind, agencyId?: number): Promise<Publication[]> {
    let query = this.db.selectFrom('publications').selectAll().where('kind', '=', kind).where('withdrawn_at', 'is', null);
    if (agencyId !== undefined) query = query.where('agency_id', '=', agencyId);
    return query.orderBy('agency_id').orderBy('fiscal_year', 'desc').execute();
  }

  /** How many live publications of a kind there are, and when the newest was made. */
  async countLive(kind: PublicationKind): Promise<{ count: number; newest: string | null }> {
    const row = await this.db
      .selectFrom('publications')
      .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.max('published_at').as('newest')])
      .where('kind', '=', kind)
      .where('withdrawn_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), newest: row.newest ?? null };
  }

  /** A page of the live publications of a kind across agencies, by id: the sitemap reads one at a time. */
  livePage(kind: PublicationKind, limit: number, offset: number): Promise<Publication[]> {
    return this.db
      .selectFrom('publications')
      .selectAll()
      .where('kind', '=', kind)
      .where('withdrawn_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  list(agencyId: number): Promise<Publication[]> {
    return this.db
      .selectFrom('publications')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  find(id: number): Promise<Publication | undefined> {
    return this.db.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A new publication replaces the one before of the same scope, which is kept as withdrawn. */
  async publish(
    trx: Transaction<Database>,
    actorId: number | null,
    scope: PublicationScope,
    snapshot: unknown,
  ): Promise<{ publication: Publication; replaced: Publication | undefined }> {
    const replaced = await new PublicationRepository(trx).live(scope);
    const at = now();
    if (replaced) await this.withdrawRow(trx, replaced.id, actorId, at);
    const publication = await trx
      .insertInto('publications')
      .values({
        agency_id: scope.agencyId,
        kind: scope.kind,
        fiscal_year: scope.fiscalYear,
        round: scope.round,
        snapshot: JSON.stringify(snapshot),
        published_by: actorId,
        published_at: at,
        withdrawn_by: null,
        withdrawn_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { publication, replaced };
  }

  async withdrawRow(trx: Transaction<Database>, id: number, actorId: number | null, at = now()): Promise<void> {
    await trx
      .updateTable('publications')
      .set({ withdrawn_at: at, withdrawn_by: actorId })
      .where('id', '=', id)
      .where('withdrawn_at', 'is', null)
      .execute();
  }
}
