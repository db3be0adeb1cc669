import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { createCustomer, customerFromRecord } from '../../src/domain/customers/customer';
import { addDays } from '../../src/domain/days';
import { applyRenovation, decideRenovation, renovationFromRecord, submitRenovation } from '../../src/domain/moves/renovation';
import { createNotice } from '../../src/domain/notices/notice';
import type { Command } from '../../src/domain/ops';
import type { Result } from '../../src/domain/result';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { officeDay } from '../../src/domain/requests/work-time';
import { ledgerShardAt } from '../../src/domain/shards';
import { createUnit } from '../../src/domain/units/unit';
import { zhCN as zh } from '../../src/i18n/zh-CN';
import { noticesZhCN } from '../../src/i18n/notices/zh-CN';
import { applyCommand } from '../../src/store/apply';
import { benchActor } from '../bench/seed';
import { ARTIFACTS, expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';
import { imagesLoaded as picturesLoaded, shootBothSizes } from '../helpers/pictures-page';
import { closeSeededOffice, openSeededOffice, type SeededOffice } from '../helpers/seeded-office';

/**
 * Photos where moves and notices need them (issue 20's last paragraph, with issue 19's pictures),
 * in real Chromium against the real relay: a photo taken for a defect at the move-in counter is
 * on the handover's page, on the warranty request made from the defect (the same picture: the
 * same blob name) and on the printed 入伙交接单 (PDF → PNG, looked at); an inspection's photo
 * goes on its rectification request; a notice keeps a photo of itself as posted. Screenshots at
 * 800×1280 and 1280×800 of each changed page.
 */
const run = promisify(execFile);
const OFFICE = '翠湖花园管理处';
const ctx = () => ({ actor: benchActor, now: new Date().toISOString() });
const today = officeDay(new Date(), defaultServiceSettings().calendar);
const must = <T,>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

let app: SeededOffice | undefined;
let page: Page;
let base: string;
const units: Record<string, string> = {};
let renovationId = '';
let noticeId = '';

function seed(): { directory: Y.Doc; ledger: Y.Doc } {
  const directory = new Y.Doc();
  const ledger = new Y.Doc();
  const codes = new Set<string>();
  for (const [code, status] of [['5-1-302', 'vacant'], ['2-1-501', 'owner']] as const) {
    const made = must(createUnit({ code, area: '98', use: 'residential', status }, ctx(), codes));
    applyCommand(directory, made.command, 'seed');
    units[code] = made.id;
    codes.add(code);
  }
  const ids: Record<string, string> = {};
  for (const c of [
    { name: '王芳', phones: ['13900000009'], unitCode: '', kind: 'owner' as const },
    { name: '陈静', phones: ['13700000007'], unitCode: '2-1-501', kind: 'owner' as const },
  ]) {
    const made = must(createCustomer(c, '', ctx(), []));
    applyCommand(directory, made.command, 'seed');
    ids[c.name] = made.id;
  }
  // A renovation of 2-1-501 running (approved), to be inspected in the browser.
  const owner = customerFromRecord(ids['陈静'], (directory.getMap('customers').get(ids['陈静']) as Y.Map<unknown>).toJSON());
  const applied = must(applyRenovation({ unitCode: '2-1-501', customerId: owner.id, contractor: '好家装饰', contractorPhone: '13600000000', workers: 5, start: today, end: addDays(today, 10), scope: '厨卫改造', deposit: 3000, inspectEvery: 7 },
    owner, [], 'ZH-2612-Z-001', ctx()));
  renovationId = applied.id;
  const step = (c: Command | Command[]) => { for (const x of Array.isArray(c) ? c : [c]) applyCommand(x.shard === 'directory' ? directory : ledger, x, 'seed'); };
  step(applied.command);
  const read = () => renovationFromRecord(renovationId, (ledger.getMap('renovations').get(renovationId) as Y.Map<unknown>).toJSON());
  step(must(submitRenovation(read(), ctx())));
  step(must(decideRenovation(read(), { approve: true, comment: '' }, 'manager', null, ctx())));
  // A notice in force, to be photographed on the lobby board.
  const notice = must(createNotice({
    kind: 'water', title: '5栋停水通知', body: '因管网检修，明日9时至17时停水，请提前储水。', audience: { scope: 'buildings', buildings: ['5'], uses: [], listId: '', listName: '' },
    callNeeds: ['elderlyAlone'], from: today, to: addDays(today, 1),
  }, ctx()));
  noticeId = notice.id;
  step(notice.command);
  return { directory, ledger };
}

/** A camera JPEG drawn by the page's own canvas: a crack across a wall, roughly. */
async function photo(name: string, hue: number): Promise<string> {
  const b64 = await page.evaluate(async (hue) => {
    const c = new OffscreenCanvas(1600, 1200);
    const g = c.getContext('2d')!;
    g.fillStyle = `hsl(${hue}, 25%, 85%)`; g.fillRect(0, 0, 1600, 1200);
    g.strokeStyle = '#4a3b2a'; g.lineWidth = 18; g.beginPath(); g.moveTo(200, 100);
    for (let i = 1; i <= 10; i++) g.lineTo(200 + i * 120, 100 + i * 100 + (i % 2 ? 60 : -40));
    g.stroke();
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return await new Promise<string>((ok) => { const r = new FileReader(); r.onload = () => ok(String(r.result).split(',')[1]); r.readAsDataURL(blob); });
  }, hue);
  await mkdir(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, `${name}.jpg`);
  await writeFile(path, Buffer.from(b64, 'base64'));
  return path;
}

async function shots(name: string) {
  for (const [w, h] of [[800, 1280], [1280, 800]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: resolve(ARTIFACTS, `movepics-${name}-${w}x${h}.png`), fullPage: true });
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w);
  }
}

/** Rendered buttons, links and fields with no accessible name, as Chromium computes it (as test/e2e/moves.test.ts). */
async function unnamedControls(): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'button, a, input, select, textarea, img' });
    const unnamed: string[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes[0];
      if (!node || node.ignored) continue;
      if (!String(node.name?.value ?? '').trim()) unnamed.push((await cdp.send('DOM.getOuterHTML', { nodeId })).outerHTML.slice(0, 160));
    }
    expect(nodeIds.length).toBeGreaterThan(5);
    return unnamed;
  } finally {
    await cdp.detach();
  }
}

const imagesLoaded = (selector: string, n: number) => picturesLoaded(page, selector, n);

beforeAll(async () => {
  const { directory, ledger } = seed();
  app = await openSeededOffice({
    prefix: 'linli-movepics-', officeName: OFFICE, customers: 2,
    shards: [
      { shard: 'directory', doc: directory, ready: (d) => d.getMap('customers').size === 2 },
      { shard: ledgerShardAt(new Date().toISOString()), doc: ledger, ready: (d) => d.getMap('notices').size === 1 },
    ],
  });
  ({ page, base } = app);
});

afterAll(() => closeSeededOffice(app));

describe('photos of defects, findings and notices', () => {
  it('a defect’s photo taken at the move-in counter is on the handover, on its warranty request (same picture) and on the printed 入伙交接单', async () => {
    await page.goto(`${base}/units/${units['5-1-302']}/move-in`);
    const form = page.getByRole('form', { name: '办理入伙' });
    await form.waitFor();
    await page.getByPlaceholder('姓名、电话、房号').or(page.locator('input[name=customerQuery]')).first().fill('王芳');
    await page.getByTestId('customer-matches').getByRole('button', { name: /王芳/ }).click();
    for (const box of await form.getByRole('checkbox').all()) await box.check();
    await form.getByLabel('交付钥匙（把）').fill('3');
    await form.getByLabel('水表读数').fill('12.5');
    await form.getByLabel('电表读数').fill('345');
    // A photo with no defect written is refused with the reason, before anything is saved.
    await form.getByLabel('从相册选照片到“问题 1 的照片”').setInputFiles(await photo('defect-drain', 200));
    await imagesLoaded('[data-testid=defect-pictures-1] img', 1);
    await form.getByRole('button', { name: '办理入伙' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain(zh['moves.error.defectPhotoWithoutText']);
    await form.getByLabel('问题 1', { exact: true }).fill('卫生间地漏反味');
    await form.getByRole('button', { name: zh['moves.addDefect'] }).click();
    await form.getByLabel('问题 2', { exact: true }).fill('主卧墙面开裂');
    await form.getByLabel('为“问题 2 的照片”拍照').setInputFiles(await photo('defect-wall', 30));
    await imagesLoaded('[data-testid=defect-pictures-2] img', 1);
    // The form's thumbnail: the 320 px one, kept on this tablet (its state shown).
    const formThumb = page.getByTestId('defect-pictures-2').getByTestId('picture-thumb');
    expect(await formThumb.locator('img').evaluate((i: HTMLImageElement) => Math.max(i.naturalWidth, i.naturalHeight))).toBe(320);
    const wallThumbSha = await formThumb.locator('img').getAttribute('data-sha');
    expect(wallThumbSha).toMatch(/^[0-9a-f]{64}$/);
    await shots('move-in');
    expect(await unnamedControls()).toEqual([]);
    await form.getByRole('button', { name: '办理入伙' }).click();

    // The printed 入伙交接单: the defects with their numbers, and their photos' thumbnails under them.
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
    await imagesLoaded('[data-testid=printed-pictures] img', 2);
    const pdf = await printToPdf(page, 'movepics-handover');
    expectRealChinese(pdf, ['入伙交接单', '卫生间地漏反味', '主卧墙面开裂', zh['moves.defectPhotosTitle'], '业主/租户签字']);
    const text = pdf.text.replace(/\s+/g, '');
    const numbers = [...pdf.text.matchAll(/保修\s+(BX-\d{4}-[A-Z0-9]+-\d{3})/g)].map((m) => m[1]);
    expect(numbers).toHaveLength(2);
    expect(text).toContain(`问题1·${numbers[0]}`);
    expect(text).toContain(`问题2·${numbers[1]}`);
    const { stdout } = await run('pdfimages', ['-list', pdf.path]);
    expect(stdout.split('\n').slice(2).filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length).toBeGreaterThanOrEqual(2);
    await pdfPageToPng(pdf.path, 'movepics-handover', 1, 80);

    // The handover's page: each defect's photos, with their state.
    await page.getByRole('link', { name: /返回/ }).click();
    await page.getByTestId('defect-pictures').waitFor();
    await imagesLoaded('[data-testid=defect-pictures] [data-testid=picture-thumb] img', 2);
    expect(await page.getByTestId('defect-pictures').getByTestId('picture-thumb').count()).toBe(2);
    await expect.poll(() => page.getByTestId('defect-pictures').getByTestId('picture-state').allTextContents(), { timeout: 30_000 })
      .toEqual([zh['picture.state.relay'], zh['picture.state.relay']]);
    await shots('handover');
    expect(await unnamedControls()).toEqual([]);

    // The wall's warranty request: the same picture (same thumbnail's name), at 受理时, for the team.
    await page.getByTestId('handover-facts').getByRole('link', { name: numbers[1] }).click();
    const intake = page.locator('[data-testid=picture-strip][data-stage=intake]');
    await intake.waitFor({ timeout: 30_000 });
    await imagesLoaded('[data-testid=picture-strip][data-stage=intake] [data-testid=picture-thumb] img', 1);
    expect(await intake.getByTestId('picture-thumb').count()).toBe(1);
    expect(await intake.getByTestId('picture-thumb').locator('img').getAttribute('data-sha')).toBe(wallThumbSha);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(zh['picture.added']);

    // A photo added afterwards on the handover's page goes on the drain's request too.
    await page.goBack();
    const drain = page.locator('[data-testid=defect-pictures] [data-testid=picture-strip]').first();
    await drain.getByLabel('从相册选照片到“问题 1 的照片”').setInputFiles(await photo('defect-drain-2', 120));
    await expect.poll(() => drain.getByTestId('picture-thumb').count(), { timeout: 30_000 }).toBe(2);
    await page.getByTestId('handover-facts').getByRole('link', { name: numbers[0] }).click();
    await expect.poll(() => page.locator('[data-testid=picture-strip][data-stage=intake] [data-testid=picture-thumb]').count(), { timeout: 30_000 }).toBe(2);
  });

  it('an inspection’s photo goes on the inspection and on its rectification request', async () => {
    await page.goto(`${base}/renovations/${renovationId}`);
    const inspect = page.getByTestId('reno-inspect');
    await inspect.waitFor({ timeout: 30_000 });
    await inspect.getByLabel('巡查情况').fill('承重墙开槽');
    await inspect.getByLabel('发现违规或问题').check();
    await inspect.getByLabel('开整改单').check();
    await inspect.getByLabel(`从相册选照片到“${zh['reno.findingPhotos']}”`).setInputFiles(await photo('finding', 0));
    await imagesLoaded('[data-testid=finding-pictures] img', 1);
    const sha = await page.getByTestId('finding-pictures').locator('img').getAttribute('data-sha');
    await inspect.getByRole('button', { name: '巡查', exact: true }).click();
    await expect.poll(() => page.getByTestId('reno-checks').innerText(), { timeout: 30_000 }).toMatch(/承重墙开槽[\s\S]*BX-/);
    await imagesLoaded('[data-testid=reno-checks] [data-testid=picture-thumb] img', 1);
    expect(await page.getByTestId('reno-checks').getByTestId('picture-thumb').locator('img').getAttribute('data-sha')).toBe(sha);
    await shots('renovation');
    expect(await unnamedControls()).toEqual([]);
    await page.getByTestId('reno-checks').getByRole('link', { name: /BX-/ }).click();
    await imagesLoaded('[data-testid=picture-strip][data-stage=intake] [data-testid=picture-thumb] img', 1);
    expect(await page.locator('[data-testid=picture-strip][data-stage=intake] [data-testid=picture-thumb] img').getAttribute('data-sha')).toBe(sha);
  });

  it('a notice keeps a photo of itself as posted, with its state; the page in three languages', async () => {
    await page.goto(`${base}/notices/${noticeId}`);
    const posted = page.getByTestId('notice-posted');
    await posted.waitFor({ timeout: 30_000 });
    await posted.getByLabel(`为“${noticesZhCN['notice.postedPhotos']}”拍照`).setInputFiles(await photo('notice-board', 60));
    await imagesLoaded('[data-testid=notice-posted] [data-testid=picture-thumb] img', 1);
    await expect.poll(() => posted.getByTestId('picture-state').textContent(), { timeout: 30_000 }).toBe(zh['picture.state.relay']);
    await shots('notice');
    expect(await unnamedControls()).toEqual([]);
    for (const [locale, words] of [['zh-TW', '張貼照片'], ['en', 'Photos as posted']] as const) {
      await page.evaluate((l) => localStorage.setItem('linli.locale', l), locale);
      await page.goto(`${base}/notices/${noticeId}`);
      await expect.poll(() => page.getByTestId('notice-posted').innerText(), { timeout: 30_000 }).toContain(words);
      await page.goto(`${base}/units/${units['5-1-302']}/move-in`);
      await page.getByTestId('defects').waitFor();
      await shots(`move-in-${locale}`);
    }
    await page.evaluate(() => localStorage.setItem('linli.locale', 'zh-CN'));
  });
});
