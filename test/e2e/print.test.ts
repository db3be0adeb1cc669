import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderSVG } from 'uqr';
import { createCustomer, type CustomerInput } from '../../src/domain/customers/customer';
import { maskPhone } from '../../src/domain/mask';
import { applyCommand } from '../../src/store/apply';
import { directoryDoc, officeDoc, benchActor } from '../bench/seed';
import { launchChromium } from '../helpers/browser';
import { joinOffice, pushDoc } from '../helpers/office';
import { expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import type { Relay } from '../../sync-server/relay';

/**
 * The printed forms, printed to PDF by headless Chromium exactly as window.print() lays them
 * out, and read back with poppler: the fields, the signature lines, the running header and
 * page numbers on every page, whole rows, and Chinese that prints as Chinese (no boxes).
 */
const OFFICE = '翠湖花园管理处';
const GENERATED = 197;
const FULL: CustomerInput = {
  name: '欧阳明华', phones: ['13812345678', '13987654321'], unitCode: '3-1-101', kind: 'owner', gender: 'female',
  idNumber: '11010519491231002X', wechat: 'ouyang_mh', email: 'mh@example.com', address: '广州市天河区翠湖路8号',
  employer: '天河区第一小学', occupation: '教师', unitRelation: 'owner', grade: 'important', consent: true,
  dates: [{ kind: 'birthday', calendar: 'lunar', month: 8, day: 15 }], preferences: '上午联系，不接受晚间电话', tags: ['老人', '独居'],
};
const ctx = () => ({ actor: benchActor, now: new Date().toISOString() });
const MM = 96 / 25.4;
/** 第 N 页 共 M 页 as pdftotext gives it (it may drop the narrow spaces). */
const pageOf = (n: number, m: number) => new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${m}\\s*页`);

let dir: string;
let relay: Relay;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let fullId: string;
const family: { id: string; name: string }[] = [];
let generated: { name: string; phones: string[]; unitCode: string }[];

beforeAll(async () => {
  if (!existsSync(resolve('dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` (npm test does) first');
  dir = await tempDir('linli-print-');
  relay = await relayIn(dir, { staticDir: resolve('dist') });
  const office = await relay.offices.add(OFFICE);
  const ws = wsUrl(relay);
  base = relay.url.replace('127.0.0.1', 'localhost');
  // 197 generated customers in 300 units, and a household of three with every field filled: 200.
  const directory = directoryDoc(GENERATED, 300);
  generated = directory.customers;
  const add = (input: CustomerInput, notes = '') => {
    const made = createCustomer(input, notes, ctx(), []);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    applyCommand(directory.doc, made.value.command, 'seed');
    return made.value.id;
  };
  fullId = add(FULL, '2025年装修，东侧卫生间曾漏水。\n钥匙存放在管理处。');
  for (const [name, relation, phone] of [['欧阳小雨', 'child', '13700001111'], ['李建国', 'spouse', '13700002222']] as const) {
    family.push({ name, id: add({ name, phones: [phone], unitCode: '3-1-101', kind: 'member', householdOf: fullId, householdRelation: relation, unitRelation: 'resident' }) });
  }
  await pushDoc(ws, `${office.id}/office`, office.token, officeDoc(OFFICE), (d) => d.getMap('staff').size === 1);
  await pushDoc(ws, `${office.id}/directory`, office.token, directory.doc, (d) => d.getMap('customers').size === 200);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await joinOffice(page, base, ws, office, OFFICE, benchActor.name);
  await page.getByText('共 200 位客户').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  if (dir) await removeDir(dir);
});

const openPrint = (path: string) => openPrintPreview(page, `${base}${path}`);


describe('print framework', () => {
  it('the tofu check notices a character no font has', async () => {
    const probe = await context.newPage();
    await probe.setContent('<p style="font-family: \'Noto Sans CJK SC\'">张伟 \u{E000} \u{31350}</p>');
    const pdf = await printToPdf(probe, 'tofu-probe');
    await probe.close();
    expect(pdf.text).toContain('张伟');
    expect(pdf.notdef).toBe(2);
  });

  it('links to the print previews from the customer list, the customer page and the unit', async () => {
    await page.goto(`${base}/customers`);
    await page.getByRole('link', { name: '打印名册' }).click();
    await page.waitForURL(/\/print\/customer-register$/);
    await page.locator('[data-print-ready=true]').waitFor();
    await page.screenshot({ path: 'test/.artifacts/customer-register-preview.png' });
    await page.getByRole('link', { name: '← 返回' }).click();
    await page.waitForURL(/\/customers$/);
    await page.goto(`${base}/customers/${fullId}`);
    await page.getByRole('link', { name: '打印', exact: true }).click();
    await page.waitForURL(new RegExp(`/print/customer\\?id=${fullId}$`));
    await page.locator('[data-print-ready=true]').waitFor();
    await page.goto(`${base}/units?q=3-1-101`);
    await page.getByRole('link', { name: /^3-1-101/ }).click();
    await page.getByRole('link', { name: '打印本户客户登记表' }).click();
    await page.waitForURL(/\/print\/customer\?unit=3-1-101$/);
    await page.locator('[data-print-ready=true]').waitFor();
    expect(await page.locator('[data-record]').evaluateAll((els) => els.map((e) => e.getAttribute('data-record')))).toEqual([family[1].id, fullId, family[0].id]);
  });

  it('the preview has 打印 calling window.print() and 返回; paper shows neither, nor the app bar', async () => {
    await openPrint(`/print/customer?id=${fullId}`);
    await page.evaluate('window.__printed = 0; window.print = () => { window.__printed++; }');
    await page.getByRole('button', { name: '打印' }).click();
    // 打印 first records the papers this prints, then calls the browser's print.
    await expect.poll(() => page.evaluate('window.__printed')).toBe(1);
    expect(await page.getByRole('link', { name: '← 返回' }).getAttribute('href')).toBe(`/customers/${fullId}`);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.app-bar', '.print-toolbar']) expect(await page.locator(sel).isVisible(), sel).toBe(false);
    await page.emulateMedia({ media: null });
    expect(await page.locator('.app-bar').isVisible()).toBe(true);
  });

  it('prints 客户信息登记表: every field, masked ID and phones, the signature lines, the QR code', async () => {
    await openPrint(`/print/customer?id=${fullId}`);
    const qr = page.getByTestId('record-qr');
    const url = `${base}/customers/${fullId}`;
    expect(await qr.getAttribute('data-url')).toBe(url);
    // The code drawn is the code of the record's address (uqr is deterministic).
    const pathOf = (svg: string) => svg.match(/<path[^>]* d="([^"]+)"/)?.[1];
    expect(pathOf(await qr.locator('.qr').innerHTML())).toBe(pathOf(renderSVG(url, { border: 0, ecc: 'M' })));
    const pdf = await printToPdf(page, 'customer-sheet');
    await pdfPageToPng(pdf.path, 'customer-sheet-p1');
    expect(pdf.pageCount).toBe(1);
    expect(pdf.width).toBeLessThan(pdf.height); // portrait
    expect(Math.round(pdf.width)).toBeGreaterThanOrEqual(595);
    const text = pdf.text;
    // Running header and footer (page-margin boxes).
    for (const s of [OFFICE, '客户信息登记表', '打印日期：', '打印人：王丽']) expect(text).toContain(s);
    expect(text).toMatch(pageOf(1, 1));
    // Sections and every field's label and value; a lunar birthday is worded as on the customer page and
    // in the letters (农历八月十五, issue 22), not in figures.
    for (const s of ['基本信息', '房屋信息', '其他信息', '姓名', '欧阳明华', '性别', '女', '客户类型', '业主', '客户等级', '重要',
      '身份证号', '1101**********002X', '电话', '138****5678 / 139****4321', '微信', 'ouyang_mh', '电子邮箱', 'mh@example.com',
      '通讯地址', '广州市天河区翠湖路8号', '工作单位', '天河区第一小学', '职业', '教师', '房号', '3-1-101', '与房屋关系',
      '所属户主', '本人为户主', '重要日期', '生日 农历八月十五', '标签', '老人、独居', '同意联系', '偏好与习惯', '上午联系，不接受晚间电话',
      '备注', '2025年装修，东侧卫生间曾漏水。', '钥匙存放在管理处。', '登记时间', '扫码打开记录', fullId]) expect(text, s).toContain(s);
    expect(text).not.toContain('农历8月15日');
    // Signature lines, each with its label.
    expect(text).toMatch(/登记人：\s+客户签名：\s+日期：\s+年\s+月\s+日/);
    // Nothing sensitive in full.
    for (const s of ['11010519491231002X', '13812345678', '13987654321']) expect(text).not.toContain(s);
    expectRealChinese(pdf, ['欧阳明华', '翠湖花园管理处', '天河区第一小学']);
  });

  it('prints several customers in one go, each on its own page, with the head of household named', async () => {
    await openPrint(`/print/customer?unit=${encodeURIComponent('3栋1单元101')}`);
    const pdf = await printToPdf(page, 'customer-sheets-batch');
    expect(pdf.pageCount).toBe(3);
    const names = ['李建国', '欧阳明华', '欧阳小雨'];
    names.forEach((name, i) => {
      expect(pdf.pages[i]).toMatch(new RegExp(`姓名\\s+${name}`));
      expect(pdf.pages[i]).toMatch(pageOf(i + 1, 3));
    });
    expect(pdf.pages[0]).toMatch(/所属户主\s+欧阳明华\s+与户主关系\s+配偶/);
    expect(pdf.pages[2]).toMatch(/所属户主\s+欧阳明华\s+与户主关系\s+子女/);
  });

  it('prints the 200-row 客户名册 with its header on every page, the right page count and no row split', async () => {
    await openPrint('/print/customer-register');
    expect(await page.locator('table.register tbody tr').count()).toBe(200);
    // What the row heights imply: measured in the print layout, at the width of the page area.
    await page.setViewportSize({ width: Math.floor((297 - 12 - 18) * MM), height: 800 });
    await page.emulateMedia({ media: 'print' });
    const geometry = (await page.evaluate(`(() => {
      const h = (el) => el.getBoundingClientRect().height;
      const title = document.querySelector('.form-title');
      const style = getComputedStyle(title);
      return {
        title: h(title) + parseFloat(style.marginBottom),
        head: h(document.querySelector('table.register thead tr')),
        rows: [...document.querySelectorAll('table.register tbody tr')].map(h),
      };
    })()`)) as { title: number; head: number; rows: number[] };
    await page.emulateMedia({ media: null });
    await page.setViewportSize({ width: 1280, height: 800 });
    const available = (210 - 15 - 14) * MM;
    let pages = 1;
    let used = geometry.title + geometry.head;
    const perPage: number[] = [0];
    for (const h of geometry.rows) {
      if (used + h > available + 0.5) {
        pages++;
        perPage.push(0);
        used = geometry.head;
      }
      used += h;
      perPage[perPage.length - 1]++;
    }

    const pdf = await printToPdf(page, 'customer-register-200');
    await pdfPageToPng(pdf.path, 'customer-register-p1');
    await pdfPageToPng(pdf.path, 'customer-register-p2', 2);
    expect(pdf.width).toBeGreaterThan(pdf.height); // landscape
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect(pdf.pageCount).toBe(pages);
    const M = pdf.pageCount;
    pdf.pages.forEach((text, i) => {
      for (const s of [OFFICE, '客户名册', '打印日期：']) expect(text, `page ${i + 1}: ${s}`).toContain(s);
      expect(text, `page ${i + 1}: number`).toMatch(pageOf(i + 1, M));
      expect(text, `page ${i + 1}: column headers`).toMatch(/序号\s+房号\s+姓名\s+类型\s+电话\s+签名\s+备注/);
      // The rows on this page: as many as the geometry put there.
      const rows = text.split('\n').filter((l) => /^\s*\d+\s+\d+-\d+-\d+\s/.test(l));
      expect(rows.length, `rows on page ${i + 1}`).toBe(perPage[i]);
    });
    // Every customer exactly once, whole: unit, name and masked phone on one line.
    const lines = pdf.text.split('\n');
    const everyone = [...generated, { ...FULL }, ...family.map((f, i) => ({ name: f.name, unitCode: '3-1-101', phones: [['13700001111', '13700002222'][i]] }))];
    expect(everyone).toHaveLength(200);
    for (const c of everyone) {
      const unit = new RegExp(`(^|\\s)${c.unitCode}\\s`);
      const mine = lines.filter((l) => unit.test(l) && l.includes(c.name));
      expect(mine, `${c.unitCode} ${c.name}`).toHaveLength(1);
      expect(mine[0]).toContain(c.phones.map(maskPhone).join(' / '));
    }
    const numbers = lines.map((l) => l.match(/^\s*(\d+)\s+\d+-\d+-\d+\s/)?.[1]).filter(Boolean).map(Number);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(pdf.text).not.toContain('13812345678');
    expectRealChinese(pdf, generated.slice(0, 20).map((c) => c.name));
  });

  it('prints the register of one building', async () => {
    await openPrint('/print/customer-register?building=3');
    const pdf = await printToPdf(page, 'customer-register-building-3');
    expect(pdf.pageCount).toBe(1);
    expect(pdf.text).toMatch(/范围：\s*3 栋/);
    const rows = pdf.text.split('\n').filter((l) => /^\s*\d+\s+3-1-101\s/.test(l));
    expect(rows.map((l) => l.match(/3-1-101\s+(\S+)/)![1])).toEqual(['李建国', '欧阳明华', '欧阳小雨']);
  });

  it('prints in traditional Chinese and in English', async () => {
    for (const [locale, title, strings, number] of [
      ['zh-TW', '客戶資料登記表', ['客戶簽名：', '身分證號', '列印日期：'], pageOf(1, 1).source.replaceAll('页', '頁')],
      ['en', 'Customer information form', ['Customer signature:', 'ID number', 'Printed '], 'Page 1 of 1'],
    ] as const) {
      await page.evaluate(`localStorage.setItem('linli.locale', '${locale}')`);
      await openPrint(`/print/customer?id=${fullId}`);
      const pdf = await printToPdf(page, `customer-sheet-${locale}`);
      await pdfPageToPng(pdf.path, `customer-sheet-${locale}-p1`);
      expect(pdf.text).toContain(title);
      for (const s of strings) expect(pdf.text).toContain(s);
      expect(pdf.text).toMatch(new RegExp(number));
      expect(pdf.notdef).toBe(0);
    }
    await page.evaluate(`localStorage.setItem('linli.locale', 'zh-CN')`);
  });
});
