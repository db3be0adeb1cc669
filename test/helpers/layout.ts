import type { Page } from 'playwright-core';

/**
 * What a person sees go wrong in a form before reading it: a label broken one character per
 * line (很/不/满/意), a radio squeezed into an oval, a select stretched to a box. Checked on the
 * rendered page (`scope`: the forms to look at), so a CSS rule anywhere that does it is caught.
 */
export interface LayoutProblem {
  what: 'brokenText' | 'notRound' | 'controlHeight';
  detail: string;
}

export function formLayoutProblems(page: Page, scope: string): Promise<LayoutProblem[]> {
  return page.evaluate((scope) => {
    const problems: { what: 'brokenText' | 'notRound' | 'controlHeight'; detail: string }[] = [];
    const roots = Array.from(document.querySelectorAll(scope));
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const root of roots) {
      // Text of labels, legends, buttons: how many lines each run of text takes.
      for (const el of Array.from(root.querySelectorAll('label, legend, button, summary, th, h3'))) {
        if (!visible(el)) continue;
        for (const node of Array.from(el.childNodes)) {
          if (node.nodeType !== Node.TEXT_NODE) continue;
          const text = (node.textContent ?? '').trim();
          if ([...text].length < 2) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          // Wrapping a long label onto two lines is fine; a line per one or two characters is not.
          if (lines > 1 && [...text].length / lines < 3) problems.push({ what: 'brokenText', detail: `"${text}" on ${lines} lines` });
        }
      }
      for (const el of Array.from(root.querySelectorAll('input[type=radio], input[type=checkbox]'))) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (Math.abs(r.width - r.height) > 1) problems.push({ what: 'notRound', detail: `${(el as HTMLInputElement).name || el.outerHTML.slice(0, 60)} is ${r.width.toFixed(0)}×${r.height.toFixed(0)}` });
      }
      for (const el of Array.from(root.querySelectorAll('select, input:not([type=radio]):not([type=checkbox]):not([type=hidden])'))) {
        if (!visible(el)) continue;
        const h = el.getBoundingClientRect().height;
        // The design: 44px touch targets, at most a little taller with large text.
        if (h < 40 || h > 64) problems.push({ what: 'controlHeight', detail: `${(el as HTMLInputElement).name || el.outerHTML.slice(0, 60)} is ${h.toFixed(0)}px tall` });
      }
    }
    return problems;
  }, scope);
}
