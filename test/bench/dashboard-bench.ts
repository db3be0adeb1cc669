/**
 * `dashboard.year_10k_ms`: a year of 10,000 requests (responded, finished, closed, some
 * reopened, most followed up) and 2,000 survey answers on the device; from another page, the
 * nav click to 统计 until its figures and its three charts are drawn (`linli:dashboard-rendered`),
 * after the chart code is cached (the page was opened once before), from the customer list with
 * the documents loaded and in sync, the app freshly opened: the monthly packs are read (store/figure-packs.ts). Median of 5.
 * `dashboard.revisit_ms`: then 客户 and 统计 again by the nav, nothing written in between: the
 * rows kept from the visit before (`watchIndicatorInput`) are used, the figures computed again.
 * `dashboard.rows_raw_read_ms`: IndexedDB's own getAll of those rows, the floor of the first visit.
 * Run alone: `npx vite build && npx tsx test/bench/dashboard-bench.ts`.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { createSurvey, DEFAULT_LABELS } from '../../src/domain/surveys/survey';
import { responseId } from '../../src/domain/surveys/response';
import { applyCommand } from '../../src/store/apply';
import type { Relay } from '../../sync-server/relay';
import { launchChromium } from '../helpers/browser';
import { until, whenSynced, yClient } from '../helpers/client';
import { joinOffice } from '../helpers/office';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import { generateUnits, rng } from './generate';
import { benchActor, directoryDoc, ledgerDoc, officeDoc } from './seed';
import { monthOfYear, monthsOfYear } from '../../src/store/ledger-split';
import { ledgerShard } from '../../src/domain/shards';

const HOUR = 3_600_000;

/** Gives every request of `ledger` what a real year has: response and finish times, closings, reopenings, follow-ups. */
export function enrichLedger(ledger: Y.Doc, seed: number): void {
  const random = rng(seed);
  const requests = ledger.getMap<Y.Map<unknown>>('requests');
  const followups = ledger.getMap<Y.Map<unknown>>('followups');
  const iso = (t: number) => new Date(t).toISOString();
  ledger.transact(() => {
    for (const [id, r] of requests) {
      const t0 = Date.parse(String(r.get('createdAt')));
      const closed = r.get('status') === 'closed';
      const respond = t0 + HOUR * (0.2 + random() * 1.6);
      const done = t0 + HOUR * (1 + random() * 20);
      r.set('respondedAt', iso(respond));
      if (closed || r.get('status') === 'done') r.set('doneAt', iso(done));
      if (closed) r.set('closedAt', iso(done + HOUR * 24));
      if (random() < 0.03) r.set('reopenCount', random() < 0.2 ? 2 : 1);
      if (closed && random() < 0.8) {
        const fu = new Y.Map<unknown>();
        followups.set(`fu-${id}`, fu);
        for (const [k, v] of Object.entries({ requestId: id, requestNumber: r.get('number'), kind: r.get('kind'), customerId: '', customerName: '业主', unitCode: r.get('unitCode'), method: 'phone', satisfaction: random() < 0.9 ? 4 + Math.round(random()) : 1 + Math.floor(random() * 3), at: iso(done + HOUR * 30), by: benchActor.staffId, byName: benchActor.name })) fu.set(k, v);
      }
    }
  }, 'seed');
}

/** 2,000 households' answers to a 5-level survey of two questions, keyed in over the year. */
export function surveyAnswers(ledger: Y.Doc, surveyId: string, count: number, year: number): void {
  const random = rng(year + 7);
  const units = generateUnits(count);
  const map = ledger.getMap<Y.Map<unknown>>('responses');
  const start = Date.UTC(year, 0, 1);
  const span = Date.now() - start;
  ledger.transact(() => {
    units.forEach((u, i) => {
      const r = new Y.Map<unknown>();
      map.set(responseId(surveyId, 1, u.code), r);
      const fields = { surveyId, wave: 1, unitCode: u.code, channel: 'paper', at: new Date(start + (span * i) / count).toISOString(), by: benchActor.staffId, 'a.q1': 2 + Math.floor(random() * 4), 't.q1': 'scale', 'a.q2': 1 + Math.floor(random() * 5), 't.q2': 'scale' };
      for (const [k, v] of Object.entries(fields)) r.set(k, v);
      r.set('history', new Y.Array());
    });
  }, 'seed');
}

async function pushDoc(relayUrl: string, room: string, token: string, doc: Y.Doc, check: (d: Y.Doc) => boolean) {
  const a = yClient(relayUrl, room, token, doc);
  await whenSynced(a.provider);
  const b = yClient(relayUrl, room, token);
  await until(() => check(b.doc), [b.doc], 120_000, `relay to hold ${room}`);
  a.provider.destroy();
  b.provider.destroy();
}

const RENDER_SCRIPT = `async () => {
  for (const m of ['linli:dashboard-rendered', 'linli:dashboard-rows', 'linli:dashboard-compute', 'linli:dashboard-model']) performance.clearMarks(m);
  const t0 = performance.now();
  [...document.querySelectorAll('nav a')].find((a) => a.getAttribute('href') === '/dashboard').click();
  // (the click is what is timed; the script is also used for the second visit)
  while (!performance.getEntriesByName('linli:dashboard-rendered').length) await new Promise((r) => setTimeout(r, 2));
  const at = (m) => Math.round(performance.getEntriesByName(m)[0]?.startTime - t0);
  if (window.LINLI_BENCH_VERBOSE) console.log('rows', at('linli:dashboard-rows'), 'compute', at('linli:dashboard-compute'), 'model', at('linli:dashboard-model'), 'rendered', at('linli:dashboard-rendered'));
  return performance.getEntriesByName('linli:dashboard-rendered')[0].startTime - t0;
}`;

/**
 * The floor under the first visit: IndexedDB's own getAll of the rows 统计 reads (requests,
 * follow-ups, survey answers, units), one store after the other, without Dexie. Resolves with ms.
 */
const RAW_READ_SCRIPT = `async () => {
  const dbs = await indexedDB.databases();
  const name = dbs.map((d) => d.name).find((n) => /^linli-[0-9a-z]+$/.test(n));
  const db = await new Promise((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const t0 = performance.now();
  for (const store of ['requests', 'followups', 'responses', 'units']) {
    await new Promise((res, rej) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result.length); r.onerror = rej; });
  }
  const ms = performance.now() - t0;
  db.close();
  return ms;
}`;

export interface DashboardOffice {
  office: { id: string; token: string };
  name: string;
  base: string;
  ws: string;
}

/**
 * The dashboard's own office on `relay`: a year of `requests` requests given what a real year has
 * (enrichLedger) and `answers` survey answers, 2,000 customers. Also the office of the join-with-packs
 * e2e test (test/e2e/join-packs.test.ts).
 */
export async function seedDashboardOffice(relay: Relay, requests = 10_000, answers = 2_000): Promise<DashboardOffice> {
  const ws = wsUrl(relay);
  const base = relay.url.replace('127.0.0.1', 'localhost');
  const name = '翠湖花园三期管理处';
  const office = await relay.offices.add(name);
  const year = new Date().getFullYear();
  const officeShard = officeDoc(name);
  const survey = createSurvey({
    title: '年度满意度调查', intro: '', levels: 5, satisfiedFrom: 4, target: { kind: 'all' }, firstWave: { label: '第一轮', start: `${year}-01-01` },
    questions: [{ type: 'scale', text: '总体', options: [...DEFAULT_LABELS[5]] }, { type: 'scale', text: '报修', options: [...DEFAULT_LABELS[5]] }],
  }, { actor: benchActor, now: new Date().toISOString() }, 'bench-survey');
  if (!survey.ok) throw new Error('survey');
  applyCommand(officeShard, survey.value.command, 'seed');
  const ledger = ledgerDoc(requests, year);
  enrichLedger(ledger, year);
  surveyAnswers(ledger, 'bench-survey', answers, year);
  await pushDoc(ws, `${office.id}/office`, office.token, officeShard, (d) => d.getMap('surveys').size === 1);
  await pushDoc(ws, `${office.id}/directory`, office.token, directoryDoc(2000, answers).doc, (d) => d.getMap('customers').size === 2000);
  // One room per month, as a tablet of this build keeps its ledgers (cut as the migration cuts a year).
  const state = Y.encodeStateAsUpdate(ledger);
  for (const month of [...monthsOfYear(ledger, year)].sort()) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, monthOfYear(state, ledger, year, month));
    const n = doc.getMap('requests').size;
    const r = doc.getMap('responses').size;
    await pushDoc(ws, `${office.id}/${ledgerShard(month)}`, office.token, doc, (d) => d.getMap('requests').size === n && d.getMap('responses').size === r);
    doc.destroy();
  }
  ledger.destroy();
  return { office: { id: office.id, token: office.token }, name, base, ws };
}

const SYNCED = `document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'synced'`;

/**
 * Joins `page` to the dashboard's office and waits until it holds the whole year in sync, then
 * opens 统计 once (its chart code cached): what a tablet holds before the figure is taken.
 */
export async function joinDashboard(page: Page, d: DashboardOffice, requests: number): Promise<void> {
  await joinOffice(page, d.base, d.ws, d.office, d.name, benchActor.name);
  await page.goto(`${d.base}/requests?q=all`);
  await page.getByText(`共 ${requests} 件`).waitFor({ timeout: 300_000 });
  await page.waitForFunction(SYNCED, null, { timeout: 300_000 });
  await page.goto(`${d.base}/dashboard`);
  await page.waitForFunction(`performance.getEntriesByName('linli:dashboard-rendered').length > 0`, null, { timeout: 120_000 });
}

/** The figure on a page of a tablet that holds the dashboard's office (joinDashboard); medians in ms. */
export async function measureDashboard(page: Page, base: string): Promise<{ first: number; revisit: number; rawRead: number }> {
  if (process.env.BENCH_VERBOSE) {
    page.on('console', (m) => console.log('page:', m.text()));
    await page.addInitScript('window.LINLI_BENCH_VERBOSE = true');
  }
  const times: number[] = [];
  const revisits: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 6; i++) {
    await page.goto(`${base}/customers`);
    await page.getByTestId('customer-list').waitFor({ timeout: 120_000 });
    await page.waitForFunction(SYNCED, null, { timeout: 300_000 });
    await page.waitForTimeout(Number(process.env.BENCH_DASH_WAIT ?? 1500));
    times.push((await page.evaluate(`(${RENDER_SCRIPT})()`)) as number);
    await page.locator('nav a[href="/customers"]').first().click();
    await page.getByTestId('customer-list').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000);
    revisits.push((await page.evaluate(`(${RENDER_SCRIPT})()`)) as number);
    raw.push((await page.evaluate(`(${RAW_READ_SCRIPT})()`)) as number);
  }
  const median = (xs: number[]) => {
    const rest = xs.slice(1).sort((a, b) => a - b);
    return rest[Math.floor(rest.length / 2)];
  };
  return { first: median(times), revisit: median(revisits), rawRead: median(raw) };
}

/** The metric, on the dashboard's office (seeded here unless given); resolves with the medians in ms. */
export async function benchDashboard(browser: Browser, relay: Relay, requests = 10_000, answers = 2_000, seeded?: DashboardOffice): Promise<{ first: number; revisit: number; rawRead: number }> {
  const d = seeded ?? (await seedDashboardOffice(relay, requests, answers));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    context.setDefaultTimeout(120_000);
    const page = await context.newPage();
    await joinDashboard(page, d, requests);
    return await measureDashboard(page, d.base);
  } finally {
    await context.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = await tempDir('linli-bench-dash-');
  const relay = await relayIn(dir, { staticDir: resolve('dist') });
  const browser = await launchChromium();
  try {
    const r = await benchDashboard(browser, relay);
    console.log(`dashboard.year_10k_ms ${Math.round(r.first * 100) / 100} ms (target 200); dashboard.revisit_ms ${Math.round(r.revisit * 100) / 100} ms; dashboard.rows_raw_read_ms ${Math.round(r.rawRead)} ms`);
  } finally {
    await browser.close();
    await relay.close();
    await removeDir(dir);
  }
  // The relay's LevelDB and the y-websocket clients' timers would keep a standalone run alive.
  process.exit(0);
}
