/** The relay's device API as a tablet uses it (see sync-server/device-api.ts). */

export async function createInvitation(relayUrl: string, officeId: string, token: string, body: { createdBy?: string; deviceName?: string } = {}): Promise<string> {
  const res = await fetch(`${relayUrl}/api/offices/${officeId}/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`invitation refused: ${res.status}`);
  return ((await res.json()) as { code: string }).code;
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

export async function revokeDevice(relayUrl: string, officeId: string, token: string, code: string): Promise<number> {
  const res = await fetch(`${relayUrl}/api/offices/${officeId}/devices/${code}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  return res.status;
}

export async function listDevices(relayUrl: string, officeId: string, token: string) {
  const res = await fetch(`${relayUrl}/api/offices/${officeId}/devices`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`list refused: ${res.status}`);
  return (await res.json()) as { self: string; devices: { code: string; name: string; joinedBy: string; joinedAt: string; lastSeen: string | null; revokedAt: string | null; legacy: boolean; migrated: boolean }[] };
}
