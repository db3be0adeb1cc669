/**
 * The bench's tablet mode: the same metrics, run against a Chromium that lives inside a cgroup
 * at a quarter of one core (cgroup.ts, tablet-browser.ts). It shares the desk bench's relay and
 * office; its tablet is the desk's joined profile (Bench.profile, joined at full speed) reopened
 * in the slowed browser, so the figures are those of a tablet that already holds the office.
 */
import type { Browser } from 'playwright-core';
import { Bench, SIZES, type Tablet } from './office';
import type { CpuGroup } from './cgroup';
import { launchInGroup, type CdpBrowser } from './tablet-browser';
import { LONG_TASKS_INIT } from './page-scripts';

export class TabletBench extends Bench {
  private launched: CdpBrowser | null = null;

  constructor(private readonly desk: Bench, private readonly group: CpuGroup) {
    super();
  }

  override readonly relay = () => this.desk.relay();
  override readonly office = () => this.desk.office();
  override readonly profile = () => this.desk.profile();
  override readonly dashboardOffice = () => this.desk.dashboardOffice();
  override readonly dashboardProfile = () => this.desk.dashboardProfile();

  /** The slowed browser of the bench's profile closed (the group kept): the dashboard opens a profile of its own in the group. */
  async closeBrowser(): Promise<void> {
    if (this.launched) await this.launched.close();
    this.launched = null;
    this.browserOnce = null;
    this.tabletOnce = null;
  }

  /** A browser in the group on `profileDir` (closed by the caller). */
  launchOn(profileDir: string) {
    return launchInGroup(profileDir, this.group);
  }

  private browserOnce: Promise<Browser> | null = null;
  override readonly browser = () =>
    (this.browserOnce ??= (async () => {
      const profile = await this.desk.profile();
      this.launched = await launchInGroup(profile.dir, this.group);
      return this.launched.browser;
    })());

  private tabletOnce: Promise<Tablet> | null = null;
  override readonly tablet = () =>
    (this.tabletOnce ??= (async () => {
      const office = await this.office();
      const browser = await this.browser();
      const context = browser.contexts()[0];
      context.setDefaultTimeout(120_000);
      await context.addInitScript(LONG_TASKS_INIT);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${office.base}/customers`);
      await page.getByText(`共 ${SIZES.customers} 位客户`).waitFor({ timeout: 300_000 });
      await page.waitForFunction(`document.querySelector('[data-testid=sync-status]')?.getAttribute('data-state') === 'synced'`, null, { timeout: 300_000 });
      return { context, page, dbName: `linli-${office.id}` };
    })());

  /** Closes the slowed browser (its contexts with it) and removes the group; the desk's relay stays. */
  override async close(): Promise<void> {
    await super.close();
    if (this.launched) await this.launched.close();
    this.launched = null;
    await this.group.remove();
  }
}
