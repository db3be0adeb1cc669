/**
 * The bench's output: one row per metric, written to results.json after every metric so that a
 * run stopped half-way still leaves what it measured. A metric that could not be measured is a
 * row with `value: null` and the reason, never a missing row and never a hang.
 */
import { readFile, writeFile } from 'node:fs/promises';

export interface Result {
  metric: string;
  value: number | null;
  unit: string;
  target: number | null;
  /** Why the value is null, or what qualifies it (an upper bound, a lower bound, the sizes used). */
  reason?: string;
}

export interface Spec {
  metric: string;
  unit: string;
  target: number | null;
}

export const RESULTS_FILE = 'test/bench/results.json';

export class Results {
  readonly rows: Result[] = [];

  record(spec: Spec, value: number, reason?: string): void {
    this.put({ ...spec, value: Math.round(value * 100) / 100, ...(reason ? { reason } : {}) });
  }

  fail(spec: Spec, reason: string): void {
    this.put({ ...spec, value: null, reason });
  }

  has(metric: string): boolean {
    return this.rows.some((r) => r.metric === metric);
  }

  private put(row: Result): void {
    const i = this.rows.findIndex((r) => r.metric === row.metric);
    if (i >= 0) this.rows[i] = row;
    else this.rows.push(row);
    const shown = row.value === null ? 'null' : String(row.value);
    const met = row.value === null || row.target === null ? '' : row.value <= row.target ? 'met' : 'NOT MET';
    console.log(`${row.metric.padEnd(36)} ${shown.padStart(10)} ${row.unit.padEnd(4)} target ${String(row.target ?? '—').padEnd(6)} ${met}${row.reason ? `  (${row.reason})` : ''}`);
  }

  /**
   * Writes this run's rows over the previous file's: metrics not run this time (BENCH_ONLY) keep
   * their last value, so the lead and helpers can each run a part.
   */
  async write(file = RESULTS_FILE): Promise<void> {
    const previous = await readFile(file, 'utf8').then((s) => JSON.parse(s) as Result[]).catch(() => [] as Result[]);
    const merged = [...previous.filter((p) => !this.has(p.metric)), ...this.rows];
    await writeFile(file, JSON.stringify(merged, null, 2) + '\n');
  }
}

export const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
export const median = (xs: number[]): number => quantile(xs, 0.5);
