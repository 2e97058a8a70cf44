import {
  compileFramework,
  frameworkReadiness,
  problemInThai,
  type FrameworkData,
  type FrameworkProblem,
  type FeatureReadiness,
} from '@prongsai/core';
import { authorize, type Actor } from '../auth/policy.js';
import { availableFrameworks, loadFramework } from './registry.js';

/** A set being edited, as the editor sees it checked: each problem in Thai, and the readiness of each feature. */
export interface DraftCheck {
  problems: (FrameworkProblem & { th: string })[];
  /** Null while the set has problems: readiness is of a set that compiles. */
  readiness: FeatureReadiness[] | null;
  /** The id is taken already: publishing needs another (a published set never changes). */
  idTaken: boolean;
}

/**
 * The data of a set to start a new one from (central admins): the same content under a new id,
 * provisional, its provenance naming the set it was made from. Nothing is saved.
 */
export function draftFrom(actor: Actor, fromId: string, newId: string): FrameworkData {
  authorize(actor, 'framework', 'import', undefined);
  return derivedFramework(fromId, newId);
}

/** A set's data under a new id, provisional, its provenance naming the set it was made from (no checks of rights). */
export function derivedFramework(fromId: string, newId: string): FrameworkData {
  const from = loadFramework(fromId);
  const data = structuredClone(from.data) as FrameworkData & { provenance?: unknown };
  const provenance = (Array.isArray(data.provenance) || !data.provenance ? null : data.provenance) as {
    sources: { id: string; kind: string; citation: string; gave: string }[];
    provisional: boolean;
    confirmedBy: string | null;
    confirmedAt: string | null;
    unknowns: string[];
    notes?: string[];
  } | null;
  return {
    ...data,
    id: newId,
    provenance: {
      sources: [
        ...(provenance?.sources ?? []),
        {
          id: 'derived-from',
          kind: 'inference',
          citation: `framework ${from.id}`,
          gave: `started from ${from.id}; every part not edited is ${from.id}'s`,
        },
      ].filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i),
      provisional: true,
      confirmedBy: null,
      confirmedAt: null,
      unknowns: provenance?.unknowns ?? [],
      ...(provenance?.notes ? { notes: provenance.notes } : {}),
    },
  } as FrameworkData;
}

/** Checks a set being edited (central admins): nothing is saved. */
export function checkDraft(actor: Actor, data: unknown): DraftCheck {
  authorize(actor, 'framework', 'import', undefined);
  const compiled = compileFramework(data, 'editor');
  const id = (data as { id?: unknown } | null)?.id;
  const idTaken = typeof id === 'string' && availableFrameworks().includes(id);
  if (!compiled.ok) {
    return { problems: compiled.problems.map((p) => ({ ...p, th: problemInThai(p) })), readiness: null, idTaken };
  }
  return { problems: [], readiness: frameworkReadiness(compiled.framework), idTaken };
}
