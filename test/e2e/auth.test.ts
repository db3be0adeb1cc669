/**
 * Acceptance: a wrong or revoked office token is said plainly, stops the device from
 * knocking on the relay, and one office's token never opens another office's rooms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import type { DeviceConfig } from '../../src/store/device';
import { launchChromium } from '../helpers/browser';
import {
  addOffice,
  Cleanup,
  joinLinkWithCode,
  newTablet,
  startAppRelay,
  syncBadge,
  waitSyncState,
  zh,
  type AppRelay,
  type OfficeKeys,
} from '../helpers/app';

let app: AppRelay;
let browser: Browser;
let officeA: OfficeKeys;
let officeB: OfficeKeys;
const cleanup = new Cleanup();

beforeAll(async () => {
  app = await startAppRelay();
  cleanup.add(() => app.close());
  browser = await launchChromium();
  cleanup.add(() => browser.close());
  officeA = await addOffice(app, '翠湖花园管理处');
  officeB = await addOffice(app, '金桂苑管理处');
});

afterAll(() => cleanup.run());

async function tablet(): Promise<BrowserContext> {
  const context = await newTablet(browser);
  cleanup.add(() => context.close());
  return context;
}

/** A tablet set up earlier (device config already in localStorage, a profile chosen). */
async function configuredTablet(config: Pick<DeviceConfig, 'officeId' | 'token'>): Promise<{ page: Page; sockets: WebSocket[] }> {
  const context = await tablet();
  const device: DeviceConfig = { ...config, officeName: '管理处', relayUrl: app.ws, deviceCode: 'Q', staffId: 'staff-test' };
  await context.addInitScript((value) => {
    if (!localStorage.getItem('linli.device')) localStorage.setItem('linli.device', value);
  }, JSON.stringify(device));
  const page = await context.newPage();
  const sockets: WebSocket[] = [];
  page.on('websocket', (ws) => sockets.push(ws));
  await page.goto(`${app.base}/customers`);
  return { page, sockets };
}

const unauthorizedBanner = (page: Page) => page.getByRole('alert').filter({ hasText: zh['sync.unauthorized'] });

describe('office tokens', () => {
  it('a join link with a wrong invitation code says so plainly and sets nothing up', async () => {
    const page = await (await tablet()).newPage();
    await page.goto(joinLinkWithCode(app, officeA, 'not-the-real-code-at-all'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(zh['setup.invitationInvalid']);
    expect(await page.evaluate(() => localStorage.getItem('linli.device'))).toBeNull();
    expect(page.url()).not.toContain('invite');
  });

  it('an old join link carrying a token no longer admits a new tablet', async () => {
    const page = await (await tablet()).newPage();
    const params = new URLSearchParams({ relay: app.ws, office: officeA.id, token: officeA.token, name: officeA.name });
    await page.goto(`${app.base}/join#${params}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(zh['setup.linkRetired']);
    expect(await page.evaluate(() => localStorage.getItem('linli.device'))).toBeNull();
    expect(page.url()).not.toContain('token');
  });

  it('a device whose token was revoked says so and stops retrying', async () => {
    const { page, sockets } = await configuredTablet({ officeId: officeA.id, token: 'revoked-token-0000000000000000' });
    await unauthorizedBanner(page).waitFor();
    await waitSyncState(page, 'unauthorized');
    expect(await syncBadge(page).textContent()).toContain(zh['sync.unauthorizedShort']);
    const tried = sockets.length;
    expect(tried).toBeGreaterThan(0);

    // Absence of retries can only be observed over time: y-websocket would retry within
    // 100 ms … 5 s, and a network change must not restart it either.
    await page.waitForTimeout(1500);
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    await page.waitForTimeout(1500);
    expect(sockets.length).toBe(tried);
    expect(sockets.every((ws) => ws.isClosed())).toBe(true);
    await waitSyncState(page, 'unauthorized');
    expect(await unauthorizedBanner(page).isVisible()).toBe(true);
  });

  it("office A's token does not open office B's rooms (and does open A's)", async () => {
    const crossed = await configuredTablet({ officeId: officeB.id, token: officeA.token });
    await unauthorizedBanner(crossed.page).waitFor();
    await waitSyncState(crossed.page, 'unauthorized');

    // The same tablet set-up with the matching office syncs: the refusal above is the token's.
    const matching = await configuredTablet({ officeId: officeA.id, token: officeA.token });
    await waitSyncState(matching.page, 'synced');
    expect(await unauthorizedBanner(matching.page).count()).toBe(0);
  });
});
