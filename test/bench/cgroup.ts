/**
 * A cgroup that gives what runs inside it a quarter of one core: the bench's tablet
 * (/work/shared/notes/tablet-emulation.md). Chromium's own CPU throttling reaches pages, not
 * workers, so the whole browser — page, sync worker, service worker — runs inside the group;
 * the bench's process and the relay stay outside.
 *
 * cgroup v1 (`cpu` controller mounted at /sys/fs/cgroup/cpu): cpu.cfs_period_us = 100000 and
 * cpu.cfs_quota_us = 25000. cgroup v2: cpu.max = "25000 100000". Where neither can be made
 * (not root, no controller) the group is `null` with the reason, and the tablet figures say it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sleep } from './scope';

export const QUOTA_US = 25_000;
export const PERIOD_US = 100_000;

export interface CpuGroup {
  /** The file a process id is written to, to move that process into the group. */
  procs: string;
  /** e.g. "cgroup v1 cpu, 25000/100000 µs". */
  describe: string;
  /** Removes the group once its processes have gone (waits a little for them). */
  remove(): Promise<void>;
}

export type GroupOrReason = { group: CpuGroup } | { reason: string };

function v2Root(): string | null {
  for (const root of ['/sys/fs/cgroup/unified', '/sys/fs/cgroup']) {
    const controllers = join(root, 'cgroup.controllers');
    if (existsSync(controllers) && readFileSync(controllers, 'utf8').split(/\s+/).includes('cpu')) return root;
  }
  return null;
}

async function removeWhenEmpty(dir: string, procs: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const left = (await readFile(procs, 'utf8').catch(() => '')).trim();
    if (!left) break;
    await sleep(100);
  }
  await rmdir(dir).catch((err) => console.error(`cgroup ${dir} not removed: ${err instanceof Error ? err.message : err}`));
}

/** Makes a fresh quarter-core group named after this process, or says why it cannot. */
export async function makeTabletGroup(name = `linli-tablet-${process.pid}`): Promise<GroupOrReason> {
  const reasons: string[] = [];
  const v1 = '/sys/fs/cgroup/cpu';
  if (existsSync(join(v1, 'cpu.cfs_quota_us'))) {
    const dir = join(v1, name);
    try {
      await mkdir(dir, { recursive: true });
      writeFileSync(join(dir, 'cpu.cfs_period_us'), String(PERIOD_US));
      writeFileSync(join(dir, 'cpu.cfs_quota_us'), String(QUOTA_US));
      const procs = join(dir, 'cgroup.procs');
      return { group: { procs, describe: `cgroup v1 cpu ${dir}, quota ${QUOTA_US}/${PERIOD_US} µs`, remove: () => removeWhenEmpty(dir, procs) } };
    } catch (err) {
      await rmdir(dir).catch(() => undefined);
      reasons.push(`cgroup v1 ${dir}: ${err instanceof Error ? err.message : err}`);
    }
  } else reasons.push('no cgroup v1 cpu controller at /sys/fs/cgroup/cpu');
  const root = v2Root();
  if (root) {
    const dir = join(root, name);
    try {
      // The parent must hand the cpu controller to its children.
      writeFileSync(join(root, 'cgroup.subtree_control'), '+cpu');
      await mkdir(dir, { recursive: true });
      writeFileSync(join(dir, 'cpu.max'), `${QUOTA_US} ${PERIOD_US}`);
      const procs = join(dir, 'cgroup.procs');
      return { group: { procs, describe: `cgroup v2 ${dir}, cpu.max ${QUOTA_US} ${PERIOD_US}`, remove: () => removeWhenEmpty(dir, procs) } };
    } catch (err) {
      await rmdir(dir).catch(() => undefined);
      reasons.push(`cgroup v2 ${dir}: ${err instanceof Error ? err.message : err}`);
    }
  } else reasons.push('no cgroup v2 hierarchy with the cpu controller');
  return { reason: `no cgroup could be made (${reasons.join('; ')})` };
}
