import type { Transaction } from 'kysely';
import { MIN_GROUP_SIZE, suppressSmallGroups } from '@prongsai/core';
import type { Database } from '../db/schema.js';
import { SurveyRepository } from './repository.js';

/**
 * Responses per division as they may be shown: a group under 5 (none included) is null, and so are
 * as many more as it takes for the hidden ones to hold none or at least 5 together (the analysis'
 * own small-group rule). Groups go in by division id, so that every view of a round hides the same
 * ones. The total is null under 5.
 */
export function shownCounts(counts: ReadonlyMap<number, number>, divisionIds: readonly number[]) {
  const ids = [...new Set([0, ...divisionIds, ...counts.keys()])].sort((a, b) => a - b);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const shown = suppressSmallGroups(
    ids.map((id) => ({ tool: '', dimension: 'division', label: String(id), count: counts.get(id) ?? 0, percent: null })),
  );
  return {
    total: total >= MIN_GROUP_SIZE ? total : null,
    of: (id: number) => {
      const s = shown[ids.indexOf(id)];
      return !s || s.suppressed ? null : s.count;
    },
  };
}

/** A group whose count is hidden is short when its quota is 5 or more (it has fewer than 5); else when it has fewer than asked. */
export const isShort = (responses: number | null, required: number) =>
  responses === null ? required >= MIN_GROUP_SIZE : responses < required;

/** What the city's progress shows of a round: its responses as shown, its quota groups, those short and by how many. */
export interface ShownFigures {
  responses: number | null;
  quotaGroups: number;
  groupsShort: number;
  shortBy: number;
}

/** A round's figures from its counts and quotas by division, as its own progress shows them (nothing here undoes a hidden division). */
export function shownFigures(
  counts: readonly { division_id: number; responses: number }[],
  quotas: readonly { division_id: number; required: number }[],
): ShownFigures {
  const shown = shownCounts(
    new Map(counts.map((c) => [c.division_id, c.responses])),
    quotas.map((q) => q.division_id),
  );
  const short = quotas.filter((q) => isShort(shown.of(q.division_id), q.required));
  return {
    responses: shown.total,
    quotaGroups: quotas.length,
    groupsShort: short.length,
    shortBy: short.reduce((sum, q) => sum + q.required - (shown.of(q.division_id) ?? 0), 0),
  };
}

/**
 * Works out some rounds' figures from their counts and quotas and keeps them on the rounds, within
 * the caller's transaction (which holds the rounds, or writes the counts or quotas it keeps them for).
 */
export async function keepShownFigures(trx: Transaction<Database>, ids: readonly number[]): Promise<Map<number, ShownFigures>> {
  const repository = new SurveyRepository(trx);
  const { counts, quotas } = await repository.roundParts(ids);
  const kept = new Map<number, ShownFigures>();
  for (const id of ids) {
    const figures = shownFigures(
      counts.filter((c) => c.round_id === id),
      quotas.filter((q) => q.round_id === id),
    );
    await repository.keepShown(trx, id, figures);
    kept.set(id, figures);
  }
  return kept;
}
