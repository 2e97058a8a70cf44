import type { Kysely } from 'kysely';
import { now } from '../db/database.js';
import type { Agency, Database } from '../db/schema.js';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import { notFound } from '../http/errors.js';
import { findAgency, insertAgency, insertDivision, listDivisions } from './repository.js';
import { BANGKOK_DISTRICTS, slugify, STANDARD_DIVISIONS } from './reference-data.js';

/** Adds an agency with the standard district divisions, in one transaction with its audit entry. */
export async function createAgency(
  db: Kysely<Database>,
  actorId: number | null,
  agency: { code: string; slug?: string | undefined; name_th: string; name_en: string; kind: Agency['kind'] },
  withStandardDivisions: boolean,
): Promise<Agency> {
  return db.transaction().execute(async (trx) => {
    const created = await insertAgency(trx, {
      code: agency.code,
      slug: agency.slug ?? slugify(agency.name_en),
      name_th: agency.name_th,
      name_en: agency.name_en,
      kind: agency.kind,
      created_at: now(),
    });
    if (withStandardDivisions) {
      for (const [i, division] of STANDARD_DIVISIONS.entries()) {
        await insertDivision(trx, {
          agency_id: created.id,
          name_th: division.th,
          name_en: division.en,
          sort_order: i + 1,
          created_at: now(),
        });
      }
    }
    await recordAudit(trx, {
      actorId,
      action: 'create',
      entity: 'agency',
      entityId: created.id,
      agencyId: created.id,
      after: created,
    });
    return created;
  });
}

/** Makes sure all 50 Bangkok district offices exist, each with the standard divisions. Idempotent. */
export async function ensureReferenceAgencies(db: Kysely<Database>): Promise<number> {
  let added = 0;
  for (const district of BANGKOK_DISTRICTS) {
    if (await findAgency(db, district.code)) continue;
    await createAgency(
      db,
      null,
      {
        code: district.code,
        name_th: `สำนักงานเขต${district.th}`,
        name_en: `${district.en} District Office`,
        slug: slugify(district.en),
        kind: 'district',
      },
      true,
    );
    added++;
  }
  return added;
}

export { listDivisions };

/** The agency named by code, slug or id, if the actor may see it; otherwise 404. */
export async function readableAgency(db: Kysely<Database>, actor: Actor, ref: string): Promise<Agency> {
  const agency = await findAgency(db, ref);
  if (!agency) throw notFound('agency');
  authorize(actor, 'agency', 'read', { id: agency.id });
  return agency;
}
