/**
 * Acceptance: an edit is kept on the tablet (a closed browser, reopened without network, still
 * has it) and reaches the office after the relay was killed and came back, without anyone
 * reloading a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { removeDir, spawnRelay, tempDir, waitExit, type RelayProcess } from '../helpers/relay';
import {
  addOffice,
  Cleanup,
  createCustomer,
  editCustomer,
  joinLinkFor,
  joinOffice,
  launchPersistent,
  newTablet,
  notesBox,
  onLocalhost,
  pendingCount,
  readCustomerPage,
  startAppRelay,
  syncBadge,
  typeNotes,
  waitCustomer,
  waitServiceWorker,
  waitStored,
  waitSyncState,
  zh,
  type AppRelay,
} from '../helpers/app';

let browser: Browser;
const cleanup = new Cleanup();

beforeAll(async () => {
  browser = await launchChromium();
  cleanup.add(() => browser.close());
});

afterAll(() => cleanup.run());

const firstPage = async (context: BrowserContext): Promise<Page> => context.pages()[0] ?? (await context.newPage());

describe('durability', () => {
  it('keeps edits made just before the browser closed, and shows them when reopened offline', async () => {
    const app: AppRelay = await startAppRelay();
    cleanup.add(() => app.close());
    const office = await addOffice(app, '翠湖花园管理处');
    const link = () => joinLinkFor(app, office);
    const profile = await tempDir('linli-profile-');
    cleanup.add(() => removeDir(profile));

    // First session: join, register a customer, then lose the network and edit.
    const first = await launchPersistent(profile);
    let firstClosed = false;
    cleanup.add(() => (firstClosed ? undefined : first.close()));
    const page = await joinOffice(first, await link(), '王丽', await firstPage(first));
    await waitServiceWorker(page);
    const id = await createCustomer(page, { name: '张伟', phone: '13812345678', unit: '3-2-1101', notes: '老人独居' });
    await waitSyncState(page, 'synced');
    await first.setOffline(true);
    await waitSyncState(page, 'offline');
    // Notes save as they are typed: the last key is on disk within a second (measured 10–45 ms;
    // closing inside that window loses it, so the test waits for the write, bounded).
    await typeNotes(page, '，钥匙交回前台', 'end');
    await waitStored(page, office.id, '台', 1000);
    // A form edit is on disk when the app says 已保存: the browser goes away that instant.
    await editCustomer(page, { name: '张伟（已迁出）', unit: '5-1-302' });
    await first.close();
    firstClosed = true;

    // Reopened with no relay at all and the network off: everything comes from this device.
    await app.stop();
    const second = await launchPersistent(profile);
    cleanup.add(() => second.close());
    await second.setOffline(true);
    const again = await firstPage(second);
    await again.goto(`${app.base}/customers/${id}`);
    await waitCustomer(again, { name: '张伟（已迁出）', notes: '老人独居，钥匙交回前台' });
    expect(await again.getByTestId('customer-unit').textContent()).toBe('5-1-302');
    await waitSyncState(again, 'offline');
    // The unsent edits are still counted, so the receptionist knows they have not left yet.
    expect(await pendingCount(again)).toBeGreaterThan(0);
    await expect.poll(() => syncBadge(again).textContent()).toMatch(/\d+ 项待同步/);

    // Relay and network back: the kept edits reach a tablet that joins now.
    await app.start();
    await second.setOffline(false);
    await waitSyncState(again, 'synced');
    await expect.poll(() => pendingCount(again)).toBe(0);
    const other = await newTablet(browser);
    cleanup.add(() => other.close());
    const colleague = await joinOffice(other, await link(), '李娜');
    await colleague.goto(`${app.base}/customers/${id}`);
    await waitCustomer(colleague, { name: '张伟（已迁出）', notes: '老人独居，钥匙交回前台' });
  });

  it('recovers by itself when the relay is killed and restarted, and delivers what was edited meanwhile', async () => {
    const dataDir = await tempDir('linli-kill-');
    cleanup.add(() => removeDir(dataDir));
    let relay: RelayProcess = await spawnRelay(dataDir, 0);
    cleanup.add(() => relay.child.kill('SIGKILL'));
    const port = Number(new URL(relay.url).port);
    const base = onLocalhost(relay.url);
    const made = await (await fetch(`${relay.url}/api/offices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '翠湖花园管理处' }),
    })).json() as { officeId: string; token: string; name: string };
    const link = () => joinLinkFor({ base, ws: `ws://localhost:${port}` }, { id: made.officeId, token: made.token, name: made.name });

    const ctxA = await newTablet(browser);
    const ctxB = await newTablet(browser);
    cleanup.add(() => ctxA.close());
    cleanup.add(() => ctxB.close());
    const a = await joinOffice(ctxA, await link(), '王丽');
    const id = await createCustomer(a, { name: '李娜', phone: '13711112222', unit: '2-1-501', notes: '空调报修' });
    const b = await joinOffice(ctxB, await link(), '赵敏');
    await b.goto(`${base}/customers/${id}`);
    await waitCustomer(b, { name: '李娜', notes: '空调报修' });
    await waitSyncState(a, 'synced');
    await waitSyncState(b, 'synced');

    // The relay process dies without a chance to say goodbye.
    relay.child.kill('SIGKILL');
    await waitExit(relay.child);
    await a.waitForFunction(() => document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') !== 'synced');
    expect(await syncBadge(a).textContent()).not.toContain(zh['sync.synced']);

    // A keeps working meanwhile.
    await editCustomer(a, { name: '李娜娜' });
    await typeNotes(a, '，已约周五上门', 'end');
    expect(await pendingCount(a)).toBeGreaterThan(0);
    await waitCustomer(b, { name: '李娜', notes: '空调报修' });

    // Relay back on the same port: nobody touches the pages.
    relay = await spawnRelay(dataDir, port);
    await waitSyncState(a, 'synced', 30_000);
    await expect.poll(() => pendingCount(a)).toBe(0);
    expect(await syncBadge(a).textContent()).toContain(zh['sync.synced']);
    await waitCustomer(b, { name: '李娜娜', notes: '空调报修，已约周五上门' }, 30_000);
    await waitSyncState(b, 'synced', 30_000);
    expect((await readCustomerPage(b)).phones).toBe('13711112222');
    expect(await notesBox(b).inputValue()).toBe('空调报修，已约周五上门');
  });
});
