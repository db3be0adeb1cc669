/**
 * Two tabs of one tablet: each tab runs its own sync worker over the same IndexedDB (see
 * src/store/worker/office-worker.ts for why not one elected owner). Both must stay correct:
 * what one tab saves the other lists at once (Dexie tells every context of a commit), numbers
 * are never shared, and edits made in both while offline all arrive.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  addOffice,
  createCustomer,
  editCustomer,
  joinLinkFor,
  joinOffice,
  newRequest,
  newTablet,
  readCustomerPage,
  typeNotes,
  waitCustomer,
  waitSyncState,
  watchErrors,
  zh,
  type AppRelay,
  withAppAndBrowser,
} from '../helpers/app';

let app: AppRelay;
let browser: Browser;
withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

describe('two tabs of one tablet', () => {
  it('see each other’s saves, never share a number, and both keep offline edits', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const tablet = await newTablet(browser);
    const tab1 = await joinOffice(tablet, await joinLinkFor(app, office), '王丽');
    const errors = watchErrors(tab1);
    const tab2 = await tablet.newPage();
    errors.push(...watchErrors(tab2));
    await tab2.goto(`${app.base}/customers`);
    await tab2.getByRole('heading', { name: zh['customers.title'], exact: true }).waitFor();

    // Saved in tab 1 → listed in tab 2 without a reload.
    const id = await createCustomer(tab1, { name: '欧阳娜娜', phone: '13812345678', unit: '3-2-1101' });
    await tab2.getByTestId('customer-list').getByText('欧阳娜娜').waitFor({ timeout: 10_000 });

    // Requests taken in both tabs at once get different numbers.
    const [r1, r2] = await Promise.all([
      newRequest(tab1, app.base, { customer: '欧阳', description: '厨房漏水' }),
      newRequest(tab2, app.base, { customer: '欧阳', description: '楼道灯不亮' }),
    ]);
    expect(r1.number).toMatch(/^BX-\d{4}-[A-Z]+-\d{3}$/);
    expect(r2.number).not.toBe(r1.number);

    // Offline, tab 1 changes the phone and tab 2 types into the notes of the same customer.
    await Promise.all([tab1.goto(`${app.base}/customers/${id}`), tab2.goto(`${app.base}/customers/${id}`)]);
    await Promise.all([waitSyncState(tab1, 'synced'), waitSyncState(tab2, 'synced')]);
    await tablet.setOffline(true);
    await Promise.all([waitSyncState(tab1, 'offline'), waitSyncState(tab2, 'offline')]);
    await editCustomer(tab1, { phone: '13812345679' });
    await typeNotes(tab2, '独居老人', 'end');
    await tablet.setOffline(false);
    await Promise.all([waitSyncState(tab1, 'synced'), waitSyncState(tab2, 'synced')]);
    for (const tab of [tab1, tab2]) {
      await waitCustomer(tab, { notes: '独居老人' });
      expect((await readCustomerPage(tab)).phones).toContain('13812345679');
    }
    expect(errors).toEqual([]);
    await tablet.close();
  });
});
