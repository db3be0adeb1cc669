/**
 * join.usable_ms / join.complete_ms: a new tablet joins the full office (the directory and
 * BENCH_YEARS years of ledgers on the relay), at desk speed, from opening its invitation link:
 * usable = the profile taken, 今日 drawn and the customer list counting every customer;
 * complete = the live years' requests all in IndexedDB and the sync badge saying synced
 * (`joinUsable` / `joinComplete` in ../office.ts say what is waited for).
 */
import { spec, type Metric } from '../metric';
import { LIVE_YEARS, SIZES } from '../office';

export const join: Metric = {
  name: 'join',
  specs: [spec('join.usable_ms', 'ms', 10_000), spec('join.complete_ms', 'ms', 60_000)],
  needs: ['office'],
  budgetMs: 600_000,
  async run({ bench, record }) {
    const { usableMs, completeMs } = await bench.profile();
    const what = `${SIZES.customers} customers, ${SIZES.years} years of ${SIZES.requests} requests on the relay, ${LIVE_YEARS.length} kept live`;
    record('join.usable_ms', usableMs, what);
    record('join.complete_ms', completeMs, what);
  },
};
