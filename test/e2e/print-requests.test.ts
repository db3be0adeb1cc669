import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CommandContext } from '../../src/domain/actor';
import type { Command } from '../../src/domain/ops';
import type { Result } from '../../src/domain/result';
import { addTask, completeTask, decideSettlement, investigate, negotiate, proposeSettlement, sendCorrectiveAction, signAgreement } from '../../src/domain/requests/complaint';
import { closeRequest, completeWork, dispatch, recordFollowUp, reportBack, takeRequest, type IntakeInput } from '../../src/domain/requests/lifecycle';
import { requestFromRecord } from '../../src/domain/requests/record';
import { defaultServiceSettings } from '../../src/domain/requests/settings';
import { officeDay } from '../../src/domain/requests/work-time';
import { applyCommand } from '../../src/store/apply';
import { benchActor, officeDoc } from '../bench/seed';
import { launchChromium } from '../helpers/browser';
import { joinOffice, pushDoc } from '../helpers/office';
import { expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import type { Relay } from '../../sync-server/relay';

/**
 * The request forms of the paper registers, printed to PDF by headless Chromium as window.print()
 * lays them out, and read back with poppler: 客户投诉登记表 with every section and signature line,
 * the 202-row 服务登记簿 with its header on every page, 回访记录表, 纠纷登记簿, and a batch of
 * today's new requests.
 */
const OFFICE = '翠湖花园管理处';
const settings = defaultServiceSettings();
const pageOf = (n: number, m: number) => new RegExp(`第\\s*${n}\\s*页\\s*共\\s*${m}\\s*页`);
const manager = { staffId: benchActor.staffId, name: benchActor.name, deviceCode: 'A' };
const clerk = { staffId: 'clerk', name: '陈晨', deviceCode: 'B' };

let dir: string;
let relay: Relay;
let browser: Browser;
let page: Page;
let base: string;
let complaintId = '';
let complaintNumber = '';
let disputeNumber = '';
const repairNumbers: string[] = [];
const today = officeDay(new Date(), settings.calendar);
const yesterday = officeDay(new Date(Date.now() - 86_400_000), settings.calendar);
/** A day as the printed forms write it: 2026-12-05 → 2026年12月5日. */
const printedDay = (day: string) => { const [y, m, d] = day.split('-').map(Number); return `${y}年${m}月${d}日`; };
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

/** A year's ledger built with the domain commands, as the tablets would have made it. */
function buildLedger(): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap<Y.Map<unknown>>('requests');
  const read = (id: string) => requestFromRecord(id, (map.get(id) as Y.Map<unknown>).toJSON());
  const run = (r: Result<Command>) => {
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    applyCommand(doc, r.value, 'seed');
  };
  const ctx = (actor: CommandContext['actor'], day: string, hhmm: string): CommandContext => ({ actor, now: at(day, hhmm) });
  const take = (input: IntakeInput, number: string, c: CommandContext) => {
    const made = takeRequest(input, number, settings, c);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    applyCommand(doc, made.value.command, 'seed');
    return made.value.id;
  };
  for (let i = 1; i <= 200; i++) {
    const number = `BX-${yesterday.slice(2, 4)}${yesterday.slice(5, 7)}-B-${String(i).padStart(3, '0')}`;
    repairNumbers.push(number);
    const id = take({ kind: 'repair', category: 'water-electric', urgency: 'normal', channel: 'phone', description: `第${i}户厨房水龙头漏水`, customerId: '', customerName: `业主${i}`, unitCode: `${1 + (i % 9)}-1-${100 + i}`, phone: '13812345678', location: '' }, number, ctx(clerk, yesterday, '09:00'));
    if (i <= 5) {
      run(dispatch(read(id), 'engineering', '', ctx(clerk, yesterday, '09:10'), { team: '工程组', assignee: '' }));
      run(completeWork(read(id), '更换阀芯', true, yesterday, ctx(clerk, yesterday, '11:00')));
      run(recordFollowUp(read(id), 'phone', i === 1 ? 2 : 5, i === 1 ? '还有滴水' : '很满意', ctx(clerk, yesterday, '16:00')));
    }
  }
  complaintNumber = `TS-${today.slice(2, 4)}${today.slice(5, 7)}-B-001`;
  complaintId = take({ kind: 'complaint', category: 'noise', urgency: 'normal', channel: 'walkIn', description: '楼上装修噪音，晚上十点后仍施工', customerId: '', customerName: '欧阳明华', unitCode: '3-1-101', phone: '13987654321', location: '' }, complaintNumber, ctx(clerk, today, '09:00'));
  run(dispatch(read(complaintId), 'security', '', ctx(clerk, today, '09:05'), { team: '护卫组', assignee: '' }));
  run(investigate(read(complaintId), { facts: '3-1-201 室夜间施工至二十三时', cause: '装修管理不到位', responsibility: 'company', severity: 'general' }, ctx(clerk, today, '09:30')));
  run(proposeSettlement(read(complaintId), '上门致歉', ['apology'], ctx(clerk, today, '10:00'), 'p1'));
  run(decideSettlement(read(complaintId), 'p1', false, '还应承担清洁费', 'manager', ctx(manager, today, '10:10')));
  run(proposeSettlement(read(complaintId), '上门致歉并承担清洁费', ['apology', 'compensation'], ctx(clerk, today, '10:20'), 'p2'));
  run(decideSettlement(read(complaintId), 'p2', true, '同意', 'manager', ctx(manager, today, '10:30')));
  run(negotiate(read(complaintId), 'agreed', '业主接受', ctx(clerk, today, '10:40')));
  run(signAgreement(read(complaintId), today, ctx(clerk, today, '10:50')));
  run(addTask(read(complaintId), '工程部', '监督装修施工时间', ctx(clerk, today, '11:00'), 't1'));
  run(completeTask(read(complaintId), 't1', ctx(clerk, today, '11:10')));
  run(sendCorrectiveAction(read(complaintId), '工程部', '装修登记时书面告知施工时段', ctx(clerk, today, '11:20')));
  run(completeWork(read(complaintId), '已落实', false, '', ctx(clerk, today, '11:30')));
  run(reportBack(read(complaintId), '当天电话告知业主', ctx(clerk, today, '11:40')));
  run(recordFollowUp(read(complaintId), 'visit', 4, '满意', ctx(clerk, today, '11:50')));
  run(closeRequest(read(complaintId), ctx(clerk, today, '11:55'), 'reception'));
  disputeNumber = `JF-${today.slice(2, 4)}${today.slice(5, 7)}-B-001`;
  take({ kind: 'dispute', category: 'noise', urgency: 'normal', channel: 'walkIn', description: '两户因空调外机噪音发生纠纷', customerId: '', customerName: '李建国', unitCode: '5-1-302', phone: '', location: '' }, disputeNumber, ctx(clerk, today, '12:00'));
  return doc;
}

beforeAll(async () => {
  if (!existsSync(resolve('dist/index.html'))) throw new Error('dist/ is missing: run `npx vite build` (npm test does) first');
  dir = await tempDir('linli-print-req-');
  relay = await relayIn(dir, { staticDir: resolve('dist') });
  const office = await relay.offices.add(OFFICE);
  const ws = wsUrl(relay);
  base = relay.url.replace('127.0.0.1', 'localhost');
  const year = Number(today.slice(0, 4));
  const ledger = buildLedger();
  const office0 = officeDoc(OFFICE);
  await pushDoc(ws, `${office.id}/office`, office.token, office0, (d) => d.getMap('staff').size === 1);
  // Requests taken on the 1st of January at 09:00 Beijing belong to the previous UTC year's ledger.
  const byYear = new Map<number, Y.Doc>();
  byYear.set(year, ledger);
  for (const [y, doc] of byYear) await pushDoc(ws, `${office.id}/ledger-${y}`, office.token, doc, (d) => d.getMap('requests').size === 202);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await joinOffice(page, base, ws, office, OFFICE, benchActor.name);
  await page.goto(`${base}/requests?q=all`);
  await page.getByText('共 202 件').waitFor({ timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  if (dir) await removeDir(dir);
});

const openPrint = (path: string) => openPrintPreview(page, `${base}${path}`);


describe('request forms on paper', () => {
  it('prints 客户投诉登记表 with every section of the workflow and its four signature lines', async () => {
    await openPrint(`/print/request?id=${complaintId}`);
    const pdf = await printToPdf(page, 'complaint-form');
    await pdfPageToPng(pdf.path, 'complaint-form-p1');
    const text = pdf.text.replace(/[ \t]+/g, ' ');
    for (const s of [
      '客户投诉登记表', complaintNumber, OFFICE, '受理登记', '欧阳明华', '3-1-101', '楼上装修噪音', '调查', '3-1-201 室夜间施工至二十三时', '公司责任',
      '处置方案与审批', '已驳回：上门致歉', '还应承担清洁费', '已批准：上门致歉并承担清洁费', '协商与处理协议', '业主接受', `处理协议 ${printedDay(today)}`, '监督装修施工时间',
      '装修登记时书面告知施工时段', '落实与反馈', '当天电话告知业主', '回访', '满意',
    ]) expect(text, s).toContain(s);
    for (const label of ['登记人', '调查人', '审批经理', '客户签字（同意协议）', '处理人', '回访人']) expect(text, label).toContain(label);
    expect(text).toContain('139****4321');
    expect(text).not.toContain('13987654321');
    // One date format on the form (issue 22): the agreement's day, typed as 2026-12-05, prints as 2026年12月5日.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    pdf.pages.forEach((p, i) => expect(p, `page ${i + 1}`).toMatch(pageOf(i + 1, pdf.pageCount)));
    expectRealChinese(pdf);
  });

  it('prints the 202-row 服务登记簿 of a date range with its header on every page and no row split', async () => {
    await openPrint(`/print/service-register?from=${yesterday}&to=${today}`);
    expect(await page.locator('table.register tbody tr').count()).toBe(202);
    const pdf = await printToPdf(page, 'service-register');
    await pdfPageToPng(pdf.path, 'service-register-p1');
    await pdfPageToPng(pdf.path, 'service-register-p2', 2);
    expect(pdf.width).toBeGreaterThan(pdf.height);
    expect(pdf.pageCount).toBeGreaterThan(5);
    pdf.pages.forEach((p, i) => {
      for (const s of [OFFICE, '服务登记簿', '住户签字', '编号']) expect(p, `page ${i + 1}: ${s}`).toContain(s);
      expect(p, `page ${i + 1}`).toMatch(pageOf(i + 1, pdf.pageCount));
    });
    const lines = pdf.text.split('\n');
    for (const n of [...repairNumbers, complaintNumber, disputeNumber]) expect(lines.filter((l) => l.includes(n)), n).toHaveLength(1);
    const seq = lines.map((l) => l.match(/^\s*(\d+)\s+[A-Z]{2}-\d{4}-/)?.[1]).filter(Boolean).map(Number);
    expect(seq).toEqual(Array.from({ length: 202 }, (_, i) => i + 1));
    expectRealChinese(pdf);
  });

  it('prints the register of one team only', async () => {
    await openPrint(`/print/service-register?from=${yesterday}&to=${today}&team=security`);
    const pdf = await printToPdf(page, 'service-register-security');
    expect(pdf.text).toContain(complaintNumber);
    expect(pdf.text).not.toContain(repairNumbers[0]);
  });

  it('prints 回访记录表 with satisfaction and the customer’s words, and 纠纷登记簿', async () => {
    await openPrint(`/print/followup-register?from=${yesterday}&to=${today}`);
    const followups = await printToPdf(page, 'followup-register');
    await pdfPageToPng(followups.path, 'followup-register-p1');
    for (const s of ['回访记录表', '满意度', '回访人', '不满意', '还有滴水', '很满意', complaintNumber]) expect(followups.text, s).toContain(s);
    expectRealChinese(followups);
    await openPrint(`/print/dispute-register?from=${yesterday}&to=${today}`);
    const disputes = await printToPdf(page, 'dispute-register');
    for (const s of ['纠纷登记簿', disputeNumber, '两户因空调外机噪音发生纠纷', '当事人']) expect(disputes.text, s).toContain(s);
    expect(disputes.text).not.toContain(complaintNumber);
  });

  it('prints all of today’s new requests in one go, each from a new page', async () => {
    await openPrint('/print/request?today=1');
    expect(await page.locator('[data-record]').count()).toBe(2);
    const pdf = await printToPdf(page, 'today-batch');
    const first = pdf.pages.findIndex((p) => p.includes('客户投诉登记表'));
    const second = pdf.pages.findIndex((p) => p.includes(disputeNumber));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(pdf.pages[second]).toContain('纠纷登记表');
  });
});
