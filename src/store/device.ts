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
  token: string;
  deviceCode: string;
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


/** The link (and QR code) that lets another tablet join: relay, office id and token. */
export function joinLink(appOrigin: string, config: Pick<DeviceConfig, 'relayUrl' | 'officeId' | 'token' | 'officeName'>): string {
  const params = new URLSearchParams({ relay: config.relayUrl, office: config.officeId, token: config.token, name: config.officeName });
  return `${appOrigin}/join#${params.toString()}`;
}

export function parseJoinLink(hash: string): Pick<DeviceConfig, 'relayUrl' | 'officeId' | 'token' | 'officeName'> | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const relayUrl = params.get('relay');
  const officeId = params.get('office');
  const token = params.get('token');
  if (!relayUrl || !officeId || !token) return null;
  return { relayUrl, officeId, token, officeName: params.get('name') ?? '' };
}

/** The relay serving this app, as a websocket URL: ws://host:8787 or wss://… */
export function defaultRelayUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}
