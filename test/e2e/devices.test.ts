/**
 * Acceptance (issue 8, devices): a manager invites a tablet from 设置 → 设备 with a one-time
 * link; it joins once; the manager removes it; the removed tablet says so plainly, counts the
 * edits that never reached the office, and hands them over as a backup file.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createCustomer,
  createOffice,
  joinOffice,
  newTablet,
  pendingCount,
  readJoinLink,
  screenshot,
  TEST_PIN,
  waitServiceWorker,
  waitSyncState,
  watchErrors,
  withAppAndBrowser,
  zh,
  type AppRelay,
} from '../helpers/app';

let app: AppRelay;
const cleanup = withAppAndBrowser((a) => {
  app = a;
});

const { tablet } = cleanup;

/** The customers of a backup file, by name, read back from its Yjs documents. */
async function customersInBackup(path: string): Promise<{ names: string[]; text: string }> {
  const text = gunzipSync(await readFile(path)).toString('utf8');
  const file = JSON.parse(text) as { format: string; offices: { shards: Record<string, string> }[] };
  expect(file.format).toBe('linli-backup');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(file.offices[0].shards.directory, 'base64'));
  const names = [...doc.getMap<Y.Map<unknown>>('customers').values()].map((c) => String(c.get('name')));
  return { names, text };
}

const row = (page: Page, code: string) => page.getByTestId('devices').locator(`tr[data-code="${code}"]`);

describe('devices', () => {
  it('invite once, remove, and the removed tablet says so with its unsent edits', async () => {
    const ctxA = await tablet();
    const a = await createOffice(ctxA, app, '翠湖花园管理处', '陈经理');
    const errorsA = watchErrors(a);
    const link = await readJoinLink(a, '前台平板');
    expect(link).toContain('invite=');
    expect(link).not.toContain('token=');
    await a.getByRole('img', { name: zh['devices.inviteQr'] }).locator('svg').waitFor();
    await screenshot(a, 'devices-invite.png');
    await a.setViewportSize({ width: 800, height: 1280 });
    await screenshot(a, 'devices-invite-portrait.png');
    expect(await a.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await a.setViewportSize({ width: 1280, height: 800 });

    // The tablet joins with it; a second use of the same link is refused.
    const ctxB = await tablet();
    const b = await joinOffice(ctxB, link, '李娜');
    await waitSyncState(b, 'synced');
    const again = await (await tablet()).newPage();
    await again.goto(link);
    await again.getByRole('alert').filter({ hasText: zh['setup.invitationUsed'] }).waitFor();

    // The list: code, name, who invited it, last seen.
    await a.reload();
    await row(a, 'B').waitFor();
    expect(await row(a, 'B').textContent()).toContain('前台平板');
    expect(await row(a, 'B').textContent()).toContain('陈经理');
    expect(await row(a, 'A').getAttribute('data-state')).toBe('self');
    expect(await row(a, 'B').getAttribute('data-state')).toBe('active');
    await screenshot(a, 'devices-list.png');
    await a.setViewportSize({ width: 800, height: 1280 });
    await screenshot(a, 'devices-list-portrait.png');
    expect(await a.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await a.setViewportSize({ width: 1280, height: 800 });

    // The tablet loses the network and keeps working (from its service worker's cache): two
    // edits that never reach the office.
    await waitServiceWorker(b);
    await waitSyncState(b, 'synced');
    await ctxB.setOffline(true);
    await waitSyncState(b, 'offline');
    await createCustomer(b, { name: '赵敏', phone: '13600002222' });
    await createCustomer(b, { name: '孙丽', phone: '13500003333' });
    const unsent = await pendingCount(b);
    expect(unsent).toBeGreaterThanOrEqual(2);

    // The manager removes it.
    // The relay checks the manager's PIN itself: a wrong one is refused, and the tablet says so.
    await a.getByRole('button', { name: '移除设备 B' }).click();
    const confirm = a.getByRole('group', { name: '移除设备 B' });
    await confirm.getByLabel(zh['devices.managerPin']).fill('9999');
    await confirm.getByRole('button', { name: zh['devices.confirmRevokeButton'] }).click();
    await a.getByRole('alert').filter({ hasText: 'PIN 不正确，还可以再试 4 次。' }).waitFor();
    await screenshot(a, 'devices-revoke-pin.png');
    await a.setViewportSize({ width: 800, height: 1280 });
    await screenshot(a, 'devices-revoke-pin-portrait.png');
    await a.setViewportSize({ width: 1280, height: 800 });
    expect(await row(a, 'B').getAttribute('data-state')).toBe('active');
    await confirm.getByLabel(zh['devices.managerPin']).fill(TEST_PIN);
    await confirm.getByRole('button', { name: zh['devices.confirmRevokeButton'] }).click();
    await a.getByRole('status').filter({ hasText: '设备 B 已移除' }).waitFor();
    await a.waitForFunction(() => document.querySelector('tr[data-code="B"]')?.getAttribute('data-state') === 'revoked');

    // Back online it is refused, and says so plainly, with the count of its unsent edits.
    await ctxB.setOffline(false);
    await waitSyncState(b, 'unauthorized');
    const notice = b.getByTestId('removed-notice');
    await b.waitForFunction(() => document.querySelector('[data-testid=removed-notice]')?.getAttribute('data-reason') === 'removed');
    await b.getByRole('alert').filter({ hasText: zh['removed.title'] }).waitFor();
    expect(await notice.textContent()).toContain(zh['removed.body']);
    expect(await b.getByTestId('removed-pending').textContent()).toBe(zh['removed.pending'].replace('{{ n }}', String(unsent)));
    await screenshot(b, 'devices-removed.png');
    await b.setViewportSize({ width: 800, height: 1280 });
    await screenshot(b, 'devices-removed-portrait.png');
    expect(await b.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);

    // It hands its edits over: the export is this tablet's whole copy, without a token.
    const [download] = await Promise.all([b.waitForEvent('download'), notice.getByRole('button', { name: zh['removed.export'] }).click()]);
    const exported = await customersInBackup(await download.path());
    expect(exported.names).toEqual(expect.arrayContaining(['赵敏', '孙丽']));
    const tokenB = await b.evaluate(() => JSON.parse(localStorage.getItem('linli.device')!).token as string);
    expect(exported.text).not.toContain(tokenB);

    // The manager's tablet is unaffected and never got the removed tablet's offline edits.
    await waitSyncState(a, 'synced');
    await createCustomer(a, { name: '周强', phone: '13400004444' });
    await waitSyncState(a, 'synced');
    await a.goto(`${app.base}/customers`);
    await a.getByText('周强').waitFor();
    expect(await a.getByText('赵敏').count()).toBe(0);

    // Invited again, the tablet rejoins with its IndexedDB: its edits now reach the office.
    const rejoin = await readJoinLink(a);
    await b.goto(rejoin);
    await b.waitForURL(/\/customers$/);
    await waitSyncState(b, 'synced');
    expect(await pendingCount(b)).toBe(0);
    const rejoined = await b.evaluate(() => JSON.parse(localStorage.getItem('linli.device')!) as { deviceCode: string; staffName: string });
    expect(rejoined.staffName).toBe('李娜');
    expect(rejoined.deviceCode).toBe('C');
    await a.goto(`${app.base}/customers`);
    await a.getByText('赵敏').waitFor();
    await a.getByText('孙丽').waitFor();
    expect(errorsA).toEqual([]);
  });

  it('a receptionist sees the list but cannot invite, remove or download', async () => {
    const ctxA = await tablet();
    const a = await createOffice(ctxA, app, '金桂苑管理处', '周经理');
    const link = await readJoinLink(a);
    const ctxB = await tablet({ width: 800, height: 1280 });
    const b = await joinOffice(ctxB, link, '王丽');
    await b.goto(`${app.base}/settings/devices`);
    await b.getByRole('note').filter({ hasText: zh['devices.readOnly'] }).waitFor();
    await row(b, 'A').waitFor();
    expect(await b.getByRole('button', { name: zh['devices.createInvite'] }).count()).toBe(0);
    expect(await b.getByRole('button', { name: '移除设备 A' }).count()).toBe(0);
    expect(await b.getByRole('button', { name: zh['devices.backupDownload'] }).count()).toBe(0);
  });

  it("a manager downloads the tablet's backup from 设置 → 设备", async () => {
    const ctx = await tablet();
    const a = await createOffice(ctx, app, '银杏苑管理处', '吴经理');
    await createCustomer(a, { name: '郑华', phone: '13300005555' });
    await a.goto(`${app.base}/settings/devices`);
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: zh['devices.backupDownload'] }).click()]);
    expect(download.suggestedFilename()).toMatch(/^linli-backup-[a-z0-9]+-A-\d{4}-\d{2}-\d{2}\.json\.gz$/);
    const { names, text } = await customersInBackup(await download.path());
    expect(names).toEqual(['郑华']);
    const token = await a.evaluate(() => JSON.parse(localStorage.getItem('linli.device')!).token as string);
    expect(text).not.toContain(token);
  });
});

describe('a tablet set up before device tokens', () => {
  it('swaps the office token for its own on its next start and keeps syncing', async () => {
    // An office as the relay kept it before: one shared token, two device codes handed out.
    const officeToken = 'old-shared-office-token-for-the-e2e-test-0001';
    const id = 'legacye2e001';
    const { createHash } = await import('node:crypto');
    await app.relay.offices.restore({ id, name: '旧管理处', tokenHash: createHash('sha256').update(officeToken).digest('hex'), createdAt: '2026-01-01T00:00:00.000Z', devices: 2 });
    const context = await tablet();
    const old = { officeId: id, officeName: '旧管理处', relayUrl: app.ws, token: officeToken, deviceCode: 'B', staffId: 's1', staffName: '王丽' };
    await context.addInitScript((value) => {
      if (!localStorage.getItem('linli.device')) localStorage.setItem('linli.device', value);
    }, JSON.stringify(old));
    const page = await context.newPage();
    await page.goto(`${app.base}/customers`);
    await waitSyncState(page, 'synced');
    const config = await page.evaluate(() => JSON.parse(localStorage.getItem('linli.device')!) as { token: string; deviceToken?: boolean; deviceCode: string });
    expect(config.deviceToken).toBe(true);
    expect(config.deviceCode).toBe('B');
    expect(config.token).not.toBe(officeToken);
    const listed = app.relay.offices.listDevices(id);
    expect(listed.find((d) => d.code === 'B')).toMatchObject({ migrated: true, legacy: false });
    expect(listed.find((d) => d.code === 'A')).toMatchObject({ legacy: true });
    // The office token has done its one swap for B: a copy of the old config is refused.
    const copy = await tablet();
    await copy.addInitScript((value) => localStorage.setItem('linli.device', value), JSON.stringify(old));
    const copied = await copy.newPage();
    await copied.goto(`${app.base}/customers`);
    await waitSyncState(copied, 'unauthorized');
  });
});
