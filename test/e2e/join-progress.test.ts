/**
 * A new tablet joining an office with a large ledger, through a proxy that holds the ledger's
 * first sync half way and then drops the socket: the tablet shows what it is fetching (2026年12月的记录,
 * percent), its customers and search work meanwhile, and after the drop it fetches only the rest.
 * Screenshots at 1280×800 and 800×1280 in test/.artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { addOffice, Cleanup, joinLinkFor, joinOffice, screenshot, startAppRelay, zh } from '../helpers/app';
import { pushDoc } from '../helpers/office';
import { holdProxy } from '../helpers/hold-proxy';
import { directoryDoc, ledgerDoc } from '../bench/seed';
import * as Y from 'yjs';

const CHUNK = 64 * 1024;
const REQUESTS = 3000;

let browser: Browser;
const cleanup = new Cleanup();

beforeAll(async () => {
  browser = await launchChromium();
  cleanup.add(() => browser.close());
});

afterAll(() => cleanup.run());

describe('joining a large office', () => {
  it('shows what it fetches, is usable meanwhile, and resumes after a dropped connection', async () => {
    const app = await startAppRelay({ syncChunkBytes: CHUNK });
    cleanup.add(() => app.close());
    const office = await addOffice(app, '翠湖花园管理处');
    const year = new Date().getFullYear();
    const directory = directoryDoc(400, 200);
    await pushDoc(app.ws, `${office.id}/directory`, office.token, directory.doc, (d) => d.getMap('customers').size === 400);
    const ledger = ledgerDoc(REQUESTS, year);
    const whole = Y.encodeStateAsUpdate(ledger).length;
    const pieces = Math.ceil(whole / CHUNK);
    expect(pieces).toBeGreaterThan(12);
    // This month's ledger room (a tablet keeps this month and last live, and fetches them first);
    // a whole year's records in it make it large enough to watch.
    const month = new Date().getUTCMonth() + 1;
    const room = `ledger-${new Date().toISOString().slice(0, 7)}`;
    await pushDoc(app.ws, `${office.id}/${room}`, office.token, ledger, (d) => d.getMap('requests').size === REQUESTS);

    const proxy = await holdProxy(app.port);
    cleanup.add(() => proxy.close());
    proxy.hold(room, Math.floor((pieces * 2) / 3));

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    cleanup.add(() => context.close());
    const page = await joinOffice(context, await joinLinkFor(proxy, office), '赵新');

    // Held two thirds through this year's ledger: the band says which shard and how far.
    const band = page.locator(`[data-testid="join-progress"][data-shard="${room}"]`);
    await band.waitFor({ timeout: 60_000 });
    await expect.poll(async () => Number(await band.getAttribute('data-percent')), { timeout: 30_000 }).toBeGreaterThan(30);
    // The attribute and the words read at one moment: the pieces before the hold may still be arriving.
    const [percent, words] = await band.evaluate((el) => [Number(el.getAttribute('data-percent')), el.textContent ?? ''] as const);
    expect(percent).toBeLessThan(100);
    expect(words).toContain(`正在获取${year}年${month}月的记录：${percent}%`);
    expect(await band.textContent()).toContain(zh['join.usable']);
    await expect.poll(() => band.getByRole('progressbar', { name: zh['join.progressLabel'] }).count()).toBe(1);

    // Usable meanwhile: the customers are there, and search finds one.
    const someone = directory.customers[7].name;
    await page.getByLabel(zh['customers.search']).fill(someone);
    await page.getByTestId('customer-list').getByText(someone).first().waitFor({ timeout: 30_000 });

    await screenshot(page, 'join-progress-1280x800.png');
    await page.setViewportSize({ width: 800, height: 1280 });
    await screenshot(page, 'join-progress-800x1280.png');

    // Reopened in English while still held: what was stored stays, the band comes back where it was.
    await page.evaluate(() => localStorage.setItem('linli.locale', 'en'));
    await page.reload();
    await band.waitFor({ timeout: 60_000 });
    // The band shows only what is stored, and the relay runs at most a piece ahead of the tablet's
    // disk (acks), so the reload resumes from about where the band was.
    await expect.poll(async () => Number(await band.getAttribute('data-percent')), { timeout: 30_000 }).toBeGreaterThanOrEqual(percent - 5);
    expect(await band.textContent()).toContain(`Fetching the records of ${new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date())} ${year}`);
    await screenshot(page, 'join-progress-800x1280-en.png');

    // The Wi-Fi drops; the tablet reconnects by itself and asks only for the rest.
    proxy.drop();
    await page.getByTestId('join-progress').waitFor({ state: 'hidden', timeout: 90_000 });
    await page.getByTestId('sync-status').and(page.locator('[data-state="synced"]')).waitFor({ timeout: 60_000 });
    const stored = () => page.evaluate(
      ({ db }) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(db);
          open.onsuccess = () => {
            const req = open.result.transaction('requests').objectStore('requests').count();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          };
          open.onerror = () => reject(open.error);
        }),
      { db: `linli-${office.id}` },
    );
    // Synced means received; the last pieces' rows reach IndexedDB a moment later.
    await expect.poll(stored, { timeout: 30_000 }).toBe(REQUESTS);
    const connections = proxy.received(room);
    expect(connections.length).toBeGreaterThan(1);
    const total = connections.flat().reduce((a, b) => a + b, 0);
    // Starting over would have cost the held two thirds once more.
    expect(total).toBeLessThan(whole * 1.3);
    for (const size of connections.flat()) expect(size).toBeLessThan(CHUNK + 4096);
  });
});
