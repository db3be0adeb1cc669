import { writeFile, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { closeEvent, until, whenSynced, yClient } from '../helpers/client';
import { addDevice, createInvitation, joinWith, listDevices, revokeDevice } from '../helpers/device-api';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';

let dir: string;
let relay: Relay;
let clock = Date.parse('2026-12-01T08:00:00Z');
const cleanups: (() => unknown)[] = [];

beforeEach(async () => {
  dir = await tempDir();
  clock = Date.parse('2026-12-01T08:00:00Z');
  relay = await relayIn(dir, { now: () => clock, backupDir: null });
});

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await relay.close();
  await removeDir(dir);
});

function client(room: string, token: string) {
  const c = yClient(wsUrl(relay), room, token);
  cleanups.push(() => c.provider.destroy());
  return c;
}

describe('invitations', () => {
  it('work once: the new device gets its own code and token, the code is spent', async () => {
    const office = await relay.offices.add('翠湖花园管理处');
    const code = await createInvitation(relay.url, office.id, office.token, { createdBy: '王经理', deviceName: '前台平板' });
    const first = await joinWith(relay.url, office.id, code);
    expect(first.status).toBe(201);
    const joined = (await first.json()) as { deviceCode: string; token: string; name: string };
    expect(joined.deviceCode).toBe('B');
    expect(joined.name).toBe('翠湖花园管理处');
    expect(joined.token).not.toBe(office.token);
    expect(Buffer.from(joined.token, 'base64url').length * 8).toBeGreaterThanOrEqual(192);

    const again = await joinWith(relay.url, office.id, code);
    expect(again.status).toBe(401);
    expect((await again.json()).error).toBe('invitation-used');

    // Its token opens the office's rooms; the list says who brought it in.
    const c = client(`${office.id}/directory`, joined.token);
    await whenSynced(c.provider);
    const { devices } = await listDevices(relay.url, office.id, joined.token);
    expect(devices.map((d) => [d.code, d.name, d.joinedBy])).toEqual([['A', '', ''], ['B', '前台平板', '测试经理']]); // the proven manager's name, not what the body says
    expect(devices[1].lastSeen).not.toBeNull();
  });

  it('expire after 24 hours', async () => {
    const office = await relay.offices.add('A');
    const early = await createInvitation(relay.url, office.id, office.token);
    const late = await createInvitation(relay.url, office.id, office.token);
    clock += 24 * 60 * 60 * 1000 - 1000;
    expect((await joinWith(relay.url, office.id, early)).status).toBe(201);
    clock += 2000;
    const expired = await joinWith(relay.url, office.id, late);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error).toBe('invitation-expired');
  });

  it('need a device token to be made, and only open their own office', async () => {
    const a = await relay.offices.add('A');
    const b = await relay.offices.add('B');
    const res = await fetch(`${relay.url}/api/offices/${a.id}/invitations`, { method: 'POST', headers: { authorization: `Bearer ${b.token}` } });
    expect(res.status).toBe(401);
    const code = await createInvitation(relay.url, a.id, a.token);
    expect((await joinWith(relay.url, b.id, code)).status).toBe(401);
    expect((await joinWith(relay.url, a.id, 'made-up-code')).status).toBe(401);
  });
});

describe('revocation', () => {
  it('cuts the device off within a second with 4401, refuses it again, and leaves other devices syncing', async () => {
    const office = await relay.offices.add('A');
    const lost = await addDevice(relay.url, office.id, office.token, '丢失的平板');
    const kept = await addDevice(relay.url, office.id, office.token);
    const l1 = client(`${office.id}/directory`, lost.token);
    const l2 = client(`${office.id}/office`, lost.token);
    const k = client(`${office.id}/directory`, kept.token);
    const a = client(`${office.id}/directory`, office.token);
    await Promise.all([l1, l2, k, a].map((c) => whenSynced(c.provider)));

    const closes = [closeEvent(l1.provider), closeEvent(l2.provider)];
    const t0 = Date.now();
    expect(await revokeDevice(relay.url, office.id, office.token, lost.deviceCode)).toBe(200);
    expect(await Promise.all(closes)).toEqual([4401, 4401]);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(l1.provider.shouldConnect).toBe(false);

    // Refused from then on, websocket and API alike; it says why.
    const again = client(`${office.id}/directory`, lost.token);
    const reason = await new Promise<string>((r) => again.provider.on('connection-close', (e: CloseEvent | null) => r(e?.reason ?? '')));
    expect(reason).toBe('revoked');
    const api = await fetch(`${relay.url}/api/offices/${office.id}/devices/self`, { headers: { authorization: `Bearer ${lost.token}` } });
    expect(api.status).toBe(401);
    expect((await api.json()).error).toBe('revoked');
    expect((await createInvitation(relay.url, office.id, lost.token).catch((e: Error) => e.message))).toMatch(/401/);

    // Nothing the lost tablet sends after the revocation gets in; the others keep syncing.
    l1.doc.getMap('customers').set('from-lost', 'x');
    k.doc.getMap('customers').set('from-kept', '张伟');
    await until(() => a.doc.getMap('customers').has('from-kept'), [a.doc]);
    expect(a.doc.getMap('customers').has('from-lost')).toBe(false);
    const { devices } = await listDevices(relay.url, office.id, office.token);
    expect(devices.find((d) => d.code === lost.deviceCode)?.revokedAt).not.toBeNull();
    expect(devices.filter((d) => d.revokedAt).length).toBe(1);
  });

  it('stays revoked across a relay restart', async () => {
    const office = await relay.offices.add('A');
    const lost = await addDevice(relay.url, office.id, office.token);
    await revokeDevice(relay.url, office.id, office.token, lost.deviceCode);
    await relay.close();
    relay = await relayIn(dir, { backupDir: null });
    expect(await closeEvent(client(`${office.id}/office`, lost.token).provider)).toBe(4401);
    await whenSynced(client(`${office.id}/office`, office.token).provider);
  });
});

describe('offices made before device tokens', () => {
  it('swap the shared office token for a device token once per device code', async () => {
    // An offices.json as the relay wrote it before: one shared token, three codes handed out.
    await relay.close();
    const legacyDir = join(dir, 'legacy');
    await mkdir(legacyDir, { recursive: true });
    const officeToken = 'old-shared-office-token-0123456789abcdef';
    const id = 'legacy000001';
    await writeFile(join(legacyDir, 'offices.json'), JSON.stringify([{ id, name: '旧管理处', tokenHash: createHash('sha256').update(officeToken).digest('hex'), createdAt: '2026-01-01T00:00:00.000Z', devices: 3 }]));
    relay = await relayIn(legacyDir, { backupDir: null });

    // The office token alone no longer opens a room.
    expect(await closeEvent(client(`${id}/office`, officeToken).provider)).toBe(4401);
    const migrate = (code: string, token = officeToken) =>
      fetch(`${relay.url}/api/offices/${id}/devices/migrate`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ deviceCode: code }) });
    const b = await migrate('B');
    expect(b.status).toBe(200);
    const { token } = (await b.json()) as { token: string };
    expect(token).not.toBe(officeToken);
    await whenSynced(client(`${id}/office`, token).provider);

    expect((await migrate('B')).status).toBe(401); // once per code
    expect((await migrate('D')).status).toBe(401); // never handed out
    expect((await migrate('A', 'wrong-token')).status).toBe(401);

    // The devices page lists A and C as not yet migrated; revoking C refuses its later swap.
    const listed = await listDevices(relay.url, id, token);
    expect(listed.devices.map((d) => [d.code, d.legacy, d.migrated])).toEqual([['A', true, false], ['B', false, true], ['C', true, false]]);
    expect(await revokeDevice(relay.url, id, token, 'C')).toBe(200);
    expect((await migrate('C')).status).toBe(401);
    expect((await migrate('A')).status).toBe(200);
  });
});
