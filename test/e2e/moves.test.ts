import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { createCustomer } from '../../src/domain/customers/customer';
import { addDays } from '../../src/domain/days';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { officeDay } from '../../src/domain/requests/work-time';
import { createUnit } from '../../src/domain/units/unit';
import { applyCommand } from '../../src/store/apply';
import { benchActor } from '../bench/seed';
import { screenshot } from '../helpers/app';
import { expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';
import { unnamedControls as namelessControls } from '../helpers/a11y';
import { closeSeededOffice, openSeededOffice, type SeededOffice } from '../helpers/seeded-office';

/**
 * Moves in the browser (issue 20): a move-in at the counter with a defect (→ a warranty repair)
 * and its printed 入伙交接单 (readings, key count, signature lines); a change of owner kept in the
 * unit's history; a renovation applied, approved, on 今日, inspected with a finding, accepted, and
 * its printed undertaking. Screenshots at 800×1280 and 1280×800 of each new screen.
 */
const OFFICE = '翠湖花园管理处';
const ctx = () => ({ actor: benchActor, now: new Date().toISOString() });
const today = officeDay(new Date(), defaultServiceSettings().calendar);

let app: SeededOffice | undefined;
let page: Page;
let base: string;
const units: Record<string, string> = {};

function directory(): Y.Doc {
  const doc = new Y.Doc();
  const codes = new Set<string>();
  for (const [code, status] of [['3-2-1101', 'owner'], ['5-1-302', 'vacant'], ['6-1-101', 'vacant']] as const) {
    const made = createUnit({ code, area: '98', use: 'residential', status }, ctx(), codes);
    if (!made.ok) throw new Error('unit');
    applyCommand(doc, made.value.command, 'seed');
    units[code] = made.value.id;
    codes.add(code);
  }
  for (const c of [
    { name: '张伟', phones: ['13800000001'], unitCode: '3-2-1101', kind: 'owner' as const, unitFrom: '2015-05-01' },
    { name: '李娜', phones: ['13800000002'], unitCode: '', kind: 'owner' as const },
    { name: '王芳', phones: ['13900000009'], unitCode: '', kind: 'owner' as const },
    { name: '赵敏', phones: ['13900000010'], unitCode: '', kind: 'owner' as const },
  ]) {
    const made = createCustomer(c, '', ctx(), []);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    applyCommand(doc, made.value.command, 'seed');
  }
  return doc;
}

beforeAll(async () => {
  app = await openSeededOffice({
    prefix: 'linli-moves-', officeName: OFFICE, customers: 4,
    shards: [{ shard: 'directory', doc: directory(), ready: (d) => d.getMap('customers').size === 4 }],
  });
  ({ page, base } = app);
});

afterAll(() => closeSeededOffice(app));

/** The same screen at the tablet's portrait and the desk's landscape size. */
async function shots(name: string) {
  await page.setViewportSize({ width: 800, height: 1280 });
  await screenshot(page, `moves-${name}-800x1280.png`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, `moves-${name}-1280x800.png`);
}

/** Elements sticking out past the screen's right edge (outside anything that scrolls sideways). */
function wideElements(): Promise<string[]> {
  return page.evaluate(() => {
    const scrolls = (e: Element | null): boolean => !!e && (['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX) || scrolls(e.parentElement));
    return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !scrolls(e.parentElement))
      .slice(0, 5).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
  });
}

async function pick(name: string) {
  await page.getByPlaceholder('姓名、电话、房号').or(page.locator('input[name=customerQuery]')).first().fill(name);
  await page.getByTestId('customer-matches').getByRole('button', { name: new RegExp(name) }).click();
}

/** Rendered buttons, links and fields with no accessible name, as Chromium computes it (test/helpers/a11y.ts). */
async function unnamedControls(): Promise<string[]> {
  const { count, unnamed } = await namelessControls(page);
  expect(count).toBeGreaterThan(5);
  return unnamed.map((c) => c.html);
}

describe('moves in the browser', () => {
  it('a move-in with a defect: warranty repair request, the new owner on the unit, the handover form printed with readings, keys and signature lines', async () => {
    await page.goto(`${base}/units/${units['5-1-302']}/move-in`);
    const form = page.getByRole('form', { name: '办理入伙' });
    await form.waitFor();
    // Refused with reasons first: nothing signed, no keys, no readings.
    await form.getByRole('button', { name: '办理入伙' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toContain('请选择客户');
    const reasons = await form.getByRole('alert').innerText();
    for (const reason of ['还有文件未签署', '请填写钥匙数量', '请填写水表读数']) expect(reasons).toContain(reason);
    await pick('王芳');
    for (const box of await form.getByRole('checkbox').all()) await box.check();
    await form.getByLabel('交付钥匙（把）').fill('3');
    await form.getByLabel('水表读数').fill('12.5');
    await form.getByLabel('电表读数').fill('345');
    await form.getByLabel('燃气表读数').fill('6');
    await form.getByLabel('问题 1', { exact: true }).fill('卫生间地漏反味');
    await shots('move-in');
    await form.getByRole('button', { name: '办理入伙' }).click();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
    const pdf = await printToPdf(page, 'moves-handover');
    expectRealChinese(pdf, ['入伙交接单', '王芳', '5-1-302', '管理规约', '卫生间地漏反味', '业主/租户签字', '经办人签字', '工程部签字']);
    expect(pdf.text).toMatch(/水表读数\s+12\.5/);
    expect(pdf.text).toMatch(/电表读数\s+345/);
    expect(pdf.text).toMatch(/交付钥匙（把）\s+3\b/);
    expect(pdf.text).toMatch(/RH-\d{4}-[A-Z0-9]+-001/);
    expect(pdf.text).toMatch(/保修\s+BX-\d{4}-[A-Z0-9]+-\d{3}\s+卫生间地漏反味/);
    await pdfPageToPng(pdf.path, 'moves-handover');
    // The handover page: the defect's warranty request, the paper panel.
    await page.getByRole('link', { name: /返回/ }).click();
    await page.getByTestId('handover-facts').waitFor();
    await expect.poll(() => page.getByTestId('handover-facts').innerText()).toMatch(/卫生间地漏反味 · BX-[\s\S]*保修/);
    await shots('handover');
    await page.getByTestId('handover-facts').getByRole('link', { name: /BX-/ }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('入伙交接发现的问题，保修');
    // The unit: 王芳 lives there from today.
    await page.goto(`${base}/units/${units['5-1-302']}`);
    await expect.poll(() => page.getByTestId('relations-current').innerText()).toMatch(new RegExp(`王芳[\\s\\S]*业主[\\s\\S]*自 ${today}`));
  });

  it('a change of owner keeps the old owner in the unit history with dates', async () => {
    await page.goto(`${base}/units/${units['3-2-1101']}`);
    await page.getByTestId('unit-moves').waitFor();
    await page.getByRole('button', { name: '过户' }).click();
    const form = page.getByTestId('owner-change');
    await pick('李娜');
    await form.getByRole('button', { name: '过户' }).click();
    await form.waitFor({ state: 'detached', timeout: 30_000 }).catch(async () => {
      throw new Error(`owner change refused: ${await form.innerText()}`);
    });
    await expect.poll(() => page.getByTestId('relations-former').innerText()).toMatch(new RegExp(`张伟[\\s\\S]*业主[\\s\\S]*2015-05-01 至 ${today}[\\s\\S]*过户`));
    await expect.poll(() => page.getByTestId('relations-current').innerText()).toMatch(new RegExp(`李娜[\\s\\S]*自 ${today}`));
    await shots('unit-history');
  });

  it('a renovation: applied, approved (unit 装修, on 今日), inspected with a finding, accepted; the undertaking printed', async () => {
    await page.goto(`${base}/units/${units['3-2-1101']}/renovation`);
    const form = page.getByTestId('renovation-new');
    await form.waitFor();
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => form.getByRole('alert').innerText()).toMatch(/请填写装修单位/);
    await pick('李娜');
    await form.getByLabel('装修单位', { exact: true }).fill('好家装饰');
    await form.getByLabel('施工人数').fill('5');
    await form.getByLabel('开工日期').fill(today);
    await form.getByLabel('完工日期').fill(addDays(today, 2));
    await form.getByLabel('装修项目及范围').fill('厨卫改造');
    await form.getByLabel(/装修押金/).fill('3000');
    await shots('renovation-new');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('reno-status').waitFor();
    await page.getByRole('button', { name: '提交审批' }).click();
    await expect.poll(() => page.getByTestId('reno-status').innerText()).toBe('待审批');
    await page.getByTestId('reno-decide').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('reno-status').innerText()).toBe('施工中');
    const renovationUrl = page.url();
    // The unit shows 装修; 今日 shows the inspection due and the works ending.
    await page.goto(`${base}/units/${units['3-2-1101']}`);
    await expect.poll(() => page.locator('dl.facts').innerText()).toContain('装修');
    await page.goto(`${base}/today`);
    await expect.poll(() => page.getByTestId('today-reno-inspect').innerText(), { timeout: 30_000 }).toContain('3-2-1101');
    await expect.poll(() => page.getByTestId('today-reno-ending').innerText()).toContain('3-2-1101');
    await shots('today');
    // 装修一览 (from 房屋): the running works marked — inspection due today, ending within 3 days.
    await page.goto(`${base}/units`);
    await page.getByRole('link', { name: '装修一览' }).click();
    const running = page.getByTestId('reno-list').locator('li', { hasText: '3-2-1101' });
    await running.getByTestId('reno-inspect-due').waitFor({ timeout: 20_000 });
    await running.getByTestId('reno-ending').waitFor();
    await expect.poll(() => running.innerText()).toMatch(/施工中[\s\S]*好家装饰/);
    await shots('renovations-running');
    // Inspection with a finding that becomes a rectification request.
    await page.goto(renovationUrl);
    const inspect = page.getByTestId('reno-inspect');
    await inspect.getByLabel('巡查情况').fill('施工时间超出规定');
    await inspect.getByLabel('发现违规或问题').check();
    await inspect.getByLabel('开整改单').check();
    await inspect.getByRole('button', { name: '巡查', exact: true }).click();
    await expect.poll(() => page.getByTestId('reno-checks').innerText()).toMatch(/施工时间超出规定[\s\S]*BX-/);
    await shots('renovation');
    await page.goto(`${base}/today`);
    await page.getByTestId('today').waitFor();
    await expect.poll(() => page.getByTestId('today-reno-ending').isVisible()).toBe(true);
    expect(await page.getByTestId('today-reno-inspect').count()).toBe(0);
    // Acceptance: the unit is back to 自住, the works leave 今日.
    await page.goto(renovationUrl);
    await page.getByTestId('reno-accept').getByRole('button', { name: '验收' }).click();
    await expect.poll(() => page.getByTestId('reno-status').innerText()).toBe('已验收');
    await page.getByTestId('reno-refund').getByRole('button', { name: '退还押金' }).click();
    await expect.poll(() => page.getByTestId('reno-facts').innerText()).toContain(`押金已于 ${today} 退还`);
    await page.goto(`${base}/units/${units['3-2-1101']}`);
    await expect.poll(() => page.locator('dl.facts').innerText()).not.toContain('装修');
    // The rules and the owner's undertaking, printed with its number and the lines to sign.
    await openPrintPreview(page, renovationUrl.replace(/\/renovations\/(.+)$/, '/print/renovation-undertaking?id=$1'));
    const pdf = await printToPdf(page, 'moves-undertaking');
    expectRealChinese(pdf, ['装修管理规定及业主承诺书', '好家装饰', '厨卫改造', '不得拆改承重墙', '业主签字', '装修单位负责人签字', '管理处审批']);
    expect(pdf.text).toMatch(/ZH-\d{4}-[A-Z0-9]+-001/);
    await pdfPageToPng(pdf.path, 'moves-undertaking');
  });

  it('装修一览: every renovation with its stage, filtered by stage and building; three languages at both sizes', async () => {
    // A second renovation, only applied for, on another building.
    await page.goto(`${base}/units/${units['5-1-302']}/renovation`);
    const form = page.getByTestId('renovation-new');
    await form.waitFor();
    await pick('王芳');
    await form.getByLabel('装修单位', { exact: true }).fill('美居装修');
    await form.getByLabel('施工人数').fill('3');
    await form.getByLabel('开工日期').fill(addDays(today, 10));
    await form.getByLabel('完工日期').fill(addDays(today, 40));
    await form.getByLabel('装修项目及范围').fill('刷墙');
    await form.getByLabel(/装修押金/).fill('2000');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByTestId('reno-status').waitFor();
    await page.goto(`${base}/renovations`);
    const rows = () => page.getByTestId('reno-list').locator('li').evaluateAll((li) => li.map((l) => `${l.querySelector('strong')?.textContent} ${l.getAttribute('data-stage')}`));
    await expect.poll(rows, { timeout: 20_000 }).toEqual(['5-1-302 plan', '3-2-1101 refunded']);
    expect(await page.getByTestId('reno-inspect-due').count()).toBe(0);
    await expect.poll(() => page.getByTestId('reno-list').innerText()).toMatch(/押金已退[\s\S]*好家装饰/);
    await page.getByRole('combobox', { name: '楼栋' }).selectOption({ label: '5 栋' });
    await expect.poll(rows).toEqual(['5-1-302 plan']);
    await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '押金已退' });
    await expect.poll(rows).toEqual([]);
    await page.getByRole('combobox', { name: '楼栋' }).selectOption({ label: '全部楼栋' });
    await expect.poll(rows).toEqual(['3-2-1101 refunded']);
    await page.getByRole('combobox', { name: '状态' }).selectOption({ label: '全部状态' });
    await expect.poll(rows).toEqual(['5-1-302 plan', '3-2-1101 refunded']);
    expect(await unnamedControls()).toEqual([]);
    for (const [locale, words] of [['zh-CN', '装修一览'], ['zh-TW', '裝修一覽'], ['en', 'All renovations']] as const) {
      await page.evaluate((l) => localStorage.setItem('linli.locale', l), locale);
      await page.goto(`${base}/renovations`);
      await expect.poll(() => page.locator('main h1').innerText(), { timeout: 30_000 }).toBe(words);
      await page.getByTestId('reno-list').waitFor();
      await shots(`renovations-${locale}`);
      for (const w of [800, 1280]) {
        await page.setViewportSize({ width: w, height: w === 800 ? 1280 : 800 });
        expect(await wideElements()).toEqual([]);
      }
    }
    await page.evaluate(() => localStorage.setItem('linli.locale', 'zh-CN'));
  });

  it('the office sets its move-in checklist in 设置: the next handover form and its printed 入伙交接单 follow it', async () => {
    await page.goto(`${base}/settings`);
    await page.getByRole('link', { name: /入伙交接清单/ }).click();
    const form = page.getByRole('form', { name: '入伙交接清单' });
    const docs = form.getByRole('textbox', { name: /签署文件/ });
    await expect.poll(() => docs.inputValue(), { timeout: 20_000 }).toContain('管理规约');
    // Refused with a reason: no meter read at all.
    for (const meter of ['水表读数', '电表读数', '燃气表读数']) await form.getByRole('combobox', { name: meter }).selectOption({ label: '不抄' });
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('alert').getByText('至少要抄一块表').waitFor();
    await docs.fill('管理规约\n装修管理协议\n车位使用协议');
    await form.getByRole('combobox', { name: '电表读数' }).selectOption({ label: '必抄' });
    await form.getByRole('combobox', { name: '燃气表读数' }).selectOption({ label: '必抄' });
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    expect(await unnamedControls()).toEqual([]);
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('linli.locale', l), locale);
      await page.goto(`${base}/settings/handover`);
      await page.locator('main form textarea').waitFor();
      await expect.poll(() => page.locator('main form textarea').inputValue(), { timeout: 20_000 }).toContain('车位使用协议');
      await shots(`handover-settings-${locale}`);
      for (const w of [800, 1280]) {
        await page.setViewportSize({ width: w, height: w === 800 ? 1280 : 800 });
        expect(await wideElements()).toEqual([]);
      }
    }
    await page.evaluate(() => localStorage.setItem('linli.locale', 'zh-CN'));

    // The next move-in: the office's three documents, gas and electricity read, no water meter.
    await page.goto(`${base}/units/${units['6-1-101']}/move-in`);
    const moveIn = page.getByRole('form', { name: '办理入伙' });
    await moveIn.waitFor();
    await expect.poll(() => moveIn.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)), { timeout: 20_000 }).toEqual(['管理规约', '装修管理协议', '车位使用协议']);
    expect(await moveIn.getByLabel('水表读数').count()).toBe(0);
    await pick('赵敏');
    await moveIn.getByRole('checkbox', { name: '管理规约' }).check();
    await moveIn.getByLabel('交付钥匙（把）').fill('2');
    await moveIn.getByLabel('电表读数').fill('88');
    await moveIn.getByRole('button', { name: '办理入伙' }).click();
    // Refused: the office's other documents unsigned and the gas reading it now requires.
    await expect.poll(() => moveIn.getByRole('alert').innerText()).toContain('还有文件未签署：装修管理协议、车位使用协议');
    expect(await moveIn.getByRole('alert').innerText()).toContain('请填写燃气表读数');
    for (const box of await moveIn.getByRole('checkbox').all()) await box.check();
    await moveIn.getByLabel('燃气表读数').fill('7');
    await shots('move-in-checklist');
    await moveIn.getByRole('button', { name: '办理入伙' }).click();
    await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor({ timeout: 60_000 });
    const pdf = await printToPdf(page, 'moves-handover-checklist');
    expectRealChinese(pdf, ['入伙交接单', '赵敏', '6-1-101', '装修管理协议', '车位使用协议']);
    expect(pdf.text).toMatch(/电表读数\s+88/);
    expect(pdf.text).toMatch(/燃气表读数\s+7/);
    expect(pdf.text).not.toContain('水表读数');
    await pdfPageToPng(pdf.path, 'moves-handover-checklist');
  });

  it('every control of the new screens has an accessible name; the unit page in zh-TW and English', async () => {
    await page.goto(`${base}/units/${units['3-2-1101']}`);
    await page.getByTestId('relations-current').getByRole('button', { name: /退房/ }).first().click();
    await page.getByTestId('end-relation').waitFor();
    // Moving out without the keys count is refused with the reason.
    await page.getByTestId('end-relation').getByRole('button', { name: '退房/结束' }).click();
    await expect.poll(() => page.getByTestId('end-relation').getByRole('alert').innerText()).toContain('请填写钥匙数量');
    expect(await unnamedControls()).toEqual([]);
    await shots('move-out');
    await page.goto(`${base}/units/${units['5-1-302']}/move-in`);
    await page.getByRole('form', { name: '办理入伙' }).waitFor();
    expect(await unnamedControls()).toEqual([]);
    await page.goto(`${base}/units/${units['5-1-302']}/renovation`);
    await page.getByTestId('renovation-new').waitFor();
    expect(await unnamedControls()).toEqual([]);
    await page.goto(`${base}/units/${units['3-2-1101']}`);
    await page.getByTestId('unit-renovations').getByRole('link').first().click();
    await page.getByTestId('reno-facts').waitFor();
    expect(await unnamedControls()).toEqual([]);
    for (const [locale, words] of [['zh-TW', '入住記錄'], ['en', 'Residents over time']] as const) {
      await page.evaluate((l) => localStorage.setItem('linli.locale', l), locale);
      await page.goto(`${base}/units/${units['3-2-1101']}`);
      await expect.poll(() => page.getByTestId('unit-moves').innerText(), { timeout: 30_000 }).toContain(words);
      await shots(`unit-${locale}`);
    }
    await page.evaluate(() => localStorage.setItem('linli.locale', 'zh-CN'));
  });
});
