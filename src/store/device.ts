import type { Actor, CommandContext } from '../domain/actor';

/**
 * What this device knows about its office, kept in localStorage (tiny, read synchronously at
 * start so the first screen never waits): which office, how to reach its relay, the token,
 * the device's short code, and the staff profile chosen on it.
 */
export interface DeviceConfig {
  officeId: string;
  officeName: string;
  relayUrl: string;
  /** This device's own token (older devices: the office's shared token until migrated). */
  token: string;
  deviceCode: string;
  /** Set once `token` is known to be this device's own (joined by invitation, or migrated). */
  deviceToken?: boolean;
  staffId?: string;
  /** The chosen profile's name, so every command can say who made it without a lookup. */
  staffName?: string;
}

const KEY = 'linli.device';

/** Who acts (the profile chosen on this device, or the given actor) and when: every command carries it. */
export function contextFor(config: DeviceConfig, actor?: Actor, presenceName?: string): CommandContext {
  return {
    actor: actor ?? { staffId: config.staffId ?? '', name: config.staffName ?? presenceName ?? '', deviceCode: config.deviceCode },
    now: new Date().toISOString(),
  };
}

export function loadDeviceConfig(storage: Storage = localStorage): DeviceConfig | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as DeviceConfig;
    return parsed.officeId && parsed.token ? parsed : null;
  } catch {
    return null;
  }
}

export function saveDeviceConfig(config: DeviceConfig, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(config));
}


export interface JoinLink {
  relayUrl: string;
  officeId: string;
  officeName: string;
  /** A one-time invitation code (links made since device tokens). */
  invite?: string;
  /** The office's shared token (links made before device tokens; no longer admits a new tablet). */
  token?: string;
}

/** Reads /join#relay=…&office=…&invite=…&name=… (or an old link with token=…). */
export function parseJoinLink(hash: string): JoinLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const relayUrl = params.get('relay');
  const officeId = params.get('office');
  const invite = params.get('invite') ?? undefined;
  const token = params.get('token') ?? undefined;
  if (!relayUrl || !officeId || (!invite && !token)) return null;
  return { relayUrl, officeId, officeName: params.get('name') ?? '', invite, token };
}

/** The relay serving this app, as a websocket URL: ws://host:8787 or wss://… */
export function defaultRelayUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}
