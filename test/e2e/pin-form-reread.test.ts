/**
 * The PIN form keeps what was typed when its profile's row is read again. CI (stop 25) and a
 * busy bench run saw "PIN form stayed open" with no message: on a new tablet the office shard is
 * still being written when the staff list shows, the list re-reads its rows, and the form — keyed
 * by the row object — was remounted with an empty PIN, whose submit was then refused inline.
 * Here the re-read is made on purpose: a manager on tablet A changes 李明's 岗位 while 李明 has his
 * PIN typed on tablet B's 选择身份 screen; the PIN is still there and takes him in.
 */
import { describe, expect, it } from 'vitest';
import { createOffice, joinOffice, readJoinLink, screenshot, waitSyncState, withAppAndBrowser, zh, type AppRelay } from '../helpers/app';

let app: AppRelay;
const cleanup = withAppAndBrowser((a) => {
  app = a;
});
const LI_PIN = '246810';

describe('the PIN form on the choose-your-profile screen', () => {
  it('keeps the PIN typed while a colleague edits that profile, and takes the profile with it', async () => {
    const a = await createOffice(await cleanup.tablet(), app, '翠湖花园管理处', '陈经理');
    const link = await readJoinLink(a);
    const b = await joinOffice(await cleanup.tablet(), link, '李明', undefined, 'reception', LI_PIN);
    await waitSyncState(b, 'synced');
    // 李明 leaves the tablet to the choose screen (设置 → 切换身份) and comes back to it.
    await b.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.settings'] }).click();
    await b.getByRole('button', { name: zh['settings.switchUser'] }).click();
    await b.getByRole('heading', { name: zh['setup.whoAreYou'] }).waitFor();
    await b.locator('.staff-pick').getByRole('button', { name: /李明/ }).click();
    const form = b.getByTestId('pin-form');
    await form.locator('input[name=pin]').fill(LI_PIN);
    // The form as drawn (KeyedById around it), at both tablet sizes, the PIN typed.
    for (const [width, height] of [[800, 1280], [1280, 800]] as const) {
      await b.setViewportSize({ width, height });
      await screenshot(b, `pin-form-${width}.png`);
    }

    // Tablet A: the manager makes 李明 班组人员 (the select saves at once).
    await a.getByRole('navigation', { name: zh['nav.main'] }).getByRole('link', { name: zh['nav.settings'] }).click();
    await a.getByRole('link', { name: new RegExp(`^${zh['settings.staff']}`) }).click();
    await a.getByLabel('李明 的岗位').selectOption('team');
    // B reads 李明's row again (his button says the new 岗位) …
    await b.locator('.staff-pick').getByRole('button', { name: /李明/ }).filter({ hasText: zh['role.team'] }).waitFor({ timeout: 30_000 });
    // … and the form still holds the PIN, and takes him in with it.
    await expect(form.locator('input[name=pin]').inputValue()).resolves.toBe(LI_PIN);
    await form.getByRole('button', { name: zh['pin.submit'] }).click();
    await form.waitFor({ state: 'detached' });
    // In as 李明, back where he was (设置), the new 岗位 shown as his.
    await b.getByRole('navigation', { name: zh['nav.main'] }).waitFor();
    await expect(b.getByRole('heading', { name: zh['setup.whoAreYou'] }).count()).resolves.toBe(0);
  });
});
