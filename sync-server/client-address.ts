import type { IncomingMessage } from 'node:http';

/**
 * Who is asking: the socket's peer, or — when that peer is a reverse proxy the office declared
 * trusted (RELAY_TRUST_PROXY) — the client the proxy names in X-Forwarded-For. A request that
 * arrives from loopback carrying forwarding headers from a proxy nobody declared is a proxied
 * request from an unknown client: never treated as "this machine".
 */
export interface ClientAddress {
  address: string;
  /** True only when the client is known to be the relay's own machine. */
  loopback: boolean;
}

export const isLoopback = (addr: string | undefined): boolean =>
  !!addr && (addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.'));

const plain = (addr: string) => addr.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** RELAY_TRUST_PROXY: `loopback`, or a comma-separated list of proxy addresses; empty for none. */
export function trustedProxies(spec: string | undefined): (addr: string) => boolean {
  const items = (spec ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!items.length) return () => false;
  return (addr) => items.some((item) => (item === 'loopback' ? isLoopback(addr) : plain(item) === plain(addr)));
}

const FORWARDING = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

export function clientAddress(req: IncomingMessage, trusted: (addr: string) => boolean): ClientAddress {
  const peer = plain(req.socket.remoteAddress ?? '');
  const proxied = FORWARDING.some((h) => req.headers[h] !== undefined);
  if (!trusted(peer)) return { address: peer, loopback: isLoopback(peer) && !proxied };
  // From the right, the first hop that is not one of our proxies is the client; when every hop
  // is one (a browser on the relay machine through its own proxy), the first one.
  const hops = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => plain(s.trim())).filter(Boolean);
  const client = [...hops].reverse().find((h) => !trusted(h)) ?? hops[0];
  // A trusted proxy that names nobody (nginx without X-Forwarded-For): unknown, so not this machine.
  if (!client) return { address: peer, loopback: false };
  return { address: client, loopback: isLoopback(client) };
}

/**
 * Whether a browser request comes from a page of this relay's own origin. Browsers send
 * `Origin` on every POST, `no-cors` ones included; tools (curl, the CLI) send none and are
 * judged by address alone.
 */
export function sameOrigin(req: IncomingMessage, trusted: (addr: string) => boolean, publicUrl?: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers['sec-fetch-site'] !== 'cross-site';
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
  const hosts = [req.headers.host];
  if (trusted(plain(req.socket.remoteAddress ?? ''))) hosts.push(String(req.headers['x-forwarded-host'] ?? '').split(',')[0].trim());
  if (publicUrl) hosts.push(new URL(publicUrl).host);
  return hosts.some((h) => !!h && h === host);
}
