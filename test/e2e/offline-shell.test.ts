/**
 * Acceptance: once the service worker is installed, the app opens with no network and no
 * relay at all — a reload, and a deep link to a customer never loaded as a page before.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  addOffice,
  createCustomer,
  joinLinkFor,
  joinOffice,
  newTablet,
  notesBox,
  syncBadge,
  waitCustomer,
  waitServiceWorker,
  waitSyncState,
  watchErrors,
  zh,
  type AppRelay,
  withAppAndBrowser,
} from '../helpers/app';

let app: AppRelay;
let browser: Browser;
const cleanup = withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

describe('offline app shell', () => {
  it('reloads and opens a customer deep link with the network off and the relay gone', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const context = await newTablet(browser);
    cleanup.add(() => context.close());
    const page = await joinOffice(context, await joinLinkFor(app, office), '王丽');
    const errors = watchErrors(page);
    const id = await createCustomer(page, { name: '张伟', phone: '13812345678', unit: '3-2-1101', notes: '老人独居' });
    await createCustomer(page, { name: '李娜', unit: '2-1-501' });
    await waitSyncState(page, 'synced');

    // Installed and in control of the page (workbox precaches before it activates).
    await waitServiceWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);

    // No network, and nothing listening on the port either.
    await context.setOffline(true);
    await app.stop();
    expect(await page.evaluate(() => fetch('/healthz').then(() => 'reached', () => 'failed'))).toBe('failed');

    await page.goto(`${app.base}/customers`);
    await page.getByRole('heading', { name: zh['customers.title'], exact: true }).waitFor();
    await page.getByTestId('customer-list').getByText('李娜').waitFor();
    await page.reload();
    await page.getByTestId('customer-list').getByText('张伟').waitFor();
    await waitSyncState(page, 'offline');
    expect(await syncBadge(page).textContent()).toContain(zh['sync.offline']);

    // A deep link typed into the address bar: served by the worker, the record from IndexedDB.
    await page.goto(`${app.base}/customers/${id}`);
    await waitCustomer(page, { name: '张伟', notes: '老人独居' });
    expect(await page.getByTestId('customer-unit').textContent()).toBe('3-2-1101');
    expect(await notesBox(page).inputValue()).toBe('老人独居');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    expect(errors).toEqual([]);
  });
});
