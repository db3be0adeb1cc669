/**
 * Chromium started by a shell that first moves itself into a cgroup (tablet mode, `cgroup.ts`),
 * so the browser and every process it starts (renderers, the GPU and network services, the
 * page's sync worker inside its renderer) inherit the group; the bench drives it over CDP from
 * outside the group. Without a group it is the same browser at full speed (the memory figure).
 * A user data directory (a profile that already joined the office) gives it the office's
 * IndexedDB and service worker, so no join has to run at a quarter core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/browser';
import type { CpuGroup } from './cgroup';
import { within } from './scope';

export interface CdpBrowser {
  browser: Browser;
  /** The browser's own process id (its children are the renderers). */
  pid: number;
  close(): Promise<void>;
}

/** `extraArgs`: more Chromium flags (attachments-page: `--js-flags=--expose-gc`, to tell garbage from what is kept). */
export async function launchInGroup(userDataDir: string, group: CpuGroup | null, extraArgs: string[] = []): Promise<CdpBrowser> {
  const args = [...CHROMIUM_ARGS, ...extraArgs, '--headless', '--window-size=1280,800', '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', `--user-data-dir=${userDataDir}`, 'about:blank'];
  // `exec` keeps the shell's pid (already in the group) for Chromium: nothing runs outside it first.
  const script = group ? `echo $$ > '${group.procs}' && exec "$0" "$@"` : 'exec "$0" "$@"';
  const child: ChildProcess = spawn('/bin/sh', ['-c', script, CHROMIUM_PATH, ...args], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let err = '';
  const endpoint = await within(
    new Promise<string>((resolve, reject) => {
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`Chromium exited ${code}: ${err.slice(-500)}`)));
    }),
    60_000,
    'Chromium (tablet) to start',
  );
  const browser = await chromium.connectOverCDP(endpoint);
  const pid = child.pid!;
  return {
    browser,
    pid,
    async close() {
      await within(browser.close(), 15_000, 'tablet browser close').catch(() => undefined);
      const gone = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await within(gone, 10_000, 'tablet browser exit').catch(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      });
    },
  };
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Every live descendant of `root` with its command line. */
function descendants(root: number): { pid: number; cmd: string }[] {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      parent.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(e), readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' '));
    } catch {
      /* exited meanwhile */
    }
  }
  const out: { pid: number; cmd: string }[] = [];
  const walk = (p: number) => {
    for (const [child, par] of parent) if (par === p) (out.push({ pid: child, cmd: cmd.get(child) ?? '' }), walk(child));
  };
  walk(root);
  return out;
}

/**
 * The RSS of the browser's renderer processes, largest first: with one tab open the largest is
 * that tab's (the page and its dedicated sync worker share that process).
 */
export function rendererRss(browserPid: number): { pid: number; mb: number }[] {
  return descendants(browserPid)
    .filter((p) => p.cmd.includes('--type=renderer') && !p.cmd.includes('--extension-process'))
    .map((p) => ({ pid: p.pid, mb: rssMb(p.pid) }))
    .sort((a, b) => b.mb - a.mb);
}
