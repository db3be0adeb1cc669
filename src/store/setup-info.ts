import { httpBase } from './relay-api';

/** What the relay says about its LAN HTTPS (GET /api/setup-info): where tablets go to set up. */
export interface SetupInfo {
  tls: boolean;
  caName?: string;
  fingerprint256?: string;
  httpsPort?: number;
  setupUrls: string[];
  appUrls: string[];
  listensOnLan: boolean;
}

/** null when the relay cannot be asked (offline, or a relay without this endpoint). */
export async function fetchSetupInfo(relayUrl: string): Promise<SetupInfo | null> {
  try {
    const res = await fetch(`${httpBase(relayUrl)}/api/setup-info`, { cache: 'no-store' });
    if (!res.ok) return null;
    const body = (await res.json()) as Partial<SetupInfo>;
    const urls = (v: unknown) => (Array.isArray(v) ? v.filter((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u)) : []);
    return {
      tls: body.tls === true,
      caName: typeof body.caName === 'string' ? body.caName : undefined,
      fingerprint256: typeof body.fingerprint256 === 'string' ? body.fingerprint256 : undefined,
      httpsPort: typeof body.httpsPort === 'number' ? body.httpsPort : undefined,
      setupUrls: urls(body.setupUrls),
      appUrls: urls(body.appUrls),
      listensOnLan: body.listensOnLan === true,
    };
  } catch {
    return null;
  }
}
