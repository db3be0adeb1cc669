import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Relay } from '../../sync-server/relay';
import { benchActor } from '../bench/seed';
import { seedDashboardOffice, type DashboardOffice } from '../bench/dashboard-bench';
import { launchChromium } from '../helpers/browser';
import { joinOffice } from '../helpers/office';
import { relayIn, removeDir, tempDir } from '../helpers/relay';

/**
 * The stall that reverted 统计's packs (issue 23): a new tablet joining the bench's dashboard
 * office (a year of 10,000 requests with their follow-ups, 2,000 survey answers) never showed its
 * staff pick — the office shard's first write queued behind the year's, written as one IndexedDB
 * transaction. Here the same office is joined with packs on: the staff pick shows (joinOffice
 * takes the profile), the year lands in rows and packs alike, and 统计 draws from the packs.
 * The order itself is tested deterministically in test/unit/first-sync-chunks.test.ts.
 */
const REQUESTS = 10_000;
const ANSWERS = 2_000;
let dir: string;
let relay: Relay;
let browser: Browser;
let seeded: DashboardOffice;

beforeAll(async () => {
  if (!existsSync(resolve('dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  dir = await tempDir('linli-join-packs-');
  relay = await relayIn(dir, { staticDir: resolve('dist') });
  seeded = await seedDashboardOffice(relay, REQUESTS, ANSWERS);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  if (dir) await removeDir(dir);
});

/** Counts of the tablet's IndexedDB: rows, packed rows, and whether the year's projection stamp covers the packs. */
const COUNTS = `async (name) => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const all = (store) => new Promise((res, rej) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const count = (store) => new Promise((res, rej) => { const r = db.transaction(store).objectStore(store).count(); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const packs = await all('figurePacks');
  const packed = (c) => packs.filter((p) => p.key.startsWith(c + '|')).reduce((n, p) => n + p.rows.length, 0);
  // Every ledger month's stamp (the packs are trusted only when all of them are current).
  const stamps = (await all('meta')).filter((m) => m.key.startsWith('projection:ledger-')).map((m) => String(m.value));
  const stamp = stamps.length && stamps.every((v) => v.includes('figurePacks')) ? 'figurePacks' : '';
  const out = { requests: await count('requests'), followups: await count('followups'), responses: await count('responses'),
    packedRequests: packed('requests'), packedFollowups: packed('followups'), packedResponses: packed('responses'), packs: packs.length, stamp };
  db.close();
  return out;
}`;

describe('a new tablet joining the bench office with packs on', () => {
  it('shows its staff pick, gets the year in rows and packs alike, and 统计 draws from the packs', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    context.setDefaultTimeout(90_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror:', e.message));
    await joinOffice(page, seeded.base, seeded.ws, seeded.office, seeded.name, benchActor.name);
    await page.goto(`${seeded.base}/requests?q=all`);
    await page.getByText(`共 ${REQUESTS} 件`).waitFor({ timeout: 120_000 });
    await page.waitForFunction(`document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'synced'`, null, { timeout: 120_000 });
    const db = `linli-${seeded.office.id}`;
    await page.waitForFunction(`(${COUNTS})(${JSON.stringify(db)}).then((c) => c.stamp.includes('figurePacks') && c.responses === ${ANSWERS})`, null, { timeout: 120_000, polling: 1000 });
    const c = (await page.evaluate(`(${COUNTS})(${JSON.stringify(db)})`)) as Record<string, number | string>;
    expect(c.requests).toBe(REQUESTS);
    expect(c.packedRequests).toBe(REQUESTS);
    expect(c.packedFollowups).toBe(c.followups);
    expect(c.packedResponses).toBe(ANSWERS);
    // A few dozen records hold the year (one per collection and month), not 20,000.
    expect(c.packs).toBeGreaterThan(3);
    expect(c.packs).toBeLessThan(60);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计' }).click();
    await page.waitForFunction(`performance.getEntriesByName('linli:dashboard-rendered').length > 0`, null, { timeout: 90_000 });
    expect(await page.evaluate(`performance.getEntriesByName('linli:dashboard-packs').length`)).toBe(1);
    await context.close();
  }, 240_000);
});
