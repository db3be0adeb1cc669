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
import { addOffice, ARTIFACTS, joinAsManager, newTablet, watchErrors, withAppAndBrowser, zh as zhBase, type AppRelay } from '../helpers/app';
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
async function pressPrint(p: Page): Promise<void> {
  await p.evaluate(() => (window.print = () => undefined));
  await p.getByRole('toolbar').getByRole('button', { name: zh['print.print'] }).click();
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
      // A photo of the paper: its first page as an image, for 扫码 below.
      const prefix = resolve(ARTIFACTS, `${name}-photo`);
      await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', pdf.path, prefix]);
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
