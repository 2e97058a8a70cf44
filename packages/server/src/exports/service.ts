import type { Kysely } from 'kysely';
import { findAgency } from '../agencies/repository.js';
import { readableAgency } from '../agencies/service.js';
import { authorize, type Actor } from '../auth/policy.js';
import type { Agency, Database, Publication } from '../db/schema.js';
import { HttpError, notFound } from '../http/errors.js';
import { PublicationRepository, type PublicationKind } from '../publications/repository.js';
import { publish, withdraw, type PublicationSnapshot } from '../publications/service.js';
import type { Dataset } from './open-data.js';
import { workbookFor } from './workbook.js';

/**
 * One open-data file of what the agency published (no sign-in): `results`, `analysis`,
 * `measures`, or `progress-6` / `progress-12`, with the publication it comes from.
 */
export async function publishedDataset(db: Kysely<Database>, ref: string, fiscalYear: number, name: string) {
  const agency = await findAgency(db, ref);
  if (!agency) throw notFound('agency');
  const [dataset, round] = name.split('-') as [Dataset, string | undefined];
  const kind = dataset === 'measures' ? 'plan' : dataset === 'progress' ? 'round' : 'results';
  const live = await new PublicationRepository(db).live({
    agencyId: agency.id,
    kind,
    fiscalYear,
    round: round === undefined ? null : Number(round),
  });
  const rows = live ? (JSON.parse(live.snapshot) as PublicationSnapshot)[dataset] : undefined;
  if (!live || !rows) {
    throw new HttpError(404, 'not-published', 'the agency has not published this', 'หน่วยงานยังไม่ได้เผยแพร่ข้อมูลนี้');
  }
  return { agency, dataset, publishedAt: live.published_at, rows };
}

/** What the agency has published and withdrawn. */
export async function agencyPublications(db: Kysely<Database>, actor: Actor, ref: string): Promise<Publication[]> {
  const agency = await readableAgency(db, actor, ref);
  authorize(actor, 'publication', 'read', { agencyId: agency.id });
  return new PublicationRepository(db).list(agency.id);
}

/** Publishes the agency's results, measures plan or an approved progress round (the secretariat); audited. */
export async function publishFor(
  db: Kysely<Database>,
  actor: Actor,
  ref: string,
  kind: PublicationKind,
  fiscalYear: number,
  round: 6 | 12 | undefined,
): Promise<Publication> {
  const agency = await readableAgency(db, actor, ref);
  return publish(db, actor, agency, kind, fiscalYear, kind === 'round' ? (round ?? 6) : null);
}

/** Takes a publication down; returns it as withdrawn. Audited. */
export async function withdrawPublication(db: Kysely<Database>, actor: Actor, id: number): Promise<Publication> {
  const publication = await new PublicationRepository(db).find(id);
  if (!publication) throw notFound('publication');
  authorize(actor, 'publication', 'read', { agencyId: publication.agency_id });
  await withdraw(db, actor, publication);
  return { ...publication, withdrawn_at: new Date().toISOString(), withdrawn_by: actor.id };
}

/** One XLSX with results, analysis and measures of a plan year, for those who may read the plan. */
export async function planWorkbook(
  db: Kysely<Database>,
  actor: Actor,
  ref: string,
  fiscalYear: number,
): Promise<{ agency: Agency; file: Buffer }> {
  const agency = await readableAgency(db, actor, ref);
  authorize(actor, 'plan', 'read', { agencyId: agency.id });
  return { agency, file: await workbookFor(db, agency, fiscalYear) };
}
