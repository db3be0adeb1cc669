/**
 * `npm run bench`: measures the speed targets against a generated office of realistic size and
 * writes test/bench/results.json ([{metric, value, unit, target, reason?}]). Never part of `npm test`.
 *
 * It cannot hang: every metric (metrics/*.ts) runs under its own time budget and the whole run
 * under BENCH_DEADLINE_S (default 1,170 s, so that `npm run bench` with its build stays within
 * 20 minutes); a metric that fails or runs out of time is written with `value: null` and the
 * reason, and the next one runs. BENCH_ONLY=open.cold,relay runs the metrics whose names start
 * with one of those; BENCH_CUSTOMERS / BENCH_UNITS / BENCH_REQUESTS shrink the office;
 * BENCH_RELAY_STEPS / BENCH_RELAY_WINDOW_S shape the relay ramp (metrics/relay-capacity.ts).
 * BENCH_YEARS (default 2) is how many years of ledgers the office holds (memory.renderer_mb's
 * target is 350 MB from 5 years). BENCH_ONLY=tablet runs the tablet mode alone (metrics/tablet.ts:
 * the browser in a quarter-core cgroup), BENCH_ONLY=tablet.open.cold one of its figures.
 */
import { type Metric } from './metric';
import { editable } from './metrics/editable';
import { importMetric } from './metrics/import';
import { ledgerLoad } from './metrics/ledger-load';
import { mainThread } from './metrics/main-thread';
import { nodeSync } from './metrics/node-sync';
import { open } from './metrics/open';
import { print } from './metrics/print';
import { relayCapacity } from './metrics/relay-capacity';
import { create } from './metrics/create';
import { dashboard } from './metrics/dashboard';
import { pageOpen, queue, search, today } from './metrics/desk';
import { tabletsSync } from './metrics/tablets-sync';
import { join } from './metrics/join';
import { memory } from './metrics/memory';
import { tablet } from './metrics/tablet';
import { relayOffice } from './metrics/relay-office';
// Attachments (issue 19): a photo's thumbnail from one tablet to another (store level, and page to
// page with the tablet's memory after 50 photos)
import { attachments } from './metrics/attachments';
import { attachmentsPage } from './metrics/attachments-page';
import { Bench, SIZES } from './office';
import { Results } from './results';
import { Scope, TimeoutError, within } from './scope';

// The order matters: relay-capacity first, while nothing else of the bench runs (it pins this
// process to one core); ledger-load and editable before main-thread (which adds 2 × 1,000
// requests to the year); node-sync, which has no target, last, so that it is the one the
// deadline cuts. The join, memory, photo and tablet figures reopen one profile joined at desk
// speed (join first: it is that join); the photos before relay-office (which spawns a relay of its
// own) and the tablet mode, the longest group, last but one.
const METRICS: Metric[] = [relayCapacity, open, ledgerLoad, editable, mainThread, search, pageOpen, queue, today, tabletsSync, importMetric, print, dashboard, create, join, memory, attachments, attachmentsPage, relayOffice, tablet, nodeSync];
/** BENCH_BUDGET_SCALE=2 on a slower machine gives every metric and shared setup twice its time (the total deadline still holds). */
const SCALE = Number(process.env.BENCH_BUDGET_SCALE ?? 1);
/** A shared setup's limit (the office, the tablet's join), scaled as the metrics' budgets are. */
const SETUP_MS = 300_000 * SCALE;

const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (metric: string) => !only.length || only.some((o) => metric.startsWith(o));
const started = Date.now();
const deadline = started + Number(process.env.BENCH_DEADLINE_S ?? 1170) * 1000;
const results = new Results();
const bench = new Bench();

/** Writes a null for every selected metric not measured yet. */
function fillMissing(reason: string, metrics: Metric[] = METRICS): void {
  for (const m of metrics) for (const s of m.specs) if (wanted(s.metric) && !results.has(s.metric)) results.fail(s, reason);
}

// Last resort, should a cleanup itself hang: write what there is and leave.
const watchdog = setTimeout(() => {
  fillMissing('the bench hit its total deadline');
  void results.write().finally(() => process.exit(3));
}, deadline - Date.now() + 20_000);
watchdog.unref();

/**
 * Each shared setup is waited for under one time limit for the whole run: once it failed or
 * timed out, the metrics that need it are written as null at once instead of waiting again.
 */
const setups = new Map<string, Promise<unknown>>();
function setup(need: Metric['needs'][number]): Promise<unknown> {
  let p = setups.get(need);
  if (!p) {
    const make = need === 'tablet' ? bench.tablet() : need === 'office' ? bench.office() : bench.browser();
    p = within<unknown>(make, Math.max(1_000, Math.min(SETUP_MS, deadline - Date.now())), `setup: ${need}`);
    setups.set(need, p);
  }
  return p;
}

async function runMetric(metric: Metric): Promise<void> {
  const left = () => deadline - Date.now();
  if (left() < 5_000) return fillMissing('not run: the total deadline was reached', [metric]);
  const t0 = Date.now();
  try {
    for (const need of metric.needs) await setup(need);
  } catch (err) {
    return fillMissing(`setup failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, [metric]);
  }
  const scope = new Scope(Math.min(metric.budgetMs * SCALE, left()));
  const own = (name: string) => {
    const s = metric.specs.find((x) => x.metric === name);
    if (!s) throw new Error(`${metric.name} does not declare ${name}`);
    return s;
  };
  try {
    await within(
      metric.run({
        bench,
        scope,
        record: (name, value, reason) => results.record(own(name), value, reason),
        fail: (name, reason) => results.fail(own(name), reason),
        wants: wanted,
      }),
      scope.left(),
      metric.name,
    );
  } catch (err) {
    const why = err instanceof TimeoutError ? err.message : `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
    if (!(err instanceof TimeoutError)) console.error(err);
    for (const s of metric.specs) if (!results.has(s.metric)) results.fail(s, why);
  } finally {
    await scope.close();
    console.log(`  (${metric.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    await results.write();
  }
}

async function main(): Promise<void> {
  const selected = METRICS.filter((m) => m.specs.some((s) => wanted(s.metric)));
  if (!selected.length) throw new Error(`BENCH_ONLY=${only.join(',')} names no metric; metrics: ${METRICS.flatMap((m) => m.specs.map((s) => s.metric)).join(', ')}`);
  console.log(`Bench: ${selected.map((m) => m.name).join(', ')} (sizes: ${SIZES.customers} customers, ${SIZES.units} units, ${SIZES.requests} requests a year, ${SIZES.years} years)`);
  for (const metric of selected) await runMetric(metric);
  await bench.close();
  await results.write();
  console.log(`written test/bench/results.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  async (err) => {
    console.error(err);
    fillMissing(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
    await results.write().catch(() => undefined);
    process.exit(1);
  },
);
