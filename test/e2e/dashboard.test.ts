import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { dashboardZhCN } from '../../src/i18n/dashboard/zh-CN';
import { zhCN } from '../../src/i18n/zh-CN';

const zh = { ...zhCN, ...dashboardZhCN };
import { benchActor, officeDoc } from '../bench/seed';
import { unnamedControls } from '../helpers/a11y';
import { launchChromium } from '../helpers/browser';
import { addSurvey, seedDirectory, seedLedger, UNITS, type SeededMonth } from '../helpers/dashboard-seed';
import { joinOffice, pushDoc } from '../helpers/office';
import { expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import type { Relay } from '../../sync-server/relay';

/**
 * Surveys and the indicator dashboard in Chromium: a wave of 30 paper questionnaires keyed in
 * by keyboard only; the dashboard drilled from its worst category to a request; the monthly
 * report printed (freezing a snapshot), read back with poppler, and reprinted.
 */
const OFFICE = '翠湖花园管理处';
let dir: string;
let relay: Relay;
let browser: Browser;
let page: Page;
let base: string;
let seeded: SeededMonth;

beforeAll(async () => {
  if (!existsSync(resolve('dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  dir = await tempDir('linli-dashboard-');
  relay = await relayIn(dir, { staticDir: resolve('dist') });
  const office = await relay.offices.add(OFFICE);
  const ws = wsUrl(relay);
  base = relay.url.replace('127.0.0.1', 'localhost');
  const officeShard = officeDoc(OFFICE);
  addSurvey(officeShard);
  seeded = seedLedger();
  await pushDoc(ws, `${office.id}/office`, office.token, officeShard, (d) => d.getMap('surveys').size === 1);
  await pushDoc(ws, `${office.id}/directory`, office.token, seedDirectory(), (d) => d.getMap('units').size === 30);
  await pushDoc(ws, `${office.id}/ledger-${seeded.year}`, office.token, seeded.ledger, (d) => d.getMap('requests').size === 12);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await joinOffice(page, base, ws, office, OFFICE, benchActor.name);
  await page.goto(`${base}/requests?q=all`);
  await page.getByText('共 12 件').waitFor({ timeout: 90_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  if (dir) await removeDir(dir);
});

const focusedUnit = () => page.evaluate(() => (document.activeElement?.closest('tr') as HTMLElement | null)?.dataset.unit ?? '');

describe('survey entry', () => {
  it('takes a wave of 30 paper questionnaires by keyboard alone, building by building, and turns a complaint into a request', async () => {
    await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.surveys'] }).click();
    await page.getByRole('link', { name: zh['survey.enter'] }).click();
    await page.getByTestId('entry-grid').waitFor();
    expect(await page.locator('[data-testid=entry-grid] tbody tr').count()).toBe(30);
    // Rows come in building and unit order, and the first cell has the focus.
    expect(await page.locator('[data-testid=entry-grid] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.unit))).toEqual(UNITS);
    await expect.poll(focusedUnit).toBe(UNITS[0]);
    const named = await unnamedControls(page);
    expect(named.count).toBeGreaterThan(90);
    expect(named.unnamed, 'controls without an accessible name').toEqual([]);
    for (let i = 0; i < 30; i++) {
      expect(await focusedUnit()).toBe(UNITS[i]);
      await page.keyboard.press('4');
      await page.keyboard.press(i < 20 ? '5' : '2');
      if (i === 29) await page.keyboard.type('电梯经常坏，希望彻底修好');
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('[data-testid=entry-grid] tbody tr.saved').count(), { timeout: 30_000 }).toBe(30);
    // Response rate per building: 10 of 10 in each.
    const rates = await page.locator('[data-testid=rates] tbody tr').allTextContents();
    expect(rates.map((r) => r.replace(/\s+/g, ''))).toEqual(['11010100.0%', '21010100.0%', '31010100.0%']);
    // A digit outside the scale is refused with a message, and nothing moves.
    const last = page.locator(`tr[data-unit="${UNITS[29]}"]`);
    await last.getByRole('textbox').first().focus();
    await page.keyboard.press('9');
    await expect.poll(() => last.getByRole('alert').textContent()).toContain('只能填 1 到 5');
    // The unsatisfied answer with a comment became a service request as it was saved.
    await last.getByRole('link', { name: zh['survey.openRequest'] }).waitFor();
  });
});

describe('dashboard', () => {
  it('shows the month against its targets and drills from the worst category to its records and one record', async () => {
    await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.dashboard'] }).click();
    await page.getByTestId('tile-rework').waitFor();
    await expect.poll(() => page.locator('[data-testid=chart-trend][data-drawn=true] svg').count(), { timeout: 20_000 }).toBe(1);
    const tile = async (id: string) => (await page.getByTestId(`tile-${id}`).textContent())!.replace(/\s+/g, '');
    expect(await tile('rework')).toContain('40.0%');
    expect(await tile('rework')).toContain('未达标');
    expect(await tile('satisfactionSurveys')).toContain('83.3%');
    expect(await tile('complaintFollowUp')).toContain('50.0%');
    expect(await tile('escalated')).toContain('达标');
    expect(await tile('escalated')).not.toContain('未达标');
    const named = await unnamedControls(page);
    expect(named.unnamed, 'controls without an accessible name').toEqual([]);
    // A manager changes a target; the figure turns green while the page is open.
    const targets = page.locator('details.targets');
    const setRework = async (value: string) => {
      await targets.getByLabel(`${zh['indicator.rework']} ${zh['dashboard.target']}`).fill(value);
      await targets.getByRole('button', { name: zh['common.save'] }).click();
      await targets.getByRole('status').waitFor();
    };
    await targets.locator('summary').click();
    await setRework('50');
    // The targets form (a FormShell) as drawn, 已保存 beside its button, at both tablet sizes.
    for (const [width, height] of [[800, 1280], [1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      await targets.screenshot({ path: `test/.artifacts/dashboard-targets-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => tile('rework'), { timeout: 10_000 }).toContain('≤50.0%');
    expect(await tile('rework')).not.toContain('未达标');
    await setRework('2');
    await expect.poll(() => tile('rework'), { timeout: 10_000 }).toContain('≤2.0%');
    // The worst category is the lift: 4 of 4 requests late and reworked.
    const worst = page.getByTestId('worst').getByRole('button').first();
    expect(await worst.textContent()).toContain('电梯');
    await worst.click();
    const drill = page.getByTestId('drill');
    await drill.waitFor();
    const numbers = await drill.locator('.request-row .number').allTextContents();
    expect(numbers.sort()).toEqual([...seeded.liftNumbers].sort());
    await drill.locator('.request-row').first().click();
    await page.waitForURL(/\/requests\/(?!new(?:$|[/?]))[^/]+$/);
    await page.getByText(numbers[0]).first().waitFor();
    expect(seeded.liftNumbers).toContain(numbers[0]);
  });
});

describe('monthly report', () => {
  it('prints every indicator with target and value, the charts and the signature lines, freezing a snapshot a reprint names', async () => {
    await openPrintPreview(page, `${base}/print/monthly-report?month=${seeded.month}`);
    await expect.poll(() => page.locator('.monthly-report [data-drawn=true] svg').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByTestId('report-snapshot').textContent()).toContain('预览');
    // window.print() opens the browser's dialog; here the PDF is made by page.pdf instead.
    await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
    await page.getByRole('button', { name: zh['print.print'] }).click();
    await page.waitForFunction(() => document.body.dataset.printed === 'yes');
    // The label: month, this tablet's device code, its first snapshot of the month.
    const frozen = (await page.getByTestId('report-snapshot').textContent()) ?? '';
    const label = frozen.match(new RegExp(`快照 (MR-${seeded.month.slice(2, 4)}${seeded.month.slice(5, 7)}-[A-Z]+-1)`))?.[1] ?? '';
    expect(label, frozen).not.toBe('');
    expect(page.url()).toMatch(/snapshot=/);
    for (const id of ['report-chart-trend', 'report-chart-times']) expect(await page.locator(`[data-testid=${id}] svg path`).count(), id).toBeGreaterThan(5);
    const pdf = await printToPdf(page, 'monthly-report');
    await pdfPageToPng(pdf.path, 'monthly-report-p1', 1, 60);
    if (pdf.pageCount > 1) await pdfPageToPng(pdf.path, 'monthly-report-p2', 2, 60);
    const text = pdf.text.replace(/[ \t]+/g, ' ');
    const rows: [string, string, string, string][] = [
      [zh['indicator.satisfaction'], '≥ 90.0%', '80.3%', '57 / 71'],
      [zh['indicator.satisfactionFollowUps'], '≥ 90.0%', '63.6%', '7 / 11'],
      [zh['indicator.satisfactionSurveys'], '≥ 90.0%', '83.3%', '50 / 60'],
      [zh['indicator.complaintFollowUp'], '≥ 100.0%', '50.0%', '1 / 2'],
      [zh['indicator.rework'], '≤ 2.0%', '40.0%', '4 / 10'],
      [zh['indicator.onTimeRespond'], '≥ 95.0%', '66.7%', '8 / 12'],
      [zh['indicator.onTimeFinish'], '≥ 95.0%', '66.7%', '8 / 12'],
      // The survey's unhappy answer about the lifts (building 3) is a third complaint of the month.
      [zh['indicator.complaintsPer100'], '≤ 1.00', '10.00', '3 / 30'],
      [zh['indicator.escalated'], '≤ 0', '0', '0 / 3'],
    ];
    for (const [name, target, value, fraction] of rows) {
      const line = text.split('\n').find((l) => l.trim().startsWith(name));
      expect(line, name).toBeDefined();
      // pdftotext may drop the space after ≥/≤ and around "/".
      expect(line!.replace(/([≥≤])\s*/g, '$1 '), name).toContain(target);
      expect(line, name).toContain(value);
      expect(line!.replace(/\s*\/\s*/g, '/'), name).toContain(fraction.replace(/ /g, ''));
    }
    for (const s of ['月度服务报告', OFFICE, '编制', '审核', '批准', label, '电梯', ...seeded.liftNumbers, '年度满意度调查']) expect(text, s).toContain(s);
    expectRealChinese(pdf);
    // Reopened later, the same address is the reprint of that snapshot.
    await page.reload();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.monthly-report [data-drawn=true] svg').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByTestId('report-snapshot').textContent()).toContain(`重印：快照 ${label}`);
  });
});

describe('filters', () => {
  it('narrow the dashboard to a building, and the report prints them in its header and keeps them in its snapshot', async () => {
    await page.goto(`${base}/dashboard?month=${seeded.month}`);
    await page.getByTestId('tile-rework').waitFor({ timeout: 60_000 });
    const tile = async (id: string) => (await page.getByTestId(`tile-${id}`).textContent())!.replace(/\s+/g, '');
    expect(await tile('complaintsPer100')).toContain('10.00');
    // Building 2 holds the two noise complaints and 10 of the 30 households.
    await page.locator('select[data-filter=building]').selectOption('2');
    await expect.poll(() => tile('complaintsPer100'), { timeout: 10_000 }).toContain('20.00');
    expect(await tile('complaintsPer100')).toContain('2/10');
    expect(await tile('complaintFollowUp')).toContain('1/2');
    expect(await tile('rework')).toContain('0/0');
    // The survey answers of building 2's ten households only: 20 of the 60.
    expect(await tile('satisfactionSurveys')).toMatch(/\/20$/);
    expect(page.url()).toContain('building=2');
    // A category filter leaves the survey answers out, and says so.
    await page.locator('select[data-filter=category]').selectOption('noise');
    await expect.poll(() => tile('satisfactionSurveys'), { timeout: 10_000 }).toContain('0/0');
    await page.getByText(zh['dashboard.surveysNotFiltered']).waitFor();
    await page.locator('select[data-filter=category]').selectOption('');
    await expect.poll(() => tile('satisfactionSurveys'), { timeout: 10_000 }).toMatch(/\/20$/);
    const named = await unnamedControls(page);
    expect(named.unnamed, 'controls without an accessible name').toEqual([]);
    await page.screenshot({ path: 'test/.artifacts/dashboard-filtered.png' });
    // On a 10-inch tablet held upright, and in English and traditional Chinese: nothing wider than the screen.
    await page.setViewportSize({ width: 800, height: 1280 });
    for (const [locale, word] of [['en', 'Clear filters'], ['zh-TW', '清除篩選'], ['zh-CN', '清除筛选']] as const) {
      await page.evaluate((l) => localStorage.setItem('linli.locale', l), locale);
      await page.reload();
      await page.getByRole('button', { name: word }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `test/.artifacts/dashboard-filtered-800-${locale}.png`, fullPage: true });
      // Nothing sticks out of the screen, but inside a container that scrolls sideways (wide tables).
      const wide = await page.evaluate(() => {
        const scrolls = (e: Element | null): boolean => !!e && (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
        return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e.parentElement))
          .slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
      });
      expect(wide, locale).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), locale).toBe(true);
      // A tile's name stays inside its tile.
      const spill = await page.evaluate(() => [...document.querySelectorAll('.tile-name')].filter((e) => e.getBoundingClientRect().right > e.closest('.tile')!.getBoundingClientRect().right - 2).map((e) => e.textContent));
      expect(spill, locale).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    // 打印月报 takes the filters along.
    await page.getByRole('link', { name: zh['dashboard.printReport'] }).click();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('.monthly-report [data-drawn=true] svg').count(), { timeout: 20_000 }).toBe(2);
    expect(page.url()).toContain('building=2');
    await page.evaluate(() => { window.print = () => { document.body.dataset.printed = 'yes'; }; });
    await page.getByRole('button', { name: zh['print.print'] }).click();
    await page.waitForFunction(() => document.body.dataset.printed === 'yes');
    const frozen = (await page.getByTestId('report-snapshot').textContent()) ?? '';
    const label = frozen.match(/快照 (MR-\d{4}-[A-Z]+-\d+)/)?.[1] ?? '';
    expect(label, frozen).not.toBe('');
    expect(page.url()).toMatch(/building=2.*snapshot=/);
    const pdf = await printToPdf(page, 'monthly-report-building-2');
    await pdfPageToPng(pdf.path, 'monthly-report-building-2-p1', 1, 60);
    const text = pdf.text.replace(/[ \t]+/g, ' ');
    expect(text).toContain('楼栋：2 栋');
    expect(text).not.toContain(zh['report.allOffice']);
    const per100 = text.split('\n').find((l) => l.trim().startsWith(zh['indicator.complaintsPer100']))!;
    expect(per100.replace(/\s*\/\s*/g, '/')).toContain('2/10');
    expect(per100).toContain('20.00');
    expectRealChinese(pdf);
    // A reprint of that snapshot still says what it was filtered to.
    await page.reload();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('report-snapshot').textContent()).toContain(`重印：快照 ${label}`);
    expect(await page.getByTestId('monthly-report').textContent()).toContain('楼栋：2 栋');
  });
});
