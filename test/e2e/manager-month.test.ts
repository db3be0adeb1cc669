/**
 * The manager's month (issue 21, points 3–5) in Chromium against the built app and the real relay:
 * every paper filed — a printed register and a monthly report carry a paper number and QR code,
 * are listed on 今日 while out, come back through 扫码 (a photo of the printed page) into box 12,
 * and are found in the archive by box, by month and by kind.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { dashboardZhCN } from '../../src/i18n/dashboard/zh-CN';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { officeDay } from '../../src/domain/requests/work-time';
import { addDays } from '../../src/domain/days';
import { addOffice, ARTIFACTS, createCustomer, joinAsManager, newRequest, newTablet, runRequestStep, watchErrors, withAppAndBrowser, zh as zhBase, type AppRelay } from '../helpers/app';
import { unnamedControls } from '../helpers/a11y';
import { formLayoutProblems } from '../helpers/layout';
import { expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';

const zh = { ...zhBase, ...dashboardZhCN };
const run = promisify(execFile);
let app: AppRelay;
let browser: Browser;
withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

const today = officeDay(new Date(), defaultServiceSettings().calendar);
const month = today.slice(0, 7);
let page: Page;
let errors: string[] = [];
const papers: Record<'register' | 'report', { number: string; png: string }> = { register: { number: '', png: '' }, report: { number: '', png: '' } };

/** Presses 打印 in the preview (the browser's own dialog is not under test) and waits for the paper to be recorded. */
/** Presses 打印 and waits until the page has recorded its papers and asked the browser to print. */
async function pressPrint(p: Page): Promise<void> {
  await p.evaluate(() => {
    const w = window as unknown as { printCalls: number };
    w.printCalls = 0;
    window.print = () => void w.printCalls++;
  });
  await p.getByRole('toolbar').getByRole('button', { name: zh['print.print'] }).click();
  await p.waitForFunction(() => (window as unknown as { printCalls: number }).printCalls > 0);
}

describe('every paper filed', () => {
  it('prints a register and the monthly report with a paper number and QR code, records them printed, and lists them on 今日', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const ctx = await newTablet(browser);
    page = await joinAsManager(ctx, app, office, '王经理');
    errors = watchErrors(page);

    for (const [key, url, name] of [
      ['register', `${app.base}/print/service-register?from=${month}-01&to=${today}`, 'service-register-paper'],
      ['report', `${app.base}/print/monthly-report?month=${month}`, 'monthly-report-paper'],
    ] as const) {
      await openPrintPreview(page, url);
      const qr = page.getByTestId('record-qr').first();
      const number = (await qr.getByTestId('record-number').textContent()) ?? '';
      expect(number).toMatch(/^ZJ-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(await qr.getAttribute('data-url')).toBe(`${app.base}/papers/${number}`);
      if (key === 'report') await expect.poll(() => page.locator('.monthly-report [data-drawn=true] svg').count(), { timeout: 20_000 }).toBe(2);
      const pdf = await printToPdf(page, name);
      expectRealChinese(pdf, [number]);
      // A photo of the paper, as a phone takes it of the code: the top right of its first page, for 扫码 below.
      const prefix = resolve(ARTIFACTS, `${name}-photo`);
      await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-x', '600', '-y', '0', '-W', '1154', '-H', '520', '-singlefile', pdf.path, prefix]);
      papers[key] = { number, png: `${prefix}.png` };
      await pdfPageToPng(pdf.path, `${name}-p1`, 1, 60);
      await pressPrint(page);
      // Printing the monthly report freezes it first (its address then names the snapshot).
      if (key === 'report') await page.waitForURL(/snapshot=/);
    }
    expect(papers.register.number).not.toBe(papers.report.number);

    await page.goto(`${app.base}/today`);
    const out = page.getByTestId('today-papers');
    await expect.poll(() => out.textContent()).toContain(`${zh['form.serviceRegister']} · `);
    expect(await out.textContent()).toContain(`${zh['report.title']} · ${month}`);
    expect(await out.getByRole('link').count()).toBe(2);
  });

  it('brings both back through 扫码 into box 12, and finds them by box, by month and by kind', async () => {
    for (const key of ['register', 'report'] as const) {
      await page.goto(`${app.base}/scan`);
      await page.getByLabel(zh['scan.photo']).setInputFiles(papers[key].png);
      await page.waitForURL(new RegExp(`/papers/${papers[key].number}$`), { timeout: 30_000 });
      const line = page.locator('[data-testid=paper-line]');
      await line.getByRole('textbox').fill('12');
      await line.getByRole('button').click();
      await page.locator('[data-testid=paper-line][data-state=archived]').waitFor();
      expect(await line.textContent()).toContain('档案盒 12');
      expect(await page.getByTestId('paper-period').textContent()).toBe(month);
    }
    // Nothing out any more: 今日 no longer lists them.
    await page.goto(`${app.base}/today`);
    await page.getByRole('heading', { name: zh['today.title'], exact: true }).waitFor();
    await expect.poll(() => page.getByTestId('today-papers').count()).toBe(0);

    await page.goto(`${app.base}/papers`);
    const search = page.getByTestId('archive-search');
    const found = () => search.getByTestId('archive-results').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-number')).sort());
    const both = [papers.register.number, papers.report.number].sort();
    await search.getByLabel(zh['papers.box']).selectOption('12');
    await expect.poll(found).toEqual(both);
    await search.getByLabel(zh['papers.box']).selectOption('');
    await search.getByLabel(zh['papers.period']).fill(month);
    await expect.poll(found).toEqual(both);
    // Another month finds neither; the year finds both; the kind narrows to the register.
    await search.getByLabel(zh['papers.period']).fill(`${Number(month.slice(0, 4)) - 1}-${month.slice(5)}`);
    await search.getByText(zh['papers.noneFound']).waitFor();
    await search.getByLabel(zh['papers.period']).fill(month.slice(0, 4));
    await expect.poll(found).toEqual(both);
    await search.getByLabel(zh['papers.formType']).selectOption({ label: zh['paperform.service-register'] });
    await expect.poll(found).toEqual([papers.register.number]);

    // The box's archive index, printed, names both papers by number.
    await openPrintPreview(page, `${app.base}/print/archive-index?box=12`);
    const index = await printToPdf(page, 'archive-index-box-12');
    await pdfPageToPng(index.path, 'archive-index-box-12-p1', 1, 60);
    expectRealChinese(index, [papers.register.number, papers.report.number, '归档目录']);
    expect(errors).toEqual([]);
  });
});

const CAUSE = '夜间巡查未覆盖装修单元';
const ACTION = '装修单元纳入每晚21:30巡查';
let complaint = { id: '', number: '' };

describe('corrective and preventive actions carried to the end, and the monthly case review', () => {
  it('raises an action from a complaint; overdue, it shows on 今日 and in 统计; 需再整改 reopens it; 验证有效 closes it', async () => {
    await createCustomer(page, { name: '张伟', phone: '13812345678', unit: '3-2-1101' });
    complaint = await newRequest(page, app.base, { kind: 'complaint', customer: '5678', category: '噪音扰民', description: '楼上装修噪音，晚上十点后仍在施工' });
    await runRequestStep(page, {
      form: zh['requests.investigation'], submit: zh['action.investigate'], action: 'request.investigated',
      fill: async (f) => {
        await f.getByLabel(zh['requests.facts']).fill('22:00后仍使用电钻，已现场核实');
        await f.getByLabel(zh['requests.cause']).fill(CAUSE);
        await f.getByLabel(zh['requests.responsibility']).selectOption({ label: zh['resp.company'] });
        await f.getByLabel(zh['requests.severity']).selectOption({ label: zh['sev.general'] });
      },
    });
    // On the complaint: a new action, due yesterday (so already overdue), with its cause filled in from the investigation.
    const panel = page.getByTestId('complaint-actions');
    await panel.getByText(zh['actions.new'], { exact: true }).click();
    const form = panel.getByRole('form', { name: zh['actions.newFor'].replace('{{ source }}', complaint.number) });
    expect(await form.getByLabel(zh['actions.cause']).inputValue()).toBe(CAUSE);
    await form.getByLabel(zh['actions.team']).selectOption({ label: '护卫组' });
    await form.getByLabel(zh['actions.owner']).selectOption({ label: '王经理' });
    await form.getByLabel(zh['actions.due']).fill(addDays(today, -1));
    // Nothing to do is refused, in words.
    await form.getByRole('button', { name: zh['actions.add'] }).click();
    await form.getByText(zh['action.error.actionRequired']).waitFor();
    await form.getByLabel(zh['actions.action'], { exact: true }).fill(ACTION);
    await form.getByRole('button', { name: zh['actions.add'] }).click();
    const card = panel.getByTestId('action-card');
    await card.waitFor();
    expect(await card.getAttribute('data-overdue')).toBe('true');

    const todaySection = async () => {
      await page.goto(`${app.base}/today`);
      await page.getByRole('heading', { name: zh['today.title'], exact: true }).waitFor();
      return page.getByTestId('today-actions');
    };
    let section = await todaySection();
    await expect.poll(() => section.textContent()).toContain(ACTION);
    expect(await section.textContent()).toContain('护卫组');

    await page.goto(`${app.base}/dashboard?month=${month}`);
    await expect.poll(() => page.getByTestId('actions-stats-line').getAttribute('data-overdue')).toBe('1');

    // Done → 需再整改 (reopened, still overdue, back on 今日) → done → 有效 (closed, gone from 今日).
    await page.goto(`${app.base}/actions?tab=overdue`);
    const onList = page.getByTestId('action-list').getByTestId('action-card').first();
    await onList.getByLabel(`${zh['actions.doneNote']}：${ACTION}`).fill('已排入巡查表');
    await onList.getByRole('button', { name: zh['actions.markDone'] }).click();
    await expect.poll(() => page.getByTestId('action-list').count()).toBe(0);
    section = await todaySection();
    await expect.poll(() => section.count()).toBe(0);

    await page.goto(`${app.base}/actions?tab=done`);
    const toCheck = page.getByTestId('action-list').getByTestId('action-card').first();
    await toCheck.getByRole('button', { name: zh['actions.redo'], exact: true }).click();
    await toCheck.getByText(zh['action.error.redoReason']).waitFor();
    await toCheck.getByLabel(`${zh['actions.checkNote']}：${ACTION}`).fill('巡查记录缺两晚');
    await toCheck.getByRole('button', { name: zh['actions.redo'], exact: true }).click();
    await expect.poll(() => page.getByTestId('action-list').count()).toBe(0);
    section = await todaySection();
    await expect.poll(() => section.textContent()).toContain(ACTION);

    await page.goto(`${app.base}/actions?tab=overdue`);
    const again = page.getByTestId('action-list').getByTestId('action-card').first();
    expect(await again.textContent()).toContain(zh['actions.redone'].replace('{{ n }}', '1'));
    await again.getByLabel(`${zh['actions.doneNote']}：${ACTION}`).fill('补齐巡查记录');
    await again.getByRole('button', { name: zh['actions.markDone'] }).click();
    // The save is in before the next page is opened (it left the overdue list).
    await expect.poll(() => page.getByTestId('action-list').count()).toBe(0);
    await page.goto(`${app.base}/actions?tab=done`);
    const check = page.getByTestId('action-list').getByTestId('action-card').first();
    await check.getByLabel(`${zh['actions.checkNote']}：${ACTION}`).fill('连续两周巡查无漏项');
    await check.getByRole('button', { name: zh['actions.effective'] }).click();
    await page.getByTestId('actions-tab-closed').click();
    await expect.poll(() => page.locator('[data-testid=action-card][data-status=closed]').count()).toBe(1);
    section = await todaySection();
    await expect.poll(() => section.count()).toBe(0);
  });

  it('holds the month’s major-case review with attendance, and prints it with the complaint, its cause and its action', async () => {
    await page.goto(`${app.base}/actions/review?month=${month}`);
    const cases = page.getByTestId('review-cases');
    const theCase = cases.locator(`[data-testid=review-case][data-number="${complaint.number}"]`);
    await theCase.waitFor();
    expect(await theCase.textContent()).toContain(CAUSE);
    expect(await theCase.textContent()).toContain(ACTION);
    await page.getByLabel(zh['review.heldOn']).fill(today);
    await page.getByLabel(zh['review.place']).fill('管理处会议室');
    await page.getByLabel(zh['review.host']).fill('王经理');
    await page.getByLabel(zh['review.recorder']).fill('陈晨');
    await page.getByLabel(zh['review.summary']).fill('装修管理纳入夜间巡查，月底复查');
    await page.getByRole('button', { name: zh['review.save'] }).click();
    await page.getByText(zh['common.saved']).waitFor();
    await page.getByLabel(zh['review.attendedOf'].replace('{{ name }}', '王经理')).check();
    await expect.poll(() => page.getByTestId('review-attendance').locator('.count').textContent()).toBe('1');
    // A preventive action decided for the month as a whole.
    const meeting = page.getByTestId('review-actions');
    await meeting.getByText(zh['actions.new'], { exact: true }).click();
    await meeting.getByLabel(zh['actions.kind']).selectOption('preventive');
    await meeting.getByLabel(zh['actions.team']).selectOption({ label: '工程组' });
    await meeting.getByLabel(zh['actions.action'], { exact: true }).fill('装修申请时书面告知施工时段');
    await meeting.getByRole('button', { name: zh['actions.add'] }).click();
    await meeting.getByTestId('action-card').waitFor();

    await openPrintPreview(page, `${app.base}/print/case-review?month=${month}`);
    const pdf = await printToPdf(page, 'case-review');
    await pdfPageToPng(pdf.path, 'case-review-p1', 1, 70);
    if (pdf.pageCount > 1) await pdfPageToPng(pdf.path, 'case-review-p2', 2, 70);
    const flat = pdf.text.replace(/\s+/g, '');
    expectRealChinese(pdf, ['重大投诉案例分析会记录']);
    for (const s of [complaint.number, CAUSE, ACTION, '装修申请时书面告知施工时段', '管理处会议室', '装修管理纳入夜间巡查，月底复查', '王经理', '签名', '记录人', '管理处经理', '已关闭（有效）'])
      expect(flat, s).toContain(s.replace(/\s+/g, ''));
    // The minutes are a paper of the month too: numbered, with its QR code.
    expect(flat).toMatch(/ZJ-[0-9A-Z]{4}-[0-9A-Z]{4}/);

    // The action as a 工作联系函 to the department.
    await page.goto(`${app.base}/actions?tab=closed`);
    await page.getByTestId('action-card').first().getByRole('link', { name: zh['actions.printLetter'] }).click();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
    const letter = await printToPdf(page, 'action-letter');
    await pdfPageToPng(letter.path, 'action-letter-p1', 1, 70);
    expectRealChinese(letter, ['工作联系函']);
    for (const s of [ACTION, CAUSE, '护卫组', '补齐巡查记录', '连续两周巡查无漏项', '接收人签收']) expect(letter.text.replace(/\s+/g, '')).toContain(s);
    expect(errors).toEqual([]);
  });
});

describe('the annual report, and the screens of the manager’s month', () => {
  it('prints the year against its targets month by month, frozen when printed, and the owners’ version without personal data', async () => {
    const year = month.slice(0, 4);
    await page.goto(`${app.base}/annual?year=${year}`);
    await page.getByRole('link', { name: zh['annual.print'] }).click();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
    const pdf = await printToPdf(page, 'annual-report');
    await pdfPageToPng(pdf.path, 'annual-report-p1', 1, 70);
    const flat = pdf.text.replace(/\s+/g, '');
    expectRealChinese(pdf, ['年度服务报告']);
    for (const s of [zh['indicator.satisfaction'], zh['indicator.complaintsPer100'], zh['annual.lastYear'], zh['annual.byMonth'], '编制', '审核', '批准', year]) expect(flat, s).toContain(s.replace(/\s+/g, ''));
    // This year's one complaint counts in 每百户投诉 (1 / households) and the actions line counts both actions, one closed.
    expect(flat).toContain(zh['annual.actionsLine'].replace('{{ raised }}', '2').replace('{{ closed }}', '1').replace(/\s+/g, ''));
    await pressPrint(page);
    await page.waitForURL(/snapshot=/);
    await page.goto(`${app.base}/annual?year=${year}`);
    await expect.poll(() => page.getByTestId('annual-snapshots').textContent()).toMatch(new RegExp(`AR-${year}-[A-Z0-9]+-1`));

    await page.getByRole('link', { name: zh['annual.printOwners'] }).click();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
    const owners = await printToPdf(page, 'annual-owners');
    await pdfPageToPng(owners.path, 'annual-owners-p1', 1, 70);
    expectRealChinese(owners, ['业主公布版']);
    const ownersFlat = owners.text.replace(/\s+/g, '');
    expect(ownersFlat).toContain(zh['indicator.satisfaction']);
    for (const personal of [complaint.number, '张伟', '13812345678', '5678', '3-2-1101', ACTION, CAUSE]) expect(ownersFlat, personal).not.toContain(personal);
  });

  it('has every control named, nothing overflowing at 800×1280 or 1280×800, and speaks zh-TW and English', async () => {
    const screens = [
      ['actions', '/actions?tab=closed'], ['review', `/actions/review?month=${month}`], ['annual', `/annual?year=${month.slice(0, 4)}`],
      ['papers', '/papers'], ['paper', `/papers/${papers.register.number}`], ['complaint', `/requests/${complaint.id}`], ['dashboard', `/dashboard?month=${month}`],
    ] as const;
    for (const [w, h] of [[800, 1280], [1280, 800]]) {
      await page.setViewportSize({ width: w, height: h });
      for (const [name, path] of screens) {
        await page.goto(`${app.base}${path}`);
        await page.locator('main h1').first().waitFor();
        if (name === 'review') await page.getByTestId('review-cases').waitFor();
        if (name === 'complaint') await page.getByTestId('complaint-actions').getByTestId('action-card').waitFor();
        // Open the new-action forms so they are measured too.
        for (const summary of await page.locator('details:has([data-testid=action-form]) > summary').all()) await summary.click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${w}×${h} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await formLayoutProblems(page, '[data-testid=action-form], .review-form, [data-testid=archive-search], [data-testid=action-card]'), `${name} at ${w}×${h}`).toEqual([]);
        const { unnamed } = await unnamedControls(page);
        expect(unnamed, `${name}: controls without a name`).toEqual([]);
        await page.screenshot({ path: resolve(ARTIFACTS, `manager-${name}-${w}x${h}.png`), fullPage: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const [locale, words] of [['zh-TW', ['重大投訴案例分析會', '糾正和預防措施', '出席人員']], ['en', ['Major complaint case review', 'Corrective and preventive actions', 'Attendance']]] as const) {
      await page.evaluate((l) => localStorage.setItem('linli.locale', l), locale);
      await page.goto(`${app.base}/actions/review?month=${month}`);
      await page.getByTestId('review-cases').waitFor();
      const text = await page.locator('main').innerText();
      for (const w of words) expect(text).toContain(w);
      await page.screenshot({ path: resolve(ARTIFACTS, `manager-review-${locale}.png`), fullPage: true });
    }
    await page.evaluate(() => localStorage.setItem('linli.locale', 'zh-CN'));
    expect(errors).toEqual([]);
  });
});
