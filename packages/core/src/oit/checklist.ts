import type { CompiledFramework } from '../framework/compile.js';
import type { OitItemData } from '../framework/schema.js';

/** Where an OIT item of the agency stands, from the division's first document to the executive's approval. */
export type OitTaskStatus = 'todo' | 'submitted' | 'returned' | 'accepted';
export const OIT_TASK_STATUSES: readonly OitTaskStatus[] = ['todo', 'submitted', 'returned', 'accepted'];

/** What rolling a checklist over from last year says of an item. */
export type OitCarry = 'carried' | 'renamed' | 'new';

export interface OitChecklistItem {
  code: string;
  indicator: number;
  subIndicator: string | null;
  name: string | null;
  requirement: string | null;
  /** Last year's codes the item continues (its own code where it existed). */
  previousCodes: string[];
  carry: OitCarry;
}

/** The assignment of an item in last year's checklist. */
export interface PreviousAssignment {
  code: string;
  name: string | null;
  divisionIds: number[];
}

/**
 * The OIT default due date of a fiscal year, as the BMA districts set it (seed 002: evidence named by
 * item code by 31 March): 31 March of the fiscal year, as an ISO date.
 */
export function defaultOitDueDate(fiscalYear: number): string {
  return `${fiscalYear - 543}-03-31`;
}

const nameOf = (item: OitItemData) => item.name?.th ?? null;

/** A name as compared: without spaces, punctuation or digits, so "ข้อมูลผู้บริหาร" and "ข้อมูล ผู้บริหาร:" are one. */
const comparable = (name: string) => name.replace(/[\s\p{P}\p{S}0-9๐-๙]/gu, '');

/** Character-bigram overlap of two names (Dice coefficient, 0 to 1). */
export function nameSimilarity(a: string, b: string): number {
  const bigrams = (text: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < text.length - 1; i++) out.set(text.slice(i, i + 2), (out.get(text.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const [x, y] = [bigrams(comparable(a)), bigrams(comparable(b))];
  let shared = 0;
  let total = 0;
  for (const [gram, n] of x) shared += Math.min(n, y.get(gram) ?? 0);
  for (const n of [...x.values(), ...y.values()]) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** How alike two names must be for an item to carry over by its name alone. */
export const SIMILAR_NAME = 0.8;

/**
 * The year's OIT items as tasks of the agency, each mapped onto last year's checklist: by the
 * codes the framework names (`previousCodes`), else by the same code, else by a name the same or
 * nearly so (`SIMILAR_NAME`; it also wins over a same-code item of another name). An item with no
 * match is new; one whose name changed is flagged renamed. Divisions carry over from the matched items.
 */
export function oitChecklist(
  framework: CompiledFramework,
  previous: readonly PreviousAssignment[] | null,
): (OitChecklistItem & { divisionIds: number[] })[] {
  const byCode = new Map((previous ?? []).map((p) => [p.code, p]));
  const named = (previous ?? []).filter((p) => p.name !== null);
  return framework.data.oitItems.map((item) => {
    const codes = item.previousCodes ?? [item.code];
    let matched = previous === null ? [] : codes.map((c) => byCode.get(c)).filter((p): p is PreviousAssignment => !!p);
    const name = nameOf(item);
    // Without codes named by the set, an item may continue last year's of the same or nearly the same name
    // under another code (the codes were renumbered): that match wins over a same-code item of another name.
    const sameCodeOtherName =
      matched.length === 1 && matched[0]!.name !== null && name !== null && nameSimilarity(name, matched[0]!.name) < 0.5;
    if ((matched.length === 0 || sameCodeOtherName) && name !== null && item.previousCodes === undefined) {
      const best = named
        .map((p) => ({ p, score: nameSimilarity(name, p.name!) }))
        .filter((c) => c.score >= SIMILAR_NAME)
        .sort((a, b) => b.score - a.score)[0];
      if (best) matched = [best.p];
    }
    const carry: OitCarry =
      previous === null || matched.length === 0
        ? 'new'
        : matched.some((p) => p.name !== null && name !== null && p.name !== name)
          ? 'renamed'
          : 'carried';
    return {
      code: item.code,
      indicator: item.indicator,
      subIndicator: item.subIndicator ?? null,
      name,
      requirement: item.disclosure?.th ?? null,
      previousCodes: matched.map((p) => p.code),
      carry: previous === null ? 'new' : carry,
      divisionIds: [...new Set(matched.flatMap((p) => p.divisionIds))].sort((a, b) => a - b),
    };
  });
}

export interface OitBoardTask {
  code: string;
  status: OitTaskStatus;
  dueDate: string | null;
  divisionIds: number[];
}

export interface OitBoard {
  counts: Record<OitTaskStatus, number>;
  overdue: string[];
  unassigned: string[];
  /** Per division: the items it still owes (not yet accepted), and which of them are overdue. */
  owed: { divisionId: number; codes: string[]; overdue: string[] }[];
}

/** A task is overdue once its due date has passed and it is not yet with the secretariat or accepted. */
export function isOitOverdue(task: OitBoardTask, today: string): boolean {
  return task.dueDate !== null && task.dueDate < today && (task.status === 'todo' || task.status === 'returned');
}

/** The board's summary: counts by status, what is overdue, and what each division still owes. */
export function oitBoard(tasks: readonly OitBoardTask[], today: string): OitBoard {
  const counts: Record<OitTaskStatus, number> = { todo: 0, submitted: 0, returned: 0, accepted: 0 };
  const owed = new Map<number, { codes: string[]; overdue: string[] }>();
  for (const task of tasks) {
    counts[task.status]++;
    if (task.status === 'accepted') continue;
    for (const division of task.divisionIds) {
      const entry = owed.get(division) ?? { codes: [], overdue: [] };
      entry.codes.push(task.code);
      if (isOitOverdue(task, today)) entry.overdue.push(task.code);
      owed.set(division, entry);
    }
  }
  return {
    counts,
    overdue: tasks.filter((t) => isOitOverdue(t, today)).map((t) => t.code),
    unassigned: tasks.filter((t) => t.divisionIds.length === 0).map((t) => t.code),
    owed: [...owed.entries()].sort(([a], [b]) => a - b).map(([divisionId, entry]) => ({ divisionId, ...entry })),
  };
}
