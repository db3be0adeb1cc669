import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CommandContext } from '../../src/domain/actor';
import { completeWork, dispatch, takeRequest } from '../../src/domain/requests/lifecycle';
import { requestFromRecord } from '../../src/domain/requests/record';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { shardOf } from '../../src/domain/requests/shard';
import { createUnit } from '../../src/domain/units/unit';
import { createCustomer } from '../helpers/app';
import { applyCommand } from '../../src/store/apply';
import { zhCN as zh } from '../../src/i18n/zh-CN';
import { benchActor } from '../bench/seed';
import { metadataOf, withExif } from '../helpers/camera-jpeg';
import { ARTIFACTS, expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';
import { imagesLoaded as picturesLoaded, shootBothSizes } from '../helpers/pictures-page';
import { closeSeededOffice, openSeededOffice, type SeededOffice } from '../helpers/seeded-office';
import { joinOffice } from '../helpers/office';
import type { Relay } from '../../sync-server/relay';

/**
 * Pictures and signatures in the app (issue 19), in real Chromium against the real relay: a photo
 * chosen on a repair request shows as a thumbnail with its state; the resident's signature drawn
 * with pointer events is in the record's history and in its box on the printed request sheet
 * (PDF → text and PNG); a photo of the signed sheet on 扫码 keeps it as the paper's scan and marks
 * it 已签回 at once; closing warns while pictures are only on this tablet.
 */
const run = promisify(execFile);
const OFFICE = '翠湖花园管理处';
const settings = defaultServiceSettings();
let dir: string;
let relay: Relay;
let app: SeededOffice | undefined;
let page: Page;
let base: string;
let requestId = '';

function buildLedger(): { doc: Y.Doc; shard: string } {
  const doc = new Y.Doc();
  const map = doc.getMap<Y.Map<unknown>>('requests');
  const ctx = (min: number): CommandContext => ({ actor: benchActor, now: new Date(Date.now() - (60 - min) * 60_000).toISOString() });
  const made = takeRequest({ kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'wechat', description: '卫生间天花板渗水', customerId: '', customerName: '张伟', unitCode: '3-2-1101', phone: '13812345678', location: '' }, 'BX-2612-A-001', settings, ctx(0));
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  applyCommand(doc, made.value.command, 'seed');
  requestId = made.value.id;
  const read = () => requestFromRecord(requestId, (map.get(requestId) as Y.Map<unknown>).toJSON());
  const step = (r: ReturnType<typeof dispatch>) => { if (!r.ok) throw new Error(JSON.stringify(r.problems)); applyCommand(doc, r.value, 'seed'); };
  step(dispatch(read(), 'engineering', '', ctx(5), { team: '工程组', assignee: '' }));
  step(completeWork(read(), '更换楼上卫生间防水层', false, '', ctx(30)));
  return { doc, shard: shardOf(read()) };
}

/** A camera JPEG with GPS EXIF, drawn by the page's own canvas (a leak on a ceiling, roughly). */
async function cameraPhoto(variant = 0): Promise<string> {
  const b64 = await page.evaluate(async (variant) => {
    const c = new OffscreenCanvas(2000, 1500);
    const g = c.getContext('2d')!;
    const grad = g.createLinearGradient(0, 0, 2000, 1500);
    grad.addColorStop(0, '#e8e4dc'); grad.addColorStop(1, '#b8b0a0');
    g.fillStyle = grad; g.fillRect(0, 0, 2000, 1500);
    g.fillStyle = 'rgba(120, 90, 40, 0.55)';
    g.beginPath(); g.ellipse(1000 + variant * 150, 700, 420, 260, 0.3, 0, Math.PI * 2); g.fill();
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return await new Promise<string>((ok) => { const r = new FileReader(); r.onload = () => ok(String(r.result).split(',')[1]); r.readAsDataURL(blob); });
  }, variant);
  await mkdir(ARTIFACTS, { recursive: true });
  const path = resolve(ARTIFACTS, 'leak-photo.jpg');
  const bytes = withExif(Uint8Array.from(Buffer.from(b64, 'base64')));
  expect(metadataOf(bytes).exif).toBe(true);
  await writeFile(path, bytes);
  return path;
}

const shoot = (name: string) => shootBothSizes(page, name);

const imagesLoaded = (selector: string, n: number) => picturesLoaded(page, selector, n);

beforeAll(async () => {
  const directory = new Y.Doc();
  const unit = createUnit({ code: '3-2-1101', area: '98', use: 'residential', status: 'owner' }, { actor: benchActor, now: new Date().toISOString() }, new Set(), 'unit-3-2-1101');
  if (!unit.ok) throw new Error(JSON.stringify(unit.problems));
  applyCommand(directory, unit.value.command, 'seed');
  const ledger = buildLedger();
  app = await openSeededOffice({
    prefix: 'linli-pictures-', officeName: OFFICE,
    shards: [
      { shard: 'directory', doc: directory, ready: (d) => d.getMap('units').size === 1 },
      { shard: ledger.shard, doc: ledger.doc, ready: (d) => d.getMap('requests').size === 1 },
    ],
  });
  ({ page, base, relay, dir } = app);
  await page.goto(`${base}/requests/${requestId}`);
  await page.getByTestId('request-pictures').waitFor({ timeout: 60_000 });
});

afterAll(() => closeSeededOffice(app));

describe('pictures and signatures on a request', () => {
  it('a photo chosen from the gallery shows as its thumbnail, waiting to be sent, and opens large', async () => {
    const intake = page.locator('[data-testid=picture-strip][data-stage=intake]');
    const encoders = () => page.workers().filter((w) => w.url().includes('encode-worker'));
    const started: string[] = [];
    page.on('worker', (w) => void started.push(w.url()));
    await intake.getByLabel(`从相册选照片到“${zh['picture.stageTitle.intake']}”`).setInputFiles(await cameraPhoto());
    await imagesLoaded('[data-testid=picture-strip][data-stage=intake] [data-testid=picture-thumb] img', 1);
    // The photo was re-encoded in the pictures worker, which ends once idle (2 s) and gives its memory back.
    expect(started.filter((u) => u.includes('encode-worker'))).toHaveLength(1);
    await expect.poll(() => encoders().length, { timeout: 15_000 }).toBe(0);
    const thumb = intake.getByTestId('picture-thumb');
    expect(await thumb.count()).toBe(1);
    // The thumbnail is the 320 px one, not the photo.
    expect(await thumb.locator('img').evaluate((i: HTMLImageElement) => Math.max(i.naturalWidth, i.naturalHeight))).toBe(320);
    // Kept on the tablet first (等待发送 / 发送中), then the worker's outbox sends it: 已上传.
    expect([zh['picture.state.waiting'], zh['picture.state.sending'], zh['picture.state.relay']]).toContain(await thumb.getByTestId('picture-state').textContent());
    await expect.poll(() => thumb.getByTestId('picture-state').textContent(), { timeout: 30_000 }).toBe(zh['picture.state.relay']);
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain(zh['picture.added']);
    await shoot('pictures-request');
    await thumb.getByRole('button').click();
    const viewer = page.getByRole('dialog', { name: zh['picture.viewer'] });
    await imagesLoaded('[data-testid=picture-viewer] img.large', 1);
    expect(await viewer.locator('img.large').evaluate((i: HTMLImageElement) => [i.naturalWidth, i.naturalHeight])).toEqual([1600, 1200]);
    await shoot('pictures-viewer');
    await viewer.getByRole('button', { name: zh['picture.close'] }).click();
    await viewer.waitFor({ state: 'detached' });
  });

  it('warns in the close form while a picture is only on this tablet', async () => {
    // 回访 very satisfied: 关闭 becomes the next step, its form open.
    await page.getByRole('radio', { name: '很满意' }).check();
    await page.getByRole('button', { name: '登记回访' }).click();
    await page.getByRole('button', { name: zh['action.close'], exact: true }).waitFor();
    const warning = page.getByTestId('unsent-pictures');
    // The first photo reached the relay: nothing to warn about (once the states are read).
    await expect.poll(() => warning.count()).toBe(0);
    // Offline, another photo the resident sent stays on this tablet: closing warns.
    const photo = await cameraPhoto(1); // another picture (drawn before the network goes)
    let waitingSrc: string | null = null;
    // The first photo's thumbnail element, marked: adding another must not make it anew (a new
    // element is a new decode of the same picture, per picture, per change of the record).
    const firstImg = page.locator('[data-testid=picture-strip][data-stage=intake] [data-testid=picture-thumb] img').first();
    await firstImg.evaluate((i) => ((i as HTMLImageElement & { linliMark?: boolean }).linliMark = true));
    await page.context().setOffline(true);
    try {
      const intake = page.locator('[data-testid=picture-strip][data-stage=intake]');
      await intake.getByLabel(`从相册选照片到“${zh['picture.stageTitle.intake']}”`).setInputFiles(photo);
      // Encoded in the pictures worker first: on a loaded machine that takes longer than poll's 1 s default.
      await expect.poll(() => intake.getByTestId('picture-thumb').count(), { timeout: 30_000 }).toBe(2);
      await expect.poll(() => warning.count(), { timeout: 30_000 }).toBe(1);
      expect(await warning.textContent()).toContain('有 1 张照片或扫描件还没有上传到同步服务器');
      await imagesLoaded('[data-testid=picture-strip][data-stage=intake] [data-testid=picture-thumb] img', 2);
      waitingSrc = await intake.getByTestId('picture-thumb').nth(1).locator('img').getAttribute('src');
      expect(await firstImg.evaluate((i) => (i as HTMLImageElement & { linliMark?: boolean }).linliMark === true)).toBe(true);
    } finally {
      await page.context().setOffline(false);
    }
    // Back online, the outbox sends it and the warning goes.
    await expect.poll(() => warning.count(), { timeout: 60_000 }).toBe(0);
    // Its row went 等待发送 → 发送中 → 已上传; the thumbnail is the same image, not decoded again.
    const intake = page.locator('[data-testid=picture-strip][data-stage=intake]');
    await expect.poll(() => intake.getByTestId('picture-thumb').nth(1).getAttribute('data-state')).toBe('relay');
    expect(await intake.getByTestId('picture-thumb').nth(1).locator('img').getAttribute('src')).toBe(waitingSrc);
  });

  it('a photo is kept even where the pictures worker cannot start: it is encoded on the page instead', async () => {
    // A second tablet whose worker script does not load (no service worker to serve it, the
    // request refused): the worker's error hands the photo to the page's own encoder.
    const other = await app!.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    try {
      let refused = 0;
      await other.route(/encode-worker-[^/]*\.js/, (r) => ((refused += 1), r.abort()));
      const second = await other.newPage();
      await joinOffice(second, base, app!.ws, app!.office, OFFICE, benchActor.name);
      await second.goto(`${base}/requests/${requestId}`);
      const intake = second.locator('[data-testid=picture-strip][data-stage=intake]');
      await intake.waitFor();
      await expect.poll(() => intake.getByTestId('picture-thumb').count(), { timeout: 30_000 }).toBe(2);
      await intake.getByLabel(`从相册选照片到“${zh['picture.stageTitle.intake']}”`).setInputFiles(await cameraPhoto(2));
      await expect.poll(() => intake.getByTestId('picture-thumb').count(), { timeout: 30_000 }).toBe(3);
      expect(refused).toBeGreaterThan(0);
      expect(await intake.getByRole('alert').count()).toBe(0);
      // Visible on the first tablet too: it was kept and sent like any other — and the second
      // tablet stays open until its original is on the relay too (closed earlier, the first tablet
      // would rightly warn of a picture on no relay when the request is closed, below).
      await expect.poll(() => page.locator('[data-testid=picture-strip][data-stage=intake] [data-testid=picture-thumb]').count(), { timeout: 30_000 }).toBe(3);
      await expect.poll(() => intake.locator('[data-testid=picture-thumb]:not([data-state=relay])').count(), { timeout: 60_000 }).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('the resident signs with pointer events: the signature shows, is in the history, and prints in its box', async () => {
    await page.getByRole('button', { name: '请住户签名：服务确认' }).click();
    const pad = page.getByTestId('signature-canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    // A signature: three strokes, as a finger would write them (the mouse drives pointer events).
    const strokes = [[[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35]], [[0.45, 0.5], [0.6, 0.45], [0.7, 0.6]], [[0.75, 0.3], [0.8, 0.75], [0.9, 0.4]]];
    for (const stroke of strokes) {
      await page.mouse.move(box.x + stroke[0][0] * box.width, box.y + stroke[0][1] * box.height);
      await page.mouse.down();
      for (const [x, y] of stroke.slice(1)) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
      await page.mouse.up();
    }
    await shoot('pictures-signature-pad');
    await page.getByRole('button', { name: zh['signature.save'] }).click();
    await imagesLoaded('[data-testid=signature-shown] img', 1);
    // The PNG has ink: dark pixels where the strokes went.
    const ink = await page.getByTestId('signature-shown').locator('img').evaluate(async (img: HTMLImageElement) => {
      const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 128 && d[i] < 80) dark++;
      return dark;
    });
    expect(ink).toBeGreaterThan(300);
    await expect.poll(() => page.getByTestId('signature-shown').textContent()).toContain('张伟 签名');
    const timeline = (await page.getByTestId('timeline').textContent()) ?? '';
    expect(timeline).toContain(zh['signature.signed']);
    expect(timeline).toContain('张伟签名确认：BX-2612-A-001 · 更换楼上卫生间防水层');
    expect(timeline).toContain(zh['reqstatus.followUp']);
    await shoot('pictures-signed');

    await openPrintPreview(page, `${base}/print/request?id=${requestId}`);
    await imagesLoaded('[data-testid=printed-signature] img', 1);
    await imagesLoaded('[data-testid=printed-pictures] img', 1);
    const pdf = await printToPdf(page, 'request-signed');
    const png = await pdfPageToPng(pdf.path, 'request-signed-p1', 1, 80);
    expect(existsSync(png)).toBe(true);
    expectRealChinese(pdf, ['客户服务单']);
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('张伟签名');
    expect(text).toContain(`${zh['print.photos']}`);
    expect(text).toContain(zh['picture.stage.intake']);
    // Two raster images on the sheet: the photo's thumbnail and the signature (the QR code is vector).
    const { stdout } = await run('pdfimages', ['-list', pdf.path]);
    const images = stdout.split('\n').slice(2).filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
    expect(images.length).toBeGreaterThanOrEqual(2);
  });

  it('a photo of the signed sheet on 扫码 keeps it as the paper’s scan and marks the paper 已签回', async () => {
    // The print button records the sheet as printed (the browser's dialog itself is not under test).
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByRole('toolbar').getByRole('button', { name: zh['print.print'] }).click();
    // Back inside the app (a reload could cut the 已打印 command short on its way to the worker).
    await page.getByRole('link', { name: new RegExp(zh['common.back']) }).click();
    await page.waitForURL(new RegExp(`/requests/${requestId}$`));
    await page.locator('[data-testid=paper-line][data-form=request][data-state=printed]').waitFor({ timeout: 30_000 });
    // The photo of the paper: the signed sheet's first page as an image.
    const prefix = resolve(ARTIFACTS, 'request-signed-photo');
    await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', resolve(ARTIFACTS, 'request-signed.pdf'), prefix]);
    await page.goto(`${base}/scan`);
    await shoot('pictures-scan-page');
    // A photo with no code in it: the reason in the person's language, as an alert (the page's one list of reasons).
    await page.getByLabel(zh['scan.keepScan']).setInputFiles(await cameraPhoto(2));
    await page.getByRole('alert').filter({ hasText: zh['scan.noCode'] }).waitFor({ timeout: 30_000 });
    await shootBothSizes(page, 'pictures-scan-no-code');
    expect(await page.getByTestId('scan-message').textContent()).toBe('');
    await page.getByLabel(zh['scan.keepScan']).setInputFiles(`${prefix}.png`);
    await page.waitForURL(new RegExp(`/requests/${requestId}\\?paper=request$`), { timeout: 60_000 });
    await page.locator('[data-testid=paper-line][data-form=request][data-state=received]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=paper-line][data-form=request]').getByTestId('paper-scan').textContent()).toContain(zh['papers.hasScan']);
    // The scan (and the signature) go on to the relay like any picture: nothing is left to warn about.
    await expect.poll(() => page.getByTestId('unsent-pictures').count(), { timeout: 60_000 }).toBe(0);
    await shoot('pictures-paper-received');
  });

  it('customers and units keep photos too (a damaged façade, a parking space)', async () => {
    const photo = await cameraPhoto();
    await createCustomer(page, { name: '李建国', phone: '13900001111', unit: '3-2-1101' });
    await page.getByLabel(`从相册选照片到“${zh['customers.pictures']}”`).setInputFiles(photo);
    await imagesLoaded('[data-testid=picture-thumb] img', 1);
    await shoot('pictures-customer');
    await page.goto(`${base}/units/unit-3-2-1101`);
    await page.getByLabel(`从相册选照片到“${zh['units.pictures']}”`).setInputFiles(photo);
    await imagesLoaded('[data-testid=picture-thumb] img', 1);
    await expect.poll(() => page.getByTestId('picture-state').textContent(), { timeout: 30_000 }).toBe(zh['picture.state.relay']);
    await shoot('pictures-unit');
  });
});
