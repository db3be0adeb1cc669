/**
 * Acceptance: two tablets edit the same customer while both are offline, one the phone, the
 * other the name, both the notes; back online every tablet (and one that joins later) shows
 * all of it. A sync that merged whole records (last writer wins) would lose a field here.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  addOffice,
  createCustomer,
  editCustomer,
  joinLinkFor,
  joinOffice,
  newTablet,
  notesBox,
  pendingCount,
  readCustomerPage,
  screenshot,
  syncBadge,
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
const cleanup = withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

describe('offline edits of one customer on two tablets', () => {
  it('merge field by field and keystroke by keystroke, for everyone', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const link = () => joinLinkFor(app, office);

    const ctxA = await newTablet(browser);
    const ctxB = await newTablet(browser);
    cleanup.add(() => ctxA.close());
    cleanup.add(() => ctxB.close());
    const a = await joinOffice(ctxA, await link(), '王丽');
    const errorsA = watchErrors(a);
    const id = await createCustomer(a, { name: '张伟', phone: '13812345678', unit: '3栋2单元1101', notes: '老人独居' });

    const b = await joinOffice(ctxB, await link(), '李娜');
    const errorsB = watchErrors(b);
    await b.goto(`${app.base}/customers/${id}`);
    await waitCustomer(b, { name: '张伟', notes: '老人独居' });
    await waitSyncState(a, 'synced');
    await waitSyncState(b, 'synced');

    // Both tablets lose the network: the app notices and says so.
    await ctxA.setOffline(true);
    await ctxB.setOffline(true);
    await waitSyncState(a, 'offline');
    await waitSyncState(b, 'offline');
    expect(await syncBadge(a).textContent()).toContain(zh['sync.offline']);

    // A: new phone through the edit form, then notes typed at the end.
    await editCustomer(a, { phone: '13900001111' });
    expect(await pendingCount(a)).toBeGreaterThan(0);
    await expect.poll(() => syncBadge(a).textContent()).toMatch(/\d+ 项待同步/);
    await typeNotes(a, '，A补充：每周三复诊', 'end');

    // B: new name, then notes typed at the start.
    await editCustomer(b, { name: '张伟强' });
    expect(await pendingCount(b)).toBeGreaterThan(0);
    await typeNotes(b, 'B：需上门。', 'start');

    // While apart, each tablet has only its own edits (they really are offline).
    const aAlone = await readCustomerPage(a);
    expect(aAlone).toMatchObject({ name: '张伟', phones: '13900001111', notes: '老人独居，A补充：每周三复诊' });
    const bAlone = await readCustomerPage(b);
    expect(bAlone).toMatchObject({ name: '张伟强', phones: '13812345678', notes: 'B：需上门。老人独居' });

    // Back online: both converge on everything, without a reload.
    await ctxA.setOffline(false);
    await ctxB.setOffline(false);
    const merged = { name: '张伟强', notes: 'B：需上门。老人独居，A补充：每周三复诊' };
    await waitCustomer(a, merged);
    await waitCustomer(b, merged);
    await waitSyncState(a, 'synced');
    await waitSyncState(b, 'synced');
    await expect.poll(() => pendingCount(a)).toBe(0);
    await expect.poll(() => pendingCount(b)).toBe(0);
    for (const page of [a, b]) {
      expect(await readCustomerPage(page)).toEqual({ ...merged, phones: '13900001111', unit: '3-2-1101' });
    }

    // A third tablet that joins afterwards gets the merged record from the relay.
    const ctxC = await newTablet(browser);
    cleanup.add(() => ctxC.close());
    const c = await joinOffice(ctxC, await link(), '赵敏');
    await c.getByRole('link', { name: /张伟强/ }).click();
    await waitCustomer(c, merged);
    expect(await readCustomerPage(c)).toEqual({ ...merged, phones: '13900001111', unit: '3-2-1101' });
    // The history names both editors.
    const history = c.getByTestId('history');
    await expect.poll(() => history.textContent()).toContain('王丽');
    await expect.poll(() => history.textContent()).toContain('李娜');
    await expect(notesBox(c).inputValue()).resolves.toBe(merged.notes);
    await screenshot(c, 'offline-merge-merged-customer.png');

    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  });
});
