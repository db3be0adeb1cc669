/**
 * Acceptance for seminars (客户座谈会) and the paper that comes back: a seminar planned, sent
 * back and approved; 40 households invited; two tablets tick attendance and type the minutes of
 * one agenda item at the same time, one of them offline; a remark becomes a complaint in the
 * security team's queue and links back; the minutes and sign-in sheet read back from PDF; a
 * photo of the printed sign-in sheet's QR code opens the seminar, where it is marked 已签回 and
 * the "printed, not back yet" list shrinks by one. Then the pages in English and 繁體中文, the
 * accessible names, and screenshots at 1280×800 and 800×1280.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addOffice, ARTIFACTS, joinAsManager, joinLinkFor, joinOffice, newTablet, waitSyncState, watchErrors, withAppAndBrowser, zh, type AppRelay, type OfficeKeys } from '../helpers/app';
import { expectRealChinese, openPrintPreview, pdfPageToPng, printToPdf } from '../helpers/pdf';
import { tempDir } from '../helpers/relay';

const run = promisify(execFile);
let app: AppRelay;
let browser: Browser;
const cleanup = withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏'];
/** 40 households in building 3 (entrances 1–4, rooms 101–110), one each, and two in building 5 not invited. */
const HOUSEHOLDS = Array.from({ length: 40 }, (_, i) => ({
  name: `${SURNAMES[i % 10]}${GIVEN[Math.floor(i / 10)]}${'一二三四'[Math.floor(i / 10)]}`,
  phone: `1380013${String(1000 + i)}`,
  unit: `3-${Math.floor(i / 10) + 1}-${101 + (i % 10)}`,
}));
const OTHERS = [
  { name: '欧阳娜娜', phone: '13900005001', unit: '5-1-302' },
  { name: '司马光', phone: '13900005002', unit: '5-1-303' },
];
const AGENDA = ['物业费使用情况通报', '停车管理与消防通道', '绿化改造方案征询'];
const SEED = '议题：公示上半年收支。';
const TYPED_A = '甲：同意按季度公示。';
const TYPED_B = '乙：住户希望按月公示。';
const MERGED = `${TYPED_B}${SEED}${TYPED_A}`;

let office: OfficeKeys;
/** A fresh one-time invitation for each tablet that joins. */
let link: () => Promise<string>;
let ctxA: BrowserContext;
let ctxB: BrowserContext;
let a: Page;
let b: Page;
let eventId = '';
let requestNumber = '';
const errors: string[][] = [];

const minutesBox = (page: Page, n: number) => page.getByRole('textbox', { name: `议程 ${n}：${AGENDA[n - 1]}` });
const status = (page: Page) => page.getByTestId('event-status');
const totals = (page: Page) => page.getByTestId('attendance-totals');
const minutesOf = (page: Page, n: number) => minutesBox(page, n).inputValue();

async function typeInto(page: Page, n: number, text: string, at: 'start' | 'end') {
  const box = minutesBox(page, n);
  await box.click();
  await page.keyboard.press(at === 'start' ? 'Control+Home' : 'Control+End');
  await box.pressSequentially(text, { delay: 20 });
}

async function importHouseholds(page: Page) {
  const dir = await tempDir('linli-seminar-');
  const csv = join(dir, '三栋住户.csv');
  await writeFile(csv, ['姓名,电话,房号', ...[...HOUSEHOLDS, ...OTHERS].map((h) => `${h.name},${h.phone},${h.unit}`)].join('\n'));
  await page.getByRole('link', { name: '导入/导出' }).click();
  await page.getByLabel('选择文件（Excel .xlsx 或 CSV）').setInputFiles(csv);
  await page.getByRole('button', { name: `导入 ${HOUSEHOLDS.length + OTHERS.length} 位客户` }).click();
  await page.getByTestId('import-done').waitFor();
}

/** Each rendered control (and role=group) of the page with the role and name from Chromium's accessibility tree. */
async function namedControls(page: Page): Promise<{ html: string; role: string; name: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'main button, main a, main input, main select, main textarea, main [role=group]' });
    const found: { html: string; role: string; name: string }[] = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes[0];
      if (!node || node.ignored) continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      found.push({ html: outerHTML.slice(0, 160), role: String(node.role?.value ?? ''), name: String(node.name?.value ?? '').trim() });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

describe('a customer seminar', () => {
  it('is planned, sent back, revised and approved by the manager only, and invites 40 households', async () => {
    office = await addOffice(app, '翠湖花园管理处');
    link = () => joinLinkFor(app, office);
    ctxA = await newTablet(browser);
    ctxB = await newTablet(browser);
    cleanup.add(() => ctxA.close());
    cleanup.add(() => ctxB.close());
    a = await joinAsManager(ctxA, app, office, '王丽');
    errors.push(watchErrors(a));
    await importHouseholds(a);

    await a.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.events'] }).click();
    await a.getByRole('link', { name: zh['events.newSeminar'] }).click();
    await a.getByRole('heading', { name: zh['events.new.seminar'] }).waitFor();
    await a.getByLabel(zh['events.titleField'], { exact: true }).fill('2026 年第四季度客户座谈会');
    await a.getByLabel(zh['events.purpose']).fill('听取三栋业主对物业服务的意见');
    await a.getByLabel(zh['events.startsAt']).fill('2026-12-12T09:30');
    await a.getByLabel(zh['events.place']).fill('会所二楼会议室');
    await a.getByLabel(zh['events.budget']).fill('800 元');
    await a.getByLabel(zh['events.buildings']).fill('3');
    await a.getByLabel(zh['events.recorder']).selectOption({ label: '王丽' });
    await a.getByRole('button', { name: zh['common.save'] }).click();
    await a.waitForURL(/\/events\/(?!new(?:$|[/?]))[^/?]+$/);
    eventId = new URL(a.url()).pathname.split('/').pop()!;
    await expect.poll(() => status(a).textContent()).toBe(zh['evstatus.plan']);

    // A seminar is not submitted without an agenda: the refusal is in the user's words.
    await a.getByRole('button', { name: zh['approval.submit'] }).click();
    await a.getByText(zh['event.error.agendaRequired']).waitFor();
    const addAgenda = a.getByRole('form', { name: zh['events.addAgenda'] });
    for (const [i, item] of AGENDA.entries()) {
      await addAgenda.getByLabel(zh['events.agendaItem']).fill(item);
      await addAgenda.getByRole('button', { name: zh['events.addAgenda'] }).click();
      await expect.poll(() => a.getByTestId('agenda').locator('li').count()).toBe(i + 1);
    }
    await a.getByRole('button', { name: zh['approval.submit'] }).click();
    await expect.poll(() => status(a).textContent()).toBe(zh['evstatus.submitted']);
    // Sent back without a comment is refused; with one, the plan is revised and submitted again.
    await a.getByRole('button', { name: zh['approval.reject'] }).click();
    await a.getByText(zh['approval.error.commentRequired']).waitFor();
    await a.getByLabel(zh['approval.comment']).fill('预算偏高，请压缩到 500 元以内');
    await a.getByRole('button', { name: zh['approval.reject'] }).click();
    await expect.poll(() => status(a).textContent()).toBe(zh['evstatus.rejected']);
    await expect.poll(() => a.getByTestId('approval-note').textContent()).toContain('预算偏高');
    await a.getByRole('button', { name: zh['events.editPlan'] }).click();
    await a.getByLabel(zh['events.budget']).fill('450 元');
    await a.getByRole('button', { name: zh['common.save'] }).click();
    await expect.poll(() => a.getByTestId('plan-facts').textContent()).toContain('450 元');
    await a.getByRole('button', { name: zh['approval.submit'] }).click();
    await a.getByRole('button', { name: zh['approval.approve'] }).click();
    await expect.poll(() => status(a).textContent()).toBe(zh['evstatus.approved']);

    await a.getByRole('button', { name: zh['events.inviteGroups'] }).click();
    await expect.poll(() => totals(a).textContent()).toContain('邀请 40 户');
    await expect.poll(() => a.getByTestId('attendance').locator('tbody tr').count()).toBe(40);

    // A receptionist cannot approve: she sees the plan waiting, with no approve button.
    b = await joinOffice(ctxB, await link(), '李娜');
    errors.push(watchErrors(b));
    await b.goto(`${app.base}/events/${eventId}`);
    await expect.poll(() => totals(b).textContent(), { timeout: 30_000 }).toContain('邀请 40 户');
    await a.getByRole('button', { name: zh['evstep.held'] }).click();
    await expect.poll(() => status(b).textContent(), { timeout: 30_000 }).toBe(zh['evstatus.held']);
  });

  it('keeps the ticks and the minutes two tablets type into one agenda item at once, one of them offline', async () => {
    await minutesBox(a, 1).waitFor();
    await typeInto(a, 1, SEED, 'end');
    await expect.poll(() => minutesOf(b, 1), { timeout: 30_000 }).toBe(SEED);
    await waitSyncState(b, 'synced');

    await ctxB.setOffline(true);
    await waitSyncState(b, 'offline');
    const rows = (page: Page) => page.getByTestId('attendance').locator('tbody tr');
    const tick = async (page: Page, i: number, what: string) => {
      const row = rows(page).nth(i);
      await row.getByRole('button', { name: what, exact: true }).click();
      await expect.poll(() => row.getByRole('button', { name: what, exact: true }).getAttribute('aria-pressed')).toBe('true');
    };
    // Both type at once: A online at the end, B offline at the start; and each ticks other rows.
    await Promise.all([typeInto(a, 1, TYPED_A, 'end'), typeInto(b, 1, TYPED_B, 'start')]);
    for (const i of [0, 1, 2]) await tick(a, i, zh['attend.present']);
    for (const i of [3, 4]) await tick(b, i, zh['attend.proxy']);
    expect(await minutesOf(b, 1)).toBe(`${TYPED_B}${SEED}`);
    expect(await minutesOf(a, 1)).toBe(`${SEED}${TYPED_A}`);

    await ctxB.setOffline(false);
    for (const page of [a, b]) {
      await expect.poll(() => minutesOf(page, 1), { timeout: 30_000 }).toBe(MERGED);
      await expect.poll(() => totals(page).textContent(), { timeout: 30_000 }).toContain('出席 3，代签 2');
    }
    await a.screenshot({ path: resolve(ARTIFACTS, 'seminar-minutes-merged.png'), fullPage: true });

    // A third tablet joining later has it all from the relay.
    const ctxC = await newTablet(browser);
    cleanup.add(() => ctxC.close());
    const c = await joinOffice(ctxC, await link(), '赵敏');
    await c.goto(`${app.base}/events/${eventId}`);
    await expect.poll(() => minutesOf(c, 1), { timeout: 30_000 }).toBe(MERGED);
    await expect.poll(() => totals(c).textContent()).toContain('出席 3，代签 2');
  });

  it('turns a remark into a complaint that shows in the security team’s queue and links back', async () => {
    const form = b.getByRole('form', { name: zh['events.addRemark'] });
    await form.getByLabel(zh['requests.customer']).fill(HOUSEHOLDS[0].unit);
    await b.getByTestId('customer-matches').waitFor();
    await form.getByLabel(zh['requests.customer']).press('Enter');
    await form.getByTestId('picked-customer').waitFor();
    await form.getByLabel(zh['events.remarkTopic']).fill('停车');
    await form.getByLabel(zh['events.remarkKind']).selectOption({ label: zh['reqkind.complaint'] });
    await form.getByLabel(zh['events.remarkText']).fill('外来车辆长期占用消防通道');
    await form.getByRole('button', { name: zh['events.addRemark'] }).click();
    await expect.poll(() => b.getByTestId('remark').count()).toBe(1);
    // A second remark, from the floor, kept as a suggestion.
    await form.getByLabel(zh['events.remarkKind']).selectOption({ label: zh['reqkind.suggestion'] });
    await form.getByLabel(zh['events.remarkText']).fill('会所增设休息座椅');
    await form.getByRole('button', { name: zh['events.addRemark'] }).click();
    await expect.poll(() => b.getByTestId('remark').count()).toBe(2);

    await b.getByTestId('remark').first().getByRole('button', { name: '转为投诉工单' }).click();
    const linkToRequest = b.getByTestId('remark').first().getByTestId('remark-request');
    await linkToRequest.waitFor();
    requestNumber = (await linkToRequest.textContent()) ?? '';
    expect(requestNumber).toMatch(/^TS-\d{4}-[A-Z]+-001$/);
    await expect.poll(() => b.getByTestId('remark').first().textContent()).toContain(zh['reqstatus.accepted']);

    // On the manager's tablet: in the security team's queue (投诉 → 安全与停车 → 护卫组).
    await a.goto(`${app.base}/requests?q=team&team=security`);
    await a.getByRole('link', { name: new RegExp(requestNumber) }).click({ timeout: 30_000 });
    await a.getByTestId('request-number').filter({ hasText: requestNumber }).waitFor();
    await a.getByTestId('request-source-event').click();
    await a.waitForURL(new RegExp(`/events/${eventId}$`));
    await expect.poll(() => a.getByTestId('remarks').textContent()).toContain(requestNumber);

    // Attendance closed, minutes done; the analysis is refused until the decisions are written.
    await a.getByRole('button', { name: zh['events.closeAttendance'] }).click();
    await a.getByRole('button', { name: zh['evstep.minutes'] }).click();
    await expect.poll(() => status(a).textContent()).toBe(zh['evstatus.minutes']);
    await a.getByRole('button', { name: zh['evstep.analysis'] }).click();
    await a.getByText(zh['event.error.analysisMissing']).waitFor();
    await a.getByRole('textbox', { name: zh['events.decisions'] }).pressSequentially('整治消防通道停车，每月公示收支', { delay: 5 });
    await a.getByRole('textbox', { name: zh['events.evaluation'] }).pressSequentially('会议有效，意见具体', { delay: 5 });
    await a.getByRole('button', { name: zh['evstep.analysis'] }).click();
    await expect.poll(() => status(a).textContent()).toBe(zh['evstatus.analysed']);
    // Not closed while the complaint is open and the suggestion not handled.
    await a.getByRole('button', { name: zh['evstep.close'] }).click();
    await a.getByText('还有 2 条意见未落实', { exact: false }).waitFor();
  });

  it('prints the minutes and a sign-in sheet with one row per invited household across pages', async () => {
    await openPrintPreview(a, `${app.base}/print/seminar-minutes?id=${eventId}`);
    const minutes = await printToPdf(a, 'seminar-minutes');
    await pdfPageToPng(minutes.path, 'seminar-minutes-p1', 1, 60);
    const flat = minutes.text.replace(/\s+/g, '');
    expectRealChinese(minutes, ['客户座谈会记录']);
    for (const [i, item] of AGENDA.entries()) expect(flat).toContain(`议程${i + 1}：${item}`);
    expect(flat).toContain(MERGED);
    expect(flat).toContain('意见1');
    expect(flat).toContain('意见2');
    expect(flat).toContain(requestNumber);
    // Typed fast into the analysis: every keystroke is there (none dropped by the echo of an earlier one).
    expect(flat).toContain('整治消防通道停车，每月公示收支');
    expect(flat).toContain('会议有效，意见具体');
    expect(flat).toContain('到会5户（其中代签2户、临时参加0户），共邀请40户');
    for (const label of ['记录人：', '管理处经理：', '主持人', '目的', '时间', '地点']) expect(flat).toContain(label);

    await openPrintPreview(a, `${app.base}/print/sign-in?id=${eventId}`);
    const sheet = await printToPdf(a, 'sign-in');
    await pdfPageToPng(sheet.path, 'sign-in-p1', 1, 60);
    await pdfPageToPng(sheet.path, 'sign-in-p2', 2, 60);
    expectRealChinese(sheet, ['签到表']);
    expect(sheet.pageCount).toBeGreaterThanOrEqual(2);
    for (const page of sheet.pages) expect(page.replace(/\s+/g, '')).toMatch(/签名代签/);
    for (const h of HOUSEHOLDS) expect(sheet.text.split(h.unit).length - 1, h.unit).toBe(1);
    for (const o of OTHERS) expect(sheet.text).not.toContain(o.unit);
    expect(sheet.text.replace(/\s+/g, '')).toContain('到会户数：');
  });

  it('reads the printed sign-in sheet’s QR code from a photo, opens the seminar, and marks it back and filed', async () => {
    // The print button records both forms as printed (the browser's dialog itself is not under test).
    for (const form of ['sign-in', 'seminar-minutes']) {
      await openPrintPreview(a, `${app.base}/print/${form}?id=${eventId}`);
      // This very sheet, as paper, for the photo below.
      if (form === 'sign-in') await printToPdf(a, 'sign-in-for-scan');
      await a.evaluate(() => (window.print = () => undefined));
      await a.getByRole('toolbar').getByRole('button', { name: zh['print.print'] }).click();
      await a.getByRole('link', { name: new RegExp(zh['common.back']) }).click();
      await a.waitForURL(new RegExp(`/events/${eventId}$`));
      await a.locator(`[data-testid=paper-line][data-form=${form}][data-state=printed]`).waitFor();
    }
    await a.goto(`${app.base}/papers`);
    await expect.poll(() => a.getByTestId('notback-list').locator('li').count()).toBe(2);
    expect(await a.getByTestId('notback-sign-in').getAttribute('data-count')).toBe('1');

    // A photo of the paper: the sign-in sheet's first page as an image.
    const prefix = resolve(ARTIFACTS, 'sign-in-photo');
    await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', resolve(ARTIFACTS, 'sign-in-for-scan.pdf'), prefix]);
    await a.getByRole('link', { name: zh['scan.title'] }).click();
    await a.getByLabel(zh['scan.photo']).setInputFiles(`${prefix}.png`);
    await a.waitForURL(new RegExp(`/events/${eventId}\\?paper=sign-in$`), { timeout: 30_000 });
    const line = a.locator('[data-testid=paper-line][data-form=sign-in]');
    await line.getByLabel('签到表的档案盒/册').fill('2026-座谈-01');
    await line.getByRole('button', { name: '签到表已签回' }).click();
    await a.locator('[data-testid=paper-line][data-form=sign-in][data-state=archived]').waitFor();
    await expect.poll(() => line.textContent()).toContain('档案盒 2026-座谈-01');

    await a.goto(`${app.base}/papers`);
    await expect.poll(() => a.getByTestId('notback-list').locator('li').count()).toBe(1);
    expect(await a.getByTestId('notback-sign-in').count()).toBe(0);
    expect(await a.getByTestId('notback-seminar-minutes').getAttribute('data-count')).toBe('1');
    // The box's archive index lists the sheet.
    await a.getByRole('link', { name: '打印 2026-座谈-01 的归档目录' }).click();
    await a.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
    const index = await printToPdf(a, 'archive-index');
    expect(index.text.replace(/\s+/g, '')).toContain('签到表·2026年第四季度客户座谈会');
  });

  it('runs a community activity through the same approval and attendance to its record, and closes it', async () => {
    await a.goto(`${app.base}/events`);
    await a.getByRole('link', { name: zh['events.newActivity'] }).click();
    await a.getByLabel(zh['events.titleField'], { exact: true }).fill('重阳节敬老茶话会');
    await a.getByLabel(zh['events.startsAt']).fill('2026-10-29T15:00');
    await a.getByLabel(zh['events.place']).fill('会所一楼');
    await a.getByLabel(zh['events.buildings']).fill('5');
    await a.getByRole('button', { name: zh['common.save'] }).click();
    await a.waitForURL(/\/events\/(?!new(?:$|[/?]))[^/?]+$/);
    const activityId = new URL(a.url()).pathname.split('/').pop()!;
    const addTask = a.getByRole('form', { name: zh['events.addTask'] });
    await addTask.getByLabel(zh['events.task']).fill('采购茶点');
    await addTask.getByLabel(zh['events.owner']).selectOption({ label: '王丽' });
    await addTask.getByRole('button', { name: zh['events.addTask'] }).click();
    await a.getByText('采购茶点').waitFor();
    await a.getByRole('button', { name: zh['approval.submit'] }).click();
    await a.getByRole('button', { name: zh['approval.approve'] }).click();
    await a.getByRole('button', { name: zh['events.inviteGroups'] }).click();
    await expect.poll(() => totals(a).textContent()).toContain('邀请 2 户');
    await a.getByRole('button', { name: zh['evstep.held'] }).click();
    await a.getByTestId('attendance').locator('tbody tr').first().getByRole('button', { name: zh['attend.present'], exact: true }).click();
    await a.getByRole('button', { name: zh['events.closeAttendance'] }).click();
    await a.getByRole('button', { name: zh['evstep.minutes'] }).click();
    await a.getByRole('textbox', { name: zh['events.happened'] }).pressSequentially('二十位老人参加，表演京剧选段', { delay: 10 });
    // Real photos replace the file names typed before (issue 19): one from the gallery.
    await a.getByLabel(`从相册选照片到“${zh['events.pictures']}”`).setInputFiles(resolve('public/icon-512.png'));
    await a.locator('[data-testid=picture-thumb] img').waitFor({ timeout: 30_000 });
    await a.getByRole('textbox', { name: zh['events.decisions'] }).pressSequentially('每年重阳举办', { delay: 10 });
    await a.getByRole('textbox', { name: zh['events.improvement'] }).pressSequentially('提前一周电话通知', { delay: 10 });
    await a.getByRole('button', { name: zh['evstep.analysis'] }).click();
    await a.getByRole('button', { name: zh['evstep.close'] }).click();
    await expect.poll(() => status(a).textContent()).toBe(zh['evstatus.closed']);

    await openPrintPreview(a, `${app.base}/print/activity-plan?id=${activityId}`);
    const plan = await printToPdf(a, 'activity-plan');
    await pdfPageToPng(plan.path, 'activity-plan-p1', 1, 60);
    const planText = plan.text.replace(/\s+/g, '');
    expectRealChinese(plan, ['社区文化活动计划']);
    for (const s of ['重阳节敬老茶话会', '5栋', '采购茶点（王丽）', '拟定人：', '审批经理：', '审批意见']) expect(planText).toContain(s);
    await openPrintPreview(a, `${app.base}/print/activity-record?id=${activityId}`);
    await a.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid=printed-pictures] img')].some((i) => i.complete && i.naturalWidth > 0), undefined, { timeout: 30_000 });
    const record = await printToPdf(a, 'activity-record');
    await pdfPageToPng(record.path, 'activity-record-p1', 1, 60);
    const recordText = record.text.replace(/\s+/g, '');
    for (const s of ['活动记录', '二十位老人参加，表演京剧选段', zh['print.photos'], '每年重阳举办', '提前一周电话通知', '到会1户', '记录人：', '管理处经理：']) expect(recordText).toContain(s);
    expect(recordText).toMatch(/参加人员(欧阳娜娜|司马光)/);
  });

  it('speaks English and 繁體中文, names every control, and fits a tablet both ways', async () => {
    await a.goto(`${app.base}/events/${eventId}`);
    await minutesBox(a, 1).waitFor();
    // As Chromium computes names for screen readers (the accessibility tree), every control of the page.
    await a.getByText('名单（40 户）').click();
    await a.getByTestId('attendance').waitFor();
    const controls = await namedControls(a);
    expect(controls.length).toBeGreaterThan(150);
    expect(controls.filter((c) => !c.name), 'controls without an accessible name').toEqual([]);
    expect(controls).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: 'combobox', name: `张伟一 的邀请` }),
      expect.objectContaining({ role: 'group', name: `张伟一 的出席` }),
      expect.objectContaining({ role: 'textbox', name: expect.stringContaining(`议程 1：${AGENDA[0]}`) }),
    ]));
    for (const [w, h] of [[1280, 800], [800, 1280]]) {
      await a.setViewportSize({ width: w, height: h });
      for (const [name, path] of [['events-list', '/events'], ['event-page', `/events/${eventId}`], ['papers', '/papers'], ['scan', '/scan']] as const) {
        await a.goto(`${app.base}${path}`);
        await a.locator('main h1').first().waitFor();
        await a.waitForTimeout(300);
        const overflow = await a.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${w}×${h} scrolls sideways`).toBeLessThanOrEqual(0);
        await a.screenshot({ path: resolve(ARTIFACTS, `${name}-${w}x${h}.png`), fullPage: true });
      }
    }
    // The parts a portrait tablet works in, as it sees them (viewport, not the whole page).
    for (const anchor of ['minutes-title', 'remarks-title', 'papers-title']) {
      await a.goto(`${app.base}/events/${eventId}`);
      await a.locator(`#${anchor}`).scrollIntoViewIfNeeded();
      await a.screenshot({ path: resolve(ARTIFACTS, `event-${anchor}-800x1280.png`) });
    }
    await a.goto(`${app.base}/events/new?kind=activity`);
    await a.getByLabel(zh['events.titleField'], { exact: true }).waitFor();
    await a.screenshot({ path: resolve(ARTIFACTS, 'event-new-800x1280.png'), fullPage: true });
    await a.setViewportSize({ width: 1280, height: 900 });
    for (const [locale, words] of [['en', ['Invitations and attendance', 'Minutes', 'Remarks', 'Customer seminar']], ['zh-TW', ['邀請與簽到', '會議記錄', '客戶意見', '紙本文件']]] as const) {
      await a.evaluate((l) => localStorage.setItem('linli.locale', l), locale);
      await a.goto(`${app.base}/events/${eventId}`);
      await a.locator('textarea[name^=minutes-]').first().waitFor();
      const text = await a.locator('main').innerText();
      for (const w of words) expect(text).toContain(w);
      await a.screenshot({ path: resolve(ARTIFACTS, `event-page-${locale}.png`), fullPage: true });
    }
    await a.evaluate(() => localStorage.setItem('linli.locale', 'zh-CN'));
    for (const e of errors) expect(e).toEqual([]);
  });
});
