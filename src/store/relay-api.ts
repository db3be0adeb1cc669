/** The relay's HTTP calls a device makes: creating or joining an office, and its devices. */
import type { DeviceListing } from '../domain/devices';

export type RelayError =
  | 'unreachable' | 'forbidden' | 'unauthorized' | 'revoked' | 'used' | 'expired' | 'failed'
  // Device administration (invite, revoke): the relay's own check of a manager's PIN, and its last-device rule.
  | 'manager-required' | 'pin-wrong' | 'pin-locked' | 'last-device';

export class RelayRequestError extends Error {
  constructor(readonly reason: RelayError, readonly detail: { until?: string; left?: number } = {}) {
    super(reason);
  }
}

/** What a manager's PIN proves to the relay before it changes the office's devices (sync-server/manager-proof.ts). */
export interface ManagerProof {
  staffId: string;
  pin: string;
}

export const httpBase = (relayUrl: string) => relayUrl.replace(/^ws/, 'http').replace(/\/+$/, '');

async function call(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new RelayRequestError('unreachable');
  }
  if (res.status === 401) {
    const error = String(((await res.json().catch(() => ({}))) as { error?: string }).error ?? '');
    if (error === 'revoked') throw new RelayRequestError('revoked');
    if (error === 'invitation-used') throw new RelayRequestError('used');
    if (error === 'invitation-expired') throw new RelayRequestError('expired');
    throw new RelayRequestError('unauthorized');
  }
  if (res.status === 403 || res.status === 409 || res.status === 429) {
    const body = (await res.json().catch(() => ({}))) as { error?: string; until?: string; left?: number };
    const known = ['manager-required', 'pin-wrong', 'pin-locked', 'last-device'] as const;
    const reason = known.find((k) => k === body.error);
    if (reason) throw new RelayRequestError(reason, { until: body.until, left: body.left });
    throw new RelayRequestError(res.status === 403 ? 'forbidden' : 'failed');
  }
  if (!res.ok) throw new RelayRequestError('failed');
  return (await res.json()) as Record<string, unknown>;
}

const post = (url: string, body: unknown, token?: string) =>
  call(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

const officeUrl = (relayUrl: string, officeId: string) => `${httpBase(relayUrl)}/api/offices/${encodeURIComponent(officeId)}`;

export async function createOfficeOnRelay(relayUrl: string, name: string) {
  const body = await post(`${httpBase(relayUrl)}/api/offices`, { name });
  return { officeId: String(body.officeId), token: String(body.token), deviceCode: String(body.deviceCode), name: String(body.name) };
}

/** Spends an invitation: this device gets its own code and token. */
export async function joinWithInvitation(relayUrl: string, officeId: string, invite: string) {
  const body = await post(`${officeUrl(relayUrl, officeId)}/devices`, { invite });
  return { deviceCode: String(body.deviceCode), token: String(body.token), name: String(body.name ?? '') };
}

export async function createInvitation(relayUrl: string, officeId: string, token: string, who: { createdBy: string; deviceName: string }, proof: ManagerProof) {
  const body = await post(`${officeUrl(relayUrl, officeId)}/invitations`, { ...who, ...proof }, token);
  return { code: String(body.code), expiresAt: String(body.expiresAt) };
}

export async function listDevices(relayUrl: string, officeId: string, token: string): Promise<{ devices: DeviceListing[]; self: string }> {
  const body = await call(`${officeUrl(relayUrl, officeId)}/devices`, { headers: { authorization: `Bearer ${token}` } });
  return { devices: body.devices as DeviceListing[], self: String(body.self) };
}

export async function revokeDevice(relayUrl: string, officeId: string, token: string, code: string, proof: ManagerProof): Promise<void> {
  await post(`${officeUrl(relayUrl, officeId)}/devices/${encodeURIComponent(code)}/revoke`, proof, token);
}

/** Resolves if the token is a valid device token; throws 'revoked' or 'unauthorized' otherwise. */
export async function checkDeviceToken(relayUrl: string, officeId: string, token: string): Promise<void> {
  await call(`${officeUrl(relayUrl, officeId)}/devices/self`, { headers: { authorization: `Bearer ${token}` } });
}

/** Swaps the office's old shared token for this device's own (once per device code). */
export async function migrateToDeviceToken(relayUrl: string, officeId: string, officeToken: string, deviceCode: string): Promise<string> {
  const body = await post(`${officeUrl(relayUrl, officeId)}/devices/migrate`, { deviceCode }, officeToken);
  return String(body.token);
}
