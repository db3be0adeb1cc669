/** The relay's two HTTP calls a device makes when it joins an office. */

export type RelayError = 'unreachable' | 'forbidden' | 'unauthorized' | 'failed';

export class RelayRequestError extends Error {
  constructor(readonly reason: RelayError) {
    super(reason);
  }
}

export const httpBase = (relayUrl: string) => relayUrl.replace(/^ws/, 'http').replace(/\/+$/, '');

async function post(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', ...init });
  } catch {
    throw new RelayRequestError('unreachable');
  }
  if (res.status === 401) throw new RelayRequestError('unauthorized');
  if (res.status === 403) throw new RelayRequestError('forbidden');
  if (!res.ok) throw new RelayRequestError('failed');
  return (await res.json()) as Record<string, unknown>;
}

export async function createOfficeOnRelay(relayUrl: string, name: string) {
  const body = await post(`${httpBase(relayUrl)}/api/offices`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  return { officeId: String(body.officeId), token: String(body.token), deviceCode: String(body.deviceCode), name: String(body.name) };
}

export async function registerDevice(relayUrl: string, officeId: string, token: string) {
  const body = await post(`${httpBase(relayUrl)}/api/offices/${encodeURIComponent(officeId)}/devices`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { deviceCode: String(body.deviceCode), name: String(body.name ?? '') };
}
