/**
 * Item score from a published distribution: Σ share × points / 100.
 * `shares` and `points` are in the same option order.
 *
 * @example scoreFromShares([0.3, 1.12, 29.92, 68.66], [0, 33, 67, 100]) // 89.0800
 */
export function scoreFromShares(shares: readonly number[], points: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) sum += (shares[i] ?? 0) * (points[i] ?? 0);
  return sum / 100;
}

/**
 * Item score from tallied answers: the mean of the respondents' points.
 * Returns `null` when nobody answered (missing answers are never counted as 0).
 *
 * @example scoreFromCounts([0, 1, 0, 3], [0, 33, 67, 100]) // 83.25
 */
export function scoreFromCounts(counts: readonly number[], points: readonly number[]): number | null {
  let answered = 0;
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const n = counts[i] ?? 0;
    answered += n;
    sum += n * (points[i] ?? 0);
  }
  return answered === 0 ? null : sum / answered;
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
