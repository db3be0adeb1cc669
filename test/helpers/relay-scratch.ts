/**
 * What the relay tests that start their own relays share: a list of clean-ups run after each
 * test (last first), temp dirs removed then, relays closed then, and the relay's command line
 * (`npm run relay -- <args>` without npm) as its own process.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { relayIn, removeDir, tempDir } from './relay';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Scratch {
  /** Run after the current test, the last pushed first. */
  cleanups: (() => unknown)[];
  /** A temp dir removed after the test. */
  dir(): Promise<string>;
  /** A relay in this process on `dataDir`, closed after the test. */
  relay(dataDir: string, extra?: Parameters<typeof relayIn>[1]): Promise<Relay>;
}

/** Call once at a test file's top level: its tests get scratch dirs and relays cleaned up after each. */
export function scratchPerTest(prefix: string): Scratch {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return {
    cleanups,
    async dir() {
      const dir = await tempDir(prefix);
      cleanups.push(() => removeDir(dir));
      return dir;
    },
    async relay(dataDir, extra = {}) {
      const r = await relayIn(dataDir, extra);
      cleanups.push(() => r.close());
      return r;
    },
  };
}

/** The relay's command line with `env` (HOST is loopback): its exit code and everything it printed. */
export function relayCli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sync-server/main.ts'), ...args], { cwd: root, env: { ...process.env, HOST: '127.0.0.1', ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The same, expected to succeed: resolves with what it printed, rejects with it on another exit code. */
export async function relayCliOk(env: Record<string, string>, ...args: string[]): Promise<string> {
  const { code, out } = await relayCli(env, ...args);
  if (code !== 0) throw new Error(`relay ${args[0]} exited ${code}:\n${out}`);
  return out;
}
