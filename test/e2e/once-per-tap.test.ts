/**
 * Once per tap (issue 18, point 6): a real double tap — Playwright's `dblclick`, two clicks with
 * no delay, in Chromium — on the submit button of every create form makes one record. Each form
 * is filled as staff would, double-tapped, and then the projection table is counted once the
 * form is idle again.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { dashboardZhCN as surveyZh } from '../../src/i18n/dashboard/zh-CN';
import { createCustomer, createOffice, withAppAndBrowser, zh, type AppRelay } from '../helpers/app';

let app: AppRelay;
let browser: Browser;
const cleanup = withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

/** Rows of one projection table on this tablet. */
function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (table) =>
      new Promise<number>((resolve, reject) => {
        const officeId = JSON.parse(localStorage.getItem('linli.device') ?? '{}').officeId as string;
        const open = indexedDB.open(`linli-${officeId}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const conn = open.result;
          const req = conn.transaction(table).objectStore(table).count();
          req.onsuccess = () => (conn.close(), resolve(req.result));
          req.onerror = () => (conn.close(), reject(req.error));
        };
      }),
    table,
  );
}

/** No form on the page has a save in flight (FormShell marks it aria-busy). */
const idle = (page: Page) => page.waitForFunction(() => !document.querySelector('form[aria-busy="true"]'));

/**
 * Double-taps the form's submit button, waits for the outcome and for every save to settle, and
 * returns how many rows the tap added. Counted against the rows before, because a new office
 * already has some (the two starter letters, 范本, are templates).
 */
async function doubleTap(page: Page, form: ReturnType<Page['getByRole']>, outcome: () => Promise<unknown>, table: string): Promise<number> {
  const before = await countRows(page, table);
  await form.locator('button[type="submit"]').dblclick({ delay: 0 });
  await outcome();
  await idle(page);
  return (await countRows(page, table)) - before;
}

describe('once per tap', () => {
  it('a double tap on each create form makes one record', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    cleanup.add(() => context.close());
    const page = await createOffice(context, app, '翠湖花园', '王经理');
    const base = app.base;

    // 登记房屋 — two units with one code used to pass the duplicate check.
    await page.goto(`${base}/units/new`);
    const unitForm = page.getByRole('form', { name: zh['units.new'] });
    await unitForm.getByLabel(zh['units.code']).fill('3-2-1101');
    expect(await doubleTap(page, unitForm, () => page.waitForURL(/\/units\/(?!new)[^/]+$/), 'units')).toBe(1);

    // 新建客户
    await page.goto(`${base}/customers/new`);
    const customerForm = page.getByRole('form', { name: zh['customers.new'] });
    await customerForm.getByLabel(zh['customers.name'], { exact: true }).fill('张伟');
    expect(await doubleTap(page, customerForm, () => page.waitForURL(/\/customers\/(?!new)[^/]+$/), 'customers')).toBe(1);

    // 记录接触 — on the customer's page.
    const contactForm = page.getByRole('form', { name: zh['contact.add'] });
    await contactForm.getByLabel(zh['contact.summary']).fill('来电询问停车位');
    expect(await doubleTap(page, contactForm, () => page.getByTestId('contact-log').waitFor(), 'contacts')).toBe(1);

    // 受理登记
    await page.goto(`${base}/requests/new`);
    const requestForm = page.getByRole('form', { name: zh['requests.new'] });
    const who = requestForm.getByLabel(zh['requests.customer']);
    await who.fill('张伟');
    await page.getByTestId('customer-matches').waitFor();
    await who.press('Enter');
    await page.getByTestId('picked-customer').waitFor();
    await requestForm.getByLabel(zh['requests.description']).fill('厨房水龙头漏水');
    expect(await doubleTap(page, requestForm, () => page.waitForURL(/\/requests\/(?!new)[^/?]+$/), 'requests')).toBe(1);

    // 标准答复
    await page.goto(`${base}/answers`);
    const answerForm = page.getByRole('form', { name: zh['answers.form'] });
    await answerForm.getByLabel(zh['answers.titleField']).fill('停车费标准');
    await answerForm.getByLabel(zh['answers.wording']).fill('月租车位每月三百元。');
    expect(await doubleTap(page, answerForm, () => answerForm.getByRole('status').filter({ hasText: zh['common.saved'] }).waitFor(), 'answers')).toBe(1);

    // 模板
    await page.goto(`${base}/settings/templates`);
    const templateForm = page.getByRole('form', { name: zh['templates.form'] });
    // The office's starter letters are listed first, so they are in the count before the tap.
    await page.getByTestId('template-list').getByText('生日贺信（范本）').waitFor();
    await templateForm.getByLabel(zh['templates.name']).fill('生日问候');
    await templateForm.getByLabel(zh['templates.body']).fill('您好，祝您生日快乐！');
    expect(await doubleTap(page, templateForm, () => templateForm.getByRole('status').filter({ hasText: zh['common.saved'] }).waitFor(), 'templates')).toBe(1);

    // 沟通计划
    await page.goto(`${base}/settings/plans`);
    const planForm = page.getByRole('form', { name: zh['plans.form'] });
    await planForm.getByLabel(zh['plans.name'], { exact: true }).fill('老人季度回访');
    expect(await doubleTap(page, planForm, () => planForm.getByRole('status').filter({ hasText: zh['common.saved'] }).waitFor(), 'plans')).toBe(1);

    // 新建问卷
    await page.goto(`${base}/surveys/new`);
    const surveyForm = page.getByRole('form', { name: surveyZh['survey.new'] });
    await surveyForm.getByLabel(surveyZh['survey.titleField']).fill('2026 年满意度调查');
    expect(await doubleTap(page, surveyForm, () => page.waitForURL(/\/surveys\/(?!new(?:$|[/?]))[^/]+\/entry/), 'surveys')).toBe(1);

    // 客户座谈会的计划
    await page.goto(`${base}/events/new`);
    const eventForm = page.getByRole('form', { name: zh['events.plan'] });
    await eventForm.getByLabel(zh['events.titleField']).fill('三季度业主座谈会');
    expect(await doubleTap(page, eventForm, () => page.waitForURL(/\/events\/(?!new)[^/]+$/), 'events')).toBe(1);

    // The customer made through the helper (one tap) for the record: the helper still works with the shell.
    await createCustomer(page, { name: '李娜' });
    expect(await countRows(page, 'customers')).toBe(2);
  });
});
