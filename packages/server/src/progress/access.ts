import { authorize, policies, type Actor } from '../auth/policy.js';
import { HttpError, notFound } from '../http/errors.js';
import type { MeasureEntry } from '../db/schema.js';
import { findPlan } from '../measures/repository.js';
import { reportTarget, type ProgressRepository, type RoundScope } from './repository.js';
import type { revisionSchema } from './schemas.js';
import type { z } from 'zod';

export const roundLocked = () =>
  new HttpError(
    409,
    'round-approved',
    'the round is approved and locked; reopen it as a new revision to change it',
    'รอบนี้อนุมัติแล้วจึงแก้ไขไม่ได้ ต้องเปิดฉบับแก้ไขใหม่ก่อน',
  );

/**
 * The plan and round of an agency's fiscal year, if the actor may read the plan: the one reading of a
 * round, for the progress service and for the calendar, documents, open data and publishing.
 */
export async function readableRound(
  repository: ProgressRepository,
  actor: Actor,
  agencyId: number,
  fiscalYear: number,
  kind: number,
): Promise<RoundScope> {
  authorize(actor, 'plan', 'read', { agencyId });
  const plan = await findPlan(repository.executor, agencyId, fiscalYear);
  if (!plan) throw notFound('plan');
  const round = await repository.roundOfPlan(plan.id, kind);
  if (!round) throw notFound('round');
  return { agencyId, plan, round };
}

/**
 * The entries of a round the actor may read (a division editor: their division's and every
 * division's), so a screen, a document, an export or a revision never shows more than the policy allows.
 */
export async function readableEntries(repository: ProgressRepository, actor: Actor, scope: RoundScope): Promise<MeasureEntry[]> {
  return (await repository.roundEntries(scope)).filter((e) => policies.report.read(actor, reportTarget(scope.agencyId, e)));
}

type Snapshot = z.infer<typeof revisionSchema>['snapshot'];
type RevisionEntry = { entry: { divisions: (number | 'all')[] } };

/** The approved revisions of a round, each cut down to the entries the actor may read. */
export async function readableRevisions(repository: ProgressRepository, actor: Actor, scope: RoundScope) {
  return (await repository.revisions(scope)).map((row) => {
    const snapshot = row.snapshot as Omit<Snapshot, 'entries'> & { entries?: (Snapshot['entries'][number] & RevisionEntry)[] };
    const entries = (snapshot.entries ?? []).filter((e) =>
      policies.report.read(actor, { agencyId: scope.agencyId, divisions: e.entry.divisions }),
    );
    return { ...row, snapshot: { ...snapshot, entries } };
  });
}
