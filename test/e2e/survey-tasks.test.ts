/**
 * 未回复住户转为回访任务 in Chromium: a wave of five households, two answered on paper; the
 * button turns the other three into tasks on 今日; one is reached by phone from its task (the
 * entry grid opens at that household, channel 电话) and drops off 今日; one is skipped with a reason.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CommandContext } from '../../src/domain/actor';
import { createCustomer } from '../../src/domain/customers/customer';
import { createSurvey, DEFAULT_LABELS } from '../../src/domain/surveys/survey';
import { createUnit } from '../../src/domain/units/unit';
import { dashboardZhCN } from '../../src/i18n/dashboard/zh-CN';
import { applyCommand } from '../../src/store/apply';
import { benchActor } from '../bench/seed';
import { unnamedControls } from '../helpers/a11y';
import { addOffice, joinAsManager, newTablet, screenshot, watchErrors, zh as base, type AppRelay, withAppAndBrowser } from '../helpers/app';
import { pushDoc } from '../helpers/office';

const zh = { ...base, ...dashboardZhCN };
/** A dictionary text with its `{{ name }}` placeholders filled, as the page shows it. */
const format = (text: string, params: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(params[k] ?? ''));
let app: AppRelay;
let browser: import('playwright-core').Browser;
const cleanup = withAppAndBrowser((a, b) => {
  app = a;
  browser = b;
});

const OFFICE = '翠湖花园管理处';
const UNITS = ['1-1-101', '1-1-102', '1-1-103', '2-1-101', '2-1-102'];
/** The office's day (UTC+8, the default calendar). */
const officeDay = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function run(doc: Y.Doc, r: { ok: true; value: { command: Parameters<typeof applyCommand>[1] } } | { ok: false; problems: unknown }) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  applyCommand(doc, r.value.command, 'seed');
}

/** Five households; 张伟, 王芳 and 李娜 named, the other two flats without a customer on file. */
function seed(): { directory: Y.Doc; office: Y.Doc } {
  const ctx: CommandContext = { actor: benchActor, now: new Date().toISOString() };
  const directory = new Y.Doc();
  const codes = new Set<string>();
  for (const code of UNITS) {
    run(directory, createUnit({ code, area: '90', use: 'residential', status: 'owner' }, ctx, codes));
    codes.add(code);
  }
  for (const [name, unitCode] of [['张伟', '1-1-101'], ['王芳', '1-1-102'], ['李娜', '2-1-101']]) run(directory, createCustomer({ name, phones: [], unitCode }, '', ctx, []));
  const office = new Y.Doc();
  run(office, createSurvey({
    title: '年度满意度调查', intro: '', levels: 5, satisfiedFrom: 4,
    questions: [{ type: 'scale', text: '总体服务', options: [...DEFAULT_LABELS[5]] }, { type: 'scale', text: '报修及时', options: [...DEFAULT_LABELS[5]] }],
    target: { kind: 'all' }, firstWave: { label: '第一轮', start: officeDay() },
  }, ctx, 'survey1'));
  return { directory, office };
}

const nav = (page: Page, label: string) => page.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: label }).click();
const focusedUnit = (page: Page) => page.evaluate(() => (document.activeElement?.closest('tr') as HTMLElement | null)?.dataset.unit ?? '');
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
const surveyTasks = (page: Page) => page.getByTestId('today-surveys').locator('li.task');

describe('survey follow-up tasks', () => {
  it('turn the households without an answer into tasks on 今日; an answer by phone from the task closes it', async () => {
    const office = await addOffice(app, OFFICE);
    const { directory, office: officeDoc } = seed();
    await pushDoc(app.ws, `${office.id}/directory`, office.token, directory, (d) => d.getMap('units').size === UNITS.length);
    await pushDoc(app.ws, `${office.id}/office`, office.token, officeDoc, (d) => d.getMap('surveys').size === 1);
    const ctx = await newTablet(browser);
    cleanup.add(() => ctx.close());
    const page = await joinAsManager(ctx, app, office, '王丽');
    const errors = watchErrors(page);

    // Two of the five answer on paper, keyed in the grid (digits, Enter to the next household).
    await nav(page, zh['nav.surveys']);
    const makeButton = page.getByTestId('make-follow-ups');
    await expect.poll(() => makeButton.textContent(), { timeout: 30_000 }).toBe(format(zh['survey.makeFollowUps'], { n: 5 }));
    await page.getByRole('link', { name: zh['survey.enter'] }).click();
    await page.getByTestId('entry-grid').waitFor();
    await expect.poll(() => focusedUnit(page)).toBe('1-1-101');
    for (const keys of [['4', '5'], [], [], ['4', '4']]) {
      for (const k of keys) await page.keyboard.press(k);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('[data-testid=entry-grid] tbody tr.saved').count(), { timeout: 30_000 }).toBe(2);

    // The button on the grid: three households left, made into tasks once.
    const gridButton = page.getByRole('button', { name: format(zh['survey.makeFollowUps'], { n: 3 }) });
    await gridButton.waitFor();
    await page.setViewportSize({ width: 800, height: 1280 });
    await screenshot(page, 'survey-follow-ups-button-grid.png');
    expect(await overflows(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
    await gridButton.click();
    await page.getByRole('status').filter({ hasText: format(zh['survey.followUpsMade'], { n: 3 }) }).waitFor();
    await screenshot(page, 'survey-follow-ups-made.png');
    expect(await overflows(page)).toBe(false);
    await page.getByRole('button', { name: format(zh['survey.makeFollowUps'], { n: 0 }) }).waitFor();
    expect(await page.getByRole('button', { name: format(zh['survey.makeFollowUps'], { n: 0 }) }).isDisabled()).toBe(true);
    // On the survey list the wave says the same.
    await nav(page, zh['nav.surveys']);
    await expect.poll(() => makeButton.textContent(), { timeout: 10_000 }).toBe(format(zh['survey.makeFollowUps'], { n: 0 }));
    await page.setViewportSize({ width: 800, height: 1280 });
    await screenshot(page, 'survey-follow-ups-button-list.png');
    expect(await overflows(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });

    // 今日: one task per household without an answer, in unit order, titled with the survey and wave.
    await nav(page, zh['nav.today']);
    await expect.poll(() => surveyTasks(page).count(), { timeout: 20_000 }).toBe(3);
    const title = format(zh['today.surveyTitle'], { survey: '年度满意度调查', wave: '第一轮' });
    const texts = await surveyTasks(page).allTextContents();
    expect(texts.map((s) => s.match(/\d-\d-\d{3}/)?.[0])).toEqual(['1-1-102', '1-1-103', '2-1-102']);
    for (const s of texts) expect(s).toContain(title);
    expect(texts[0]).toContain('王芳');
    const named = await unnamedControls(page);
    expect(named.unnamed, 'controls without an accessible name').toEqual([]);
    await screenshot(page, 'today-survey-tasks.png');
    expect(await overflows(page)).toBe(false);
    await page.setViewportSize({ width: 800, height: 1280 });
    await screenshot(page, 'today-survey-tasks-portrait.png');
    expect(await overflows(page)).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });

    // 王芳 is reached by phone: her task opens the grid at her household, channel 电话.
    await surveyTasks(page).filter({ hasText: '王芳' }).getByRole('link', { name: format(zh['today.surveyAnswerFor'], { name: '王芳' }) }).click();
    await page.getByTestId('entry-grid').waitFor();
    await expect.poll(() => focusedUnit(page)).toBe('1-1-102');
    expect(await page.getByLabel(zh['survey.channel']).inputValue()).toBe('phone');
    await page.keyboard.press('3');
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await page.locator('tr.saved[data-unit="1-1-102"]').waitFor({ timeout: 20_000 });

    // Back on 今日 her task is gone; the empty flat is skipped with a reason.
    await nav(page, zh['nav.today']);
    await expect.poll(() => surveyTasks(page).count(), { timeout: 20_000 }).toBe(2);
    expect(await surveyTasks(page).filter({ hasText: '王芳' }).count()).toBe(0);
    await page.getByRole('button', { name: format(zh['today.skipFor'], { name: '1-1-103' }) }).click();
    await page.getByLabel(zh['today.skipReason']).fill('空置房，无人居住');
    await page.getByRole('button', { name: zh['today.skipConfirm'] }).click();
    await expect.poll(() => surveyTasks(page).count(), { timeout: 20_000 }).toBe(1);
    // 完成 works as for any task: the last one is done, and the section goes.
    await page.getByRole('button', { name: format(zh['today.doneFor'], { name: '2-1-102' }) }).click();
    await page.getByTestId('today-surveys').waitFor({ state: 'detached', timeout: 20_000 });
    expect(errors).toEqual([]);
  });
});
