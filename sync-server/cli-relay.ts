import { join } from 'node:path';
import type { CliEnv } from './cli-devices';
import { loadAdminKey } from './device-api';
import { OfficeRegistry } from './offices';
import { checkStorage, printReport, repairStorage, type CheckReport } from './storage-check';
import { Store } from './store';
import { BlobStore } from './blob-store';

/**
 * The command line beside a relay that may be running. What changes offices.json goes through
 * the running relay (authorised by DATA_DIR/admin.key), else it is written with DATA_DIR's
 * LevelDB held, so no relay can start on it meanwhile; a relay that runs on this DATA_DIR but
 * answers elsewhere (another PORT) is found by LevelDB's lock, and the command refuses rather
 * than write a file the relay would overwrite on its next save.
 */
export async function askRelay(env: CliEnv, path: string, body: unknown): Promise<{ status: number; body: unknown } | null> {
  let key: string;
  try {
    key = await loadAdminKey(env.dataDir);
  } catch {
    return null;
  }
  try {
    const res = await fetch(`${env.localUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  } catch {
    return null; // nothing listens there
  }
}

export const RUNNING_ELSEWHERE = (env: CliEnv) =>
  `a relay is running on ${env.dataDir} but does not answer at ${env.localUrl}: run this with the relay's PORT and HOST, or stop it first / ` +
  '同步服务器正在使用此数据目录，但不在该地址：请使用相同的 PORT/HOST，或先停止它';

/** Runs `fn` holding DATA_DIR's LevelDB (no relay can run on it meanwhile); 'running' if one does. */
export async function withStoppedRelay<T>(dataDir: string, fn: (store: Store) => Promise<T>): Promise<T | 'running'> {
  let store: Store;
  try {
    store = new Store(join(dataDir, 'leveldb'));
    await store.rooms();
  } catch {
    return 'running';
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `npm run relay -- add-office <name>`. */
export async function addOfficeCommand(env: CliEnv, name: string): Promise<number> {
  if (!name.trim()) {
    console.error('用法: npm run relay -- add-office <管理处名称>');
    return 2;
  }
  let office: { officeId: string; name: string; token: string; deviceCode: string };
  const asked = await askRelay(env, '/api/admin/offices', { name });
  if (asked) {
    if (asked.status !== 201) {
      console.error(`the running relay refused (${asked.status}) / 同步服务器拒绝了请求`);
      return 1;
    }
    office = asked.body as typeof office;
  } else {
    const made = await withStoppedRelay(env.dataDir, async () => {
      const registry = new OfficeRegistry(env.dataDir);
      await registry.load();
      const o = await registry.add(name);
      await registry.flushed();
      return { officeId: o.id, name: o.name, token: o.token, deviceCode: o.deviceCode };
    });
    if (made === 'running') {
      console.error(RUNNING_ELSEWHERE(env));
      return 1;
    }
    office = made;
  }
  const relay = env.publicBase.replace(/^http/, 'ws');
  const params = new URLSearchParams({ relay, office: office.officeId, token: office.token, name: office.name });
  console.log(`Office / 管理处:  ${office.name}`);
  console.log(`Office id:        ${office.officeId}`);
  console.log(`Token of device ${office.deviceCode} (shown once, keep it safe / 设备 ${office.deviceCode} 的令牌，只显示一次，请妥善保管):`);
  console.log(`  ${office.token}`);
  console.log(`Open on the first tablet / 在第一台平板上打开:`);
  console.log(`  ${env.publicBase}/join#${params.toString()}`);
  console.log(`More tablets: npm run relay -- invite ${office.officeId}`);
  return 0;
}

/** `npm run relay -- check`: through the running relay, or on DATA_DIR directly. Exit 1 on any problem. */
export async function checkCommand(env: CliEnv & { backupDir: string | null }): Promise<number> {
  const asked = await askRelay(env, '/api/admin/check', {});
  let report: CheckReport;
  if (asked) {
    if (asked.status !== 200) {
      console.error(`the running relay refused (${asked.status}) / 同步服务器拒绝了请求`);
      return 1;
    }
    report = asked.body as CheckReport;
  } else {
    const checked = await withStoppedRelay(env.dataDir, (store) => checkStorage(store, env.backupDir, new BlobStore(join(env.dataDir, 'blobs'))));
    if (checked === 'running') {
      console.error(RUNNING_ELSEWHERE(env));
      return 1;
    }
    report = checked;
  }
  console.log(`Check of ${env.dataDir}${env.backupDir ? ` and ${env.backupDir}` : ''} / 检查:`);
  printReport(report, (line) => console.log(line));
  return report.ok ? 0 : 1;
}

/** `npm run relay -- repair` (relay stopped): LevelDB's repair, then the newest good backups merged in. */
export async function repairCommand(env: CliEnv & { backupDir: string | null }): Promise<number> {
  if ((await withStoppedRelay(env.dataDir, async () => 'free')) === 'running') {
    console.error(`stop the relay first / 请先停止同步服务器 (${env.dataDir}/leveldb is in use)`);
    return 1;
  }
  for (const line of await repairStorage(env.dataDir, env.backupDir)) console.log(`  ${line}`);
  console.log('Repaired. Start the relay: tablets send what the backups lacked when they reconnect. / 已修复：启动同步服务器后，平板重新连接时会补发缺少的内容');
  const checked = await withStoppedRelay(env.dataDir, (store) => checkStorage(store, env.backupDir));
  if (checked !== 'running') printReport(checked, (line) => console.log(line));
  return 0;
}
