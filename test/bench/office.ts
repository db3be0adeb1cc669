/**
 * What several metrics share, each built once and only when a metric asks for it (so that
 * `BENCH_ONLY=relay.offices_held` generates no office and starts no browser): the relay serving
 * dist/, the generated office pushed into it, Chromium, and "the tablet" — a browser context that
 * joined that office and holds all of it (directory, this and last year's ledgers) in IndexedDB.
 */
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { Relay } from '../../sync-server/relay';
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../helpers/browser';
import { pushDoc } from '../helpers/office';
import { takeProfile } from '../helpers/pin';
import { createInvitation } from '../helpers/device-api';
import { IDLE_LOCK_DEFAULT, IDLE_LOCK_MAX, setIdleLock } from '../../src/domain/staff/idle-lock';
import { applyCommand } from '../../src/store/apply';
import { ledgerShard, ledgerShardAt } from '../../src/domain/shards';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import { IDB_AT_LEAST, LONG_TASKS_INIT, run } from './page-scripts';
import { within } from './scope';
import { benchActor, directoryDoc, ledgerDoc, officeDoc } from './seed';
import { joinDashboard, seedDashboardOffice, type DashboardOffice } from './dashboard-bench';
import type { GeneratedCustomer } from './generate';

export const SIZES = {
  customers: Number(process.env.BENCH_CUSTOMERS ?? 8000),
  units: Number(process.env.BENCH_UNITS ?? 3000),
  requests: Number(process.env.BENCH_REQUESTS ?? 10_000),
  /** Years of ledgers the office holds (BENCH_YEARS, default 2: this and last year). */
  years: Math.max(1, Number(process.env.BENCH_YEARS ?? 2)),
};
export const DIST = resolve('dist');
export const THIS_YEAR = new Date().getFullYear();
export const OFFICE_NAME = '翠湖花园管理处';
/** The office's ledger years, newest first. */
export const YEARS = Array.from({ length: SIZES.years }, (_, i) => THIS_YEAR - i);
/** The years a tablet loads and keeps syncing after it opens (src/ui/session.ts: this and last year). */
export const LIVE_YEARS = YEARS.slice(0, 2);

export interface SeededOffice {
  id: string;
  token: string;
  name: string;
  /** http://localhost:<port> (a secure context for the service worker) and ws://localhost:<port>. */
  base: string;
  ws: string;
  directory: { ids: string[]; customers: GeneratedCustomer[] };
}

export interface Tablet {
  context: BrowserContext;
  page: Page;
  /** The app's Dexie database name on this device. */
  dbName: string;
  /** From opening the invitation: until 今日 and the customer list answer (usable), until every live shard is in and synced (complete). */
  join?: { usableMs: number; completeMs: number };
}

/** A browser profile (user data directory) that joined the office, and how long that join took. */
export interface JoinedProfile {
  dir: string;
  usableMs: number;
  completeMs: number;
}

/**
 * The join's stages as the app shows them today: usable = 今日 drawn after the profile is taken
 * and the customer list counting the whole directory; complete = the live years' requests all in
 * IndexedDB and the sync badge saying synced. (When the app shows the join's own progress, these
 * two functions are where to read it.)
 */
export async function joinUsable(page: Page, customers: number): Promise<void> {
  await page.getByRole('heading', { name: '今日', exact: true }).waitFor({ timeout: 300_000 });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '客户' }).click();
  await page.getByText(`共 ${customers} 位客户`).waitFor({ timeout: 300_000 });
}

export async function joinComplete(page: Page, dbName: string, requests: number): Promise<void> {
  await run(page, IDB_AT_LEAST, { db: dbName, store: 'requests', n: requests, ms: 600_000 }, 600_000, 'live ledgers on the tablet');
  await page.waitForFunction(`document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'synced'`, null, { timeout: 300_000 });
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= make());
}

export class Bench {
  private dataDir = '';
  private relayRef: Relay | null = null;
  private browserRef: Browser | null = null;
  private readonly contexts = new Set<BrowserContext>();
  private readonly profileDirs: string[] = [];

  readonly relay = once(async () => {
    this.dataDir = await tempDir('linli-bench-');
    this.relayRef = await relayIn(this.dataDir, { staticDir: DIST });
    return this.relayRef;
  });

  readonly browser = once(async () => (this.browserRef = await within(launchChromium(), 60_000, 'Chromium to start')));

  /** The bench's office: CUSTOMERS customers in UNITS units, this and last year's ledgers of REQUESTS requests each. */
  readonly office = once(async (): Promise<SeededOffice> => {
    const relay = await this.relay();
    const office = await relay.offices.add(OFFICE_NAME);
    const ws = wsUrl(relay);
    const t0 = performance.now();
    console.log(`  (generating ${SIZES.customers} customers in ${SIZES.units} units, and ${SIZES.requests} requests in each of ${YEARS.join(', ')}…)`);
    const directory = directoryDoc(SIZES.customers, SIZES.units);
    // The tablet sits unused between metrics for longer than the default idle lock (10 minutes),
    // after which a reload opens on the lock screen: this office locks after the longest time.
    const settings = officeDoc(OFFICE_NAME);
    const lock = setIdleLock(IDLE_LOCK_MAX, IDLE_LOCK_DEFAULT, { actor: benchActor, now: new Date().toISOString() }, { role: 'manager' });
    if (!lock.ok || !lock.value) throw new Error('idle lock setting refused');
    applyCommand(settings, lock.value, 'seed');
    await pushDoc(ws, `${office.id}/office`, office.token, settings, (d) => d.getMap('staff').size === 1 && d.getMap('settings').size > 0);
    await pushDoc(ws, `${office.id}/directory`, office.token, directory.doc, (d) => d.getMap('customers').size === SIZES.customers);
    // Ledgers as a tablet of this build keeps them: one room per month (a request stays in the
    // month it was taken), each generated on its own (seed.ts: the year's requests of that month;
    // cutting the generated year as the migration does integrates the whole year once per month,
    // several minutes for two years on a busy machine).
    for (const year of YEARS) {
      for (let m = 1; m <= 12; m++) {
        const month = `${year}-${String(m).padStart(2, '0')}`;
        const doc = ledgerDoc(SIZES.requests, year, 'A', month);
        const n = doc.getMap('requests').size;
        if (n) await pushDoc(ws, `${office.id}/${ledgerShard(month)}`, office.token, doc, (d) => d.getMap('requests').size === n);
        doc.destroy();
      }
    }
    directory.doc.destroy();
    console.log(`  (office generated and on the relay in ${Math.round(performance.now() - t0)} ms)`);
    const base = relay.url.replace('127.0.0.1', 'localhost');
    return { id: office.id, token: office.token, name: OFFICE_NAME, base, ws: ws.replace('127.0.0.1', 'localhost'), directory: { ids: directory.ids, customers: directory.customers } };
  });

  /** A new browser context (closed with the bench), long tasks recorded from its first navigation. */
  async context(): Promise<BrowserContext> {
    const browser = await this.browser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(60_000);
    await context.addInitScript(LONG_TASKS_INIT);
    this.contexts.add(context);
    context.once('close', () => this.contexts.delete(context));
    return context;
  }

  /**
   * A tablet that joined the bench's office and holds all of it: the customer list shown, the
   * service worker controlling the page, the relay reached, this and last year's requests in
   * IndexedDB.
   */
  async joinTablet(office: SeededOffice, context?: BrowserContext): Promise<Tablet> {
    context ??= await this.context();
    const page = context.pages()[0] ?? (await context.newPage());
    // A tablet joins with a one-time invitation (the office token only ever opens the API).
    const invite = await createInvitation(office.base, office.id, office.token);
    const params = new URLSearchParams({ relay: office.ws, office: office.id, invite, name: office.name });
    const t0 = Date.now();
    await page.goto(`${office.base}/join#${params}`);
    // Taking the profile (its PIN hashed, the staff's command saved) shares the CPU with the join's start.
    await takeProfile(page, new RegExp(benchActor.name), undefined, 120_000);
    // The app opens on 今日; the figures are those of the customer list.
    await joinUsable(page, SIZES.customers);
    const usableMs = Date.now() - t0;
    const dbName = `linli-${office.id}`;
    await joinComplete(page, dbName, LIVE_YEARS.length * SIZES.requests);
    const completeMs = Date.now() - t0;
    await within(page.evaluate('navigator.serviceWorker.ready.then(() => true)'), 60_000, 'service worker');
    if (!(await page.evaluate('!!navigator.serviceWorker.controller'))) {
      await page.reload();
      await page.waitForFunction(`document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'synced'`, null, { timeout: 120_000 });
    }
    return { context, page, dbName, join: { usableMs, completeMs } };
  }

  /**
   * A browser profile that joined the office, at full speed, once (the tablet mode and the memory
   * figure open it in browsers of their own): its join is the `join.*` figures.
   */
  readonly profile = once(async (): Promise<JoinedProfile> => {
    const office = await this.office();
    return this.inProfile('linli-bench-profile-', async (dir, context) => {
      context.setDefaultTimeout(60_000);
      await context.addInitScript(LONG_TASKS_INIT);
      const tablet = await this.joinTablet(office, context);
      return { dir, ...tablet.join! };
    });
  });

  /** The dashboard's own office (a year given what a real year has, 2,000 survey answers), seeded once for desk and tablet. */
  readonly dashboardOffice = once(async (): Promise<DashboardOffice> => seedDashboardOffice(await this.relay(), SIZES.requests, Math.min(2000, SIZES.customers)));

  /**
   * A browser profile that joined the dashboard's office at full speed, once: the tablet mode
   * reopens it in the slowed browser, as it does the bench's profile, instead of joining a year of
   * 10,000 requests at a quarter core (which took most of the tablet mode's minutes).
   */
  readonly dashboardProfile = once(async (): Promise<string> => {
    const d = await this.dashboardOffice();
    return this.inProfile('linli-bench-dash-profile-', async (dir, context) => {
      context.setDefaultTimeout(120_000);
      const page = context.pages()[0] ?? (await context.newPage());
      await joinDashboard(page, d, SIZES.requests);
      await within(page.evaluate('navigator.serviceWorker.ready.then(() => true)'), 60_000, 'service worker');
      return dir;
    });
  });

  /** `work` in a full-speed Chromium on a new profile directory (removed with the bench), closed after. */
  private async inProfile<T>(prefix: string, work: (dir: string, context: BrowserContext) => Promise<T>): Promise<T> {
    const dir = await tempDir(prefix);
    this.profileDirs.push(dir);
    const context = await within(chromium.launchPersistentContext(dir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } }), 60_000, `Chromium (${prefix}) to start`);
    try {
      return await work(dir, context);
    } finally {
      await within(context.close(), 20_000, `${prefix} close`).catch(() => undefined);
    }
  }

  /** The tablet most metrics use (joined once). */
  readonly tablet = once(async () => this.joinTablet(await this.office()));

  /**
   * A colleague's tablet's new requests of this month (another device code), as one update of
   * this month's ledger room (`room`): where a tablet of this build writes them.
   */
  colleagueRequests(count: number, device: string): { room: string; update: Uint8Array } {
    const now = new Date();
    const doc = ledgerDoc(count, now.getUTCFullYear(), device, undefined, Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { room: ledgerShardAt(now.toISOString()), update };
  }

  /**
   * A colleague's sync arriving: `update` pushed into a room of the office as one y-websocket
   * message by a bare socket (no document on this side, so nothing here loads the year).
   */
  async sendUpdate(office: SeededOffice, room: string, update: Uint8Array): Promise<void> {
    const relay = await this.relay();
    const sock = new WebSocket(`${wsUrl(relay)}/${office.id}/${room}?token=${encodeURIComponent(office.token)}`);
    sock.on('error', () => undefined);
    try {
      await within(new Promise((r, j) => (sock.once('open', r), sock.once('error', j))), 10_000, 'colleague socket');
      const enc = encoding.createEncoder();
      encoding.writeVarUint(enc, 0); // messageSync
      syncProtocol.writeUpdate(enc, update);
      await within(new Promise<void>((r, j) => sock.send(encoding.toUint8Array(enc), (err) => (err ? j(err) : r()))), 10_000, 'colleague update sent');
    } finally {
      // Closed a moment later: the relay appends and broadcasts before it reads the close.
      setTimeout(() => sock.close(), 2_000).unref();
    }
  }

  /** Closes whatever was started (safe to call twice; what was closed is not started again). */
  async close(): Promise<void> {
    for (const c of [...this.contexts]) await within(c.close(), 10_000, 'context close').catch(() => undefined);
    this.contexts.clear();
    const { browserRef, relayRef, dataDir } = this;
    this.browserRef = null;
    this.relayRef = null;
    this.dataDir = '';
    if (browserRef) await within(browserRef.close(), 15_000, 'browser close').catch(() => undefined);
    if (relayRef) await within(relayRef.close(), 15_000, 'relay close').catch(() => undefined);
    if (dataDir) await removeDir(dataDir).catch(() => undefined);
    for (const dir of this.profileDirs.splice(0)) await removeDir(dir).catch(() => undefined);
  }
}
