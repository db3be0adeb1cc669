import { networkInterfaces } from 'node:os';

/** RFC 1918 ranges: the addresses a tablet on the office Wi-Fi reaches the PC by. */
export function isPrivateIPv4(ip: string): boolean {
  const m = ip.match(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

export const isIPv4 = (s: string) => /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(s);

/** Every private IPv4 address of this machine, sorted (so two calls compare equal). */
export function machinePrivateIPv4(): string[] {
  const found = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const addr of list ?? []) if (addr.family === 'IPv4' && !addr.internal && isPrivateIPv4(addr.address)) found.add(addr.address);
  }
  return [...found].sort();
}

/** The names a server certificate must carry: localhost and 127.0.0.1 always, then the given ones. */
export function certificateNames(addresses: readonly string[]): { dns: string[]; ips: string[] } {
  const ips = new Set<string>(['127.0.0.1']);
  const dns = new Set<string>(['localhost']);
  for (const a of addresses) (isIPv4(a) ? ips : dns).add(a);
  return { dns: [...dns].sort(), ips: [...ips].sort() };
}
