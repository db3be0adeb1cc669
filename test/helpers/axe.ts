import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Accessibility as a maintained engine sees it (axe-core, injected into the page), plus what
 * axe leaves open: it files text of the same colour as its background (1:1, the blank red
 * buttons) under `incomplete`, as if the text were meant to be hidden. So a page passes only
 * with no violation, no incomplete colour-contrast result with a known ratio below the
 * requirement, and every visible control's text at 4.5:1 against what is really behind it
 * (computed here, opacity included; 3:1 for a disabled one, which WCAG leaves out but a
 * receptionist still has to read).
 */
const AXE_SOURCE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface ControlContrast {
  text: string;
  ratio: number;
  required: number;
  html: string;
}

/** axe's violations and the contrast failures it filed as incomplete, on the page as it is now. */
export async function axeFindings(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    return axe.run(document, {
      resultTypes: ['violations', 'incomplete'],
      // Off by default as "experimental"; the visible label must be in the accessible name (WCAG 2.5.3).
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
  }) as { violations: AxeResult[]; incomplete: AxeResult[] };
  const findings: Finding[] = result.violations.map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  for (const r of result.incomplete) {
    if (r.id !== 'color-contrast' && r.id !== 'color-contrast-enhanced') continue;
    if (r.id === 'color-contrast-enhanced') continue;
    const low = r.nodes.filter((n) => {
      const data = n.any.find((c) => c.id === 'color-contrast')?.data as { contrastRatio?: number; expectedContrastRatio?: string } | undefined;
      const ratio = Number(data?.contrastRatio ?? NaN);
      const want = parseFloat(String(data?.expectedContrastRatio ?? '4.5'));
      return Number.isFinite(ratio) && ratio > 0 && ratio < want;
    });
    if (low.length) findings.push({ rule: 'color-contrast (incomplete)', impact: 'serious', help: r.help, targets: low.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`) });
  }
  return findings;
}

interface AxeResult {
  id: string;
  impact?: string;
  help: string;
  nodes: { target: string[]; any: { id: string; data: unknown; message?: string }[] }[];
}

/** Every visible button, link-as-button, summary and select with text: its contrast against what is behind it. */
export function controlContrasts(page: Page): Promise<ControlContrast[]> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top: number[], under: number[]): number[] => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
    const lum = (c: number[]) => {
      const ch = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
    };
    /** What is painted behind `el`: its own and its ancestors' backgrounds, blended from the page up. */
    const backdrop = (el: Element): number[] => {
      const chain: Element[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) chain.push(e);
      let color = [255, 255, 255, 1];
      for (const e of chain.reverse()) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) color = over(bg, color);
      }
      return color;
    };
    const opacity = (el: Element) => {
      let o = 1;
      for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const out: { text: string; ratio: number; required: number; html: string }[] = [];
    for (const el of Array.from(document.querySelectorAll('button, a.button, summary, select'))) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const text = (el as HTMLElement).innerText?.trim() ?? '';
      if (!text || box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      const behindParent = el.parentElement ? backdrop(el.parentElement) : [255, 255, 255, 1];
      const own = backdrop(el);
      const op = opacity(el);
      const fg = over(parse(style.color), own);
      // Opacity fades text and ground alike towards what lies behind the control.
      const seenFg = over([...fg.slice(0, 3), op], behindParent);
      const seenBg = over([...own.slice(0, 3), op], behindParent);
      const [a, b] = [lum(seenFg), lum(seenBg)].sort((x, y) => y - x);
      const ratio = (a + 0.05) / (b + 0.05);
      const disabled = (el as HTMLButtonElement).disabled === true;
      out.push({ text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100, required: disabled ? 3 : 4.5, html: el.outerHTML.slice(0, 120) });
    }
    return out;
  });
}

/** The controls whose text is below the contrast they need. */
export async function lowContrastControls(page: Page): Promise<ControlContrast[]> {
  return (await controlContrasts(page)).filter((c) => c.ratio < c.required);
}
