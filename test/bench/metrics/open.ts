/**
 * open.cold_ms / open.cold_throttled_ms: the service-worker-cached app reopened on the tablet
 * (8,000 customers and two ledgers in IndexedDB) until the first list rows are on screen
 * (`linli:list-rendered`), median of 6 after one warm-up, the second at 4× CPU throttle.
 * bundle.first_load_kib: gzip size of the scripts that open fetched before that mark, plus the
 * sync worker's script if the page started the worker before it (`linli:worker-start`; a
 * worker's fetch is not in the page's resource timing, so it is counted from dist/).
 * bundle.worker_kib: the sync worker's script with its static imports, whenever it loads.
 */
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { spec, type Metric } from '../metric';
import { DIST } from '../office';
import { WAIT_ENTRY, run } from '../page-scripts';
import { median } from '../results';

export async function coldOpen(page: Page, base: string, times = 7): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    await page.goto(`${base}/customers`);
    const [at] = await run<[number]>(page, WAIT_ENTRY, { name: 'linli:list-rendered', ms: 60_000 }, 60_000, 'first list');
    ms.push(at);
  }
  return median(ms.slice(1));
}

/** A built script and every chunk it imports statically, as dist/ paths. */
async function scriptClosure(path: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(path)) return seen;
  seen.add(path);
  const text = await readFile(DIST + path, 'utf8');
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[^'"`()]*?from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)) await scriptClosure(dir + m[1].slice(2), seen);
  return seen;
}

export const open: Metric = {
  name: 'open',
  specs: [spec('open.cold_ms', 'ms', 300), spec('bundle.first_load_kib', 'KiB', 150), spec('bundle.worker_kib', 'KiB', null), spec('open.cold_throttled_ms', 'ms', 600)],
  needs: ['tablet'],
  budgetMs: 90_000,
  async run({ bench, record, wants }) {
    const office = await bench.office();
    const { page, context } = await bench.tablet();
    record('open.cold_ms', await coldOpen(page, office.base));

    const { scripts, workerFirst } = (await page.evaluate(`(() => {
      const mark = performance.getEntriesByName('linli:list-rendered')[0].startTime;
      const worker = performance.getEntriesByName('linli:worker-start')[0];
      return {
        scripts: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js') && r.startTime <= mark).map((r) => new URL(r.name).pathname),
        workerFirst: !!worker && worker.startTime <= mark,
      };
    })()`)) as { scripts: string[]; workerFirst: boolean };
    const pageScripts = new Set(scripts);
    const workerEntry = (await readdir(`${DIST}/assets`)).find((f) => /^office-worker-.*\.js$/.test(f));
    const workerScripts = workerEntry ? await scriptClosure(`/assets/${workerEntry}`) : new Set<string>();
    const gz = async (paths: Iterable<string>) => {
      let n = 0;
      for (const p of paths) n += gzipSync(await readFile(DIST + p)).length;
      return n / 1024;
    };
    const total = await gz(new Set([...pageScripts, ...(workerFirst ? workerScripts : [])]));
    const workerKiB = await gz(workerScripts);
    const how = !workerEntry
      ? 'no sync worker script found in dist/'
      : workerFirst
        ? `includes the sync worker's ${workerKiB.toFixed(1)} KiB: the page started it before the first list (counted from dist/)`
        : `page scripts only: the sync worker (${workerKiB.toFixed(1)} KiB) started after the first list was on screen`;
    record('bundle.first_load_kib', total, how);
    record('bundle.worker_kib', workerKiB);

    if (!wants('open.cold_throttled_ms')) return;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    try {
      record('open.cold_throttled_ms', await coldOpen(page, office.base));
    } finally {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    }
  },
};
