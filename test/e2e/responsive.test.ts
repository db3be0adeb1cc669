/**
 * Acceptance (issue "Never block the tablet"): with a year of requests on the device, the app is
 * opened while a colleague's 1,000-request sync arrives; throughout, a search keystroke is
 * answered with results within 100 ms and no main-thread task longer than 200 ms is observed.
 * (Generous bounds for a shared test machine: `npm run bench` holds the real targets.)
 * The documents load and merge in the sync worker; the page only reads the projection.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addOffice, joinLinkFor, newTablet, waitSyncState, zh, type AppRelay, withAppAndBrowser } from '../helpers/app';
import { yClient, whenSynced } from '../helpers/client';
import { pushDoc } from '../helpers/office';
import { takeProfile } from '../helpers/pin';
import { directoryDoc, ledgerDoc, officeDoc, benchActor } from '../bench/seed';
import { allMonths } from '../../src/store/ledger-split';

const YEAR_REQUESTS = Number(process.env.E2E_YEAR_REQUESTS ?? 10_000);
const SYNC_REQUESTS = 1_000;

let app: AppRelay;
let browser: Browser;
withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

/** Counts the rows of one projection table in this page's IndexedDB. */
function countRows(page: Page, officeId: string, table: string): Promise<number> {
  return page.evaluate(
    ({ db, table }) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(db);
        open.onerror = () => resolve(-1);
        open.onsuccess = () => {
          const conn = open.result;
          if (!conn.objectStoreNames.contains(table)) return (conn.close(), resolve(0));
          const req = conn.transaction(table).objectStore(table).count();
          req.onsuccess = () => (conn.close(), resolve(req.result));
          req.onerror = () => (conn.close(), resolve(-1));
        };
      }),
    { db: `linli-${officeId}`, table },
  );
}

/** Types `q` into the search box and resolves with the ms until its results are on screen. */
function timeSearch(page: Page, q: string): Promise<number> {
  return page.evaluate(
    ({ q, label }) =>
      new Promise<number>((resolve, reject) => {
        const box = document.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
        if (!box) return reject(new Error('no search box'));
        const shown = () => document.querySelector(`[data-results-for="${CSS.escape(q)}"]`);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (shown()) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - start);
          }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no results for ${q} within 5 s`));
        }, 5000);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-results-for'] });
        box.value = q;
        box.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }),
    { q, label: zh['customers.search'] },
  );
}

describe('a tablet holding a year of requests', () => {
  it('answers search keystrokes while it opens and a 1,000-request sync arrives', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const year = new Date().getFullYear();
    await pushDoc(app.ws, `${office.id}/office`, office.token, officeDoc('翠湖花园管理处'), (d) => d.getMap('staff').size > 0);
    await pushDoc(app.ws, `${office.id}/directory`, office.token, directoryDoc(2000, 800).doc, (d) => d.getMap('customers').size === 2000);
    // The year as this build keeps it on the relay: one room per month (ledger-YYYY-MM). A year
    // room of the builds before months would be forwarded by the relay into twelve months (the
    // whole year integrated once per month, ~4 s each here): the tablet would wait for the relay.
    const months = allMonths(year);
    let pushed = 0;
    for (const month of months) {
      const doc = ledgerDoc(YEAR_REQUESTS, year, 'A', month);
      const n = doc.getMap('requests').size;
      if (n) await pushDoc(app.ws, `${office.id}/ledger-${month}`, office.token, doc, (d) => d.getMap('requests').size === n);
      pushed += n;
      doc.destroy();
    }
    expect(pushed).toBe(YEAR_REQUESTS);

    const tablet = await newTablet(browser);
    // Every long task from the first script on, for the whole life of each page.
    await tablet.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const page = await tablet.newPage();
    await page.goto(await joinLinkFor(app, office));
    await takeProfile(page, new RegExp(benchActor.name));
    // The app opens on 今日; the search box is on the customer list.
    await page.getByRole('heading', { name: zh['today.title'], exact: true }).waitFor();
    await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.customers'] }).click();
    await page.getByRole('heading', { name: zh['customers.title'], exact: true }).waitFor();
    // The first open fetches the year from the relay; wait until it is all on this device.
    await expect.poll(() => countRows(page, office.id, 'requests'), { timeout: 120_000, interval: 500 }).toBe(YEAR_REQUESTS);
    await waitSyncState(page, 'synced', 60_000);

    // A colleague's large sync, sent while the tablet reopens: their tablet's months, each to its room at once.
    const batches = months.map((month) => ledgerDoc(SYNC_REQUESTS, year, 'B', month)).map((doc, i) => ({ doc, room: `${office.id}/ledger-${months[i]}` }));
    expect(batches.reduce((n, b) => n + b.doc.getMap('requests').size, 0)).toBe(SYNC_REQUESTS);
    const colleagues = batches.filter((b) => b.doc.getMap('requests').size).map((b) => ({ ...b, client: yClient(app.ws, b.room, office.token) }));
    await Promise.all(colleagues.map((c) => whenSynced(c.client.provider)));
    const reload = page.reload();
    setTimeout(() => {
      for (const c of colleagues) Y.applyUpdate(c.client.doc, Y.encodeStateAsUpdate(c.doc));
    }, 300);
    await reload;
    await page.getByRole('heading', { name: zh['customers.title'], exact: true }).waitFor();

    // Keystrokes throughout the open and the sync, until both are done and 2 s more.
    const queries = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
    const times: number[] = [];
    let doneAt = 0;
    for (let i = 0; Date.now() - (doneAt || Date.now()) < 2000; i++) {
      times.push(await timeSearch(page, queries[i % queries.length]));
      await page.waitForTimeout(150);
      if (!doneAt && (await countRows(page, office.id, 'requests')) === YEAR_REQUESTS + SYNC_REQUESTS) doneAt = Date.now();
      if (i > 400) throw new Error('the sync never finished on the tablet');
    }
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    console.log(`search answers (ms): max ${Math.max(...times).toFixed(1)}, n ${times.length}; long tasks: ${longTasks.map((d) => d.toFixed(0)).join(', ') || 'none'}`);
    expect(times.length).toBeGreaterThan(5);
    // Coarse on purpose: what this tells apart is a thread that replays the year itself (answers of
    // 700+ ms, tasks of 3–8 s before the sync worker) from one that does not (~40–110 ms on this
    // machine, which moves with its load). The speed targets themselves are the bench's.
    expect(Math.max(...times)).toBeLessThanOrEqual(400);
    expect(longTasks.filter((d) => d > 1000)).toEqual([]);
    for (const c of colleagues) c.client.provider.destroy();
    await tablet.close();
  });
});
