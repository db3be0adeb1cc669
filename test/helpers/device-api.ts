/** The relay's device API as a tablet uses it (see sync-server/device-api.ts). */
import * as Y from 'yjs';
import { createStaff } from '../../src/domain/staff/staff';
import { applyCommand } from '../../src/store/apply';
import { hashPin } from '../../src/store/pin-hash';
import { until, whenSynced, yClient } from './client';

/** What the relay asks before it mints an invitation or revokes a device: a manager's id and PIN. */
export interface ManagerProof {
  staffId: string;
  pin: string;
}

export const TEST_MANAGER = { staffId: 'relay-test-manager', name: '测试经理', pin: '246810' };
const proven = new Map<string, Promise<ManagerProof>>();

/**
 * A manager profile with a PIN in the office document, pushed through the relay with `token`
 * (once per relay and office): what the relay checks a proof against. Tests that are not about
 * the proof itself use it to administer devices as a manager would.
 */
export function seedManager(relayUrl: string, officeId: string, token: string, who = TEST_MANAGER): Promise<ManagerProof> {
  const key = `${relayUrl}/${officeId}/${who.staffId}`;
  let seeded = proven.get(key);
  if (!seeded) {
    seeded = (async () => {
      const made = createStaff(who.name, 'manager', { now: new Date().toISOString() }, who.staffId, '', { creator: 'founder', pin: await hashPin(who.pin, 100_000) });
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      const doc = new Y.Doc();
      applyCommand(doc, made.value.command, 'seed');
      const ws = relayUrl.replace(/^http/, 'ws');
      const a = yClient(ws, `${officeId}/office`, token, doc);
      await whenSynced(a.provider);
      const b = yClient(ws, `${officeId}/office`, token);
      await until(() => b.doc.getMap('staff').has(who.staffId), [b.doc], 30_000, 'the seeded manager on the relay');
      a.provider.destroy();
      b.provider.destroy();
      return { staffId: who.staffId, pin: who.pin };
    })();
    seeded.catch(() => proven.delete(key));
    proven.set(key, seeded);
  }
  return seeded;
}

/** Mints an invitation with `token`; as the seeded test manager unless a `proof` (or `null`: none) is given. */
export async function createInvitation(relayUrl: string, officeId: string, token: string, body: { createdBy?: string; deviceName?: string } = {}, proof?: ManagerProof | null): Promise<string> {
  const res = await inviteRequest(relayUrl, officeId, token, body, proof === undefined ? await seedManager(relayUrl, officeId, token) : proof);
  if (res.status !== 201) throw new Error(`invitation refused: ${res.status}`);
  return ((await res.json()) as { code: string }).code;
}

export function inviteRequest(relayUrl: string, officeId: string, token: string, body: { createdBy?: string; deviceName?: string }, proof: ManagerProof | null): Promise<Response> {
  return fetch(`${relayUrl}/api/offices/${officeId}/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, ...(proof ?? {}) }),
  });
}

export async function joinWith(relayUrl: string, officeId: string, invite: string): Promise<Response> {
  return fetch(`${relayUrl}/api/offices/${officeId}/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invite }),
  });
}

/** Invites and joins a new device with `token` (an existing device's): its code and own token. */
export async function addDevice(relayUrl: string, officeId: string, token: string, deviceName = ''): Promise<{ deviceCode: string; token: string }> {
  const res = await joinWith(relayUrl, officeId, await createInvitation(relayUrl, officeId, token, { deviceName, createdBy: '王经理' }));
  if (res.status !== 201) throw new Error(`join refused: ${res.status}`);
  return (await res.json()) as { deviceCode: string; token: string };
}

/** Revokes device `code` with `token`; as the seeded test manager unless a `proof` (or `null`: none) is given. */
export async function revokeDevice(relayUrl: string, officeId: string, token: string, code: string, proof?: ManagerProof | null): Promise<number> {
  return (await revokeRequest(relayUrl, officeId, token, code, proof)).status;
}

export async function revokeRequest(relayUrl: string, officeId: string, token: string, code: string, proof?: ManagerProof | null): Promise<Response> {
  const body = proof === undefined ? await seedManager(relayUrl, officeId, token) : proof;
  return fetch(`${relayUrl}/api/offices/${officeId}/devices/${code}/revoke`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
}

export async function listDevices(relayUrl: string, officeId: string, token: string) {
  const res = await fetch(`${relayUrl}/api/offices/${officeId}/devices`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`list refused: ${res.status}`);
  return (await res.json()) as { self: string; devices: { code: string; name: string; joinedBy: string; joinedAt: string; lastSeen: string | null; revokedAt: string | null; legacy: boolean; migrated: boolean }[] };
}
