/**
 * The office's first hour, in Chromium: a receptionist uploads the 30-column roster exported from
 * the previous property system (units with their owners, type and status as codes, a legend to
 * the right), maps the two coded columns, imports, finds an owner by the room number and opens
 * their page. The page never scrolls sideways, at 1280×800 nor at 800×1280; the same file again
 * adds nothing and needs no mapping. Needs `npx vite build` first.
 */
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idNumber } from '../../src/domain/import/sheet.fixture';
import { controlsOf } from '../helpers/a11y';
import { addOffice, joinLinkFor, joinOffice, screenshot, watchErrors, withAppAndBrowser, zh, type AppRelay } from '../helpers/app';

let app: AppRelay;
let browser: Browser;
let page: Page;
let errors: string[] = [];
let file = '';
const cleanup = withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

const HEADERS = [
  '序号', '楼栋', '单元', '楼层', '房间', '房屋户型', '建筑面积(㎡)', '套内面积', '房屋类型', '房屋状态', '业主名称', '性别', '业主类型', '手机号码', '固定电话',
  '身份证号', '出生日期', '交房日期', '入住日期', '工作单位', '职业', '微信号', '电子邮箱', '通讯地址', '车位号', '物业费单价', '欠费金额', '紧急联系人', '紧急联系电话', '备注',
];

async function writeRoster(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房屋信息');
  ws.addRow(['翠湖花园房屋及业主信息（导出自原物业系统）']);
  ws.addRow([...HEADERS, '', '代码说明']);
  const legend = ['房屋类型：110 住宅 / 120 商铺', '房屋状态：2001 自住 / 2002 出租 / 2003 空置', '请勿修改表头'];
  const person = (i: number, name: string, room: string, type: string, status: string, email = `owner${i}@example.com`) => [
    i, '3', '2', room.slice(0, 2), room.slice(2), 'A2-三室两厅', 89.5 + i, 72.3, type, status, name, i % 2 ? '男' : '女', '业主', `1381234${String(5670 + i)}`, '0755-8600123' + i,
    idNumber(`1980010${i}`), `1980-01-0${i}`, '2015-06-01', '2015-08-01', '深圳市某科技有限公司', '工程师', `wx_${i}`, email, '深圳市南山区翠湖路 1 号', `B-${100 + i}`, 2.8, 0,
    '家属', '13900009999', i === 1 ? '老人独居，需定期探访' : '',
  ];
  const rows = [
    person(1, '张伟', '1101', '110', '2001'),
    person(2, '李娜', '1102', '110', '2002', '李娜@邮箱'),
    person(3, '王强', '1201', '110', '2003'),
    person(4, '刘洋', '1202', '120', '2001'),
    person(5, '陈静', '1301', '110', '2002'),
  ];
  rows.forEach((r, i) => ws.addRow([...r, '', legend[i] ?? '']));
  ws.addRow(['合计', '', '', '', '', '', 462.5]);
  await writeFile(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The page itself never scrolls sideways: wide tables scroll inside their cards. */
async function noSideScroll(name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page, `${name}: page is ${widths.page}px wide in a ${widths.view}px window`).toBeLessThanOrEqual(widths.view);
  await screenshot(page, name);
}

describe('the office roster, in Chromium', () => {
  it('maps two coded columns, imports units with their owners, finds an owner by the room, and stays on the screen', async () => {
    const office = await addOffice(app, '翠湖花园管理处');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    cleanup.add(() => context.close());
    page = await joinOffice(context, await joinLinkFor(app, office), '王丽');
    errors = watchErrors(page);
    file = join(app.dataDir, '翠湖花园房屋信息.xlsx');
    await writeRoster(file);

    await page.getByRole('link', { name: zh['import.title'] }).click();
    await page.getByLabel(zh['import.file']).setInputFiles(file);
    const kind = page.getByLabel(zh['import.kind']);
    await expect.poll(() => kind.inputValue()).toBe('household');
    // The headers offices use, and the trap: 房屋户型 is not the room.
    expect(await page.getByLabel(`${zh['import.target']} 房间`).inputValue()).toBe('unitCode');
    expect(await page.getByLabel(`${zh['import.target']} 业主名称`).inputValue()).toBe('name');
    expect(await page.getByLabel(`${zh['import.target']} 房屋户型`).inputValue()).toBe('');
    expect(await page.getByTestId('import-shadowed').textContent()).toContain('“套内面积”也像是“面积”');
    // The legend to the right is not a column of the file.
    expect(await page.getByTestId('import-mapping').locator('tbody tr').count()).toBe(30);

    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByRole('status').textContent()).toBe('共 5 行：可导入 0 行，已存在跳过 0 行，有错误 5 行');
    await noSideScroll('import-roster-1280.png');

    // Map the codes of the two coded columns.
    const values = page.getByTestId('import-values');
    const meaning = (column: string, value: string) => values.getByLabel(`“${column}”中的“${value}”对应为`);
    await meaning('房屋类型', '110').selectOption('residential');
    await meaning('房屋类型', '120').selectOption('shop');
    await meaning('房屋状态', '2001').selectOption('owner');
    await meaning('房屋状态', '2002').selectOption('rented');
    await meaning('房屋状态', '2003').selectOption('vacant');
    await expect.poll(() => report.getByRole('status').textContent()).toBe('共 5 行：可导入 5 行，已存在跳过 0 行，有错误 0 行');
    // Every control of the page has a name a screen reader reads (the value selects name column and value).
    const controls = await controlsOf(page, 'main');
    expect(controls.length).toBeGreaterThan(40);
    expect(controls.filter((c) => !c.name), 'controls without an accessible name').toEqual([]);
    expect(await page.getByTestId('import-warned').textContent()).toContain('其中 1 行有提醒');
    expect(await report.textContent()).toContain('李娜@邮箱');

    await page.setViewportSize({ width: 800, height: 1280 });
    await noSideScroll('import-roster-800.png');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: '导入 5 行（房屋和客户）' }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toBe('已导入 5 行房屋和客户；已存在跳过 0 行；有错误未导入 0 行。');

    // Found by the room, as the search box finds people today.
    await page.getByRole('link', { name: zh['import.viewCustomers'] }).click();
    await page.getByLabel('搜索客户').fill('3-2-1102');
    await page.locator('[data-results-for="3-2-1102"]').waitFor();
    const list = page.getByTestId('customer-list');
    expect(await list.getByRole('link').allTextContents()).toEqual([expect.stringContaining('李娜')]);
    await list.getByRole('link', { name: /李娜/ }).click();
    await page.getByTestId('customer-name').filter({ hasText: '李娜' }).waitFor();
    expect(await page.getByTestId('customer-unit').textContent()).toBe('3-2-1102');
    expect(await page.getByTestId('customer-phones').textContent()).toBe('138****5672 / 075****1232');
    expect(await page.getByTestId('to-verify').allTextContents()).toEqual(['邮箱待核实']);
    await noSideScroll('import-roster-owner-1280.png');
    await page.setViewportSize({ width: 800, height: 1280 });
    await noSideScroll('import-roster-owner-800.png');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The unit register has the units with their meanings.
    await page.goto(`${app.base}/units?q=3-2-1202`);
    await page.getByText('3-2-1202').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('adds nothing when the same file comes again, and remembers what the codes mean', async () => {
    await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.customers'] }).click();
    await page.getByRole('link', { name: zh['import.title'] }).click();
    await page.getByLabel(zh['import.file']).setInputFiles(file);
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByRole('status').textContent()).toBe('共 5 行：可导入 0 行，已存在跳过 5 行，有错误 0 行');
    expect(await page.getByTestId('import-values').getByLabel('“房屋类型”中的“110”对应为').inputValue()).toBe('residential');
    expect(await page.getByRole('button', { name: zh['import.nothing'] }).isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('reads a workbook with units and owners on two sheets as one plan, and the office may refuse rows with a bad ID number', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('房屋').addRows([
      ['房屋编号', '楼栋', '单元', '房号', '建筑面积', '房屋用途', '房屋状态'],
      ['20001', '8', '1', '0601', 96, '住宅', '已租'],
      ['20002', '8', '1', '0602', 96, '住宅', '空房'],
    ]);
    wb.addWorksheet('业主').addRows([
      ['房屋编号', '業主姓名', '聯繫電話', '身份證字號'],
      ['20001', '黄磊', '13512340001', '110101198001011230'],
      ['20002', '吴敏', '13512340002', idNumber('19850505')],
    ]);
    const two = join(app.dataDir, '两张表.xlsx');
    await writeFile(two, new Uint8Array(await wb.xlsx.writeBuffer()));
    await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.customers'] }).click();
    await page.getByRole('link', { name: zh['import.title'] }).click();
    await page.getByLabel(zh['import.file']).setInputFiles(two);
    const sheetSelect = page.getByLabel(zh['import.sheet']);
    await expect.poll(() => sheetSelect.inputValue()).toBe('join');
    expect(await sheetSelect.locator('option:checked').textContent()).toBe('业主 + 房屋（按“房屋编号”相连）');
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByRole('status').textContent()).toBe('共 2 行：可导入 2 行，已存在跳过 0 行，有错误 0 行');
    expect(await report.textContent()).toContain('业主 第 2 行');

    const refuse = page.getByLabel(zh['import.refuseBadOptional']);
    await refuse.check();
    await expect.poll(() => report.getByRole('status').textContent()).toBe('共 2 行：可导入 1 行，已存在跳过 0 行，有错误 1 行');
    await refuse.uncheck();
    await expect.poll(() => report.getByRole('status').textContent()).toBe('共 2 行：可导入 2 行，已存在跳过 0 行，有错误 0 行');
    await page.getByRole('button', { name: '导入 2 行（房屋和客户）' }).click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('link', { name: zh['import.viewCustomers'] }).click();
    await page.getByLabel('搜索客户').fill('8-1-0601');
    await page.locator('[data-results-for="8-1-0601"]').waitFor();
    await page.getByTestId('customer-list').getByRole('link', { name: /黄磊/ }).click();
    await page.getByTestId('customer-name').filter({ hasText: '黄磊' }).waitFor();
    expect(await page.getByTestId('to-verify').allTextContents()).toEqual(['证件号待核实']);
    expect(errors).toEqual([]);
  });
});
