/**
 * Quantiles by the nearest-rank method: the p-quantile of n sorted values is the value at rank
 * ceil(p·n). It is always one of the measured values (a "median response time of 2.0 h" is a
 * request that took 2.0 h), and easy to check by hand: the median of [1, 2, 3, 4] is 2.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p90 = (values: readonly number[]) => quantile(values, 0.9);

/** A share in percent, null when there is nothing to divide by (an empty month has no rate). */
export function percent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (numerator / denominator) * 100 : null;
}
