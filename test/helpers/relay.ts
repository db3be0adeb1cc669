import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRelay, type Relay, type RelayOptions } from '../../sync-server/relay';

export async function tempDir(prefix = 'linli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A real relay in this process on a free port with LevelDB in `dataDir`. */
export function relayIn(dataDir: string, extra: Partial<RelayOptions> = {}): Promise<Relay> {
  return startRelay({ dataDir, port: 0, log: () => undefined, ...extra });
}

export const wsUrl = (relay: { url: string }) => relay.url.replace(/^http/, 'ws');

export interface RelayProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/**
 * The relay as its own Node process (`npm run relay` without npm), for SIGKILL tests and the
 * bench; `cpu` pins it to that core with taskset (the bench's relay capacity figure is per core).
 */
/** `env`: more of the relay's settings (e.g. RELAY_CREATE_LIMIT for a bench creating hundreds of offices). */
export async function spawnRelay(dataDir: string, port = 0, cpu?: number, env: Record<string, string> = {}): Promise<RelayProcess> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const node = [process.execPath, '--import', 'tsx', join(root, 'sync-server/main.ts')];
  const argv = cpu === undefined ? node : ['taskset', '-c', String(cpu), ...node];
  const child = spawn(argv[0], argv.slice(1), {
    cwd: root,
    env: { ...process.env, PORT: String(port), HTTPS_PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${out}`)), 20_000);
    const onData = () => {
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`relay exited ${code}:\n${out}`)));
  });
  return { child, url, output: () => out };
}

export function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', () => r())));
}
