import { describe, expect, it } from 'vitest';
import { whenSynced, yClient } from '../helpers/client';
import { joinWith } from '../helpers/device-api';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import type { Relay } from '../../sync-server/relay';
import { relayCliOk, scratchPerTest } from '../helpers/relay-scratch';

const { cleanups } = scratchPerTest('linli-cli-');
const cli = relayCliOk;

const inviteIn = (out: string) => {
  const link = out.match(/https?:\/\/\S+\/join#\S+/)?.[0];
  if (!link) throw new Error(`no link in:\n${out}`);
  return new URLSearchParams(link.split('#')[1]);
};

describe('npm run relay --', () => {
  it('add-office prints an office id and a token a y-websocket client can use; invite prints a one-time link', async () => {
    const dir = await tempDir();
    cleanups.push(() => removeDir(dir));
    const out = await cli({ DATA_DIR: dir, PORT: '1' }, 'add-office', '翠湖花园管理处');
    const id = out.match(/Office id:\s+(\w+)/)![1];
    const token = out.split('\n')[out.split('\n').findIndex((l) => l.startsWith('Token of device A')) + 1].trim();

    // With no relay running, invite writes the invitation into DATA_DIR.
    const offline = inviteIn(await cli({ DATA_DIR: dir, PORT: '1' }, 'invite', '翠湖花园管理处'));
    expect(offline.get('office')).toBe(id);

    let relay: Relay = await relayIn(dir, { backupDir: null });
    cleanups.push(() => relay.close());
    const a = yClient(wsUrl(relay), `${id}/office`, token);
    cleanups.push(() => a.provider.destroy());
    await whenSynced(a.provider);
    expect((await joinWith(relay.url, id, offline.get('invite')!)).status).toBe(201);

    // With the relay running, invite asks it (DATA_DIR/admin.key), so the relay knows the code at once.
    const online = inviteIn(await cli({ DATA_DIR: dir, PORT: String(relay.port) }, 'invite', id));
    const joined = await joinWith(relay.url, id, online.get('invite')!);
    expect(joined.status).toBe(201);
    expect((await joined.json()).deviceCode).toBe('C');
    await relay.close();
    relay = await relayIn(dir, { backupDir: null });
    expect((await joinWith(relay.url, id, online.get('invite')!)).status).toBe(401); // spent, and still spent after a restart
  });
});
