/** PIN steps of the e2e tests (no vitest or relay imports: the bench uses them too). */
import type { Page } from 'playwright-core';
import { zhCN as zh } from '../../src/i18n/zh-CN';

/** The PIN the e2e helpers give every profile they create (4–6 digits). */
export const TEST_PIN = '2580';

/**
 * On the choose-your-profile screen: taps the profile `name` and answers its PIN form — the
 * PIN, or for a profile without one (made before PINs) a new PIN typed twice. Resolves once
 * the form is gone (the profile taken), or throws with what the form says.
 */
export async function takeProfile(page: Page, name: string | RegExp, pin = TEST_PIN, timeout?: number): Promise<void> {
  await page.locator('.staff-pick').getByRole('button', { name }).click();
  await answerPin(page, pin, timeout);
}

/**
 * Answers the PIN form on screen (choose screen or lock screen); see takeProfile. `timeout`: how
 * long the form may take to go (the bench, on a busy machine during a join, gives it longer).
 */
export async function answerPin(page: Page, pin = TEST_PIN, timeout = 15_000): Promise<void> {
  const form = page.getByTestId('pin-form');
  await form.waitFor();
  const again = form.locator('input[name=pinAgain]');
  await form.locator('input[name=pin]').fill(pin);
  if (await again.isVisible()) await again.fill(pin);
  await form.getByRole('button', { name: new RegExp(`^(${zh['pin.submit']}|${zh['pin.setSubmit']})$`) }).click();
  try {
    await form.waitFor({ state: 'detached', timeout });
  } catch (err) {
    const said = await form.getByRole('alert').textContent().catch(() => '');
    throw new Error(`PIN form stayed open: ${said}`, { cause: err });
  }
}

