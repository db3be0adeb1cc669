/**
 * Staff PINs and roles in Chromium, two tablets against the real relay. Tablet A: the office's
 * creator (陈经理, its first manager). Tablet B: a shared front-desk tablet.
 * - A newcomer on B is not offered 管理处经理, and a forged choice of it is refused.
 * - Taking a profile asks its PIN; five wrong PINs lock that profile on B, with a message
 *   saying until when (and a reload does not lift it).
 * - The idle lock engages after the office's idle time (set to 1 minute by the manager; the
 *   test moves B's clock on), nothing can be done behind it, and quick switch hands the tablet
 *   to a colleague who used it recently, with their PIN.
 * - The manager resets a colleague's PIN to a temporary one; the colleague's old PIN no longer
 *   works, the temporary one must be replaced; the staff history shows both, without any PIN.
 * - The last manager cannot be demoted.
 * Screenshots of the PIN form and the lock screen (1280×800 and 800×1280) go to test/.artifacts/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { answerPin, ARTIFACTS, createOffice, joinOffice, newStaffForm, readJoinLink, screenshot, takeProfile, TEST_PIN, waitSyncState, watchErrors, withAppAndBrowser, zh, type AppRelay } from '../helpers/app';

let app: AppRelay;
const cleanup = withAppAndBrowser((a) => {
  app = a;
});

const WANG_PIN = '1111';
const LI_PIN = '246810';

const { tablet } = cleanup;

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh[name as keyof typeof zh] });

/** 设置 → 切换身份: back to the choose-your-profile screen. */
async function switchUser(page: Page): Promise<void> {
  await nav(page, 'nav.settings').click();
  await page.getByRole('button', { name: zh['settings.switchUser'] }).click();
  await page.getByRole('heading', { name: zh['setup.whoAreYou'] }).waitFor();
}

async function openStaffPage(page: Page): Promise<void> {
  await nav(page, 'nav.settings').click();
  await page.getByRole('link', { name: new RegExp(`^${zh['settings.staff']}`) }).click();
  await page.getByRole('heading', { level: 1, name: zh['staff.title'] }).waitFor();
}

const pinAlert = (page: Page) => page.getByTestId('pin-form').getByRole('alert');
const fmt = (key: keyof typeof zh, params: Record<string, string | number>) => zh[key].replace(/\{\{ (\w+) \}\}/g, (_, k) => String(params[k]));

describe('staff PINs and roles', () => {
  it('newcomer roles, PIN on taking a profile, lockout, idle lock with quick switch, PIN reset', async () => {
    const a = await createOffice(await tablet(), app, '翠湖花园管理处', '陈经理');
    const errorsA = watchErrors(a);
    const link = await readJoinLink(a);

    // --- A newcomer on tablet B: 客服接待 or 班组人员 only; a forged 管理处经理 is refused.
    const b = await (await tablet()).newPage();
    const errorsB = watchErrors(b);
    await b.goto(link);
    await b.getByRole('heading', { name: zh['setup.whoAreYou'] }).waitFor();
    await b.locator('.staff-pick').getByRole('button', { name: /陈经理/ }).waitFor();
    const form = newStaffForm(b);
    const roles = await form.getByLabel(zh['setup.role']).evaluate((s: HTMLSelectElement) => Array.from(s.options).map((o) => o.textContent));
    expect(roles).toEqual([zh['role.reception'], zh['role.team']]);
    // Forged: the option put back into the page by hand.
    await form.getByLabel(zh['setup.role']).evaluate((s: HTMLSelectElement) => s.add(new Option('管理处经理', 'manager')));
    await form.getByLabel(zh['setup.role']).selectOption('manager');
    await form.getByLabel(zh['setup.staffName']).fill('假经理');
    await form.getByLabel(zh['pin.label']).fill('9999');
    await form.getByLabel(zh['pin.again']).fill('9999');
    await form.getByRole('button', { name: zh['setup.addStaff'] }).click();
    await form.getByRole('alert').filter({ hasText: zh['staff.error.managerGrant'] }).waitFor();
    await expect(b.locator('.staff-pick li').count()).resolves.toBe(1);
    // A PIN typed differently twice is named, nothing created.
    await form.getByLabel(zh['setup.role']).selectOption('reception');
    await form.getByLabel(zh['setup.staffName']).fill('王丽');
    await form.getByLabel(zh['pin.label']).fill(WANG_PIN);
    await form.getByLabel(zh['pin.again']).fill('1112');
    await form.getByRole('button', { name: zh['setup.addStaff'] }).click();
    await form.getByRole('alert').filter({ hasText: zh['pin.error.mismatch'] }).waitFor();
    await form.getByLabel(zh['pin.again']).fill(WANG_PIN);
    await form.getByRole('button', { name: zh['setup.addStaff'] }).click();
    await b.getByRole('heading', { name: zh['today.title'], exact: true }).waitFor();

    // A second colleague uses B: 李师傅, 班组人员.
    await switchUser(b);
    await joinOffice(b.context(), link, '李师傅', b, 'team', LI_PIN);

    // --- Taking a profile asks its PIN; five wrong ones lock it on this tablet.
    await switchUser(b);
    await b.locator('.staff-pick').getByRole('button', { name: /陈经理/ }).click();
    const pinForm = b.getByTestId('pin-form');
    await pinForm.getByRole('heading', { name: fmt('pin.enterFor', { name: '陈经理' }) }).waitFor();
    await screenshot(b, 'pins-choose.png');
    for (let i = 1; i <= 4; i++) {
      await pinForm.locator('input[name=pin]').fill(`000${i}`);
      await pinForm.getByRole('button', { name: zh['pin.submit'] }).click();
      await pinAlert(b).filter({ hasText: fmt('pin.error.wrong', { left: 5 - i }) }).waitFor();
    }
    await pinForm.locator('input[name=pin]').fill('0005');
    await pinForm.getByRole('button', { name: zh['pin.submit'] }).click();
    const lockedText = zh['pin.error.locked'].split('{{')[0];
    await pinAlert(b).filter({ hasText: lockedText }).waitFor();
    const said = (await pinAlert(b).textContent()) ?? '';
    expect(said).toMatch(/请在 \d\d:\d\d 后再试（约 5 分钟）/);
    // Locked means locked: the right PIN is refused too, also after a reload.
    await pinForm.locator('input[name=pin]').fill(TEST_PIN);
    await pinForm.getByRole('button', { name: zh['pin.submit'] }).click();
    await pinAlert(b).filter({ hasText: lockedText }).waitFor();
    await screenshot(b, 'pins-locked-out.png');
    await b.reload();
    await b.locator('.staff-pick').getByRole('button', { name: /陈经理/ }).click();
    await pinAlert(b).filter({ hasText: lockedText }).waitFor();
    // The lock is this profile's on this tablet: 王丽 takes hers.
    await b.getByTestId('pin-form').getByRole('button', { name: zh['common.back'] }).click();
    await takeProfile(b, /王丽/, WANG_PIN);
    // Back where she was (设置), as 王丽.
    await b.getByRole('heading', { level: 1, name: zh['settings.title'] }).waitFor();

    // --- The manager sets the idle time to 1 minute; B learns it.
    await openStaffPage(a);
    await a.getByLabel(zh['lock.idleLabel']).fill('0');
    await a.getByRole('button', { name: zh['common.save'], exact: true }).click();
    await a.getByRole('alert').filter({ hasText: fmt('lock.error.minutes', { min: 1, max: 240 }) }).waitFor();
    await a.getByLabel(zh['lock.idleLabel']).fill('1');
    await a.getByRole('button', { name: zh['common.save'], exact: true }).click();
    await a.getByRole('status').filter({ hasText: fmt('lock.idleSaved', { minutes: 1 }) }).waitFor();
    await openStaffPage(b);
    await b.waitForFunction(() => (document.querySelector('input[name=idleLock]') as HTMLInputElement | null)?.value === '1');
    await expect(b.getByLabel(zh['lock.idleLabel']).isDisabled()).resolves.toBe(true);

    // --- Idle: B's clock moves on a minute without a touch; the lock screen covers the app.
    await b.clock.install();
    await b.clock.fastForward('01:05');
    const lock = b.getByTestId('lock-screen');
    await lock.waitFor();
    await lock.getByText(fmt('lock.idleIntro', { minutes: 1 })).waitFor();
    await expect(lock.getByTestId('lock-current').textContent()).resolves.toContain('王丽');
    // Behind it the app is inert: no link or button can be reached.
    await expect(b.evaluate(() => (document.querySelector('.lockable') as HTMLElement).inert)).resolves.toBe(true);
    await expect(nav(b, 'nav.customers').click({ timeout: 1_000 })).rejects.toThrow();
    // Quick switch: the colleagues who used this tablet (not the manager, who never got in here).
    const switches = await lock.locator('.lock-switch button').allTextContents();
    expect(switches.map((s) => s.replace(/\s+/g, ''))).toEqual([`李师傅${zh['role.team']}`, zh['lock.others']]);
    await b.screenshot({ path: resolve(ARTIFACTS, 'pins-lock-screen.png') });
    await b.setViewportSize({ width: 800, height: 1280 });
    await b.screenshot({ path: resolve(ARTIFACTS, 'pins-lock-screen-portrait.png') });
    expect(await b.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await b.setViewportSize({ width: 1280, height: 800 });
    await lock.getByRole('button', { name: fmt('lock.switchTo', { name: '李师傅' }) }).click();
    await lock.getByRole('heading', { name: fmt('pin.enterFor', { name: '李师傅' }) }).waitFor();
    await answerPin(b, LI_PIN);
    await lock.waitFor({ state: 'detached' });
    await b.getByRole('heading', { level: 1, name: zh['staff.title'] }).waitFor();
    await b.getByTestId('staff-row').filter({ hasText: '李师傅' }).getByText(zh['staff.me'], { exact: true }).waitFor();

    // --- The manager resets 王丽's PIN to a temporary one.
    await a.getByRole('button', { name: fmt('staff.resetPinFor', { name: '王丽' }) }).click();
    const reset = a.getByTestId('reset-pin');
    await reset.getByLabel(zh['staff.tempPin']).fill('4321');
    await reset.getByLabel(zh['staff.tempPinAgain']).fill('4321');
    await reset.getByRole('button', { name: zh['staff.resetPin'] }).click();
    await a.getByTestId('reset-status').filter({ hasText: fmt('staff.resetDone', { name: '王丽' }) }).waitFor();
    await a.getByTestId('staff-row').filter({ hasText: '王丽' }).getByText(zh['staff.pinTemporary']).waitFor();
    // B hears of it, then 王丽 comes back to the desk: 锁屏, switch to her.
    await b.getByTestId('staff-row').filter({ hasText: '王丽' }).getByText(zh['staff.pinTemporary']).waitFor();
    await b.getByRole('button', { name: zh['lock.now'] }).click();
    await lock.getByText(zh['lock.manualIntro']).waitFor();
    await lock.getByRole('button', { name: fmt('lock.switchTo', { name: '王丽' }) }).click();
    const wangForm = lock.getByTestId('pin-form');
    await wangForm.locator('input[name=pin]').fill(WANG_PIN);
    await wangForm.getByRole('button', { name: zh['pin.submit'] }).click();
    await pinAlert(b).filter({ hasText: fmt('pin.error.wrong', { left: 4 }) }).waitFor();
    await wangForm.locator('input[name=pin]').fill('4321');
    await wangForm.getByRole('button', { name: zh['pin.submit'] }).click();
    await wangForm.getByRole('heading', { name: fmt('pin.changeFor', { name: '王丽' }) }).waitFor();
    await wangForm.locator('input[name=pin]').fill('9753');
    await wangForm.locator('input[name=pinAgain]').fill('9753');
    await wangForm.getByRole('button', { name: zh['pin.setSubmit'] }).click();
    await lock.waitFor({ state: 'detached' });
    await b.getByTestId('staff-row').filter({ hasText: '王丽' }).getByText(zh['staff.me'], { exact: true }).waitFor();
    await b.getByTestId('staff-row').filter({ hasText: '王丽' }).getByText(zh['staff.pinSet']).waitFor();

    // 王丽 changes her PIN herself (the current one is asked), locks and unlocks with the new one.
    await b.getByTestId('staff-row').filter({ hasText: '王丽' }).getByRole('button', { name: zh['staff.changeMyPin'] }).click();
    const change = b.getByTestId('change-pin');
    await change.getByLabel(zh['pin.current']).fill('1234');
    await change.getByLabel(zh['pin.new']).fill('8642');
    await change.getByLabel(zh['pin.again']).fill('8642');
    await change.getByRole('button', { name: zh['common.save'] }).click();
    await change.getByRole('alert').filter({ hasText: fmt('pin.error.wrong', { left: 4 }) }).waitFor();
    await expect(change.getByLabel(zh['pin.current']).getAttribute('aria-invalid')).resolves.toBe('true');
    await change.getByLabel(zh['pin.current']).fill('9753');
    await change.getByRole('button', { name: zh['common.save'] }).click();
    await b.getByTestId('reset-status').filter({ hasText: zh['staff.pinChanged'] }).waitFor();
    await b.getByRole('button', { name: zh['lock.now'] }).click();
    await lock.waitFor();
    await answerPin(b, '8642');
    await lock.waitFor({ state: 'detached' });
    await b.getByTestId('staff-row').filter({ hasText: '王丽' }).getByText(zh['staff.me'], { exact: true }).waitFor();

    // The history names who did what, on which tablet; no PIN in it.
    await waitSyncState(b, 'synced');
    const history = a.getByTestId('staff-history');
    // Both of 王丽's PIN changes arrived at A (set after the reset, then changed by herself).
    await a.waitForFunction((want) => Array.from(document.querySelectorAll('[data-testid=staff-history] li')).filter((li) => li.textContent?.includes(want)).length === 2, zh['history.pinSet']);
    const lines = await history.locator('li').allTextContents();
    expect(lines.some((l) => l.includes('陈经理') && l.includes(zh['history.pinReset']) && l.includes('王丽'))).toBe(true);
    expect(lines.some((l) => /王丽\s*B\s*设置 PIN · 王丽/.test(l))).toBe(true);
    for (const secret of ['4321', '9753', '8642', WANG_PIN, TEST_PIN]) expect(lines.join('\n')).not.toContain(secret);
    await screenshot(a, 'pins-staff-manager.png');
    await a.setViewportSize({ width: 800, height: 1280 });
    await screenshot(a, 'pins-staff-manager-portrait.png');
    expect(await a.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await a.setViewportSize({ width: 1280, height: 800 });
    // The office keeps its one manager.
    await a.getByLabel('陈经理 的岗位').selectOption('reception');
    await a.getByRole('alert').filter({ hasText: zh['staff.error.lastManager'] }).waitFor();
    await expect(a.getByLabel('陈经理 的岗位').inputValue()).resolves.toBe('manager');

    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  });
});
