import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { exifOrientation, metadataOf, withExif } from '../helpers/camera-jpeg';

/**
 * The picture encoder (src/store/pictures/encode.ts) in real Chromium: a 12-megapixel camera JPEG
 * with GPS in its EXIF becomes a picture of at most 1,600 px and 400 KB with no EXIF at all, and a
 * thumbnail of at most 320 px and 64 KB.
 */
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const bundle = await build({ entryPoints: ['src/store/pictures/encode.ts'], bundle: true, write: false, format: 'iife', globalName: 'linliEncode', target: 'es2022' });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><title>encode</title>');
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  // Bytes cross as base64: a JSON array of millions of numbers takes minutes.
  await page.addScriptTag({ content: `window.toBase64 = (b) => new Promise((ok) => { const r = new FileReader(); r.onload = () => ok(String(r.result).split(',')[1]); r.readAsDataURL(b); });` });
});
afterAll(async () => browser?.close());

/** A photo-like 4,000 × 3,000 picture: sky and wall gradients, windows, and sensor noise, as a camera JPEG at 0.92. */
async function cameraJpeg(exif?: Uint8Array): Promise<Uint8Array> {
  const bytes = await page.evaluate(async () => {
    const w = 4000, h = 3000;
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, '#8ab4e8'); sky.addColorStop(0.45, '#dfe9f3'); sky.addColorStop(0.46, '#b9a48c'); sky.addColorStop(1, '#6d5a48');
    g.fillStyle = sky; g.fillRect(0, 0, w, h);
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 160; i++) { g.fillStyle = `hsl(${200 + rand() * 40}, 30%, ${20 + rand() * 50}%)`; g.fillRect(rand() * w, 1400 + rand() * 1500, 60 + rand() * 200, 80 + rand() * 260); }
    for (let i = 0; i < 40; i++) { g.strokeStyle = `rgba(40,30,20,${rand()})`; g.lineWidth = 2 + rand() * 10; g.beginPath(); g.moveTo(rand() * w, rand() * h); g.bezierCurveTo(rand() * w, rand() * h, rand() * w, rand() * h, rand() * w, rand() * h); g.stroke(); }
    const img = g.getImageData(0, 0, w, h);
    for (let i = 0; i < img.data.length; i += 4) { const n = (rand() - 0.5) * 14; img.data[i] += n; img.data[i + 1] += n; img.data[i + 2] += n; }
    g.putImageData(img, 0, 0);
    const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    return (window as unknown as { toBase64: (b: Blob) => Promise<string> }).toBase64(blob);
  });
  return withExif(Uint8Array.from(Buffer.from(bytes, 'base64')), exif);
}

describe('re-encoding a camera photo', () => {
  it('a 4,000 × 3,000 JPEG with GPS EXIF becomes ≤ 400 KB with no EXIF; its thumbnail ≤ 64 KB', async () => {
    const original = await cameraJpeg();
    expect(metadataOf(original)).toEqual({ app1: 1, exif: true, gpsRational: true });
    expect(original.length).toBeGreaterThan(1_000_000);
    const out = await page.evaluate(async (b64) => {
      const toBase64 = (window as unknown as { toBase64: (b: Blob) => Promise<string> }).toBase64;
      const source = await (await fetch(`data:image/jpeg;base64,${b64}`)).blob();
      const enc = await (globalThis as unknown as { linliEncode: typeof import('../../src/store/pictures/encode') }).linliEncode.encodePicture(source);
      const size = async (b: Blob) => { const bm = await createImageBitmap(b); const s = [bm.width, bm.height]; bm.close(); return s; };
      return {
        full: await toBase64(enc.full), thumb: await toBase64(enc.thumb),
        width: enc.width, height: enc.height, mime: enc.mime, fullSize: await size(enc.full), thumbSize: await size(enc.thumb), thumbType: enc.thumb.type,
      };
    }, Buffer.from(original).toString('base64'));
    const full = Uint8Array.from(Buffer.from(out.full, 'base64'));
    const thumb = Uint8Array.from(Buffer.from(out.thumb, 'base64'));
    console.log(`camera ${original.length} B → ${out.mime} ${full.length} B ${out.fullSize.join('×')}; thumbnail ${out.thumbType} ${thumb.length} B ${out.thumbSize.join('×')}`);
    expect([out.width, out.height]).toEqual([1600, 1200]);
    expect(out.fullSize).toEqual([1600, 1200]);
    expect(Math.max(...out.thumbSize)).toBe(320);
    expect(full.length).toBeLessThanOrEqual(400 * 1024);
    expect(thumb.length).toBeLessThanOrEqual(64 * 1024);
    for (const b of [full, thumb]) {
      const meta = metadataOf(b);
      expect(meta.exif).toBe(false);
      expect(meta.gpsRational).toBe(false);
      expect(meta.app1).toBe(0);
    }
  });

  it('a photo taken upright (EXIF orientation 6: stored 4,000 × 3,000) stays upright at 1,200 × 1,600, decoded already reduced', async () => {
    const original = await cameraJpeg(exifOrientation(6));
    const out = await page.evaluate(async (b64) => {
      const source = await (await fetch(`data:image/jpeg;base64,${b64}`)).blob();
      const enc = await (globalThis as unknown as { linliEncode: typeof import('../../src/store/pictures/encode') }).linliEncode.encodePicture(source);
      const bm = await createImageBitmap(enc.full);
      const tb = await createImageBitmap(enc.thumb);
      // The top rows were the picture's left edge (sky blue in the stored picture): upright, the
      // sky is on the right. Compare the mean blue of the left and right columns' middle.
      const c = new OffscreenCanvas(bm.width, bm.height);
      const g = c.getContext('2d')!;
      g.drawImage(bm, 0, 0);
      const blue = (x: number) => { const d = g.getImageData(x, bm.height / 2 - 50, 20, 100).data; let s = 0; for (let i = 0; i < d.length; i += 4) s += d[i + 2] - d[i]; return s / (d.length / 4); };
      return { declared: [enc.width, enc.height], full: [bm.width, bm.height], thumb: [tb.width, tb.height], left: blue(0), right: blue(bm.width - 20) };
    }, Buffer.from(original).toString('base64'));
    expect(out.declared).toEqual([1200, 1600]);
    expect(out.full).toEqual([1200, 1600]);
    expect(out.thumb).toEqual([240, 320]);
    // Orientation 6 turns the picture a quarter clockwise: the sky (top of the stored picture) on the right.
    expect(out.right).toBeGreaterThan(out.left + 20);
  });
});
