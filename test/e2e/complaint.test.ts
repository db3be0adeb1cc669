/**
 * Acceptance: service requests worked by two staff on two tablets, in real Chromium against
 * the real relay. Tablet A is the manager (王丽, who created the office); tablet B is a
 * receptionist (李娜, joined by link as 客服接待).
 *
 * 1. One complaint through every step: intake, dispatch, investigation, a settlement rejected
 *    and a second one approved (only the manager can), negotiation, signed agreement, a task
 *    done, a corrective action, completion, report back, a satisfied follow-up, close.
 *    Twice the tablets work on it at the same moment with one of them offline: B investigates
 *    offline while A reassigns; B edits the description offline while A approves. Both steps
 *    stand, on both tablets, and the timeline names every step and its author. And while B
 *    types a corrective action, A's edit of the description arrives without wiping B's fields.
 * 2. A repair: the receptionist is not offered 关闭 without a satisfied follow-up; reworked twice
 *    it shows in the manager's 经理关注 queue, where the manager closes it with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import {
  Cleanup,
  createCustomer,
  createOffice,
  joinOffice,
  newRequest,
  newTablet,
  pendingCount,
  readJoinLink,
  readTimeline,
  runRequestStep,
  screenshot,
  startAppRelay,
  openStep,
  stepForm,
  waitSyncState,
  waitTimelineLength,
  watchErrors,
  zh,
  type AppRelay,
  type TimelineStep,
} from '../helpers/app';

const MANAGER = '王丽';
const RECEPTION = '李娜';

let app: AppRelay;
let browser: Browser;
let ctxA: BrowserContext;
let ctxB: BrowserContext;
/** Tablet A: the manager. */
let a: Page;
/** Tablet B: the receptionist. */
let b: Page;
let errorsA: string[];
let errorsB: string[];
const cleanup = new Cleanup();

beforeAll(async () => {
  app = await startAppRelay();
  cleanup.add(() => app.close());
  browser = await launchChromium();
  cleanup.add(() => browser.close());
  ctxA = await newTablet(browser);
  cleanup.add(() => ctxA.close());
  ctxB = await newTablet(browser);
  cleanup.add(() => ctxB.close());

  // A creates the office (新建管理处): its first staff member is the manager.
  a = await createOffice(ctxA, app, '翠湖花园管理处', MANAGER);
  errorsA = watchErrors(a);
  const link = await readJoinLink(a);
  // B joins with the link as a new colleague at reception.
  b = await joinOffice(ctxB, link, RECEPTION, undefined, 'reception');
  errorsB = watchErrors(b);
  await createCustomer(b, { name: '张伟', phone: '13812345678', unit: '3-2-1101' });
  await waitSyncState(a, 'synced');
  await waitSyncState(b, 'synced');
});

afterAll(() => cleanup.run());

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';
/** Waits until the element with this test id shows exactly / contains `want`. */
const waitText = (page: Page, testId: string, want: string, contains = false) =>
  page.waitForFunction(
    ({ testId, want, contains }) => {
      const got = document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
      return contains ? got.includes(want) : got === want;
    },
    { testId, want, contains },
    { timeout: 30_000, polling: 100 },
  );

async function openRequest(page: Page, id: string): Promise<void> {
  await page.goto(`${app.base}/requests/${id}`);
  await page.getByTestId('timeline').waitFor();
}

const description = (page: Page) => page.getByLabel(zh['requests.description']);

/** A full-page screenshot from the top (the app bar is sticky). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/**
 * Compares a timeline with the expected steps; a group (array) is steps made at the same time
 * on two tablets, whose order is whatever the merge gives.
 */
function expectSteps(seen: TimelineStep[], expected: ([string, string] | [string, string][])[]): void {
  const got = seen.map((s) => `${s.what} · ${s.who}`);
  const want: string[] = [];
  let at = 0;
  for (const item of expected) {
    if (typeof item[0] === 'string') {
      want.push(`${item[0]} · ${item[1]}`);
      at += 1;
    } else {
      const group = (item as [string, string][]).map(([what, who]) => `${what} · ${who}`);
      const slice = got.slice(at, at + group.length);
      // Take the group in the order it appears, if it is all there.
      want.push(...(slice.slice().sort().join('|') === group.slice().sort().join('|') ? slice : group));
      at += group.length;
    }
  }
  expect(got).toEqual(want);
}

describe('a complaint worked by the manager and a receptionist on two tablets', () => {
  it('goes through every step, partly offline, and both tablets show every step with its author', async () => {
    const t0 = Date.now();
    const lap = (label: string) => console.log(`[complaint] ${label}: ${Date.now() - t0} ms`);

    // ── 受理登记 (B) ──
    const complaint = await newRequest(b, app.base, {
      kind: 'complaint',
      customer: '5678',
      category: '噪音扰民',
      description: '楼上1102装修噪音，晚上十点后仍在施工',
    });
    expect(complaint.number).toMatch(/^TS-\d{4}-[A-Z0-9]+-\d{3}$/);
    expect(await text(b, 'request-status')).toBe(zh['reqstatus.accepted']);
    expect(await text(b, 'complaint-stage')).toBe(zh['stage.registered']);

    // ── 派工 (B): the category's team, 护卫组 ──
    await runRequestStep(b, { form: zh['action.dispatch'], action: 'request.dispatched' });
    expect(await text(b, 'request-team')).toContain('护卫组');
    expect(await text(b, 'request-status')).toBe(zh['reqstatus.dispatched']);
    await shot(b, 'complaint-dispatched-reception.png');

    // The manager opens the same complaint.
    await openRequest(a, complaint.id);
    await waitTimelineLength(a, 2);
    lap('registered and dispatched');

    // ── Two staff at once: B (offline) investigates while A (online) reassigns ──
    await ctxB.setOffline(true);
    await waitSyncState(b, 'offline');
    await runRequestStep(b, {
      form: zh['requests.investigation'],
      submit: zh['action.investigate'],
      action: 'request.investigated',
      fill: async (f) => {
        await f.getByLabel(zh['requests.facts']).fill('1102室业主装修，22:00后仍使用电钻，已现场核实');
        await f.getByLabel(zh['requests.cause']).fill('夜间巡查未覆盖装修单元');
        await f.getByLabel(zh['requests.responsibility']).selectOption({ label: zh['resp.company'] });
        await f.getByLabel(zh['requests.severity']).selectOption({ label: zh['sev.general'] });
      },
    });
    await runRequestStep(a, {
      form: zh['action.reassign'],
      action: 'request.reassigned',
      fill: (f) => f.getByLabel(zh['requests.team']).selectOption({ label: '行政组' }).then(() => undefined),
    });
    // Apart, each tablet has only its own step; B's waits to be sent.
    expect(await pendingCount(b)).toBeGreaterThan(0);
    expect(await text(b, 'complaint-stage')).toBe(zh['stage.investigated']);
    expect(await text(b, 'request-team')).toContain('护卫组');
    expect(await text(a, 'complaint-stage')).toBe(zh['stage.registered']);
    expect(await text(a, 'request-team')).toContain('行政组');

    await ctxB.setOffline(false);
    for (const page of [a, b]) {
      await waitTimelineLength(page, 4);
      await waitText(page, 'request-team', '行政组', true);
      await waitText(page, 'complaint-stage', zh['stage.investigated']);
      await waitText(page, 'request-status', zh['reqstatus.inProgress']);
      await expect.poll(() => page.getByLabel(zh['requests.facts']).inputValue()).toContain('22:00后仍使用电钻');
    }
    await waitSyncState(b, 'synced');
    await expect.poll(() => pendingCount(b)).toBe(0);
    lap('investigation offline + reassignment merged');

    // ── 提出处置方案 (B); B cannot approve ──
    await runRequestStep(b, {
      form: zh['requests.proposals'],
      submit: zh['action.propose'],
      action: 'request.proposed',
      fill: async (f) => {
        await f.getByLabel(zh['requests.proposal']).fill('上门致歉');
        await f.getByLabel(zh['remedy.apology']).check();
      },
    });
    expect(await text(b, 'complaint-stage')).toBe(zh['stage.awaitingApproval']);
    await b.getByText(zh['requests.managerNote'], { exact: true }).waitFor();
    expect(await b.getByRole('button', { name: zh['action.approve'], exact: true }).count()).toBe(0);
    expect(await b.getByRole('button', { name: zh['action.reject'], exact: true }).count()).toBe(0);

    // ── 经理驳回 (A), with a comment ──
    await waitText(a, 'complaint-stage', zh['stage.awaitingApproval']);
    await expect(a.getByText(zh['requests.managerNote'], { exact: true }).count()).resolves.toBe(0);
    // Refusing without a comment is not allowed.
    await stepForm(a, zh['action.reject']).getByRole('button', { name: zh['action.reject'], exact: true }).click();
    await stepForm(a, zh['action.reject']).getByRole('alert').filter({ hasText: zh['request.error.rejectReasonRequired'] }).waitFor();
    await runRequestStep(a, {
      form: zh['action.reject'],
      action: 'request.rejected',
      fill: (f) => f.page().getByLabel(zh['requests.decisionComment']).fill('方案不够具体：请写明何时由谁上门'),
    });
    await waitText(b, 'complaint-stage', zh['stage.rejected']);
    await waitText(b, 'proposals', `${MANAGER}：方案不够具体`, true);

    // ── 提出处置方案 again (B); A sees it waiting ──
    await runRequestStep(b, {
      form: zh['requests.proposals'],
      submit: zh['action.propose'],
      action: 'request.proposed',
      fill: async (f) => {
        await f.getByLabel(zh['requests.proposal']).fill('周一上午由秩序部主管上门致歉，装修限定8:00-18:00');
        await f.getByLabel(zh['remedy.apology']).check();
      },
    });
    await waitText(a, 'complaint-stage', zh['stage.awaitingApproval']);
    await stepForm(a, zh['action.approve']).waitFor();
    await shot(a, 'complaint-awaiting-approval-manager.png');
    await waitSyncState(b, 'synced');
    lap('proposed, rejected, proposed again');

    // ── Offline: B edits the description while A approves ──
    await ctxB.setOffline(true);
    await waitSyncState(b, 'offline');
    const original = await description(b).inputValue();
    const addition = '（客户补充：希望物业书面致歉）';
    let steps = (await readTimeline(b)).length;
    await description(b).fill(original + addition);
    await waitTimelineLength(b, steps + 1);
    expect((await readTimeline(b)).at(-1)).toMatchObject({ what: zh['request.descriptionEdited'], who: RECEPTION });

    await runRequestStep(a, {
      form: zh['action.approve'],
      action: 'request.approved',
      fill: (f) => f.page().getByLabel(zh['requests.decisionComment']).fill('同意'),
    });
    expect(await text(a, 'complaint-stage')).toBe(zh['stage.approved']);
    expect(await description(a).inputValue()).toBe(original);
    expect(await text(b, 'complaint-stage')).toBe(zh['stage.awaitingApproval']);

    await ctxB.setOffline(false);
    for (const page of [a, b]) {
      await waitTimelineLength(page, 9);
      await waitText(page, 'complaint-stage', zh['stage.approved']);
      await expect.poll(() => description(page).inputValue()).toBe(original + addition);
    }
    await waitSyncState(b, 'synced');
    lap('description offline + approval merged');

    // ── 协商: 客户同意 (B) ──
    await runRequestStep(b, {
      form: zh['action.agreed'],
      action: 'request.negotiated',
      fill: (f) => f.page().getByLabel(zh['requests.negotiation']).fill('客户接受，要求周一上午上门'),
    });
    expect(await text(b, 'complaint-stage')).toBe(zh['stage.agreed']);

    // ── 协议签字 (B) ──
    const signedOn = today();
    await runRequestStep(b, {
      form: zh['requests.agreement'],
      submit: zh['action.signAgreement'],
      action: 'request.agreementSigned',
      fill: (f) => f.getByLabel(zh['requests.signedDate']).fill(signedOn),
    });
    expect(await text(b, 'complaint-stage')).toBe(zh['stage.signed']);

    // ── 下达落实任务 for a department, then 已完成 (B) ──
    await runRequestStep(b, {
      form: zh['action.addTask'],
      action: 'request.taskAdded',
      fill: async (f) => {
        await f.getByLabel(zh['requests.department']).fill('工程部');
        await f.getByLabel(zh['requests.task']).fill('在1102门口张贴施工时间告示');
      },
    });
    expect(await text(b, 'tasks')).toContain('○ 工程部 在1102门口张贴施工时间告示');
    steps = (await readTimeline(b)).length;
    await b.getByTestId('tasks').getByRole('button', { name: zh['action.taskDone'], exact: true }).click();
    await waitTimelineLength(b, steps + 1);
    expect((await readTimeline(b)).at(-1)).toMatchObject({ what: zh['request.taskDone'], who: RECEPTION });
    await waitText(b, 'tasks', '✓ 工程部', true);

    // ── 纠正预防措施 (B). While B types it, the manager adds a line to the description: it
    // shows on B's page at once, and what B has typed but not sent yet stays in the form. ──
    const capa = stepForm(b, zh['requests.corrective']);
    await openStep(b, capa);
    await capa.getByLabel(zh['requests.department']).fill('秩序部');
    await capa.getByLabel(zh['requests.correctiveAction']).fill('夜间巡查路线加入装修单元');
    const managerNote = '（经理：已约谈1102业主）';
    await waitTimelineLength(a, 13);
    await description(a).fill((await description(a).inputValue()) + managerNote);
    await waitTimelineLength(a, 14);
    await expect.poll(() => description(b).inputValue()).toContain(managerNote);
    await waitTimelineLength(b, 14);
    expect(await capa.getByLabel(zh['requests.department']).inputValue()).toBe('秩序部');
    expect(await capa.getByLabel(zh['requests.correctiveAction']).inputValue()).toBe('夜间巡查路线加入装修单元');
    await runRequestStep(b, { form: zh['requests.corrective'], submit: zh['action.sendCorrective'], action: 'request.corrective' });
    // Sent: the form is empty for the next one.
    expect(await capa.getByLabel(zh['requests.correctiveAction']).inputValue()).toBe('');

    // ── 完工登记: the resident signed the register (B) ──
    await runRequestStep(b, {
      form: zh['action.complete'],
      action: 'request.completed',
      fill: async (f) => {
        await f.getByLabel(zh['requests.report']).fill('已上门致歉，1102承诺18:00后停工');
        expect(await f.getByLabel(zh['requests.signed']).isChecked()).toBe(false);
        await f.getByLabel(zh['requests.signed']).check();
        await f.getByLabel(zh['requests.signedDate']).fill(signedOn);
      },
    });
    expect(await text(b, 'request-status')).toBe(zh['reqstatus.done']);

    // ── 结果反馈 (B) ──
    await runRequestStep(b, {
      form: zh['action.reportBack'],
      action: 'request.reportedBack',
      fill: (f) => f.getByLabel(zh['requests.note']).fill('已电话告知客户处理结果'),
    });

    // ── 回访: 满意 (B) ──
    await runRequestStep(b, {
      form: zh['action.followUp'],
      action: 'request.followedUp',
      fill: async (f) => {
        await f.getByLabel(zh['requests.method']).selectOption({ label: zh['method.phone'] });
        await f.getByLabel(zh['sat.4'], { exact: true }).check();
        await f.getByLabel(zh['requests.comment']).fill('晚上已安静');
      },
    });
    expect(await text(b, 'request-status')).toBe(zh['reqstatus.followUp']);

    // ── 关闭 (B, a receptionist: allowed after a satisfied follow-up) ──
    await runRequestStep(b, { form: zh['action.close'], action: 'request.closed' });
    lap('negotiated … closed');

    // ── Both tablets: the same, complete record ──
    const expected: ([string, string] | [string, string][])[] = [
      [zh['request.accepted'], RECEPTION],
      [zh['request.dispatched'], RECEPTION],
      [
        [zh['request.investigated'], RECEPTION],
        [zh['request.reassigned'], MANAGER],
      ],
      [zh['request.proposed'], RECEPTION],
      [zh['request.rejected'], MANAGER],
      [zh['request.proposed'], RECEPTION],
      [
        [zh['request.descriptionEdited'], RECEPTION],
        [zh['request.approved'], MANAGER],
      ],
      [zh['request.negotiated'], RECEPTION],
      [zh['request.agreementSigned'], RECEPTION],
      [zh['request.taskAdded'], RECEPTION],
      [zh['request.taskDone'], RECEPTION],
      [zh['request.descriptionEdited'], MANAGER],
      [zh['request.corrective'], RECEPTION],
      [zh['request.completed'], RECEPTION],
      [zh['request.reportedBack'], RECEPTION],
      [zh['request.followedUp'], RECEPTION],
      [zh['request.closed'], RECEPTION],
    ];
    await waitTimelineLength(a, 19);
    await waitText(a, 'request-status', zh['reqstatus.closed']);
    const onA = await readTimeline(a);
    const onB = await readTimeline(b);
    expectSteps(onA, expected);
    expect(onB).toEqual(onA);
    console.log('[complaint] timeline:\n' + onA.map((s) => `  ${s.what} · ${s.who}${s.details ? ` — ${s.details}` : ''}`).join('\n'));

    // The details a receptionist reads back later.
    const details = (what: string) => onA.filter((s) => s.what === zh[what as keyof typeof zh]).map((s) => s.details);
    expect(details('request.reassigned')[0]).toContain('行政组');
    expect(details('request.rejected')[0]).toContain('方案不够具体');
    expect(details('request.agreementSigned')[0]).toContain(signedOn);
    expect(details('request.taskAdded')[0]).toContain('工程部');
    expect(details('request.corrective')[0]).toContain('秩序部');
    expect(details('request.completed')[0]).toContain(`${zh['requests.signed']} ${signedOn}`);
    expect(details('request.followedUp')[0]).toContain(zh['sat.4']);

    for (const page of [a, b]) {
      expect(await text(page, 'request-status')).toBe(zh['reqstatus.closed']);
      expect(await text(page, 'complaint-stage')).toBe(zh['stage.signed']);
      expect(await text(page, 'request-team')).toContain('行政组');
      expect(await description(page).inputValue()).toBe(original + addition + managerNote);
      const proposals = await page.getByTestId('proposals').locator('li').allTextContents();
      expect(proposals).toHaveLength(2);
      expect(proposals[0]).toContain(zh['proposal.rejected']);
      expect(proposals[0]).toContain(`${MANAGER}：方案不够具体`);
      expect(proposals[1]).toContain(zh['proposal.approved']);
      expect(proposals[1]).toContain(`${MANAGER}：同意`);
      expect(await text(page, 'tasks')).toContain('✓ 工程部 在1102门口张贴施工时间告示');
      // On a closed complaint only reopening and a (late) corrective action remain — and, for the
      // manager (tablet A), the finding 有效性认定.
      const forms = await page.getByRole('form').evaluateAll((fs) => fs.map((f) => f.getAttribute('aria-label')));
      expect(forms.sort()).toEqual([zh['action.reopen'], zh['requests.corrective'], ...(page === a ? [zh['finding.title']] : [])].sort());
    }
    await shot(a, 'complaint-final-manager.png');
    await shot(b, 'complaint-final-reception.png');
    lap('both tablets agree');

    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  });
});

describe('a repair', () => {
  it('cannot be closed by reception without a satisfied follow-up, and reworked twice goes to the manager', async () => {
    // A link to a request this tablet does not hold says so (instead of loading forever).
    await b.goto(`${app.base}/requests/no-such-request`);
    await b.getByText(zh['requests.notFound']).waitFor();

    // Found by pinyin initials this time.
    const repair = await newRequest(b, app.base, { customer: 'zw', description: '厨房水龙头漏水，关不紧' });
    expect(await text(b, 'request-number')).toBe(repair.number);
    await runRequestStep(b, { form: zh['action.dispatch'], action: 'request.dispatched' });
    const complete = (report: string) =>
      runRequestStep(b, { form: zh['action.complete'], action: 'request.completed', fill: (f) => f.getByLabel(zh['requests.report']).fill(report) });
    // 下一步 offers only the steps the domain accepts: reception is not offered 关闭工单 at all
    // (anywhere, 更多操作 included) while the domain would refuse it.
    const closeNotOffered = async () => {
      // The steps panel is drawn for this state: its 回访 form (open or behind 更多操作) is there.
      await stepForm(b, zh['action.followUp']).waitFor({ state: 'attached' });
      expect(await stepForm(b, zh['action.close']).count()).toBe(0);
      expect(await b.getByRole('button', { name: zh['action.close'], exact: true, includeHidden: true }).count()).toBe(0);
    };
    await complete('更换水龙头阀芯');
    expect(await text(b, 'request-status')).toBe(zh['reqstatus.done']);

    // Reception is not offered 关闭 before a follow-up…
    await closeNotOffered();
    expect(await text(b, 'request-status')).toBe(zh['reqstatus.done']);
    // …nor after an unsatisfied one.
    await runRequestStep(b, {
      form: zh['action.followUp'],
      action: 'request.followedUp',
      fill: async (f) => {
        await f.getByLabel(zh['sat.2'], { exact: true }).check();
        await f.getByLabel(zh['requests.comment']).fill('仍有滴水');
      },
    });
    await closeNotOffered();
    expect(await text(b, 'request-status')).toBe(zh['reqstatus.followUp']);

    const reopen = (reason: string) =>
      runRequestStep(b, { form: zh['action.reopen'], action: 'request.reopened', fill: (f) => f.getByLabel(zh['requests.reason']).fill(reason) });
    const attentionQueue = async (page: Page) => {
      await page.goto(`${app.base}/requests?q=attention`);
      await page.getByRole('tab', { name: zh['queue.attention'], selected: true }).waitFor();
      await page.getByText(/^共 \d+ 件$/).waitFor();
    };

    // First rework: back to the team, not yet the manager's concern.
    await reopen('仍有滴水，返工');
    expect(await text(b, 'request-status')).toBe(zh['reqstatus.dispatched']);
    await b.getByText(zh['requests.reopened'].replace('{{ n }}', '1'), { exact: true }).waitFor();
    await attentionQueue(b);
    expect(await b.getByText(repair.number).count()).toBe(0);

    // Second rework: it goes to 经理关注.
    await b.goto(`${app.base}/requests/${repair.id}`);
    await b.getByTestId('timeline').waitFor();
    await complete('再次更换阀芯并加装止水垫');
    await reopen('第二天又漏水');
    await b.getByText(zh['requests.reopened'].replace('{{ n }}', '2'), { exact: true }).waitFor();
    await attentionQueue(b);
    await b.getByTestId('request-queue').getByText(repair.number).waitFor();

    // The manager sees it there too, opens it and closes it with a written reason.
    await attentionQueue(a);
    await a.getByTestId('request-queue').getByText(repair.number).waitFor({ timeout: 30_000 });
    await shot(a, 'repair-attention-queue-manager.png');
    await a.getByTestId('request-queue').getByRole('link', { name: new RegExp(repair.number) }).click();
    await a.getByTestId('timeline').waitFor();
    await waitTimelineLength(a, 7);
    await runRequestStep(a, {
      form: zh['action.close'],
      submit: zh['action.closeManager'],
      action: 'request.closedByManager',
      fill: (f) => f.getByLabel(zh['requests.reason']).fill('业主同意更换整套龙头，另开工单'),
    });
    const steps = await readTimeline(a);
    expect(steps.map((s) => s.what)).toEqual([
      zh['request.accepted'],
      zh['request.dispatched'],
      zh['request.completed'],
      zh['request.followedUp'],
      zh['request.reopened'],
      zh['request.completed'],
      zh['request.reopened'],
      zh['request.closedByManager'],
    ]);
    expect(steps.at(-1)).toMatchObject({ who: MANAGER });
    await shot(a, 'repair-closed-by-manager.png');
    await attentionQueue(a);
    expect(await a.getByText(repair.number).count()).toBe(0);

    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  });
});
