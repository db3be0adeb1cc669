/**
 * open.to_editable_ms / open.to_editable_throttled_ms (4× CPU): the tablet (this and last year's
 * ledgers in IndexedDB) cold-opens /requests/new; as soon as the form can take it, a request is
 * filled in and saved; the time is from navigation start until the app shows the saved request's
 * page and its row is in IndexedDB (the worker replies only after that commit). It includes the
 * worker loading this year's ledger, which the save needs. Median of 4 after one warm-up.
 */
import { spec, type Metric } from '../metric';
import { NEW_REQUEST_SCRIPT, run } from '../page-scripts';
import { median } from '../results';

/** Where the worker's start and each shard's load fell on the page's timeline (ms from navigation), to say what a save waited for. */
const TIMELINE = `performance.getEntries().filter((e) => e.name.startsWith('linli:worker-start') || e.name.startsWith('linli:load ') || e.name.startsWith('linli:save') || e.name.startsWith('linli:bench-form'))
  .map((e) => e.name.replace('linli:', '') + ' ' + e.startTime.toFixed(0) + (e.duration ? '–' + (e.startTime + e.duration).toFixed(0) : '')).join(', ')`;

export const editable: Metric = {
  name: 'editable',
  specs: [spec('open.to_editable_ms', 'ms', 1000), spec('open.to_editable_throttled_ms', 'ms', 3000)],
  needs: ['tablet'],
  budgetMs: 120_000,
  async run({ bench, record, wants, scope }) {
    const office = await bench.office();
    const { page, context, dbName } = await bench.tablet();
    // CDP throttles the page only; Chromium refuses Emulation.setCPUThrottlingRate for workers.
    const rates: [string, number][] = [['open.to_editable_ms', 1]];
    if (wants('open.to_editable_throttled_ms')) rates.push(['open.to_editable_throttled_ms', 4]);
    for (const [metric, rate] of rates) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      try {
        const times: number[] = [];
        let timeline = '';
        for (let i = 0; i < 5; i++) {
          scope.check();
          await page.goto(`${office.base}/requests/new`, { waitUntil: 'commit' });
          times.push(await run<number>(page, NEW_REQUEST_SCRIPT, { db: dbName, ms: 60_000, text: `厨房水龙头漏水 ${rate}-${i}` }, 60_000, 'new request saved'));
          timeline = await page.evaluate(TIMELINE);
        }
        record(metric, median(times.slice(1)), [rate > 1 ? 'page throttled, the sync worker not (Chromium cannot throttle workers)' : '', `last sample: ${timeline}, saved at ${times[times.length - 1].toFixed(0)}`].filter(Boolean).join('; '));
      } finally {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => undefined);
        await cdp.detach().catch(() => undefined);
      }
    }
  },
};
