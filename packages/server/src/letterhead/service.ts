import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/repository.js';
import { authorize, type Actor } from '../auth/policy.js';
import type { Agency, Database } from '../db/schema.js';
import type { EvidenceStore } from '../evidence/store.js';
import { notFound } from '../http/errors.js';
import { readEmblem, removeEmblem, saveEmblem } from './emblem.js';

/** The agency's letterhead emblem (ตราครุฑ): read by its people, uploaded and removed by its secretariat. */
export class LetterheadService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: EvidenceStore,
  ) {}

  /** The emblem as a PNG; 404 when none was uploaded. */
  async emblem(actor: Actor, agency: Agency): Promise<Buffer> {
    authorize(actor, 'plan', 'read', { agencyId: agency.id });
    const emblem = await readEmblem(this.store.dataDir, agency.id);
    if (!emblem) throw notFound('emblem');
    return emblem;
  }

  /** Keeps an uploaded emblem (see `saveEmblem`) and answers its size in pixels. */
  async upload(actor: Actor, agency: Agency, data: Buffer): Promise<{ width: number; height: number }> {
    authorize(actor, 'plan', 'manage', { agencyId: agency.id });
    const size = await saveEmblem(this.db, this.store, agency.id, data);
    await recordAudit(this.db, {
      actorId: actor.id,
      action: 'update',
      entity: 'emblem',
      entityId: agency.id,
      agencyId: agency.id,
      after: size,
    });
    return size;
  }

  /** Removes the emblem: orders print the blank space of its size again. */
  async remove(actor: Actor, agency: Agency): Promise<void> {
    authorize(actor, 'plan', 'manage', { agencyId: agency.id });
    await removeEmblem(this.store.dataDir, agency.id);
    await recordAudit(this.db, {
      actorId: actor.id,
      action: 'delete',
      entity: 'emblem',
      entityId: agency.id,
      agencyId: agency.id,
    });
  }
}
