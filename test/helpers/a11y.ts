import type { Page } from 'playwright-core';

export interface Control {
  html: string;
  role: string;
  name: string;
}

/** Each rendered button/link/control inside `selector` with the role and name from Chromium's AX tree. */
export async function controlsOf(page: Page, selector = 'body'): Promise<Control[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: ['button', 'a', 'input', 'select', 'textarea'].map((c) => `${selector} ${c}`).join(', ') });
    const found: Control[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes[0];
      if (!node || node.ignored) continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      found.push({ html: outerHTML.slice(0, 160), role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '').trim() });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

/** The page's controls, and those among them without an accessible name. */
export async function unnamedControls(page: Page): Promise<{ count: number; unnamed: Control[] }> {
  const found = await controlsOf(page);
  return { count: found.length, unnamed: found.filter((c) => !c.name) };
}
