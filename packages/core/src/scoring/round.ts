/**
 * Rounds half up to 2 decimals, the way scores are published.
 * The product is taken to 12 significant digits first so that binary noise
 * (88.035 stored as 88.03499999…) does not decide the rounding.
 *
 * @example round2(88.0368) // 88.04
 */
export function round2(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

/** A score as published: 2 decimals, e.g. `94.87`. */
export function formatScore(value: number): string {
  return round2(value).toFixed(2);
}
