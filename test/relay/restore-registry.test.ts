import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Relay } from '../../sync-server/relay';
import { REGISTRY_MAP } from '../../sync-server/registry-doc';
import { closeEvent, until, whenSynced, yClient } from '../helpers/client';
import { addDevice, createInvitation, joinWith, listDevices, revokeDevice } from '../helpers/device-api';
import { relayIn, wsUrl } from '../helpers/relay';
import { relayCliOk, scratchPerTest } from '../helpers/relay-scratch';

const { cleanups, dir: scratch } = scratchPerTest('linli-restore-');
/** `npm run relay -- <args>` on `dataDir`; resolves with what it printed. */
const cli = (dataDir: string, ...args: string[]) => relayCliOk({ DATA_DIR: dataDir, PORT: '1' }, ...args);

describe('a restore remembers (issue 18, failure 1)', () => {
  it('backup → revoke B, invitation 2 spent by C → disk lost → restore: B stays out, invitation 2 is void, code C is not handed out again', async () => {
    const dataDir = await scratch();
    let relay: Relay = await relayIn(dataDir);
    cleanups.push(() => relay.close());
    const office = await relay.offices.add('翠湖花园管理处');
    // Tablet A (the manager's) holds the office document, as every tablet does.
    const a = yClient(wsUrl(relay), `${office.id}/office`, office.token);
    cleanups.push(() => a.provider.destroy());
    await whenSynced(a.provider);
    const b = await addDevice(relay.url, office.id, office.token, '前台平板'); // invitation 1
    const invitation2 = await createInvitation(relay.url, office.id, office.token, { deviceName: '工程部平板' });
    const backup = join(await scratch(), 'backup.json.gz');
    await copyFile((await relay.backups!.run(true))!, backup);

    // After the backup: B is revoked (lost tablet), C joins with invitation 2.
    expect(await revokeDevice(relay.url, office.id, office.token, b.deviceCode)).toBe(200);
    const joined = await joinWith(relay.url, office.id, invitation2);
    expect(joined.status).toBe(201);
    expect((await joined.json()).deviceCode).toBe('C');
    const facts = a.doc.getMap(REGISTRY_MAP);
    await until(() => facts.has('revoked:B') && facts.has('issued:C'), [a.doc], 15_000, 'tablet A to carry the registry facts');

    // The relay's disk is lost; the backup comes back.
    const port = relay.port;
    a.provider.disconnect();
    await relay.close();
    await rm(dataDir, { recursive: true, force: true });
    await cli(dataDir, 'restore', backup);
    relay = await relayIn(dataDir, { port });
    cleanups.push(() => relay.close());

    // Invitation 2 is void, whoever holds it.
    const again = await joinWith(relay.url, office.id, invitation2);
    expect(again.status).toBe(401);
    expect((await again.json()).error).toBe('invitation-expired');

    // Tablet A reconnects and teaches the relay; B is refused from then on.
    a.provider.connect();
    await whenSynced(a.provider);
    for (let i = 0; !(await listDevices(relay.url, office.id, office.token)).devices.find((d) => d.code === 'B')?.revokedAt; i++) {
      if (i > 300) throw new Error('the relay never learnt that B was revoked');
      await new Promise((r) => setTimeout(r, 20));
    }
    const bSocket = yClient(wsUrl(relay), `${office.id}/directory`, b.token);
    cleanups.push(() => bSocket.provider.destroy());
    expect(await closeEvent(bSocket.provider)).toBe(4401);
    expect((await fetch(`${relay.url}/api/offices/${office.id}/devices`, { headers: { authorization: `Bearer ${b.token}` } })).status).toBe(401);

    // The next tablet gets D: C, printed on C's paper records, is never handed out again.
    const next = await addDevice(relay.url, office.id, office.token, '新平板');
    expect(next.deviceCode).toBe('D');
  });

  it('a revoked tablet that reconnects first is cut off as soon as a tablet that knew reconnects; forged facts teach nothing', async () => {
    const dataDir = await scratch();
    let relay: Relay = await relayIn(dataDir);
    cleanups.push(() => relay.close());
    const office = await relay.offices.add('A');
    const a = yClient(wsUrl(relay), `${office.id}/office`, office.token);
    cleanups.push(() => a.provider.destroy());
    await whenSynced(a.provider);
    const b = await addDevice(relay.url, office.id, office.token);
    const c = await addDevice(relay.url, office.id, office.token);
    const backup = join(await scratch(), 'backup.json.gz');
    await copyFile((await relay.backups!.run(true))!, backup);
    expect(await revokeDevice(relay.url, office.id, office.token, b.deviceCode)).toBe(200);
    await until(() => a.doc.getMap(REGISTRY_MAP).has('revoked:B'), [a.doc]);
    const port = relay.port;
    a.provider.disconnect();
    await relay.close();
    await rm(dataDir, { recursive: true, force: true });
    await cli(dataDir, 'restore', backup);
    relay = await relayIn(dataDir, { port });
    cleanups.push(() => relay.close());

    // B first (the window a restore opens), and B forges a revocation of C: nothing comes of it.
    const bTablet = yClient(wsUrl(relay), `${office.id}/office`, b.token, new Y.Doc());
    cleanups.push(() => bTablet.provider.destroy());
    await whenSynced(bTablet.provider);
    bTablet.doc.getMap(REGISTRY_MAP).set('revoked:C', { kind: 'revoked', deviceCode: 'C', at: new Date().toISOString(), sig: '00'.repeat(32) });
    const closed = closeEvent(bTablet.provider);
    a.provider.connect();
    expect(await closed).toBe(4401);
    const devices = (await listDevices(relay.url, office.id, c.token)).devices;
    expect(devices.find((d) => d.code === 'C')?.revokedAt).toBeNull();
    expect(devices.find((d) => d.code === 'B')?.revokedAt).not.toBeNull();
  });
});
