/**
 * Import and export in real Chromium against the built app served by a real relay: a receptionist
 * uploads the office's .xlsx, reads the report, imports, finds the customer; the same file again
 * adds nobody; a wrong file is explained; an export downloads, numbers masked — in full only for a role the
 * office allows (the manager, not reception). Needs `npx vite build` first.
 */
import ExcelJS from 'exceljs';
import { createInvitation, TEST_MANAGER } from '../helpers/device-api';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { launchChromium } from '../helpers/browser';
import { relayIn, removeDir, tempDir } from '../helpers/relay';
import { takeProfile, TEST_PIN } from '../helpers/pin';

const DIST = resolve('dist');
const ARTIFACTS = resolve('test/.artifacts');

let dir: string;
let relay: Relay;
let browser: Browser;
let page: Page;
const errors: string[] = [];

/** The office's customer list: a title row, typed cells, and the mistakes real lists have. */
async function writeWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('业主名单');
  ws.addRows([
    ['翠湖花园业主名单'],
    ['客户姓名', '联系电话', '房号', '类型', '生日', '标签', '备注'],
    ['张伟', 13812345678, '3栋2单元1101', '业主', '农历三月初五', '老人、独居', '行动不便'],
    ['李娜', '13900001111', '3-2-1102', '租户', new Date(Date.UTC(1985, 6, 1)), '', ''],
    ['刘洋', '12345', '5-1-302', '', '', '', ''],
    ['张伟伟', '138 1234 5678', '3-2-1101', '家庭成员', '', '', ''],
    ['<img src=x onerror="window.__pwned=1">', '13600009999', '5-1-302', '', '', '', ''],
    ['赵敏', '13700002222', '5-1-302', '单位客户', '1979-12-01', 'VIP', ''],
  ]);
  await writeFile(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` before the e2e tests');
  await mkdir(ARTIFACTS, { recursive: true });
  dir = await tempDir('linli-e2e-import-');
  relay = await relayIn(join(dir, 'data'), { staticDir: DIST });
  const office = await relay.offices.add('翠湖花园管理处');
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  // The app must be on localhost (a secure context), and so must the relay it talks to.
  const base = `http://localhost:${relay.port}`;
  const invite = await createInvitation(relay.url, office.id, office.token);
  const params = new URLSearchParams({ relay: `ws://localhost:${relay.port}`, office: office.id, invite, name: 'x' });
  await page.goto(`${base}/join#${params}`);
  await page.getByRole('heading', { name: '我是新同事' }).waitFor();
  await page.getByLabel('姓名').fill('王丽');
  await page.getByLabel('PIN（4–6 位数字）').fill(TEST_PIN);
  await page.getByLabel('再次输入 PIN').fill(TEST_PIN);
  await page.getByRole('button', { name: '添加并进入' }).click();
  // The app opens on 今日; these tests start from the customer list.
  await page.getByRole('heading', { name: '今日', exact: true }).waitFor();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '客户' }).click();
  await page.getByRole('heading', { name: '客户', exact: true }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  if (dir) await removeDir(dir);
});

async function upload(path: string): Promise<void> {
  await page.getByLabel('选择文件（Excel .xlsx 或 CSV）').setInputFiles(path);
}

describe('import from Excel', () => {
  it('reports each bad row by its row number, imports the rest at once, and finds them in the list', async () => {
    const file = join(dir, '翠湖花园业主名单.xlsx');
    await writeWorkbook(file);
    await page.getByRole('link', { name: '导入/导出' }).click();
    await page.getByRole('heading', { name: '导入/导出' }).waitFor();
    await upload(file);

    const report = page.getByTestId('import-report');
    await report.waitFor();
    await expect.poll(() => report.getByRole('status').textContent()).toBe('共 6 行：可导入 3 行，已存在跳过 0 行，有错误 3 行');
    const reportText = await report.textContent();
    expect(reportText).toContain('第 5 行');
    expect(reportText).toContain('电话号码“12345”格式不对');
    expect(reportText).toContain('电话 138****5678 与第 3 行重复');
    expect(reportText).toContain('“客户姓名”一栏含有网页代码');
    // The columns were matched by header, the title row above them skipped.
    expect(await page.getByLabel('导入为 联系电话').inputValue()).toBe('phones');
    // The markup is shown as text and never ran.
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'import-report.png'), fullPage: true });
    await report.screenshot({ path: join(ARTIFACTS, 'import-report-table.png') });

    await page.getByRole('button', { name: '导入 3 位客户' }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toBe('已导入 3 位客户；已存在跳过 0 行；有错误未导入 3 行。');
    await page.getByRole('link', { name: '查看客户' }).click();
    const list = page.getByTestId('customer-list');
    await list.getByText('张伟').waitFor();
    expect(await list.getByRole('link').count()).toBe(3);
    expect(await page.getByText('共 3 位客户').count()).toBe(1);

    // Found again by pinyin initials, and the 360° page shows what the file held.
    await page.getByLabel('搜索客户').fill('zw');
    await page.locator('[data-results-for="zw"]').waitFor();
    expect(await list.getByRole('link').allTextContents()).toEqual([expect.stringContaining('张伟')]);
    await list.getByRole('link', { name: /张伟/ }).click();
    await page.getByTestId('customer-name').filter({ hasText: '张伟' }).waitFor();
    expect(await page.getByTestId('customer-unit').textContent()).toBe('3-2-1101');
    expect(await page.getByTestId('customer-phones').textContent()).toBe('138****5678');
    expect(await page.getByTestId('upcoming-dates').textContent()).toContain('生日 农历三月初五');
    for (const section of ['基本信息', '家庭', '服务请求', '回访', '接触记录', '近期日期', '修改记录']) {
      await page.getByRole('heading', { name: section, exact: true }).waitFor();
    }
    await page.screenshot({ path: join(ARTIFACTS, 'import-customer360.png'), fullPage: true });
    // 返回 finds the list as it was searched, though the row was tapped at once after typing
    // (the address takes the search when the box loses focus, not on every keystroke).
    await page.goBack();
    await page.locator('[data-results-for="zw"]').waitFor();
    expect(await page.getByLabel('搜索客户').inputValue()).toBe('zw');
    expect(new URL(page.url()).searchParams.get('q')).toBe('zw');
    await list.getByRole('link', { name: /张伟/ }).click();
    await page.getByTestId('customer-name').filter({ hasText: '张伟' }).waitFor();
    await page.getByRole('link', { name: '← 客户' }).click();
    await page.getByRole('link', { name: '导入/导出' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('adds nobody when the same file is imported again', async () => {
    await page.getByRole('link', { name: '导入/导出' }).click();
    await upload(join(dir, '翠湖花园业主名单.xlsx'));
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.getByRole('status').textContent()).toBe('共 6 行：可导入 0 行，已存在跳过 4 行，有错误 2 行');
    expect(await report.textContent()).toContain('已存在：电话 138****5678 已登记在 3-2-1101 张伟 名下，跳过');
    expect(await page.getByRole('button', { name: '没有可导入的行' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'import-again.png'), fullPage: true });
  });

  it('downloads the rejected rows with their reasons', async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载有错误的行（CSV，含错误原因）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('有错误的行-翠湖花园业主名单.csv');
    const text = (await readFile((await download.path())!)).toString('utf8');
    expect(text.startsWith('\ufeff客户姓名,联系电话,房号,类型,生日,标签,备注,错误原因')).toBe(true);
    expect(text).toContain('刘洋');
    expect(text).toContain('电话号码“12345”格式不对');
  });

  it('explains a file that is not a spreadsheet, and an empty one', async () => {
    const picture = join(dir, '照片.xlsx');
    await writeFile(picture, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    await upload(picture);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('无法读取“照片.xlsx”：这不是 Excel（.xlsx）或 CSV 表格文件。');
    const empty = join(dir, '空白.csv');
    await writeFile(empty, '');
    await upload(empty);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('“空白.csv”里没有内容');
    expect(await page.getByTestId('import-report').count()).toBe(0);

    // In the user's language.
    await page.evaluate("localStorage.setItem('linli.locale', 'en')");
    await page.reload();
    await page.getByLabel('Choose a file (Excel .xlsx or CSV)').setInputFiles(picture);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Cannot read “照片.xlsx”: it is not an Excel (.xlsx) or CSV spreadsheet.');
    await page.evaluate("localStorage.setItem('linli.locale', 'zh-CN')");
    await page.reload();
    await page.getByRole('heading', { name: '导入/导出' }).waitFor();
  });

  it('refuses a 20 MB paste with a message, and reads a small one', async () => {
    await page.getByText('或者粘贴表格内容').click();
    const box = page.getByRole('textbox', { name: '或者粘贴表格内容' });
    await box.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', '姓名\t电话\n'.padEnd(20 * 1024 * 1024, 'x'));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('粘贴的内容太多');
    expect(await box.inputValue()).toBe('');

    await box.fill('姓名\t电话\t房号\n孙丽\t13300005555\t3-2-1102\n');
    await page.getByRole('button', { name: '读取粘贴的内容' }).click();
    await expect.poll(() => page.getByTestId('import-report').getByRole('status').textContent()).toBe('共 1 行：可导入 1 行，已存在跳过 0 行，有错误 0 行');
  });
});

describe('export', () => {
  it('downloads customers as CSV for Excel, phones in full only when ticked', async () => {
    const exportCsv = async () => {
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出客户（CSV）' }).click();
      return (await readFile((await (await downloading).path())!)).toString('utf8');
    };
    const masked = await exportCsv();
    expect(masked.startsWith('\ufeff姓名,类型,性别,电话,房号')).toBe(true);
    expect(masked).toContain('138****5678');
    expect(masked).not.toContain('13812345678');
    // 王丽 joined as 客服接待: by the office's personal-data rules reception may not export full numbers.
    const full = page.getByLabel('包含完整电话和证件号');
    // (The hint first: the box is also disabled while the role is still being read.)
    await expect.poll(() => page.getByTestId('export-full-hint').textContent()).toBe('你的岗位（客服接待）不能导出完整电话和证件号，导出的文件中号码遮盖。');
    expect(await full.isDisabled()).toBe(true);

    // The manager takes the tablet (锁屏 → 其他员工) and may tick it.
    await page.getByRole('button', { name: '锁屏' }).click();
    await page.getByTestId('lock-screen').getByRole('button', { name: '其他员工' }).click();
    await takeProfile(page, new RegExp(TEST_MANAGER.name), TEST_MANAGER.pin);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '客户' }).click();
    await page.getByRole('link', { name: '导入/导出' }).click();
    await page.getByRole('heading', { name: '导入/导出' }).waitFor();
    await full.check();
    expect(await exportCsv()).toContain('13812345678');
  });
});
