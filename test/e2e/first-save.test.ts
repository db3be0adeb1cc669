/**
 * The first save of a tab opened on a create form does not wait for the directory: the sync
 * worker starts at once and loads this month's ledger (what a new request is written into); the
 * directory (the office's customers: a long load on a big office, one task the worker cannot
 * interrupt) loads only after that save is on disk. The save still goes through the worker and
 * is on disk when the page shows it; the directory does load afterwards.
 * The order is read from the page's performance timeline (`linli:save`, `linli:load <shard>`).
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addOffice, joinLinkFor, joinOffice, newTablet, waitSyncState, withAppAndBrowser, zh, type AppRelay } from '../helpers/app';
import { pushDoc } from '../helpers/office';
import { directoryDoc } from '../bench/seed';

let app: AppRelay;
let browser: Browser;
withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

type Entry = { name: string; start: number; end: number };
const entries = `performance.getEntries().filter((e) => e.name.startsWith('linli:')).map((e) => ({ name: e.name, start: e.startTime, end: e.startTime + e.duration }))`;

describe('the first save of a tab opened on a create form', () => {
  it('is written into this month before the directory loads, and the directory loads after it', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const directory = directoryDoc(600, 300);
    await pushDoc(app.ws, `${office.id}/directory`, office.token, directory.doc, (d) => d.getMap('customers').size === 600);
    const tablet = await newTablet(browser);
    const page = await joinOffice(tablet, await joinLinkFor(app, office), '王丽');
    await waitSyncState(page, 'synced', 60_000);

    // Opened afresh on the form (a new page load: a new worker); the request is taken once this
    // month's ledger is in — when the directory's load used to start, ahead of the save.
    const month = `linli:load ledger-${new Date().toISOString().slice(0, 7)}`;
    await page.goto(`${app.base}/requests/new`);
    await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(month)}).length > 0`, null, { timeout: 30_000 });
    const who = page.getByLabel(zh['requests.customer']);
    await who.fill(directory.customers[3].name);
    await page.getByTestId('customer-matches').waitFor();
    await who.press('Enter');
    await page.getByTestId('picked-customer').waitFor();
    await page.getByLabel(zh['requests.description']).fill('厨房水龙头漏水');
    await page.getByRole('button', { name: zh['common.save'], exact: true }).click();
    await page.waitForURL(/\/requests\/(?!new(?:$|[/?]))[^/?]+$/);
    expect(await page.getByTestId('request-number').textContent()).toMatch(/^BX-/);

    const timeline = (await page.evaluate(entries)) as Entry[];
    const save = timeline.find((e) => e.name === 'linli:save');
    expect(save).toBeDefined();
    // This month's ledger was loaded for it, before the save ended…
    expect(timeline.find((e) => e.name === month)!.end).toBeLessThanOrEqual(save!.end);
    // …and the directory's load, if it began yet, began only after the save was on disk — or, on a
    // machine so busy that typing the form took longer than the hold (ui/session.ts
    // DIRECTORY_AFTER_MS, 10 s), no sooner than that hold after this month's ledger was in.
    const monthIn = timeline.find((e) => e.name === month)!.end;
    const before = timeline.find((e) => e.name === 'linli:load directory');
    if (before && before.start < save!.end) expect(before.start - monthIn).toBeGreaterThanOrEqual(10_000 - 50);

    // The directory does load afterwards (colleagues' customer edits keep arriving).
    await page.waitForFunction(`performance.getEntriesByName('linli:load directory').length > 0`, null, { timeout: 30_000 });
    const dir = ((await page.evaluate(entries)) as Entry[]).find((e) => e.name === 'linli:load directory')!;
    expect(Math.max(dir.start - save!.end, dir.start - monthIn - 10_000 + 50)).toBeGreaterThanOrEqual(0);
  });
});
