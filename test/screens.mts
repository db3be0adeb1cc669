/**
 * `npm run screens`: walks the main screens of a fresh office in headless Chromium and saves
 * screenshots to test/.artifacts/ (units, new customer, 360° page, request, complaint, queue; 今日,
 * templates, plans, standard answers, a letter, a 咨询 answered, at 1280×800 and 800×1280),
 * so that a developer looks at what a receptionist will see. Needs `npx vite build` first.
 */
import { launchChromium } from './helpers/browser';
import { relayIn, tempDir } from './helpers/relay';
import { TEST_PIN } from './helpers/pin';
import { resolve } from 'node:path';
import { lunarOf } from '../src/domain/dates';
import { zhCN as zh } from '../src/i18n/zh-CN';
const dir = await tempDir();
const relay = await relayIn(dir, { staticDir: resolve('dist') });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
const base = relay.url.replace('127.0.0.1', 'localhost');
await page.goto(base + '/');
await page.getByLabel('管理处名称').fill('翠湖花园管理处');
await page.getByLabel('您的姓名').fill('王丽');
await page.getByLabel('PIN（4–6 位数字）').fill(TEST_PIN);
await page.getByLabel('再次输入 PIN').fill(TEST_PIN);
await page.getByRole('button', { name: '创建并开始使用' }).click();
await page.getByRole('heading', { name: '今日', exact: true }).waitFor();
for (const code of ['3栋2单元1101', '3-2-1102', '3-1-501', '5-1-302']) {
  await page.goto(base + '/units/new');
  await page.getByLabel('房号').fill(code);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByTestId('unit-code').waitFor();
}
await page.goto(base + '/units');
await page.locator('details.building').first().locator('summary').click();
await page.screenshot({ path: 'test/.artifacts/units.png' });
await page.goto(base + '/customers/new');
await page.getByLabel('姓名').fill('张伟');
await page.getByLabel('电话').fill('13812345678');
await page.getByLabel('房号').fill('3-2-1101');
await page.getByText('更多信息').click();
await page.getByLabel('身份证号').fill('11010519491231002X');
await page.getByLabel('标签').fill('老人、独居');
await page.getByLabel('标签').blur();
await page.getByRole('button', { name: '添加日期' }).click();
await page.getByLabel('历法').selectOption('lunar');
await page.getByLabel('月', { exact: true }).fill('8');
await page.getByLabel('日', { exact: true }).fill('15');
await page.screenshot({ path: 'test/.artifacts/customer-new.png', fullPage: true });
await page.getByRole('button', { name: '保存' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: 'test/.artifacts/customer-new-after.png', fullPage: true });
await page.getByTestId('customer-name').waitFor({ timeout: 3000 }).catch(() => console.log('no customer page'));
await page.getByLabel('内容').fill('来电询问物业费缴纳方式');
await page.getByRole('button', { name: '记录接触' }).click();
await page.waitForTimeout(400);
await page.screenshot({ path: 'test/.artifacts/customer360.png', fullPage: true });
const t0 = Date.now();
await page.goto(base + '/requests/new');
await page.getByLabel('报告人').fill('5678');
await page.getByLabel('报告人').press('Enter');
await page.getByLabel('内容描述').fill('厨房水龙头漏水');
await page.getByRole('button', { name: '保存' }).click();
await page.getByTestId('request-number').waitFor();
console.log('intake ms', Date.now() - t0);
await page.screenshot({ path: 'test/.artifacts/request.png', fullPage: true });
const repairUrl = page.url();
await page.goto(base + '/requests/new?kind=complaint');
await page.getByLabel('报告人').fill('zw');
await page.getByLabel('报告人').press('Enter');
await page.getByLabel('内容描述').fill('楼上装修噪音，晚上十点后仍施工');
await page.getByRole('button', { name: '保存' }).click();
await page.getByTestId('request-number').waitFor();
await page.getByLabel('事实经过').fill('1102 室夜间施工');
await page.getByRole('button', { name: '保存调查' }).click();
await page.getByLabel('方案内容').first().fill('上门致歉，限定施工时间');
await page.getByRole('button', { name: '提交方案审批' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: 'test/.artifacts/complaint.png', fullPage: true });
const complaintUrl = page.url();
await page.goto(base + '/requests?q=open');
await page.getByTestId('request-queue').waitFor();
await page.screenshot({ path: 'test/.artifacts/queue.png' });

// The front desk's day: templates, a plan, a standard answer, 今日 with a lunar birthday in 3 days, a letter.
const shot = async (name: string) => {
  for (const [w, h] of [[1280, 800], [800, 1280]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `test/.artifacts/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
};
// A day at the counter: the complaint waiting on the manager (驳回 legible, no 完工 offered), the
// repair through 派工 (the empty team says so) → 完工 → 回访 (the form at 800 px) → 关闭.
await page.goto(complaintUrl);
await page.getByTestId('complaint-stage').waitFor();
await shot('complaint-awaiting');
await page.goto(repairUrl);
await page.getByTestId('team-empty').waitFor();
await shot('repair-dispatch');
const stepForm = (name: string) => page.getByRole('form', { name, exact: true });
await stepForm(zh['action.dispatch']).getByRole('button', { name: zh['action.dispatch'], exact: true }).click();
await stepForm(zh['action.complete']).getByLabel(zh['requests.report']).fill('更换阀芯，已试水');
await stepForm(zh['action.complete']).getByRole('button', { name: zh['action.complete'], exact: true }).click();
await stepForm(zh['action.followUp']).waitFor();
await shot('followup-form');
await stepForm(zh['action.followUp']).getByLabel(zh['sat.5']).check();
await stepForm(zh['action.followUp']).getByRole('button', { name: zh['action.followUp'], exact: true }).click();
await stepForm(zh['action.close']).waitFor();
await shot('close-step');
await page.goto(`${base}/print/request?id=${new URL(complaintUrl).pathname.split('/').pop()}`);
await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
await page.pdf({ path: 'test/.artifacts/complaint-form.pdf', format: 'A4', preferCSSPageSize: true, printBackground: true });
await page.goto(base + '/settings/service');
await page.locator('main h1').first().waitFor();
await shot('service-settings');
await page.goto(base + '/settings/templates');
await page.getByLabel('名称').fill('生日贺信');
await page.getByLabel('正文').fill('尊敬的{{称呼}}：\n值此{{农历生日}}生日之际，{{管理处}}全体员工祝您生日快乐，身体健康！');
await page.getByRole('button', { name: '保存', exact: true }).click();
await page.getByRole('status').filter({ hasText: '已保存' }).first().waitFor();
await page.getByLabel('生日：使用模板').selectOption({ label: '生日贺信' });
await page.getByRole('button', { name: '保存关怀设置' }).click();
await page.getByLabel('用客户预览（输入姓名、房号或拼音）').fill('zw');
await page.getByTestId('template-preview').waitFor();
await shot('templates');
const soon = lunarOf(new Date(Date.now() + (8 * 3600_000) + 3 * 86_400_000));
await page.goto(base + '/customers/new');
await page.getByLabel('姓名').fill('欧阳娜娜');
await page.getByLabel('房号').fill('3-1-501');
await page.getByText('更多信息').click();
await page.getByLabel('性别').selectOption('female');
await page.getByLabel('标签').fill('独居老人');
await page.getByRole('button', { name: '添加日期' }).click();
await page.getByLabel('历法').selectOption('lunar');
await page.getByLabel('月', { exact: true }).fill(String(soon.month));
await page.getByLabel('日', { exact: true }).fill(String(soon.day));
await page.getByRole('button', { name: '保存' }).click();
await page.getByTestId('customer-name').waitFor();
await page.goto(base + '/settings/plans');
await page.getByLabel('名称').fill('独居老人每月电话');
await page.getByLabel('标签（任一）').fill('独居老人');
await page.getByLabel('频率').selectOption('afterContact');
await page.getByLabel('上次接触后天数').fill('30');
await page.getByRole('button', { name: '保存', exact: true }).click();
await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
await shot('plans');
await page.goto(base + '/answers');
await page.getByLabel('类别').fill('收费');
await page.getByLabel('问题').fill('物业费缴纳方式');
await page.getByLabel('答复口径').fill('物业费可在管理处前台刷卡或现金缴纳，也可通过微信公众号“翠湖物业”在线缴纳；每季度首月15日前缴清。');
await page.getByLabel('同义词').fill('交物业费，管理费');
await page.getByLabel('生效日期').fill('2025-06-01');
await page.getByLabel('复核日期').fill('2026-11-30');
await page.getByLabel('维护人').selectOption({ label: '王丽' });
await page.getByRole('button', { name: '保存', exact: true }).click();
await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
await page.getByLabel('查找标准答复').fill('wyf');
await shot('answers');
await page.goto(base + '/today');
await page.getByTestId('today-care').locator('li.task').first().waitFor();
await page.getByTestId('today-plans').locator('li.task').first().waitFor();
await shot('today');
await page.getByTestId('today-care').getByRole('link', { name: /打印贺信/ }).first().click();
await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
await shot('letter-preview');
await page.goto(base + '/requests/new?kind=inquiry');
await page.getByLabel('报告人').fill('zw');
await page.getByLabel('报告人').press('Enter');
await page.getByLabel('内容描述').fill('物业费怎么交？');
await page.getByRole('button', { name: '保存' }).click();
await page.getByTestId('request-number').waitFor();
await page.getByLabel('查找标准答复').fill('管理费');
await page.getByRole('button', { name: /使用：物业费缴纳方式/ }).click();
await shot('inquiry-answer');
await page.goto(base + '/customers?q=1101');
await page.getByTestId('customer-list').waitFor();
await shot('customers-room-search');
await page.goto(base + '/customers?q=' + encodeURIComponent('2单元1101'));
await page.getByTestId('customer-list').waitFor();
await shot('customers-entrance-search');
await page.goto(base + '/requests?q=all');
await page.getByTestId('request-queue').waitFor();
await shot('queue-calm');
// 活动: a seminar with its agenda, the list, 纸质件 and 扫码, at 1280×800 and 800×1280.
await page.goto(base + '/events/new?kind=seminar');
await page.getByLabel('名称', { exact: true }).fill('2026 年第四季度客户座谈会');
await page.getByLabel('目的').fill('听取业主对物业服务的意见');
await page.getByLabel('时间').fill('2026-12-12T09:30');
await page.getByLabel('地点').fill('会所二楼会议室');
await page.getByLabel('楼栋').fill('3');
await page.screenshot({ path: 'test/.artifacts/event-new.png', fullPage: true });
await page.getByRole('button', { name: '保存' }).click();
await page.getByTestId('event-title').waitFor();
const eventUrl = page.url();
for (const item of ['物业费使用情况通报', '停车管理']) {
  await page.getByLabel('议程项').fill(item);
  await page.getByRole('button', { name: '添加议程' }).click();
  await page.getByTestId('agenda').getByText(item).waitFor();
}
await page.getByRole('button', { name: '按邀请对象邀请' }).click();
await page.waitForTimeout(400);
await page.goto(`${base}/print/seminar-minutes?id=${new URL(eventUrl).pathname.split('/').pop()}`);
await page.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
await page.pdf({ path: 'test/.artifacts/seminar-minutes-screens.pdf', format: 'A4', preferCSSPageSize: true, printBackground: true });
await page.goto(eventUrl);
await page.getByRole('button', { name: zh['approval.submit'] }).click();
await page.getByRole('button', { name: zh['approval.approve'] }).waitFor();
await page.goto(base + '/today');
await page.getByTestId('today-approvals').waitFor();
await shot('today-approvals');
for (const [w, h] of [[1280, 800], [800, 1280]]) {
  await page.setViewportSize({ width: w, height: h });
  for (const [name, url] of [['events', base + '/events'], ['event', eventUrl], ['papers', base + '/papers'], ['scan', base + '/scan']]) {
    await page.goto(url);
    await page.locator('main h1').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `test/.artifacts/${name}-${w}x${h}.png`, fullPage: true });
  }
}
// Surveys and the indicator dashboard: an office with a year of requests, a survey and this month's figures.
{
  const { officeDoc, ledgerDoc, benchActor } = await import('./bench/seed');
  const { enrichLedger } = await import('./bench/dashboard-bench');
  const { addSurvey, seedDirectory, seedLedger } = await import('./helpers/dashboard-seed');
  const { pushDoc, joinOffice } = await import('./helpers/office');
  const { wsUrl } = await import('./helpers/relay');
  const name = '翠湖花园三期管理处';
  const office = await relay.offices.add(name);
  const ws = wsUrl(relay);
  const officeShard = officeDoc(name);
  addSurvey(officeShard);
  const month = seedLedger();
  const year = ledgerDoc(600, month.year, 'C');
  enrichLedger(year, 1);
  await pushDoc(ws, `${office.id}/office`, office.token, officeShard, (d) => d.getMap('surveys').size === 1);
  await pushDoc(ws, `${office.id}/directory`, office.token, seedDirectory(), (d) => d.getMap('units').size === 30);
  await pushDoc(ws, `${office.id}/ledger-${month.year}`, office.token, month.ledger, (d) => d.getMap('requests').size >= 12);
  await pushDoc(ws, `${office.id}/ledger-${month.year}`, office.token, year, (d) => d.getMap('requests').size >= 612);
  for (const [w, h, suffix] of [[1280, 800, ''], [800, 1280, '-portrait']] as const) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const p = await ctx.newPage();
    p.on('pageerror', (e) => console.log('pageerror:', e.message));
    await joinOffice(p, base, ws, office, name, benchActor.name);
    await p.goto(`${base}/requests?q=all`);
    await p.getByText(/共 61[23] 件/).waitFor({ timeout: 120_000 });
    await p.goto(`${base}/dashboard`);
    await p.locator('[data-testid=chart-groups][data-drawn=true]').waitFor({ timeout: 30_000 });
    await p.waitForTimeout(800);
    await p.screenshot({ path: `test/.artifacts/dashboard${suffix}.png` });
    await p.screenshot({ path: `test/.artifacts/dashboard-full${suffix}.png`, fullPage: true });
    await p.getByTestId('worst').getByRole('button').first().click();
    await p.getByTestId('drill').waitFor();
    await p.getByTestId('drill').scrollIntoViewIfNeeded();
    await p.screenshot({ path: `test/.artifacts/dashboard-drill${suffix}.png` });
    await p.goto(`${base}/surveys`);
    await p.getByRole('link', { name: '录入答卷' }).click();
    await p.getByTestId('entry-grid').waitFor();
    for (const k of ['4', '5', 'Enter', '3', '2']) await p.keyboard.press(k);
    await p.keyboard.type('楼道灯常坏');
    await p.keyboard.press('Enter');
    await p.waitForTimeout(500);
    await p.screenshot({ path: `test/.artifacts/survey-entry${suffix}.png` });
    // The unhappy answer became a complaint as it was saved: open it.
    const made = p.getByRole('link', { name: '查看工单' }).first();
    await made.waitFor({ timeout: 15_000 }).catch(() => console.log('no request from the survey answer'));
    if (await made.count()) {
      await made.click();
      await p.getByTestId('request-number').waitFor();
      await p.screenshot({ path: `test/.artifacts/request-from-survey${suffix}.png`, fullPage: true });
    }
    await p.goto(`${base}/surveys`);
    await p.screenshot({ path: `test/.artifacts/surveys${suffix}.png` });
    await p.goto(`${base}/surveys/new`);
    await p.screenshot({ path: `test/.artifacts/survey-new${suffix}.png`, fullPage: true });
    await p.goto(`${base}/print/monthly-report?month=${month.month}`);
    await p.locator('.monthly-report [data-drawn=true]').nth(1).waitFor({ timeout: 30_000 });
    await p.screenshot({ path: `test/.artifacts/monthly-report-preview${suffix}.png` });
    if (!suffix) {
      await p.pdf({ path: 'test/.artifacts/monthly-report-screens.pdf', format: 'A4', preferCSSPageSize: true, printBackground: true });
      await p.goto(`${base}/print/survey?id=survey1&wave=1`);
      await p.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
      await p.pdf({ path: 'test/.artifacts/questionnaires.pdf', format: 'A4', preferCSSPageSize: true, printBackground: true });
      await p.goto(`${base}/print/survey-nonrespondents?id=survey1&wave=1`);
      await p.locator('[data-testid=print-sheet][data-print-ready=true]').waitFor();
      await p.pdf({ path: 'test/.artifacts/survey-nonrespondents.pdf', format: 'A4', preferCSSPageSize: true, printBackground: true });
    }
    await ctx.close();
  }
}
await browser.close();
await relay.close();
// Done: leave even if a library left a timer or socket behind (the script used to hang here after
// its last screen). What is still open is named, so it can be fixed where it was opened.
const left = (process as unknown as { _getActiveHandles(): { constructor: { name: string } }[] })._getActiveHandles().map((h) => h.constructor.name);
if (left.length) console.log('screens: closing with handles still open:', left.join(', '));
console.log('screens: done');
process.exit(0);
