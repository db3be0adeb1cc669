/**
 * Acceptance for the front desk's day (今日): a customer with a lunar birthday next week shows
 * on 今日; the greeting letter printed from there reads back from the PDF with the name, unit,
 * date and office, and is written into the customer's contact log; a communication plan for a
 * tag makes tasks that two tablets, both offline, generate — and that show once, not twice,
 * after they meet; a 咨询 answered from a standard answer.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { lunarOf } from '../../src/domain/dates';
import { chineseDate, lunarDateText } from '../../src/domain/templates/merge';
import { addOffice, joinAsManager, joinLinkFor, joinOffice, newRequest, newTablet, readTimeline, screenshot, waitSyncState, watchErrors, zh, type AppRelay, withAppAndBrowser } from '../helpers/app';
import { expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';

let app: AppRelay;
let browser: Browser;
const cleanup = withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

const OFFICE = '翠湖花园管理处';
/** The office's day (UTC+8, the default calendar), `n` days from now. */
const officeDay = (n = 0) => new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
const nav = (page: Page, label: string) => page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: label }).click();

async function newCustomer(page: Page, c: { name: string; unit: string; gender?: string; tags?: string; lunar?: { month: number; day: number; leap: boolean } }): Promise<string> {
  await page.goto(`${app.base}/customers/new`);
  await page.getByLabel(zh['customers.name'], { exact: true }).fill(c.name);
  await page.getByLabel(zh['customers.unit']).fill(c.unit);
  await page.getByText(zh['customers.moreFields']).click();
  if (c.gender) await page.getByLabel(zh['customers.gender']).selectOption({ label: c.gender });
  if (c.tags) await page.getByLabel(zh['customers.tags']).fill(c.tags);
  if (c.lunar) {
    await page.getByRole('button', { name: zh['date.add'] }).click();
    await page.getByLabel(zh['date.calendar']).selectOption('lunar');
    await page.getByLabel(zh['date.month'], { exact: true }).fill(String(c.lunar.month));
    await page.getByLabel(zh['date.day'], { exact: true }).fill(String(c.lunar.day));
    if (c.lunar.leap) await page.getByLabel(zh['date.leap']).check();
  }
  await page.getByRole('button', { name: zh['common.save'] }).click();
  await page.waitForURL((url) => /\/customers\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
  await page.getByTestId('customer-name').filter({ hasText: c.name }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

describe('今日', () => {
  it('shows a lunar birthday next week; the greeting letter prints and is logged as a contact', async () => {
    const office = await addOffice(app, OFFICE);
    const ctx = await newTablet(browser);
    cleanup.add(() => ctx.close());
    const page = await joinAsManager(ctx, app, office, '王丽');
    const errors = watchErrors(page);

    // 设置 → 模板: an unknown field is refused, named; then the letter is saved.
    await page.goto(`${app.base}/settings/templates`);
    const form = page.getByRole('form', { name: zh['templates.form'] });
    await form.getByLabel(zh['templates.name']).fill('生日贺信');
    await form.getByLabel(zh['templates.body']).fill('尊敬的{{称呼}}：值此{{农历生日}}生日之际，{{客户名}}');
    await form.getByRole('button', { name: zh['common.save'] }).click();
    await form.getByRole('alert').filter({ hasText: '没有“客户名”这个字段' }).waitFor();
    await form.getByLabel(zh['templates.body']).fill('尊敬的{{称呼}}：\n值此{{农历生日}}生日之际，{{管理处}}全体员工祝您生日快乐，身体健康！');
    await form.getByRole('button', { name: zh['common.save'] }).click();
    await form.getByRole('status').filter({ hasText: zh['common.saved'] }).waitFor();
    const care = page.getByRole('form', { name: zh['care.title'] });
    await care.getByLabel('生日：使用模板').selectOption({ label: '生日贺信' });
    await care.getByRole('button', { name: zh['care.save'] }).click();
    await care.getByRole('status').filter({ hasText: zh['common.saved'] }).waitFor();

    // A customer whose lunar birthday is four days from now.
    const birthday = lunarOf(new Date(`${officeDay(4)}T00:00:00Z`));
    const id = await newCustomer(page, { name: '张秀英', unit: '3-2-1101', gender: '女', lunar: birthday });

    await nav(page, zh['nav.today']);
    const item = page.getByTestId('today-care').locator('li.task').filter({ hasText: '张秀英' });
    await item.waitFor();
    // The day as people say it, lunar first with the solar day after it, and how far off it is.
    const [, solarMonth, solarDay] = officeDay(4).split('-').map(Number);
    expect(await item.textContent()).toContain(`生日 农历${lunarDateText(birthday.month, birthday.day, birthday.leap)}（${solarMonth}月${solarDay}日）`);
    expect(await item.getByTestId('care-when').textContent()).toBe(zh['date.inDays'].replace('{{ n }}', '4'));
    await screenshot(page, 'today-care.png');

    await item.getByRole('link', { name: '为张秀英打印贺信' }).click();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
    await page.evaluate('window.print = () => { window.__printed = (window.__printed ?? 0) + 1; }');
    await page.getByRole('button', { name: zh['print.print'], exact: true }).click();
    await expect.poll(() => page.evaluate('window.__printed')).toBe(1);
    const pdf = await printToPdf(page, 'today-letter');
    expectRealChinese(pdf, ['张秀英', '3-2-1101', OFFICE, chineseDate(officeDay()), '尊敬的张女士', '生日快乐']);
    await pdfPageToPng(pdf.path, 'today-letter', 1, 60);

    // Written into her contact log, and the task is done.
    await page.goto(`${app.base}/customers/${id}`);
    await page.getByTestId('customer-name').waitFor();
    await page.getByTestId('contact-log').filter({ hasText: '打印信函：生日贺信' }).waitFor();
    expect(await page.getByTestId('contact-log').textContent()).toContain(zh['channel.letter']);
    await nav(page, zh['nav.today']);
    await page.getByTestId('today-care').getByText(zh['today.nothing']).waitFor();

    // 当日工作单 prints.
    await openPrintPreview(page, `${app.base}/print/worksheet`);
    const sheet = await printToPdf(page, 'today-worksheet');
    expectRealChinese(sheet, ['当日工作单', OFFICE]);
    expect(errors).toEqual([]);
  });

  it('a plan for a tag: two offline tablets generate its tasks, which show once after they meet', async () => {
    const office = await addOffice(app, OFFICE);
    const link = () => joinLinkFor(app, office);
    const ctxA = await newTablet(browser);
    const ctxB = await newTablet(browser);
    cleanup.add(() => ctxA.close());
    cleanup.add(() => ctxB.close());
    const a = await joinAsManager(ctxA, app, office, '王丽');
    await newCustomer(a, { name: '刘大爷', unit: '5-1-302', tags: '独居老人' });
    await newCustomer(a, { name: '陈阿姨', unit: '5-1-402', tags: '独居老人' });
    await newCustomer(a, { name: '赵先生', unit: '5-1-502' });
    await a.goto(`${app.base}/settings/plans`);
    const form = a.getByRole('form', { name: zh['plans.form'] });
    await form.getByLabel(zh['plans.name']).fill('独居老人定期电话');
    await form.getByLabel(zh['plans.tags']).fill('独居老人');
    await form.getByLabel(zh['plans.every']).selectOption('afterContact');
    await form.getByLabel(zh['plans.days']).fill('7');
    await form.getByLabel(zh['plans.start']).fill(officeDay());
    await form.getByRole('button', { name: zh['common.save'] }).click();
    await form.getByRole('status').filter({ hasText: zh['common.saved'] }).waitFor();

    const b = await joinOffice(ctxB, await link(), '李娜');
    await b.goto(`${app.base}/settings/plans`);
    await b.getByTestId('plan-list').getByText('独居老人定期电话').waitFor();
    await b.goto(`${app.base}/customers?q=${encodeURIComponent('陈阿姨')}`);
    await b.getByTestId('customer-list').getByText('陈阿姨').waitFor();
    await waitSyncState(a, 'synced');
    await waitSyncState(b, 'synced');

    // Both offline; each opens 今日 and makes the plan's tasks by itself.
    await ctxA.setOffline(true);
    await ctxB.setOffline(true);
    await waitSyncState(a, 'offline');
    await waitSyncState(b, 'offline');
    const planItems = (p: Page) => p.getByTestId('today-plans').locator('li.task');
    for (const p of [a, b]) {
      await nav(p, zh['nav.today']);
      await expect.poll(() => planItems(p).count(), { timeout: 30_000 }).toBe(2);
    }
    await ctxA.setOffline(false);
    await ctxB.setOffline(false);
    await waitSyncState(a, 'synced');
    await waitSyncState(b, 'synced');
    for (const p of [a, b]) {
      await p.reload();
      await p.getByTestId('today-plans').waitFor();
      await expect.poll(() => planItems(p).count()).toBe(2);
      expect((await planItems(p).allTextContents()).filter((x) => x.includes('刘大爷'))).toHaveLength(1);
    }
    // Logging the call finishes it on both.
    await planItems(b).filter({ hasText: '刘大爷' }).getByRole('button', { name: '已致电刘大爷：记入接触记录并完成' }).click();
    await expect.poll(() => planItems(a).count(), { timeout: 30_000 }).toBe(1);
    await screenshot(a, 'today-plans.png');
  });

  it('a 咨询 answered from a standard answer found by a synonym; the use is counted', async () => {
    const office = await addOffice(app, OFFICE);
    const ctx = await newTablet(browser);
    cleanup.add(() => ctx.close());
    const page = await joinAsManager(ctx, app, office, '王丽');
    await newCustomer(page, { name: '孙丽', unit: '2-1-1101' });
    await nav(page, zh['nav.answers']);
    const form = page.getByRole('form', { name: zh['answers.form'] });
    await form.getByLabel(zh['answers.category']).fill('维修');
    await form.getByLabel(zh['answers.titleField']).fill('漏水报修');
    await form.getByLabel(zh['answers.wording']).fill('请先关闭总阀，我们的维修人员30分钟内上门查看。');
    await form.getByLabel(zh['answers.synonyms']).fill('渗水，滴水');
    await form.getByRole('button', { name: zh['common.save'] }).click();
    await form.getByRole('status').filter({ hasText: zh['common.saved'] }).waitFor();

    const made = await newRequest(page, app.base, { kind: 'inquiry', customer: '孙丽', description: '卫生间天花板渗水怎么办' });
    const answer = page.getByRole('form', { name: zh['action.answer'], exact: true });
    await answer.getByLabel(zh['answers.search']).fill('渗水');
    await answer.getByRole('button', { name: '使用：漏水报修' }).click();
    expect(await answer.getByLabel(zh['requests.reply']).inputValue()).toBe('请先关闭总阀，我们的维修人员30分钟内上门查看。');
    await screenshot(page, 'today-inquiry-answer.png');
    await answer.getByRole('button', { name: zh['action.answer'], exact: true }).click();
    await expect.poll(async () => (await readTimeline(page)).map((s) => s.what)).toContain(zh['request.answered']);
    expect((await readTimeline(page)).find((s) => s.what === zh['request.answered'])?.details).toContain('漏水报修');
    expect(made.number).toMatch(/^ZX-/);

    // Pinyin initials find it too, and it has been used once.
    await nav(page, zh['nav.answers']);
    await page.getByLabel(zh['answers.search']).fill('lsbx');
    await page.getByTestId('answer-list').filter({ hasText: '已用 1 次' }).waitFor();
  });
});
