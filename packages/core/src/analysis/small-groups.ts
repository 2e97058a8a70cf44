import type { RespondentStat } from '../inputs/import-content.js';

/** Groups of fewer respondents than this are never shown as numbers. */
export const MIN_GROUP_SIZE = 5;

export type ShownStat = RespondentStat & {
  suppressed: boolean;
  /** `small`: the group has fewer than the minimum; `complement`: hidden so that a small one cannot be worked out. */
  hiddenBecause: 'small' | 'complement' | null;
};

/**
 * Respondent statistics as they may be shown: within each breakdown (tool × dimension) a group
 * under `MIN_GROUP_SIZE` (0 included) shows neither count nor percent. When the hidden groups
 * together hold 1–4 people, the smallest shown groups are hidden as well until they hold at
 * least the minimum, so that no small group can be worked out by subtracting the shown groups
 * from the total a document prints.
 */
export function suppressSmallGroups(stats: readonly RespondentStat[], minimum = MIN_GROUP_SIZE): ShownStat[] {
  const hidden = new Set<RespondentStat>();
  const breakdowns = new Map<string, RespondentStat[]>();
  for (const stat of stats) {
    const key = `${stat.tool}\u0000${stat.dimension}`;
    breakdowns.set(key, [...(breakdowns.get(key) ?? []), stat]);
  }
  for (const groups of breakdowns.values()) {
    const small = groups.filter((g) => g.count !== null && g.count < minimum);
    small.forEach((g) => hidden.add(g));
    // The total minus what is shown gives the hidden groups' sum: it must be nobody, or at least
    // a group's minimum, so that it tells nothing about 1–4 people.
    let hiddenSum = small.reduce((sum, g) => sum + (g.count ?? 0), 0);
    const shown = groups.filter((g) => !hidden.has(g) && g.count !== null).sort((a, b) => (a.count ?? 0) - (b.count ?? 0));
    while (hiddenSum > 0 && hiddenSum < minimum && shown.length > 0) {
      const next = shown.shift()!;
      hidden.add(next);
      hiddenSum += next.count ?? 0;
    }
  }
  return stats.map((s) =>
    hidden.has(s)
      ? {
          ...s,
          count: null,
          percent: null,
          suppressed: true,
          hiddenBecause: s.count !== null && s.count < minimum ? ('small' as const) : ('complement' as const),
        }
      : { ...s, suppressed: false, hiddenBecause: null },
  );
}
