/**
 * memory.renderer_mb: the tablet's renderer process RSS (the page and its dedicated sync worker
 * share that process), from /proc/<pid>/status, after the app is opened on the customer list and
 * has loaded and synced its live shards (the directory, this and last month's ledgers — the hot
 * set, src/domain/shards.ts `hotLedgers`; older months stay on disk): the desk's joined profile
 * reopened in a browser of its own with one tab. BENCH_YEARS=5 puts five years on the relay and
 * in the profile's IndexedDB; the figure must not grow with them.
 */
import { spec, type Metric } from '../metric';
import { hotLedgers } from '../../../src/domain/shards';
import { SIZES } from '../office';
import { WAIT_ENTRY, run } from '../page-scripts';
import { launchInGroup, rendererRss } from '../tablet-browser';

export const memory: Metric = {
  name: 'memory',
  specs: [spec('memory.renderer_mb', 'MB', SIZES.years >= 5 ? 350 : 300)],
  needs: ['office'],
  budgetMs: 180_000,
  async run({ bench, record, scope }) {
    const office = await bench.office();
    const profile = await bench.profile();
    const b = scope.defer(await launchInGroup(profile.dir, null), (x) => x.close());
    const context = b.browser.contexts()[0];
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${office.base}/customers`);
    await page.getByText(`共 ${SIZES.customers} 位客户`).waitFor({ timeout: 120_000 });
    const hot = hotLedgers(new Date().toISOString());
    for (const shard of hot) await run(page, WAIT_ENTRY, { name: `linli:load ${shard}`, ms: 120_000 }, 120_000, `${shard} loaded`);
    await page.waitForFunction(`document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'synced'`, null, { timeout: 120_000 });
    await page.waitForTimeout(3000); // what the sync's handshakes allocated is counted
    const renderers = rendererRss(b.pid);
    if (!renderers.length) throw new Error('no renderer process found under the browser');
    record('memory.renderer_mb', renderers[0].mb, `${SIZES.years} years on the relay, ${hot.join(' and ')} loaded; renderers: ${renderers.map((r) => r.mb.toFixed(0)).join(', ')} MB`);
  },
};
