import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { OfficeRegistry } from './offices';
import { startRelay } from './relay';

/**
 * `npm run relay` starts the relay (and serves the built app if dist/ exists);
 * `npm run relay -- add-office <name>` registers an office and prints its token once.
 * Environment: PORT (8787), HOST (127.0.0.1), DATA_DIR (./data), RELAY_ALLOW_CREATE
 * (loopback | any | none), RELAY_MAX_MESSAGE_MB (32), PUBLIC_URL (for printed join links).
 */
const env = process.env;
const dataDir = resolve(env.DATA_DIR ?? 'data');
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const [command, ...args] = process.argv.slice(2);

async function addOffice(name: string): Promise<void> {
  if (!name.trim()) {
    console.error('用法: npm run relay -- add-office <管理处名称>');
    process.exit(2);
  }
  const registry = new OfficeRegistry(dataDir);
  await registry.load();
  const office = await registry.add(name);
  await registry.flushed();
  const base = env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const relay = base.replace(/^http/, 'ws');
  const params = new URLSearchParams({ relay, office: office.id, token: office.token, name: office.name });
  console.log(`Office / 管理处:  ${office.name}`);
  console.log(`Office id:        ${office.id}`);
  console.log(`Token (shown once, keep it safe / 只显示一次，请妥善保管):`);
  console.log(`  ${office.token}`);
  console.log(`Join link / 加入链接:`);
  console.log(`  ${base}/join#${params.toString()}`);
}

async function serve(): Promise<void> {
  const dist = resolve('dist');
  const relay = await startRelay({
    dataDir,
    port,
    host,
    staticDir: existsSync(dist) ? dist : undefined,
    allowCreate: (env.RELAY_ALLOW_CREATE as 'loopback' | 'any' | 'none' | undefined) ?? 'loopback',
    maxMessageBytes: Number(env.RELAY_MAX_MESSAGE_MB ?? 32) * 1024 * 1024,
  });
  console.log(`Linli relay listening on ${relay.url} (data: ${dataDir})`);
  if (existsSync(dist)) console.log(`Open ${relay.url.replace('127.0.0.1', 'localhost')} in a browser.`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: flushing to disk…`);
    await relay.close();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (command === 'add-office') await addOffice(args.join(' '));
else if (command === undefined || command === 'serve') {
  await serve().catch((err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `端口 ${port} 已被占用 / port ${port} is in use: set PORT=… to use another.` : `relay failed to start: ${err.message}`);
    process.exit(1);
  });
}
else {
  console.error(`unknown command: ${command}\nusage: npm run relay [-- add-office <name>]`);
  process.exit(2);
}
