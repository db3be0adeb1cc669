/**
 * 设置 → 服务设置 and 员工 in Chromium: the office's first staff member (a manager, who created
 * the office) changes a category's dispatch team and finish time limit and adds holidays, and
 * sees them again after a reload; a receptionist who joined by link sees the same settings
 * read-only; staff roles and teams. Screenshots of both pages at 1280×800 go to test/.artifacts/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/en';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ARTIFACTS, joinOffice, readJoinLink, screenshot, TEST_PIN, watchErrors, withAppAndBrowser, zh, type AppRelay } from '../helpers/app';
import { unnamedControls as namelessControls } from '../helpers/a11y';

let app: AppRelay;
const cleanup = withAppAndBrowser((a) => {
  app = a;
});

const { tablet } = cleanup;

/** 设置 → the link to one of its pages. */
async function openSettings(page: Page, link: 'settings.service' | 'settings.staff'): Promise<void> {
  await page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.settings'] }).click();
  await page.getByRole('link', { name: new RegExp(`^${zh[link]}`) }).click();
  await page.getByRole('heading', { level: 1, name: link === 'settings.service' ? zh['settings.service'] : zh['staff.title'] }).waitFor();
}

/** Every rendered button, link and form control of the page has an accessible name (Chromium's AX tree, test/helpers/a11y.ts). */
async function unnamedControls(page: Page): Promise<string[]> {
  const { count, unnamed } = await namelessControls(page);
  expect(count).toBeGreaterThan(5);
  return unnamed.map((c) => c.html);
}

/** Nothing sticks out sideways: the page does not scroll horizontally. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const teamOf = (page: Page, category: string) => page.getByLabel(`${category} ${zh['service.team']}`, { exact: true });
const finishOf = (page: Page, category: string) =>
  page.getByLabel(`${category} ${zh['urgency.normal']}${zh['service.finish']}时限（小时）`, { exact: true });
const holidays = (page: Page) => page.getByLabel(zh['service.holidays'], { exact: true });

describe('service settings and staff', () => {
  it('a manager edits them and sees them after a reload; a receptionist sees them read-only', async () => {
    // The manager creates the office on the relay's machine and is its first staff member.
    const manager = await (await tablet()).newPage();
    const errors = watchErrors(manager);
    await manager.goto(app.base);
    await manager.getByLabel(zh['setup.officeName']).fill('翠湖花园管理处');
    await manager.getByLabel(zh['setup.yourName']).fill('陈经理');
    await manager.getByLabel(zh['pin.label']).fill(TEST_PIN);
    await manager.getByLabel(zh['pin.again']).fill(TEST_PIN);
    await manager.getByRole('button', { name: zh['setup.createSubmit'] }).click();
    await manager.getByRole('heading', { name: zh['today.title'], exact: true }).waitFor();

    await openSettings(manager, 'settings.service');
    await expect(teamOf(manager, '水电维修').inputValue()).resolves.toBe('engineering');
    await screenshot(manager, 'settings-service-manager.png');
    expect(await horizontalOverflow(manager)).toBe(0);
    expect(await unnamedControls(manager)).toEqual([]);
    // The same tablet in portrait: a card per category, still nothing sticking out.
    await manager.setViewportSize({ width: 800, height: 1280 });
    expect(await horizontalOverflow(manager)).toBe(0);
    await mkdir(ARTIFACTS, { recursive: true });
    await manager.getByRole('heading', { name: zh['service.teams'], exact: true }).scrollIntoViewIfNeeded();
    await manager.evaluate(() => document.getElementById('teams-title')!.scrollIntoView());
    await manager.screenshot({ path: resolve(ARTIFACTS, 'settings-service-portrait.png') });
    await manager.setViewportSize({ width: 1280, height: 800 });

    // An invalid date is named before saving, and the save is refused in the user's language.
    await holidays(manager).fill('2025-10-01\n2025-13-01');
    await expect(manager.getByText(zh['service.badLines'].replace('{{ lines }}', '2025-13-01')).isVisible()).resolves.toBe(true);
    await manager.getByRole('button', { name: zh['common.save'], exact: true }).click();
    await manager.getByRole('alert').filter({ hasText: '“2025-13-01”不是有效日期' }).waitFor();
    await expect(holidays(manager).getAttribute('aria-invalid')).resolves.toBe('true');

    // The changes: 水电维修 goes to 环境组 with 12 working hours to finish; two holidays.
    await teamOf(manager, '水电维修').selectOption({ label: '环境组' });
    await finishOf(manager, '水电维修').fill('12');
    await holidays(manager).fill('2025/10/2\n2025-10-01');
    await holidays(manager).blur();
    await expect(holidays(manager).inputValue()).resolves.toBe('2025-10-01\n2025-10-02');
    // Corrected: the field and the list of problems say so.
    await expect(holidays(manager).getAttribute('aria-invalid')).resolves.toBe('false');
    await expect(manager.locator('.save-bar [role=alert]').count()).resolves.toBe(0);
    await manager.getByRole('status').filter({ hasText: zh['service.dirty'] }).waitFor();
    // What the screen shows while editing: the save bar stays at the bottom of the screen.
    await manager.screenshot({ path: resolve(ARTIFACTS, 'settings-service-editing.png') });
    await manager.getByRole('button', { name: zh['common.save'], exact: true }).click();
    await manager.getByRole('status').filter({ hasText: zh['service.saved'] }).waitFor();

    await manager.reload();
    await manager.getByRole('heading', { level: 1, name: zh['settings.service'] }).waitFor();
    await manager.waitForFunction(() => (document.querySelector('textarea[name=holidays]') as HTMLTextAreaElement | null)?.value === '2025-10-01\n2025-10-02');
    await expect(teamOf(manager, '水电维修').inputValue()).resolves.toBe('environment');
    await expect(finishOf(manager, '水电维修').inputValue()).resolves.toBe('12');
    await expect(finishOf(manager, '门窗五金').inputValue()).resolves.toBe('16');
    // The history says who changed what.
    const history = manager.getByTestId('history');
    await history.getByText('水电维修：环境组').waitFor();
    await expect(history.textContent()).resolves.toContain('陈经理');
    await screenshot(manager, 'settings-service-saved.png');

    // An invitation, from 设置 → 设备.
    await manager.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.settings'] }).click();
    await screenshot(manager, 'settings-page.png');
    const link = await readJoinLink(manager);

    // A receptionist joins (我是新同事, default role 客服接待) and looks at the same page.
    const receptionContext = await tablet();
    const reception = await joinOffice(receptionContext, link, '王丽');
    const receptionErrors = watchErrors(reception);
    await openSettings(reception, 'settings.service');
    await reception.getByTestId('read-only-note').filter({ hasText: zh['service.readOnly'] }).waitFor();
    await reception.waitForFunction(() => (document.querySelector('textarea[name=holidays]') as HTMLTextAreaElement | null)?.value === '2025-10-01\n2025-10-02');
    await expect(teamOf(reception, '水电维修').inputValue()).resolves.toBe('environment');
    await expect(teamOf(reception, '水电维修').isDisabled()).resolves.toBe(true);
    await expect(finishOf(reception, '水电维修').isDisabled()).resolves.toBe(true);
    await expect(reception.getByRole('button', { name: zh['common.save'], exact: true }).count()).resolves.toBe(0);
    await expect(reception.getByRole('button', { name: `+ ${zh['service.addTeam']}` }).count()).resolves.toBe(0);
    await screenshot(reception, 'settings-service-reception.png');
    expect(await horizontalOverflow(reception)).toBe(0);

    // 员工: the receptionist sees the list, nothing to change.
    await openSettings(reception, 'settings.staff');
    await reception.getByTestId('read-only-note').filter({ hasText: zh['staff.readOnly'] }).waitFor();
    await expect(reception.getByTestId('staff-row').count()).resolves.toBe(2);
    await expect(reception.locator('select').count()).resolves.toBe(0);
    await screenshot(reception, 'settings-staff-reception.png');

    // A team member joins (with an invitation of their own) and says which team they work in.
    const workerLink = await readJoinLink(manager);
    const worker = await (await tablet()).newPage();
    await worker.goto(workerLink);
    await worker.getByRole('heading', { name: zh['setup.whoAreYou'] }).waitFor();
    await worker.getByLabel(zh['setup.staffName']).fill('李师傅');
    await worker.getByLabel(zh['setup.role']).selectOption('team');
    await worker.locator('select[name=team]').selectOption({ label: '环境组' });
    await worker.getByLabel(zh['pin.label']).fill(TEST_PIN);
    await worker.getByLabel(zh['pin.again']).fill(TEST_PIN);
    await worker.getByRole('button', { name: zh['setup.addStaff'] }).click();
    await worker.getByRole('heading', { name: zh['today.title'], exact: true }).waitFor();

    // The manager sees all three and makes 王丽 a team member of 工程组.
    await openSettings(manager, 'settings.staff');
    await manager.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 3);
    await expect(manager.getByLabel('李师傅 的班组').inputValue()).resolves.toBe('environment');
    await manager.getByLabel('王丽 的岗位').selectOption('team');
    await manager.getByRole('status').filter({ hasText: '已保存：王丽' }).waitFor();
    await manager.getByLabel('王丽 的班组').focus();
    await manager.getByLabel('王丽 的班组').selectOption({ label: '工程组' });
    await manager.getByRole('status').filter({ hasText: '已保存：王丽' }).waitFor();
    // The keyboard focus stays on the control just changed.
    await expect(manager.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('王丽 的班组');
    // The last manager cannot step down.
    await manager.getByLabel('陈经理 的岗位').selectOption('reception');
    await manager.getByRole('alert').filter({ hasText: zh['staff.error.lastManager'] }).waitFor();
    await expect(manager.getByLabel('陈经理 的岗位').inputValue()).resolves.toBe('manager');
    expect(await unnamedControls(manager)).toEqual([]);
    expect(await horizontalOverflow(manager)).toBe(0);
    await screenshot(manager, 'settings-staff-manager.png');

    // The receptionist's list follows.
    const row = reception.getByTestId('staff-row').filter({ hasText: '王丽' });
    await row.getByText(zh['role.team']).waitFor();
    await row.getByText('工程组').waitFor();

    // In English the page is the same and still fits.
    await reception.evaluate(() => localStorage.setItem('linli.locale', 'en'));
    await reception.goto(`${app.base}/settings/service`);
    await reception.getByRole('heading', { level: 1, name: en['settings.service'] }).waitFor();
    await reception.getByText(en['service.readOnly']).waitFor();
    expect(await horizontalOverflow(reception)).toBe(0);
    await screenshot(reception, 'settings-service-en.png');

    expect(errors).toEqual([]);
    expect(receptionErrors).toEqual([]);
  });
});
