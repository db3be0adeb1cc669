/**
 * Smoke check: every button, link and form control a receptionist meets on the customer
 * screens has an accessible name, as Chromium itself computes it for screen readers.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  addOffice,
  createCustomer,
  joinLinkFor,
  joinAsManager,
  joinOffice,
  newTablet,
  zh,
  type AppRelay,
  withAppAndBrowser,
} from '../helpers/app';

let app: AppRelay;
let browser: Browser;
const cleanup = withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

interface Control {
  html: string;
  role: string;
  name: string;
}

/** Each rendered button/link/control of the page with the role and name from Chromium's AX tree. */
async function controls(page: Page): Promise<Control[]> {
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
      if (!node || node.ignored) continue; // not rendered (display:none), so not presented
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      found.push({ html: outerHTML.slice(0, 160), role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '').trim() });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

async function expectAllNamed(page: Page, atLeast: number): Promise<Control[]> {
  const list = await controls(page);
  expect(list.length).toBeGreaterThanOrEqual(atLeast);
  expect(list.filter((c) => !c.name), 'controls without an accessible name').toEqual([]);
  return list;
}

describe('accessible names', () => {
  it('every control on the list, new-customer and customer pages has a name', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const context = await newTablet(browser);
    cleanup.add(() => context.close());
    const page = await joinOffice(context, await joinLinkFor(app, office), '王丽');
    const id = await createCustomer(page, { name: '张伟', phone: '13812345678', unit: '3-2-1101', notes: '老人独居' });

    // Customer page, reading: nav links, back link, 编辑, 显示, notes box.
    const viewing = await expectAllNamed(page, 6);
    expect(viewing).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: 'button', name: zh['common.edit'] }),
      expect.objectContaining({ role: 'button', name: `${zh['common.reveal']} ${zh['customers.phones']}` }),
      expect.objectContaining({ role: 'textbox', name: expect.stringContaining(zh['customers.notes']) }),
    ]));

    // Customer page, editing: the three fields with their labels, 取消, 保存.
    await page.getByRole('button', { name: zh['common.edit'] }).click();
    const editing = await expectAllNamed(page, 9);
    for (const label of [zh['customers.name'], zh['customers.phones'], zh['customers.unit']]) {
      expect(editing.some((c) => c.role === 'textbox' && c.name.startsWith(label))).toBe(true);
    }

    // The list (search box has no visible label, only aria-label) and the new-customer form.
    await page.goto(`${app.base}/customers`);
    await page.getByTestId('customer-list').waitFor();
    const list = await expectAllNamed(page, 4);
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ name: zh['customers.search'] })]));
    expect(list.some((c) => c.role === 'link' && c.name.includes('张伟'))).toBe(true);

    await page.getByRole('link', { name: zh['customers.new'] }).click();
    await page.getByLabel(zh['customers.name'], { exact: true }).waitFor();
    await expectAllNamed(page, 7);
    expect(id).toBeTruthy();
  });

  it('every control of 今日, templates, plans and standard answers has a name', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const context = await newTablet(browser);
    cleanup.add(() => context.close());
    const page = await joinAsManager(context, app, office, '王丽');
    await createCustomer(page, { name: '张伟', phone: '13812345678', unit: '3-2-1101' });
    await page.goto(`${app.base}/today`);
    await page.getByTestId('today').waitFor();
    await expectAllNamed(page, 6);
    await page.goto(`${app.base}/settings/templates`);
    await page.getByRole('form', { name: zh['care.title'] }).waitFor();
    await expectAllNamed(page, 15);
    await page.goto(`${app.base}/settings/plans`);
    await page.getByRole('form', { name: zh['plans.form'] }).waitFor();
    await expectAllNamed(page, 15);
    await page.goto(`${app.base}/answers`);
    await page.getByRole('form', { name: zh['answers.form'] }).waitFor();
    await expectAllNamed(page, 10);
  });
});
