/**
 * Shared steps of the browser e2e tests: the real relay serving dist/, and the app driven the
 * way a receptionist drives it (labels are the zh-CN texts of src/i18n/zh-CN.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Relay, RelayOptions } from '../../sync-server/relay';
import type { RequestKind } from '../../src/domain/requests/types';
import type { StaffRole } from '../../src/domain/staff/staff';
import { zhCN } from '../../src/i18n/zh-CN';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './browser';
import { createInvitation } from './device-api';
import { relayIn, removeDir, tempDir } from './relay';
import { TEST_PIN, takeProfile } from './pin';
import * as Y from 'yjs';
import { createStaff } from '../../src/domain/staff/staff';
import { applyCommand } from '../../src/store/apply';
import { pushDoc } from './office';

export const DIST = resolve('dist');
export const ARTIFACTS = resolve('test/.artifacts');
export const zh = zhCN;

/** The app must be opened on localhost (a secure context for the service worker), not 127.0.0.1. */
export const onLocalhost = (url: string) => url.replace('127.0.0.1', 'localhost');

export interface AppRelay {
  relay: Relay;
  dataDir: string;
  port: number;
  /** http://localhost:<port>: where the app is opened. */
  base: string;
  /** ws://localhost:<port>: the relay URL the app uses. */
  ws: string;
  /** Stops the relay (keeps its data); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the relay and deletes its data. */
  close(): Promise<void>;
}

/** A real relay in this process, on a free port, with fresh LevelDB, serving the built app. */
export async function startAppRelay(extra: Partial<RelayOptions> = {}): Promise<AppRelay> {
  if (!existsSync(resolve(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` before the e2e tests');
  const dataDir = await tempDir('linli-e2e-');
  let relay: Relay | null = await relayIn(dataDir, { staticDir: DIST, ...extra });
  const port = relay.port;
  const app: AppRelay = {
    relay,
    dataDir,
    port,
    base: `http://localhost:${port}`,
    ws: `ws://localhost:${port}`,
    async stop() {
      await relay?.close();
      relay = null;
    },
    async start() {
      if (relay) return;
      relay = await relayIn(dataDir, { staticDir: DIST, ...extra, port });
      app.relay = relay;
    },
    async close() {
      await app.stop();
      await removeDir(dataDir);
    },
  };
  return app;
}

export interface OfficeKeys {
  id: string;
  token: string;
  name: string;
}

/** Registers an office on the relay (as `npm run relay -- add-office` does). */
export async function addOffice(app: AppRelay, name: string): Promise<OfficeKeys> {
  const office = await app.relay.offices.add(name);
  return { id: office.id, token: office.token, name: office.name };
}

/** A join link carrying an invitation code (format of src/domain/devices.ts invitationLink). */
export function joinLinkWithCode(app: Pick<AppRelay, 'base' | 'ws'>, office: Pick<OfficeKeys, 'id' | 'name'>, code: string): string {
  const params = new URLSearchParams({ relay: app.ws, office: office.id, invite: code, name: office.name });
  return `${app.base}/join#${params.toString()}`;
}

/**
 * A fresh one-time invitation link, made over the relay's API with a device's token (the
 * office's first device unless told): each tablet that joins needs its own.
 */
export async function joinLinkFor(app: Pick<AppRelay, 'base' | 'ws'>, office: OfficeKeys, token = office.token): Promise<string> {
  const code = await createInvitation(app.base.replace('//localhost', '//127.0.0.1'), office.id, token, { createdBy: '测试经理' });
  return joinLinkWithCode(app, office, code);
}

/** A fresh browser context with its own storage: another tablet. */
export function newTablet(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
}

/** A browser whose profile (IndexedDB, service worker) lives in `userDataDir` and survives a close. */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
}

/** Collects page errors so a test can assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export { answerPin, takeProfile, TEST_PIN } from './pin';

/** The form 我是新同事 of the choose-your-profile screen. */
export const newStaffForm = (page: Page) => page.getByRole('form', { name: zh['setup.newStaff'] });

/**
 * Opens the join link in a page of `context`, and enters as a new staff member `staffName`
 * (我是新同事; `role` is chosen under 岗位, the form's default 客服接待 if left out; a newcomer
 * can choose only 客服接待 or 班组人员) with the PIN `pin`.
 * Resolves on the customer list with the staff profile chosen.
 */
export async function joinOffice(context: BrowserContext, link: string, staffName: string, page?: Page, role?: StaffRole, pin = TEST_PIN): Promise<Page> {
  const p = page ?? (await context.newPage());
  await p.goto(link);
  await p.getByRole('heading', { name: zh['setup.whoAreYou'] }).waitFor();
  const form = newStaffForm(p);
  await form.getByLabel(zh['setup.staffName']).fill(staffName);
  if (role) await form.getByLabel(zh['setup.role']).selectOption({ label: zh[`role.${role}`] });
  await form.getByLabel(zh['pin.label']).fill(pin);
  await form.getByLabel(zh['pin.again']).fill(pin);
  await form.getByRole('button', { name: zh['setup.addStaff'] }).click();
  await toCustomerList(p);
  return p;
}

/**
 * A manager on a fresh tablet of an office registered on the relay: a newcomer can never make
 * themself 管理处经理 (only a manager grants it, the office's founder is the first), so the office
 * document gets its founding manager `name` first, as the office PC would have it, and the tablet
 * takes that profile (setting the helpers' PIN on first use). Resolves on the customer list.
 */
export async function joinAsManager(context: BrowserContext, app: AppRelay, office: OfficeKeys, name: string): Promise<Page> {
  const doc = new Y.Doc();
  const made = createStaff(name, 'manager', { now: new Date().toISOString() }, undefined, '', { creator: 'founder' });
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  applyCommand(doc, made.value.command, 'seed');
  await pushDoc(app.ws, `${office.id}/office`, office.token, doc, (d) => d.getMap('staff').size > 0);
  const p = await context.newPage();
  await p.goto(await joinLinkFor(app, office));
  await takeProfile(p, new RegExp(name));
  await toCustomerList(p);
  return p;
}

/** After login the app opens on 今日; the shared steps continue from the customer list, as before 今日 existed. */
async function toCustomerList(p: Page): Promise<void> {
  await p.getByRole('heading', { name: zh['today.title'], exact: true }).waitFor();
  await p.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.customers'] }).click();
  await p.getByRole('heading', { name: zh['customers.title'], exact: true }).waitFor();
}

/**
 * 新建管理处 on the setup page of a fresh tablet: the office is created on the relay and the
 * first staff member is its manager (管理处经理), with the PIN `pin`. Resolves on the customer list.
 */
export async function createOffice(context: BrowserContext, app: Pick<AppRelay, 'base'>, officeName: string, managerName: string, pin = TEST_PIN): Promise<Page> {
  const p = await context.newPage();
  await p.goto(`${app.base}/`);
  await p.getByLabel(zh['setup.officeName']).fill(officeName);
  await p.getByLabel(zh['setup.yourName']).fill(managerName);
  await p.getByLabel(zh['pin.label']).fill(pin);
  await p.getByLabel(zh['pin.again']).fill(pin);
  await p.getByRole('button', { name: zh['setup.createSubmit'] }).click();
  await toCustomerList(p);
  return p;
}

/** The invitation link a manager makes in 设置 → 设备 → 生成邀请 with their PIN (leaves the page on 设备). */
export async function readJoinLink(page: Page, deviceName = '', pin = TEST_PIN): Promise<string> {
  await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.settings'] }).click();
  await page.getByRole('link', { name: new RegExp(`^${zh['settings.devices']}`) }).click();
  if (deviceName) await page.getByLabel(zh['devices.deviceName']).fill(deviceName);
  // The relay mints it only for a manager's PIN (sync-server/manager-proof.ts).
  await page.getByLabel(zh['devices.managerPin']).fill(pin);
  await page.getByRole('button', { name: zh['devices.createInvite'] }).click();
  return page.getByTestId('invite-link').inputValue();
}

export interface NewCustomer {
  name: string;
  phone?: string;
  unit?: string;
  notes?: string;
}

/** 新建客户 → fill → 保存; resolves on the new customer's page with its id. */
export async function createCustomer(page: Page, c: NewCustomer): Promise<string> {
  await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.customers'] }).click();
  await page.getByRole('link', { name: zh['customers.new'] }).click();
  await page.getByLabel(zh['customers.name'], { exact: true }).fill(c.name);
  if (c.phone) await page.getByLabel(zh['customers.phones']).fill(c.phone);
  if (c.unit) await page.getByLabel(zh['customers.unit']).fill(c.unit);
  if (c.notes) await page.getByLabel(zh['customers.notes']).fill(c.notes);
  await page.getByRole('button', { name: zh['common.save'] }).click();
  await page.waitForURL(/\/customers\/(?!new(?:$|[/?]))[^/]+$/);
  await page.getByTestId('customer-name').filter({ hasText: c.name }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** 编辑 → change the given fields → 保存; resolves once the app says 已保存 (i.e. on disk). */
export async function editCustomer(page: Page, change: { name?: string; phone?: string; unit?: string }): Promise<void> {
  await page.getByRole('button', { name: zh['common.edit'] }).click();
  const form = page.locator('form');
  if (change.name !== undefined) await form.getByLabel(zh['customers.name'], { exact: true }).fill(change.name);
  if (change.phone !== undefined) await form.getByLabel(zh['customers.phones']).fill(change.phone);
  if (change.unit !== undefined) await form.getByLabel(zh['customers.unit']).fill(change.unit);
  await form.getByRole('button', { name: zh['common.save'] }).click();
  await page.getByRole('status').filter({ hasText: zh['common.saved'] }).waitFor();
}

export const notesBox = (page: Page) => page.getByRole('textbox', { name: zh['customers.notes'] });

/** Types into the notes key by key, at the start or the end of what is there. */
export async function typeNotes(page: Page, text: string, at: 'start' | 'end'): Promise<void> {
  const box = notesBox(page);
  await box.click();
  await page.keyboard.press(at === 'start' ? 'Control+Home' : 'Control+End');
  await box.pressSequentially(text, { delay: 15 });
}

/**
 * Waits until this device's IndexedDB log (the `updates` table of database `linli-<officeId>`)
 * holds `text` (UTF-8, as Yjs encodes inserted strings). Used to tell "typed" from "on disk"
 * for the notes, which have no 已保存 indicator; the timeout is the promise being tested.
 */
export async function waitStored(page: Page, officeId: string, text: string, timeout: number): Promise<void> {
  // page.waitForFunction does not await a predicate's promise, so poll from here.
  const stored = () =>
    page.evaluate(
      ({ db, text }) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open(db);
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const conn = open.result;
            const req = conn.transaction('updates').objectStore('updates').getAll();
            req.onerror = () => (conn.close(), resolve(false));
            req.onsuccess = () => {
              conn.close();
              const needle = new TextEncoder().encode(text);
              const has = (bytes: Uint8Array) => {
                outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
                  for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
                  return true;
                }
                return false;
              };
              resolve((req.result as { update: Uint8Array }[]).some((row) => has(new Uint8Array(row.update))));
            };
          };
        }),
      { db: `linli-${officeId}`, text },
    );
  const deadline = Date.now() + timeout;
  while (!(await stored())) {
    if (Date.now() > deadline) throw new Error(`"${text}" did not reach IndexedDB within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const syncBadge = (page: Page) => page.getByTestId('sync-status');

/** Waits until the sync badge shows `state` (offline | connecting | synced | unauthorized). */
export async function waitSyncState(page: Page, state: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === s,
    state,
    { timeout, polling: 100 },
  );
}

/** The badge's count of local edits not yet exchanged with the relay. */
export async function pendingCount(page: Page): Promise<number> {
  return Number(await syncBadge(page).getAttribute('data-pending'));
}

/** What the customer page shows: name, full phones (revealing them if masked), unit, notes. */
export async function readCustomerPage(page: Page): Promise<{ name: string; phones: string; unit: string; notes: string }> {
  // Each reveal button names what it reveals (phone or ID number).
  const reveal = page.getByRole('button', { name: `${zh['common.reveal']} ${zh['customers.phones']}`, exact: true });
  const hide = page.getByRole('button', { name: `${zh['common.hide']} ${zh['customers.phones']}`, exact: true });
  // The control shows once the office's policy is read: wait for one of the two.
  await reveal.or(hide).first().waitFor();
  if (await reveal.isVisible()) await reveal.click();
  // 客服接待 (the helpers' newcomers) reveal one customer at a time with a reason (personal data by role).
  const reason = page.getByRole('form', { name: `${zh['common.reveal']} ${zh['customers.phones']}` });
  if (await reason.isVisible()) {
    await reason.getByLabel(zh['personal.reasonLabel']).fill('核对电话');
    await reason.getByRole('button', { name: zh['personal.revealSubmit'] }).click();
  }
  await page.getByRole('button', { name: `${zh['common.hide']} ${zh['customers.phones']}`, exact: true }).waitFor();
  return {
    name: (await page.getByTestId('customer-name').textContent()) ?? '',
    phones: (await page.getByTestId('customer-phones').textContent()) ?? '',
    unit: (await page.getByTestId('customer-unit').textContent()) ?? '',
    notes: await notesBox(page).inputValue(),
  };
}

/** Waits until the customer page shows exactly this name and notes text; says what it saw if not. */
export async function waitCustomer(page: Page, want: { name?: string; notes?: string }, timeout = 30_000): Promise<void> {
  const seen = () =>
    page.evaluate(() => ({
      url: location.href,
      name: document.querySelector('[data-testid=customer-name]')?.textContent,
      notes: (document.querySelector('textarea[name=notes]') as HTMLTextAreaElement | null)?.value,
      text: document.body?.innerText.slice(0, 300),
    }));
  try {
    await page.waitForFunction(
      (w) => {
        const name = document.querySelector('[data-testid=customer-name]')?.textContent;
        const notes = (document.querySelector('textarea[name=notes]') as HTMLTextAreaElement | null)?.value;
        return (w.name === undefined || name === w.name) && (w.notes === undefined || notes === w.notes);
      },
      want,
      { timeout, polling: 100 },
    );
  } catch (err) {
    const saw = await seen().catch((e: Error) => ({ error: e.message }));
    throw new Error(`customer page did not show ${JSON.stringify(want)}; it shows ${JSON.stringify(saw)}`, { cause: err });
  }
}

/** Waits for the service worker to be active and controlling the page (reloading once if needed). */
export async function waitServiceWorker(page: Page, timeout = 15_000): Promise<void> {
  const ready = await page.evaluate(
    (ms) => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]),
    timeout,
  );
  if (!ready) throw new Error(`no service worker became active within ${timeout} ms`);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout });
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Runs every cleanup even if one fails, newest first. */
export class Cleanup {
  private tasks: (() => unknown)[] = [];
  add(task: () => unknown): void {
    this.tasks.push(task);
  }
  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const task of this.tasks.splice(0).reverse()) {
      try {
        await task();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length) throw errors[0];
  }
}

export interface NewRequest {
  kind?: RequestKind;
  /** Typed into 报告人 (phone digits, room number, name or pinyin initials); Enter takes the first match. */
  customer: string;
  /** Category name (类别), e.g. 噪音扰民; the first one of the kind if left out. */
  category?: string;
  description: string;
}

/** 受理登记 from /requests/new; resolves on the new request's page with its id and number. */
export async function newRequest(page: Page, base: string, r: NewRequest): Promise<{ id: string; number: string }> {
  await page.goto(`${base}/requests/new${r.kind ? `?kind=${r.kind}` : ''}`);
  await page.getByRole('heading', { name: zh['requests.new'] }).waitFor();
  const who = page.getByLabel(zh['requests.customer']);
  await who.fill(r.customer);
  await page.getByTestId('customer-matches').waitFor();
  await who.press('Enter');
  await page.getByTestId('picked-customer').waitFor();
  if (r.category) await page.getByLabel(zh['requests.category']).selectOption({ label: r.category });
  await page.getByLabel(zh['requests.description']).fill(r.description);
  await page.getByRole('button', { name: zh['common.save'], exact: true }).click();
  await page.waitForURL(/\/requests\/(?!new(?:$|[/?]))[^/?]+$/);
  const number = (await page.getByTestId('request-number').textContent()) ?? '';
  return { id: new URL(page.url()).pathname.split('/').pop()!, number };
}

export interface TimelineStep {
  what: string;
  who: string;
  details: string;
}

/** The request's timeline (处理经过) as shown: step name, author, details; oldest first. */
export function readTimeline(page: Page): Promise<TimelineStep[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid=timeline] > li')).map((li) => ({
      what: li.querySelector('.what')?.textContent ?? '',
      who: li.querySelector('.who')?.textContent ?? '',
      details: li.querySelector('p')?.textContent ?? '',
    })),
  );
}

/** Waits until the timeline shows `n` steps; says what it shows if not. */
export async function waitTimelineLength(page: Page, n: number, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=timeline] > li').length === n, n, { timeout, polling: 100 });
  } catch (err) {
    const saw = await readTimeline(page).catch(() => []);
    throw new Error(`timeline did not reach ${n} steps; it shows ${JSON.stringify(saw.map((s) => `${s.what}·${s.who}`))}`, { cause: err });
  }
}

/** A step form of the request page (each is a <form aria-label=title>). */
// Hidden ones too: a step behind 更多操作 is in the page but out of the accessibility tree until opened.
export const stepForm = (page: Page, title: string) => page.getByRole('form', { name: title, exact: true, includeHidden: true });

/** 下一步 shows the most likely step; the others are behind 更多操作, opened when the step is one of them. */
export async function openStep(_page: Page, form: Locator): Promise<void> {
  await form.waitFor({ state: 'attached' });
  if (await form.isVisible()) return;
  // The 更多操作 of the panel this form is in (a complaint's page has two panels).
  const more = form.locator('xpath=ancestor::details[contains(@class, "more-steps")][1]');
  if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open))) await more.locator(':scope > summary').click();
}

/**
 * Runs one step of the request page: `fill` fills the form (or fields next to it), then its
 * submit button is clicked; resolves when the timeline has grown by one step named `action`
 * (an i18n key such as `request.investigated`). If the app refuses, throws with its reasons.
 */
export async function runRequestStep(
  page: Page,
  step: { form: string; submit?: string; action: string; fill?: (form: Locator) => Promise<void> },
): Promise<void> {
  const before = (await readTimeline(page)).length;
  const form = stepForm(page, step.form);
  await openStep(page, form);
  if (step.fill) await step.fill(form);
  // Reasons already shown from an earlier attempt are not this attempt's answer.
  await form.evaluate((f) => f.querySelectorAll('[role=alert] li').forEach((li) => li.setAttribute('data-stale', '')));
  await form.getByRole('button', { name: step.submit ?? step.form, exact: true }).click();
  const want = zh[step.action as keyof typeof zh];
  let outcome: string;
  try {
    // Either the timeline grew by this step, or the form shows why it was refused.
    const handle = await page.waitForFunction(
      ({ n, want, title }) => {
        const items = document.querySelectorAll('[data-testid=timeline] > li');
        if (items.length === n + 1 && items[n].querySelector('.what')?.textContent === want) return 'ok';
        const form = Array.from(document.querySelectorAll('form')).find((f) => f.getAttribute('aria-label') === title);
        const fresh = Array.from(form?.querySelectorAll('[role=alert] li:not([data-stale])') ?? []);
        return fresh.map((li) => li.textContent).join('；') || false;
      },
      { n: before, want, title: step.form },
      { timeout: 15_000, polling: 50 },
    );
    outcome = (await handle.jsonValue()) as string;
  } catch (err) {
    const saw = await readTimeline(page).catch(() => []);
    throw new Error(`${step.form} did not add ${want}; timeline: ${JSON.stringify(saw.map((s) => s.what))}`, { cause: err });
  }
  if (outcome !== 'ok') throw new Error(`${step.form}: refused: ${outcome}`);
}

/**
 * The usual start of an e2e file: the app's relay and one browser, up before its tests and torn
 * down after them. `ready` receives them; the returned Cleanup takes the file's own tasks too.
 */
export function withAppAndBrowser(ready: (app: AppRelay, browser: Browser) => void): Suite {
  const cleanup = new Suite();
  beforeAll(async () => {
    const app = await startAppRelay();
    cleanup.add(() => app.close());
    const browser = await launchChromium();
    cleanup.add(() => browser.close());
    cleanup.browser = browser;
    ready(app, browser);
  });
  afterAll(() => cleanup.run());
  return cleanup;
}

/** The clean-ups of a file's app and browser, and tablets (browser contexts) of that browser closed with them. */
export class Suite extends Cleanup {
  browser: Browser | undefined;
  /** A tablet of its own (storage, service worker) in zh-CN, landscape unless told; closed after the file. */
  tablet = async (viewport = { width: 1280, height: 800 }): Promise<BrowserContext> => {
    if (!this.browser) throw new Error('no browser yet: call tablet() inside a test');
    const context = await this.browser.newContext({ viewport, locale: 'zh-CN' });
    this.add(() => context.close());
    return context;
  };
}
