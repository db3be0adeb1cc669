/**
 * customers.import_8k_ms: a receptionist imports the estate's 8,000-customer .xlsx into an empty
 * office in Chromium, through the real page: reading and checking the file (until the report
 * shows), then importing it (until it is all in IndexedDB). The longest main-thread task during
 * both is measured too: that is how long the page stays frozen at worst.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInvitation } from '../helpers/device-api';
import type { Browser } from 'playwright-core';
import type { Relay } from '../../sync-server/relay';
import { zhCN as zh } from '../../src/i18n/zh-CN';
import { TEST_PIN } from '../helpers/pin';
import { generateCustomers, generateUnits } from './generate';

const KINDS = ['业主', '业主', '业主', '租户', '家庭成员'];
const TAGS = ['', '', '老人', '独居、行动不便', 'VIP'];

/** The generated estate as an office's spreadsheet: Chinese headers, some lunar birthdays. */
export async function writeCustomerWorkbook(path: string, count: number, seed = 7): Promise<void> {
  const customers = generateCustomers(count, generateUnits(3000), seed);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('业主名单');
  ws.addRow(['姓名', '联系电话', '房号', '类型', '生日', '标签', '备注']);
  customers.forEach((c, i) => {
    const birthday = i % 3 === 0 ? `农历${1 + (i % 12)}月${1 + (i % 28)}日` : `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    ws.addRow([c.name, c.phones[0], c.unitCode, KINDS[i % KINDS.length], birthday, TAGS[i % TAGS.length], i % 10 === 0 ? '需要定期回访' : '']);
  });
  await writeFile(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

export interface ImportTimes {
  /** Choosing the file → the report on screen (read, find headers, check every row). */
  checkMs: number;
  /** 导入 → everything in IndexedDB (checked again, one command, projection). */
  saveMs: number;
  /** The longest main-thread task in each phase: the worst freeze staff would feel. */
  checkTaskMs: number;
  saveTaskMs: number;
}

export async function benchImport(browser: Browser, relay: Relay, dir: string, count: number): Promise<ImportTimes> {
  const file = join(dir, `customers-${count}.xlsx`);
  if (!existsSync(file)) await writeCustomerWorkbook(file, count);
  const office = await relay.offices.add('导入测试管理处');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const invite = await createInvitation(relay.url, office.id, office.token);
  const params = new URLSearchParams({ relay: `ws://localhost:${relay.port}`, office: office.id, invite, name: '导入测试管理处' });
  await page.goto(`http://localhost:${relay.port}/join#${params}`);
  // 我是新同事: name and a PIN typed twice (the steps of test/helpers/app.ts joinOffice).
  const form = page.getByRole('form', { name: zh['setup.newStaff'] });
  await form.getByLabel(zh['setup.staffName']).fill('王丽');
  await form.getByLabel(zh['pin.label']).fill(TEST_PIN);
  await form.getByLabel(zh['pin.again']).fill(TEST_PIN);
  await form.getByRole('button', { name: zh['setup.addStaff'] }).click();
  // The app opens on 今日; the import is reached from the customer list.
  await page.getByRole('heading', { name: zh['today.title'], exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.customers'] }).click();
  await page.getByRole('link', { name: '导入/导出' }).click();
  await page.evaluate(() => {
    const w = window as unknown as { longest: number[] };
    w.longest = [0, 0];
    new PerformanceObserver((list) => {
      const phase = performance.getEntriesByName('linli:import-start').length ? 1 : 0;
      for (const e of list.getEntries()) w.longest[phase] = Math.max(w.longest[phase], e.duration);
    }).observe({ type: 'longtask' });
  });

  await page.getByLabel('选择文件（Excel .xlsx 或 CSV）').setInputFiles(file);
  const submit = page.getByRole('button', { name: `导入 ${count} 位客户` });
  await submit.waitFor({ timeout: 120_000 });
  await submit.click();
  await page.getByTestId('import-done').waitFor({ timeout: 300_000 });
  // Timed in the page (the relay runs in this Node process and would skew a Node-side clock).
  // (No named functions inside evaluate: tsx would wrap them in a helper the page lacks.)
  const marks = await page.evaluate(() => ['read', 'checked', 'start', 'done'].map((m) => performance.getEntriesByName(`linli:import-${m}`)[0].startTime));
  const [checkTaskMs, saveTaskMs] = await page.evaluate(() => (window as unknown as { longest: number[] }).longest);
  const times = { checkMs: marks[1] - marks[0], saveMs: marks[3] - marks[2], checkTaskMs, saveTaskMs };
  const stored = await page.evaluate(async () => (await indexedDB.databases()).length);
  if (!stored) throw new Error('nothing stored');
  await page.getByRole('link', { name: '查看客户' }).click();
  await page.getByText(`共 ${count} 位客户`).waitFor({ timeout: 60_000 });
  await context.close();
  return times;
}
