/** Page steps the picture e2e files share (no vitest imports: plain playwright). */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './pdf';

/** Waits until at least `n` <img> match `selector` and every one of them has decoded (a blob URL read from IndexedDB). */
export function imagesLoaded(page: Page, selector: string, n: number, timeout = 30_000) {
  return page.waitForFunction(([sel, count]) => {
    const imgs = [...document.querySelectorAll<HTMLImageElement>(sel as string)];
    return imgs.length >= (count as number) && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, [selector, n] as const, { timeout });
}

/** Full-page screenshots `<name>-<w>x<h>.png` at the desk's 1280×800 and the tablet's 800×1280, back at 1280×800 after. */
export async function shootBothSizes(page: Page, name: string): Promise<void> {
  for (const [w, h] of [[1280, 800], [800, 1280]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: resolve(ARTIFACTS, `${name}-${w}x${h}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
