import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { recordAudit } from '../audit/repository.js';
import { authorize, systemActor, type Actor } from '../auth/policy.js';
import type { Agency, Database, Publication } from '../db/schema.js';
import { lockRow } from '../db/locks.js';
import { openDataRows, progressRows, type Dataset } from '../exports/open-data.js';
import { conflict } from '../http/errors.js';
import { readableRound } from '../progress/access.js';
import { ProgressRepository } from '../progress/repository.js';
import type { publicationSchema } from './schemas.js';
import { PublicationRepository, type PublicationKind, type PublicationScope } from './repository.js';

/** The open-data files a publication holds, by dataset. */
export type PublicationSnapshot = Partial<Record<Dataset, Record<string, string | number | null>[]>>;

/** The datasets each kind of publication brings to the public. */
export const DATASETS_OF = {
  results: ['results', 'analysis'],
  plan: ['measures'],
  round: ['progress'],
  oit: [],
} as const satisfies Record<PublicationKind, readonly Dataset[]>;

export function presentPublication(row: Publication): z.infer<typeof publicationSchema> {
  return {
    id: row.id,
    kind: row.kind as PublicationKind,
    fiscalYear: row.fiscal_year,
    round: row.round,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    withdrawnAt: row.withdrawn_at,
    live: row.withdrawn_at === null,
  };
}

/**
 * Publishes what the agency has now for a scope (its results, its plan, or an approved round):
 * the rows the open data will show are computed and frozen here, then audited. Later changes
 * reach the public only when published again.
 */
export async function publish(
  db: Kysely<Database>,
  actor: Actor | null,
  agency: Agency,
  kind: PublicationKind,
  fiscalYear: number,
  round: 6 | 12 | null,
): Promise<Publication> {
  if (actor) authorize(actor, 'publication', 'manage', { agencyId: agency.id });
  const snapshot: PublicationSnapshot = {};
  if (kind === 'round') {
    const reader = actor ?? systemActor(agency.id);
    const scope = await readableRound(new ProgressRepository(db), reader, agency.id, fiscalYear, round ?? 6);
    if (scope.round.status !== 'approved') {
      throw conflict('only an approved round can be published', 'เผยแพร่ได้เฉพาะรอบที่ผู้บริหารอนุมัติแล้ว');
    }
    snapshot.progress = await progressRows(db, reader, agency, scope);
  } else {
    for (const dataset of DATASETS_OF[kind]) snapshot[dataset] = await openDataRows(db, agency, fiscalYear, dataset);
  }
  const scope: PublicationScope = { agencyId: agency.id, kind, fiscalYear, round: kind === 'round' ? (round ?? 6) : null };
  return db.transaction().execute(async (trx) => {
    await lockRow(trx, 'agencies', agency.id);
    const { publication, replaced } = await new PublicationRepository(trx).publish(trx, actor?.id ?? null, scope, snapshot);
    await recordAudit(trx, {
      actorId: actor?.id ?? null,
      action: 'publish',
      entity: 'publication',
      entityId: publication.id,
      agencyId: agency.id,
      before: replaced ? presentPublication(replaced) : undefined,
      after: presentPublication(publication),
    });
    return publication;
  });
}

export async function withdraw(db: Kysely<Database>, actor: Actor, publication: Publication): Promise<void> {
  authorize(actor, 'publication', 'manage', { agencyId: publication.agency_id });
  if (publication.withdrawn_at !== null) throw conflict('already withdrawn', 'ถอนการเผยแพร่ไปแล้ว');
  await db.transaction().execute(async (trx) => {
    await new PublicationRepository(trx).withdrawRow(trx, publication.id, actor.id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: 'withdraw',
      entity: 'publication',
      entityId: publication.id,
      agencyId: publication.agency_id,
      before: presentPublication(publication),
    });
  });
}
