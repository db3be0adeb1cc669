/**
 * tablet.<metric>: the desk figures of the target table measured again on an emulated
 * tablet — the whole browser (page, sync worker, service worker) inside a cgroup at a quarter of
 * one core (../cgroup.ts; the bench and the relay outside it), reopening the desk's joined
 * profile (../tablet-bench.ts). Each figure is the desk metric's own code and method, with the
 * tablet target. Where no cgroup can be made every figure is null with the reason.
 * A quota slices time into 100 ms periods, so a long task shows stretched and in pieces: compare
 * these with the tablet targets, not with the desk figures.
 */
import { Scope, within } from '../scope';
import { spec, type Metric } from '../metric';
import { makeTabletGroup } from '../cgroup';
import { TabletBench } from '../tablet-bench';
import { open } from './open';
import { editable } from './editable';
import { search, queue, today } from './desk';
import { mainThread } from './main-thread';
import { dashboard, dashboardOnTablet } from './dashboard';

/** The desk metric → its tablet target (issue 23's table). */
export const TABLET_TARGETS: Record<string, number> = {
  'open.cold_ms': 1000,
  'open.to_editable_ms': 3000,
  'customers.search.p95_ms': 100,
  'requests.queue_first_render_ms': 200,
  'today.first_render_ms': 400,
  'main.longest_task_ms': 200,
  'dashboard.year_10k_ms': 800,
};
/** In this order; the dashboard last (it closes the bench profile's slowed browser and opens its own office's profile). */
const INNER: Metric[] = [open, editable, search, queue, today, mainThread, dashboard];
const unitOf = (name: string) => INNER.flatMap((m) => m.specs).find((s) => s.metric === name)?.unit ?? 'ms';

export const tablet: Metric = {
  name: 'tablet',
  specs: Object.entries(TABLET_TARGETS).map(([name, target]) => spec(`tablet.${name}`, unitOf(name), target)),
  needs: ['office'],
  budgetMs: 720_000,
  async run({ bench, scope, record, fail, wants }) {
    const asked = (name: string) => name in TABLET_TARGETS && wants(`tablet.${name}`);
    const made = await makeTabletGroup();
    if (!('group' in made)) {
      for (const name of Object.keys(TABLET_TARGETS)) if (asked(name)) fail(`tablet.${name}`, made.reason);
      return;
    }
    const group = made.group;
    const tb = scope.defer(new TabletBench(bench, group), (t) => t.close());
    console.log(`  (tablet: ${group.describe})`);
    for (const listed of INNER) {
      // The dashboard reopens its own office's profile in the group (not a join at a quarter core).
      const inner = listed === dashboard ? dashboardOnTablet(tb) : listed;
      const names = inner.specs.map((s) => s.metric).filter(asked);
      if (!names.length) continue;
      const sub = new Scope(Math.min(inner.budgetMs * 3, scope.left()));
      const t0 = Date.now();
      try {
        await within(
          inner.run({
            bench: tb,
            scope: sub,
            record: (name, value, reason) => asked(name) && record(`tablet.${name}`, value, [reason, 'tablet: a quarter of one core'].filter(Boolean).join('; ')),
            fail: (name, reason) => asked(name) && fail(`tablet.${name}`, reason),
            wants: asked,
          }),
          sub.left(),
          `tablet ${inner.name}`,
        );
      } catch (err) {
        const why = `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
        for (const name of names) fail(`tablet.${name}`, why);
      } finally {
        await sub.close();
        console.log(`  (tablet ${inner.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      }
    }
  },
};
