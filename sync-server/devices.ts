import { hashSecret, newSecret, secretMatches } from './secrets';

/**
 * One tablet (or PC, or y-websocket client) of an office, as the relay keeps it: its own token
 * (hashed), the short code it numbers paper records with, and what the devices page shows.
 */
export interface DeviceEntry {
  code: string;
  tokenHash: string;
  /** What the manager called it when inviting it ("前台平板"); may be empty. */
  name: string;
  /** Who brought it into the office: the staff name the inviting tablet gave. */
  joinedBy: string;
  joinedAt: string;
  lastSeen?: string;
  revokedAt?: string;
  /** Joined before device tokens existed and swapped the office token for its own. */
  migrated?: boolean;
}

/** What the devices page gets: never a hash. */
export interface DeviceView {
  code: string;
  name: string;
  joinedBy: string;
  joinedAt: string;
  lastSeen: string | null;
  revokedAt: string | null;
  migrated: boolean;
  /** A device code handed out with the old office token and not yet swapped for a device token. */
  legacy: boolean;
}

export function newDevice(code: string, now: string, who: { name?: string; joinedBy?: string } = {}): { entry: DeviceEntry; token: string } {
  const token = newSecret();
  return {
    token,
    entry: { code, tokenHash: hashSecret(token), name: (who.name ?? '').trim().slice(0, 60), joinedBy: (who.joinedBy ?? '').trim().slice(0, 60), joinedAt: now },
  };
}

/** The device this token belongs to, revoked or not (the caller decides what a revoked one gets). */
export function deviceByToken(devices: DeviceEntry[], token: string): DeviceEntry | undefined {
  // Every entry is compared, so the time taken does not say which one matched.
  let found: DeviceEntry | undefined;
  for (const d of devices) if (secretMatches(token, d.tokenHash)) found = d;
  return found;
}

export function viewOf(d: DeviceEntry): DeviceView {
  return { code: d.code, name: d.name, joinedBy: d.joinedBy, joinedAt: d.joinedAt, lastSeen: d.lastSeen ?? null, revokedAt: d.revokedAt ?? null, migrated: !!d.migrated, legacy: false };
}

/** Device codes in the order they are handed out: A … Z, then AA, AB … */
export function deviceCodeFor(n: number): string {
  let code = '';
  let i = n;
  do {
    code = String.fromCharCode(65 + (i % 26)) + code;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return code;
}

/** The inverse of deviceCodeFor (A → 0, Z → 25, AA → 26); -1 for anything else. */
export function deviceCodeIndex(code: string): number {
  if (!/^[A-Z]{1,4}$/.test(code)) return -1;
  let n = 0;
  for (const ch of code) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
