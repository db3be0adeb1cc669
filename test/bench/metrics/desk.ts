/**
 * The receptionist's desk in steady state (documents loaded, in sync), on the tablet:
 * customers.search.p95_ms — for every 200th customer a name fragment, phone digits and the unit
 * code in two forms, plus 8 pinyin and initials queries, typed into the box until their results show;
 * customers.page_open_ms — list row click to the 360° page, median of 20;
 * requests.queue_first_render_ms — nav click to the first queue rows with this and last year's
 * requests on the device, median of 7;
 * today.first_render_ms — nav click to 今日's lists on screen (the bench office has 20 plans; their
 * tasks are made on the first visit, after that first render), median of 7.
 */
import type { Page } from 'playwright-core';
import { spec, type Metric } from '../metric';
import type { SeededOffice } from '../office';
import { OPEN_SCRIPT, QUEUE_SCRIPT, SEARCH_SCRIPT, TODAY_SCRIPT, run } from '../page-scripts';
import { median, quantile } from '../results';

async function steadyList(page: Page, office: SeededOffice, settleMs: number): Promise<void> {
  await page.goto(`${office.base}/customers`);
  await page.getByTestId('customer-list').waitFor();
  await page.waitForFunction(`document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'synced'`, null, { timeout: 120_000 });
  await page.waitForTimeout(settleMs);
}

export const search: Metric = {
  name: 'search',
  specs: [spec('customers.search.p95_ms', 'ms', 30)],
  needs: ['tablet'],
  budgetMs: 90_000,
  async run({ bench, record }) {
    const office = await bench.office();
    const { page } = await bench.tablet();
    await steadyList(page, office, 2000);
    const sample = office.directory.customers.filter((_, i) => i % 200 === 0);
    const queries = sample.flatMap((c, i) => [c.name.slice(1), c.phones[0].slice(-4 - (i % 4)), c.unitCode, c.unitCode.replace(/^(\d+)-(\d+)-/, '$1栋$2单元')]);
    queries.push('zhang', 'wangf', 'zw', 'lj', 'chen', 'lx', 'ouyang', 'hm');
    const times = await run<number[]>(page, SEARCH_SCRIPT, queries, 60_000, 'search queries');
    record('customers.search.p95_ms', quantile(times, 0.95), `${queries.length} queries`);
  },
};

/** Runs `script` (a click from the customer list to another page) `n` times, back to the list after each; the warm-up dropped. */
async function fromList(page: Page, scope: { check(): void }, script: string, arg: unknown, n: number, what: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    scope.check();
    times.push(await run<number>(page, script, typeof arg === 'function' ? (arg as (i: number) => unknown)(i) : arg, 10_000, what));
    await page.goBack();
    await page.getByTestId('customer-list').waitFor();
  }
  return median(times.slice(1));
}

export const pageOpen: Metric = {
  name: 'page-open',
  specs: [spec('customers.page_open_ms', 'ms', 100)],
  needs: ['tablet'],
  budgetMs: 60_000,
  async run({ bench, record, scope }) {
    const office = await bench.office();
    const { page } = await bench.tablet();
    await steadyList(page, office, 1500);
    record('customers.page_open_ms', await fromList(page, scope, OPEN_SCRIPT, (i: number) => i * 7, 21, 'customer page'));
  },
};

export const queue: Metric = {
  name: 'queue',
  specs: [spec('requests.queue_first_render_ms', 'ms', 50)],
  needs: ['tablet'],
  budgetMs: 60_000,
  async run({ bench, record, scope }) {
    const office = await bench.office();
    const { page } = await bench.tablet();
    await steadyList(page, office, 3000);
    record('requests.queue_first_render_ms', await fromList(page, scope, QUEUE_SCRIPT, null, 8, 'queue'));
  },
};

export const today: Metric = {
  name: 'today',
  specs: [spec('today.first_render_ms', 'ms', 100)],
  needs: ['tablet'],
  budgetMs: 60_000,
  async run({ bench, record, scope }) {
    const office = await bench.office();
    const { page } = await bench.tablet();
    await steadyList(page, office, 1500);
    record('today.first_render_ms', await fromList(page, scope, TODAY_SCRIPT, null, 8, '今日'));
  },
};
