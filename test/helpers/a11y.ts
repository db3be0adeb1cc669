import type { Page } from 'playwright-core';

export interface Control {
  html: string;
  role: string;
  name: string;
}

/** Each rendered button/link/control of the page with the role and name from Chromium's AX tree (as test/e2e/a11y.test.ts does). */
export async function unnamedControls(page: Page): Promise<{ count: number; unnamed: Control[] }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'button, a, input, select, textarea' });
    const found: Control[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes[0];
      if (!node || node.ignored) continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      found.push({ html: outerHTML.slice(0, 160), role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '').trim() });
    }
    return { count: found.length, unnamed: found.filter((c) => !c.name) };
  } finally {
    await cdp.detach();
  }
}
