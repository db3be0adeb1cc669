import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Relay } from '../../sync-server/relay';
import { benchActor, officeDoc } from '../bench/seed';
import { launchChromium } from './browser';
import { joinOffice, pushDoc } from './office';
import { relayIn, removeDir, tempDir, wsUrl } from './relay';

/** One seeded room: the shard's name (`directory`, `ledger-2026-12`), its document, and when the relay holds it all. */
export interface SeedShard {
  shard: string;
  doc: Y.Doc;
  ready: (d: Y.Doc) => boolean;
}

export interface SeededOffice {
  dir: string;
  relay: Relay;
  office: { id: string; token: string };
  ws: string;
  /** The app's address on localhost (a secure context, as the tablets see it). */
  base: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * The set-up of the e2e files that test screens on seeded data: a relay serving dist/, one office
 * with the bench's manager and the given shards pushed, one Chromium tablet at 1280×800 joined by
 * invitation and, given `customers`, waiting on the customer list until it shows that many.
 */
export async function openSeededOffice(opts: {
  prefix: string; officeName: string; shards: SeedShard[]; customers?: number; onPageError?: (message: string) => void;
}): Promise<SeededOffice> {
  if (!existsSync(resolve('dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` (npm test does) first');
  const dir = await tempDir(opts.prefix);
  const relay = await relayIn(dir, { staticDir: resolve('dist') });
  const office = await relay.offices.add(opts.officeName);
  const ws = wsUrl(relay);
  const base = relay.url.replace('127.0.0.1', 'localhost');
  await pushDoc(ws, `${office.id}/office`, office.token, officeDoc(opts.officeName), (d) => d.getMap('staff').size === 1);
  for (const s of opts.shards) await pushDoc(ws, `${office.id}/${s.shard}`, office.token, s.doc, s.ready);
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => (opts.onPageError ?? ((m: string) => console.error('pageerror:', m)))(e.message));
  await joinOffice(page, base, ws, office, opts.officeName, benchActor.name);
  if (opts.customers !== undefined) await page.getByText(`共 ${opts.customers} 位客户`).waitFor({ timeout: 60_000 });
  return { dir, relay, office, ws, base, browser, context, page };
}

/** Closes what `openSeededOffice` opened (whatever of it was opened before a failure). */
export async function closeSeededOffice(s: Partial<SeededOffice> | undefined): Promise<void> {
  await s?.browser?.close();
  await s?.relay?.close();
  if (s?.dir) await removeDir(s.dir);
}
