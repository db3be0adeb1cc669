/**
 * Device administration the relay enforces (issue 18): minting an invitation and revoking a
 * device need a manager's PIN, checked by the relay against the office document it holds; the
 * office's last working device is never revoked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createStaff } from '../../src/domain/staff/staff';
import { applyCommand } from '../../src/store/apply';
import { hashPin } from '../../src/store/pin-hash';
import type { Relay } from '../../sync-server/relay';
import { until, whenSynced, yClient } from '../helpers/client';
import { addDevice, inviteRequest, joinWith, listDevices, revokeRequest, seedManager } from '../helpers/device-api';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';

let dir: string;
let relay: Relay;
let clock = Date.parse('2026-12-01T08:00:00Z');

beforeEach(async () => {
  dir = await tempDir();
  clock = Date.parse('2026-12-01T08:00:00Z');
  relay = await relayIn(dir, { now: () => clock, backupDir: null });
});

afterEach(async () => {
  await relay.close();
  await removeDir(dir);
});

/** A reception profile (客服接待) with a PIN, as a newcomer would add it on a tablet. */
async function seedReception(officeId: string, token: string): Promise<{ staffId: string; pin: string }> {
  const made = createStaff('李娜', 'reception', { now: new Date().toISOString() }, 'reception-1', '', { creator: null, pin: await hashPin('135790', 100_000) });
  if (!made.ok) throw new Error('staff');
  const doc = new Y.Doc();
  applyCommand(doc, made.value.command, 'seed');
  const a = yClient(wsUrl(relay), `${officeId}/office`, token, doc);
  await whenSynced(a.provider);
  const b = yClient(wsUrl(relay), `${officeId}/office`, token);
  await until(() => b.doc.getMap('staff').has('reception-1'), [b.doc]);
  a.provider.destroy();
  b.provider.destroy();
  return { staffId: 'reception-1', pin: '135790' };
}

const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

describe('device administration', () => {
  it('a reception device is refused minting and revoking; a manager PIN from the same device works', async () => {
    const office = await relay.offices.add('翠湖花园管理处');
    const manager = await seedManager(relay.url, office.id, office.token);
    const reception = await addDevice(relay.url, office.id, office.token, '前台平板');
    const other = await addDevice(relay.url, office.id, office.token, '工程部平板');
    const clerk = await seedReception(office.id, reception.token);

    // The reception tablet's own token with no proof, with the clerk's own (right) PIN, with a made-up manager id.
    for (const proof of [null, clerk, { staffId: 'nobody', pin: '1234' }]) {
      const invite = await inviteRequest(relay.url, office.id, reception.token, { deviceName: 'x' }, proof);
      expect(invite.status).toBe(403);
      expect(await errorOf(invite)).toBe('manager-required');
      const revoke = await revokeRequest(relay.url, office.id, reception.token, other.deviceCode, proof);
      expect(revoke.status).toBe(403);
      expect(await errorOf(revoke)).toBe('manager-required');
    }
    // The manager's id with a wrong PIN.
    const wrong = await revokeRequest(relay.url, office.id, reception.token, other.deviceCode, { staffId: manager.staffId, pin: '000000' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ error: 'pin-wrong', left: 4 });
    const { devices } = await listDevices(relay.url, office.id, office.token);
    expect(devices.filter((d) => d.revokedAt)).toEqual([]);

    // A manager at the same tablet proves it with their PIN.
    const invite = await inviteRequest(relay.url, office.id, reception.token, { deviceName: '新平板' }, manager);
    expect(invite.status).toBe(201);
    expect((await joinWith(relay.url, office.id, ((await invite.json()) as { code: string }).code)).status).toBe(201);
    expect((await revokeRequest(relay.url, office.id, reception.token, other.deviceCode, manager)).status).toBe(200);
  });

  it('five wrong PINs lock that manager’s device administration for five minutes', async () => {
    const office = await relay.offices.add('A');
    const manager = await seedManager(relay.url, office.id, office.token);
    for (let i = 0; i < 4; i++) expect((await inviteRequest(relay.url, office.id, office.token, {}, { ...manager, pin: '9999' })).status).toBe(403);
    const fifth = await inviteRequest(relay.url, office.id, office.token, {}, { ...manager, pin: '9999' });
    expect(fifth.status).toBe(429);
    expect(await fifth.json()).toMatchObject({ error: 'pin-locked', until: new Date(clock + 5 * 60_000).toISOString() });
    // Even the right PIN waits.
    expect((await inviteRequest(relay.url, office.id, office.token, {}, manager)).status).toBe(429);
    clock += 5 * 60_000 + 1;
    expect((await inviteRequest(relay.url, office.id, office.token, {}, manager)).status).toBe(201);
  });

  it('never revokes the last working device, nor lets a device revoke itself when it is the last', async () => {
    const office = await relay.offices.add('A');
    const manager = await seedManager(relay.url, office.id, office.token);
    const b = await addDevice(relay.url, office.id, office.token);
    // A alone would be left: B may go, A (itself) then may not.
    expect((await revokeRequest(relay.url, office.id, office.token, b.deviceCode, manager)).status).toBe(200);
    const self = await revokeRequest(relay.url, office.id, office.token, 'A', manager);
    expect(self.status).toBe(409);
    expect(await errorOf(self)).toBe('last-device');
    const { devices } = await listDevices(relay.url, office.id, office.token);
    expect(devices.map((d) => [d.code, !!d.revokedAt])).toEqual([['A', false], ['B', true]]);
    // With another working device, a device may remove itself (the app does not offer it; the relay allows it).
    const c = await addDevice(relay.url, office.id, office.token);
    expect((await revokeRequest(relay.url, office.id, office.token, 'A', manager)).status).toBe(200);
    const last = await revokeRequest(relay.url, office.id, c.token, c.deviceCode, manager);
    expect(last.status).toBe(409);
  });

  it('checks the PIN against the office document on disk when no tablet has it open', async () => {
    const office = await relay.offices.add('A');
    const manager = await seedManager(relay.url, office.id, office.token);
    // The room closed with the last client; a restart leaves only the disk.
    await relay.close();
    relay = await relayIn(dir, { now: () => clock, backupDir: null });
    expect((await inviteRequest(relay.url, office.id, office.token, {}, manager)).status).toBe(201);
    expect((await inviteRequest(relay.url, office.id, office.token, {}, { ...manager, pin: '111111' })).status).toBe(403);
  });
});
