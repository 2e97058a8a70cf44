import { authorize, policies, type Actor } from '../auth/policy.js';
import { notFound } from '../http/errors.js';
import { taskTarget, type ChecklistScope, type OitRepository } from './repository.js';

/**
 * The checklist of a year with the tasks the actor may read; 404 if there is none or it is not theirs.
 * The one reading of a checklist: the OIT service's and the calendar's (tasks, task sheets).
 */
export async function readableChecklist(
  repository: OitRepository,
  actor: Actor,
  agencyId: number,
  fiscalYear: number,
): Promise<ChecklistScope> {
  authorize(actor, 'oitChecklist', 'read', { agencyId });
  const checklist = await repository.findChecklist(agencyId, fiscalYear);
  if (!checklist) throw notFound('OIT checklist');
  const tasks = (await repository.allTasks(checklist.id)).filter((view) => policies.oitTask.read(actor, taskTarget(view)));
  return { checklist, tasks };
}
