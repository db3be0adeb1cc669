/**
 * Acceptance: a tablet whose trust store holds only the office CA the relay made (an NSS database
 * in a temporary HOME, made with Debian's certutil — the real trust path, no "ignore certificate
 * errors") opens the app over HTTPS at an address the certificate names, the service worker takes
 * control, and with the network off a reload and a deep link render. The same browser without the
 * CA gets a certificate error and no service worker. The setup page on plain HTTP sees by itself
 * whether the CA is trusted. All on 127.0.0.2 (loopback), added to the certificate by an option.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser';
import { ARTIFACTS, createCustomer, createOffice, DIST, notesBox, waitCustomer, waitServiceWorker, waitSyncState, watchErrors, zh } from '../helpers/app';
import { relayIn, removeDir, tempDir } from '../helpers/relay';

const HOST = '127.0.0.2';
let dir: string;
let relay: Relay;
let base: string;
let setupUrl: string;
const browsers: Browser[] = [];

/** Chromium with HOME=`home`: on Linux it trusts what $HOME/.pki/nssdb trusts (plus the system store, empty here for this CA). */
async function browserWithHome(name: string, trustCa: boolean): Promise<Browser> {
  const home = join(dir, name);
  const db = join(home, '.pki/nssdb');
  await mkdir(db, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password']);
  if (trustCa) execFileSync('certutil', ['-A', '-d', `sql:${db}`, '-t', 'C,,', '-n', 'linli', '-i', join(dir, 'data/tls/ca.crt')]);
  const listed = execFileSync('certutil', ['-L', '-d', `sql:${db}`], { encoding: 'utf8' });
  expect(listed.includes('linli')).toBe(trustCa);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, HOME: home } });
  browsers.push(browser);
  return browser;
}

beforeAll(async () => {
  dir = await tempDir('linli-https-');
  relay = await relayIn(join(dir, 'data'), {
    staticDir: DIST,
    host: HOST,
    https: { port: 0, cert: { addresses: () => [], extraAddresses: [HOST] } },
  });
  base = `https://${HOST}:${relay.https!.port}`;
  setupUrl = `http://${HOST}:${relay.port}/setup`;
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await relay?.close();
  await removeDir(dir);
});

describe('HTTPS on the office LAN', () => {
  it('a browser trusting only the office CA opens the app over HTTPS, installs the worker and works offline', async () => {
    const browser = await browserWithHome('trusting', true);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });

    // The setup page (plain HTTP) finds by itself that HTTPS is trusted and offers 打开邻里.
    const setup = await context.newPage();
    await setup.goto(setupUrl);
    await setup.getByRole('status').filter({ hasText: '已信任' }).waitFor();
    const open = setup.getByRole('link', { name: '打开邻里' });
    await open.waitFor();
    expect(await open.getAttribute('href')).toBe(`${base}/`);
    await setup.close();

    const page = await createOffice(context, { base }, '翠湖花园管理处', '王丽');
    const errors = watchErrors(page);
    expect(new URL(page.url()).origin).toBe(base);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    const id = await createCustomer(page, { name: '张伟', phone: '13812345678', unit: '3-2-1101', notes: '老人独居' });
    await createCustomer(page, { name: '李娜', unit: '2-1-501' });
    await waitSyncState(page, 'synced'); // the websocket too: wss:// with the same certificate
    await waitServiceWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${base}/sw.js`);

    // 设置 shows the setup page's address as a QR code, and the CA's fingerprint.
    await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.settings'] }).click();
    const section = page.getByTestId('tablet-setup');
    await section.getByTestId('setup-url').waitFor();
    expect(await section.getByTestId('setup-url').textContent()).toBe(setupUrl);
    expect(await section.getByTestId('ca-fingerprint').textContent()).toBe(relay.https!.ca!.fingerprint256);
    await section.getByRole('img', { name: zh['settings.tabletSetupQr'].replace('{{ url }}', setupUrl) }).waitFor();
    await mkdir(ARTIFACTS, { recursive: true });
    for (const [w, h] of [[1280, 800], [800, 1280]]) {
      await page.setViewportSize({ width: w, height: h });
      await section.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `settings-tablet-setup-${w}x${h}.png`) });
    }

    await context.setOffline(true);
    expect(await page.evaluate(() => fetch('/healthz').then(() => 'reached', () => 'failed'))).toBe('failed');
    await page.reload(); // on 设置
    await page.getByRole('heading', { name: zh['settings.title'], exact: true }).waitFor();
    await page.getByTestId('tablet-setup').getByText(zh['settings.tabletSetupUnavailable']).waitFor();
    await page.goto(`${base}/customers`);
    await page.getByRole('heading', { name: zh['customers.title'], exact: true }).waitFor();
    await page.getByTestId('customer-list').getByText('张伟').waitFor();
    // A deep link to a page never opened as a page load, typed with no network.
    await page.goto(`${base}/customers/${id}`);
    await waitCustomer(page, { name: '张伟', notes: '老人独居' });
    expect(await notesBox(page).inputValue()).toBe('老人独居');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the same browser without the CA gets a certificate error and no service worker; the setup page says so', async () => {
    const browser = await browserWithHome('empty', false);
    const context = await browser.newContext({ viewport: { width: 400, height: 860 }, locale: 'zh-CN', isMobile: true, hasTouch: true, userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-X210) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' });
    const page = await context.newPage();
    await expect(page.goto(`${base}/`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
    expect(context.serviceWorkers()).toEqual([]);
    await page.close(); // its error page may still be loading

    const setup = await context.newPage();
    await setup.goto(setupUrl);
    await setup.getByRole('status').filter({ hasText: '还没有信任' }).waitFor();
    expect(await setup.getByRole('link', { name: '打开邻里' }).isVisible()).toBe(false);
    expect(await setup.locator('details[open]').getAttribute('id')).toBe('p-android');
    expect(context.serviceWorkers()).toEqual([]);
    await mkdir(ARTIFACTS, { recursive: true });
    await setup.screenshot({ path: join(ARTIFACTS, 'setup-page-400.png'), fullPage: true });
    for (const [w, h] of [[1280, 800], [800, 1280]]) {
      await setup.setViewportSize({ width: w, height: h });
      expect(await setup.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await setup.screenshot({ path: join(ARTIFACTS, `setup-page-${w}x${h}.png`), fullPage: false });
    }
    await context.close();
  });
});
