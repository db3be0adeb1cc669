import type { Bench } from './office';
import type { Results, Spec } from './results';
import type { Scope } from './scope';

export interface MetricRun {
  bench: Bench;
  scope: Scope;
  /** Records one of this module's metrics. */
  record(metric: string, value: number, reason?: string): void;
  /** Records one of this module's metrics as not measured. */
  fail(metric: string, reason: string): void;
  /** Whether BENCH_ONLY asked for this metric (a module may skip a costly part nobody asked for). */
  wants(metric: string): boolean;
}

/** One file of metrics/: what it measures, how long it may take at full size, and how. */
export interface Metric {
  name: string;
  specs: Spec[];
  /** What it needs built first; built under its own time limit, not this metric's budget. */
  needs: ('office' | 'tablet' | 'browser')[];
  budgetMs: number;
  run(ctx: MetricRun): Promise<void>;
}

export const spec = (metric: string, unit: string, target: number | null): Spec => ({ metric, unit, target });

export type { Results };
