/**
 * ledger.load_10k_ms: what loading this year's ledger (REQUESTS requests, in IndexedDB) costs the
 * page's main thread now that the sync worker does it: the tablet is reopened, the worker reports
 * the load (`linli:load ledger-YYYY`, a performance measure on the page's timeline, see
 * office-client.ts), and the longest main-thread task overlapping it is the figure; median of 3.
 * ledger.load_10k_worker_ms: the worker's own load time of that year (IndexedDB read + replay
 * in one transaction), from the same measure.
 */
import { ledgerShardAt } from '../../../src/domain/shards';
import { spec, type Metric } from '../metric';
import { SIZES } from '../office';
import { WAIT_ENTRY, longestTask, run } from '../page-scripts';
import { median } from '../results';

export const ledgerLoad: Metric = {
  name: 'ledger-load',
  specs: [spec('ledger.load_10k_ms', 'ms', 100), spec('ledger.load_10k_worker_ms', 'ms', null)],
  needs: ['tablet'],
  budgetMs: 90_000,
  async run({ bench, record }) {
    const office = await bench.office();
    const { page } = await bench.tablet();
    const main: { value: number; reason?: string }[] = [];
    const worker: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${office.base}/customers`);
      const [start, duration] = await run<[number, number]>(page, WAIT_ENTRY, { name: `linli:load ${ledgerShardAt(new Date().toISOString())}`, ms: 120_000 }, 120_000, 'ledger load measure');
      await page.waitForTimeout(300); // a task still running at the end of the load is reported when it ends
      main.push(await longestTask(page, start, start + duration));
      worker.push(duration);
    }
    const mid = median(main.map((m) => m.value));
    const sizes = `${SIZES.requests} requests`;
    record('ledger.load_10k_ms', mid, [main.find((m) => m.value === mid)?.reason, sizes].filter(Boolean).join('; '));
    record('ledger.load_10k_worker_ms', median(worker), sizes);
  },
};
