/**
 * The two summaries every duration figure uses, so the runs panel, `pipewright stats` and the
 * delivery metrics agree on what "p50" and "p90" mean.
 */

/** Median of ascending values: the middle one, or the mean of the middle two for an even count. */
export function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/**
 * Nearest-rank percentile of ascending values: the smallest value that at least `p` percent of the
 * values are at or below. Always a value that occurred, never an interpolation.
 */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}
