import { dirname, join } from 'node:path';
import { readBackupFile, restoreBackup } from './backup';
import { askRelay, RUNNING_ELSEWHERE, withStoppedRelay } from './cli-relay';
import { OfficeRegistry } from './offices';
import { Store } from './store';
import { BlobStore } from './blob-store';

export interface CliEnv {
  dataDir: string;
  /** http(s)://… where tablets open the app (PUBLIC_URL or HOST:PORT). */
  publicBase: string;
  /** Where a relay started from this DATA_DIR would listen, to ask it first. */
  localUrl: string;
}

/** The link a new tablet opens: the invitation code travels in the fragment, never to a server log. */
export function invitationLink(publicBase: string, officeId: string, officeName: string, code: string): string {
  const params = new URLSearchParams({ relay: publicBase.replace(/^http/, 'ws'), office: officeId, invite: code, name: officeName });
  return `${publicBase}/join#${params.toString()}`;
}

function findOffice(registry: OfficeRegistry, which: string): { id: string; name: string } | null {
  const all = registry.entries();
  const hit = all.find((o) => o.id === which) ?? all.find((o) => o.name === which.trim());
  return hit ? { id: hit.id, name: hit.name } : null;
}

/**
 * `npm run relay -- invite <officeId|name>`: asks the running relay (authorised by
 * DATA_DIR/admin.key), or, when none is running, writes the invitation into DATA_DIR itself.
 */
export async function inviteCommand(env: CliEnv, which: string): Promise<number> {
  const registry = new OfficeRegistry(env.dataDir);
  await registry.load({ addKeys: false }); // a relay may be running: read only
  const office = findOffice(registry, which);
  if (!office) {
    console.error(`没有这个管理处 / no such office: ${which}`);
    return 2;
  }
  let made: { code: string; expiresAt: string };
  const asked = await askRelay(env, `/api/admin/offices/${office.id}/invitations`, {});
  if (asked) {
    if (asked.status !== 201) {
      // A relay answers but refuses: writing the file under it would be lost on its next save.
      console.error(`the running relay refused (${asked.status}) / 同步服务器拒绝了请求`);
      return 1;
    }
    made = asked.body as { code: string; expiresAt: string };
  } else {
    // No relay answers here: the file is ours to write, unless a relay holds DATA_DIR elsewhere.
    const offline = await withStoppedRelay(env.dataDir, async () => {
      const made = await registry.invite(office.id, { createdBy: 'relay', createdByDevice: '' });
      await registry.flushed();
      return made;
    });
    if (offline === 'running') {
      console.error(RUNNING_ELSEWHERE(env));
      return 1;
    }
    made = offline;
  }
  console.log(`Office / 管理处:  ${office.name} (${office.id})`);
  console.log(`Invitation, one use, valid until ${made.expiresAt} / 邀请（仅可使用一次，24 小时内有效）:`);
  console.log(`  ${invitationLink(env.publicBase, office.id, office.name, made.code)}`);
  return 0;
}

/**
 * `npm run relay -- restore <file>`: a relay backup or a tablet's backup file into DATA_DIR
 * (empty or not: Yjs updates merge). Prints an invitation for every office re-seeded from a
 * tablet, since its devices are not known to this relay.
 */
export async function restoreCommand(env: CliEnv, path: string): Promise<number> {
  if (!path) {
    console.error('用法 / usage: npm run relay -- restore <backup-file>');
    return 2;
  }
  const file = await readBackupFile(path);
  const registry = new OfficeRegistry(env.dataDir);
  await registry.load();
  let store: Store;
  try {
    store = new Store(join(env.dataDir, 'leveldb'));
    await store.rooms();
  } catch (err) {
    console.error(`cannot open ${env.dataDir}/leveldb: stop the relay first / 请先停止同步服务器 (${(err as Error).message})`);
    return 1;
  }
  // Attachments: the blobs inside a tablet's file, or in the blobs/ folder beside a relay's file.
  const restored = await restoreBackup(file, registry, store, { blobs: new BlobStore(join(env.dataDir, 'blobs')), backupDir: dirname(path) });
  await store.close();
  await registry.flushed();
  console.log(`Restored from ${file.source === 'relay' ? 'a relay backup' : 'a tablet backup'} of ${file.createdAt} / 已恢复:`);
  for (const r of restored) {
    console.log(`  ${r.name} (${r.id}): ${r.shards.join(', ') || 'no documents'}${r.blobs ? `; ${r.blobs} pictures / 图片` : ''}`);
    if (r.fromTablet) {
      const made = await registry.invite(r.id, { createdBy: 'relay', createdByDevice: '' });
      await registry.flushed();
      console.log(`  Tablets rejoin with this invitation (one use, 24 h; run \`invite\` for more) / 平板请用此邀请重新加入:`);
      console.log(`    ${invitationLink(env.publicBase, r.id, r.name, made.code)}`);
    }
  }
  return 0;
}
