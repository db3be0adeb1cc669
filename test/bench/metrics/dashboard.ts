/**
 * dashboard.year_10k_ms: 统计 with a year of 10,000 requests and 2,000 survey answers on the tablet,
 * from a nav click to its figures and charts drawn, the chart code already cached; median of 5
 * after a warm-up (test/bench/dashboard-bench.ts, which also runs on its own).
 */
import { spec, type Metric } from '../metric';
import { benchDashboard } from '../dashboard-bench';
import { SIZES } from '../office';

export const dashboard: Metric = {
  name: 'dashboard',
  specs: [spec('dashboard.year_10k_ms', 'ms', 200)],
  needs: ['browser'],
  budgetMs: 180_000,
  async run({ bench, record }) {
    const ms = await benchDashboard(await bench.browser(), await bench.relay(), SIZES.requests, Math.min(2000, SIZES.customers));
    record('dashboard.year_10k_ms', ms, `${SIZES.requests} requests, ${Math.min(2000, SIZES.customers)} survey answers`);
  },
};
