// Order statistics for the benchmark's samples.

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

/** The nearest-rank percentile `p` (0 to 100) of `samples`. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}
