/**
 * The relay's own HTTPS: the office CA and the server certificate it issues (checked with
 * node:crypto's X509Certificate), reuse across restarts, renewal by the timer without a restart
 * and without the CA changing while a y-websocket client over wss keeps syncing, and renewal when
 * the machine's addresses change.
 */
import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { x509 } from '../../sync-server/tls/x509';
import { isPrivateIPv4, certificateNames } from '../../sync-server/tls/addresses';
import type { Relay } from '../../sync-server/relay';
import { until, whenSynced } from '../helpers/client';
import { relayIn, removeDir, tempDir } from '../helpers/relay';
import { handshake, trustingWebSocket } from '../helpers/tls';

const DAY = 24 * 60 * 60 * 1000;
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function httpsRelay(extra: Parameters<typeof relayIn>[1] extends infer T ? T : never = {}, dir?: string): Promise<{ relay: Relay; dir: string; lines: string[] }> {
  const dataDir = dir ?? (await tempDir('linli-tls-'));
  if (!dir) cleanups.push(() => removeDir(dataDir));
  const lines: string[] = [];
  const relay = await relayIn(dataDir, { log: (l) => lines.push(l), https: { port: 0, host: '127.0.0.1', caLabel: '翠湖花园', cert: { addresses: () => [], extraAddresses: ['127.0.0.2'] } }, ...extra });
  cleanups.push(() => relay.close());
  return { relay, dir: dataDir, lines };
}

const sigAlg = (pem: string) => new x509.X509Certificate(pem).signatureAlgorithm as { name: string; hash: { name: string } };

describe('office CA and server certificate', () => {
  it('makes a P-256/SHA-256 CA (CA:true, keyCertSign, ~10 years, key 0600) and a server certificate it signed', async () => {
    const { relay, dir } = await httpsRelay();
    const caPem = await readFile(join(dir, 'tls/ca.crt'), 'utf8');
    const ca = new X509Certificate(caPem);
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=Linli 翠湖花园 CA');
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(sigAlg(caPem)).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-256' } });
    const usage = new x509.X509Certificate(caPem).getExtension(x509.KeyUsagesExtension)!;
    expect(usage.usages & x509.KeyUsageFlags.keyCertSign).toBeTruthy();
    expect(usage.usages & x509.KeyUsageFlags.cRLSign).toBeTruthy();
    const years = (Date.parse(ca.validTo) - Date.parse(ca.validFrom)) / (365 * DAY);
    expect(years).toBeGreaterThan(9.9);
    expect((await stat(join(dir, 'tls/ca.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'tls/server.key'))).mode & 0o777).toBe(0o600);

    // What a client really gets in the handshake, trusting only the CA.
    const leaf = await handshake(relay.https!.port, caPem);
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkIP('127.0.0.2')).toBe('127.0.0.2');
    expect(leaf.checkIP('127.0.0.9')).toBeUndefined();
    expect(leaf.checkHost('localhost')).toBe('localhost');
    expect(leaf.subjectAltName).toContain('IP Address:127.0.0.2');
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // extended key usage: serverAuth only
    expect(leaf.ca).toBe(false);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(sigAlg(leaf.toString())).toMatchObject({ name: 'ECDSA', hash: { name: 'SHA-256' } });
    expect(leaf.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const from = Date.parse(leaf.validFrom);
    expect(Date.parse(leaf.validTo) - from).toBeLessThanOrEqual(397 * DAY);
    expect(Date.now() - from).toBeGreaterThan(DAY - 60_000); // a day early, for late tablet clocks
    expect(Date.now() - from).toBeLessThan(DAY + 60_000);

    // The CA key is never served, by any path.
    for (const path of ['/tls/ca.key', '/../tls/ca.key', '/setup/ca.key', '/setup/linli-ca.key']) {
      const body = await fetch(`${relay.url}${path}`).then((r) => r.text());
      expect(body).not.toContain('PRIVATE KEY');
    }
  });

  it('keeps its CA and a good server certificate across restarts', async () => {
    const first = await httpsRelay();
    const caPem = await readFile(join(first.dir, 'tls/ca.crt'), 'utf8');
    const before = await handshake(first.relay.https!.port, caPem);
    await first.relay.close();
    const second = await httpsRelay({}, first.dir);
    expect(await readFile(join(first.dir, 'tls/ca.crt'), 'utf8')).toBe(caPem);
    expect((await handshake(second.relay.https!.port, caPem)).fingerprint256).toBe(before.fingerprint256);
    expect(second.lines.join('\n')).not.toContain('server certificate issued');
  });

  it('renews a certificate about to expire by itself, without a restart or a new CA; a wss client keeps syncing', async () => {
    const { relay, dir } = await httpsRelay({
      https: { port: 0, host: '127.0.0.1', cert: { addresses: () => [], validityMs: 8000, backdateMs: 1000, renewBeforeMs: 5000, checkEveryMs: 100 } },
    });
    const caPem = await readFile(join(dir, 'tls/ca.crt'), 'utf8');
    const caFingerprint = relay.https!.ca!.fingerprint256;
    const port = relay.https!.port;
    const first = await handshake(port, caPem);
    const office = await relay.offices.add('翠湖花园');
    const wss = `wss://127.0.0.1:${port}`;
    const open = (doc = new Y.Doc()) =>
      new WebsocketProvider(wss, `${office.id}/office`, doc, { params: { token: office.token }, WebSocketPolyfill: trustingWebSocket(caPem), disableBc: true, maxBackoffTime: 300 });
    const a = open();
    cleanups.push(() => a.destroy());
    await whenSynced(a);
    a.doc.getMap('settings').set('before', 1);
    const socketBefore = a.ws;

    // No call from here: the relay's own timer renews (validity 8 s, renew 5 s before the end).
    const renewed = await new Promise<X509Certificate>((resolve) => relay.https!.certs.onChange((next) => resolve(new X509Certificate(next.cert))));
    expect(renewed.serialNumber).not.toBe(first.serialNumber);
    const second = await handshake(port, caPem);
    expect(second.fingerprint256).toBe(renewed.fingerprint256);
    expect(second.fingerprint256).not.toBe(first.fingerprint256);
    expect(Date.parse(second.validTo)).toBeGreaterThan(Date.parse(first.validTo));
    expect(relay.https!.ca!.fingerprint256).toBe(caFingerprint);
    expect(await readFile(join(dir, 'tls/ca.crt'), 'utf8')).toBe(caPem);

    // The tablet that was connected is still on the same socket and its edits still flow.
    expect(a.ws).toBe(socketBefore);
    a.doc.getMap('settings').set('after', 2);
    const b = open();
    cleanups.push(() => b.destroy());
    await whenSynced(b);
    await until(() => b.doc.getMap('settings').get('after') === 2 && b.doc.getMap('settings').get('before') === 1, [b.doc], 10_000, 'edit after renewal');
    b.doc.getMap('settings').set('fromB', 3);
    await until(() => a.doc.getMap('settings').get('fromB') === 3, [a.doc], 10_000, 'edit to the old socket');
    expect(a.ws).toBe(socketBefore);
  });

  it('issues a new certificate when the machine’s addresses change, and says so loudly', async () => {
    const addresses = ['127.0.0.2'];
    const { relay, dir, lines } = await httpsRelay({
      https: { port: 0, host: '127.0.0.1', cert: { addresses: () => [...addresses], checkEveryMs: 100 } },
    });
    const caPem = await readFile(join(dir, 'tls/ca.crt'), 'utf8');
    expect((await handshake(relay.https!.port, caPem)).checkIP('127.0.0.3')).toBeUndefined();
    const renewed = new Promise<void>((resolve) => relay.https!.certs.onChange(() => resolve()));
    addresses.splice(0, 1, '127.0.0.3');
    await renewed;
    const leaf = await handshake(relay.https!.port, caPem);
    expect(leaf.checkIP('127.0.0.3')).toBe('127.0.0.3');
    expect(leaf.checkIP('127.0.0.2')).toBeUndefined();
    expect(lines.some((l) => l.includes('WARNING') && l.includes('addresses changed'))).toBe(true);
  });

  it('a client that does not trust the CA is refused', async () => {
    const { relay } = await httpsRelay();
    await expect(handshake(relay.https!.port, '')).rejects.toThrow(/self.signed|unable to (get|verify)|certificate/i);
  });
});

describe('addresses', () => {
  it('takes only private IPv4 ranges, and always names localhost and 127.0.0.1', () => {
    expect(['10.1.2.3', '172.16.0.1', '172.31.255.1', '192.168.1.20'].every(isPrivateIPv4)).toBe(true);
    expect(['8.8.8.8', '172.32.0.1', '127.0.0.1', '169.254.1.1', '100.64.0.1', 'fe80::1'].some(isPrivateIPv4)).toBe(false);
    expect(certificateNames(['192.168.1.20', 'pc.office.lan'])).toEqual({ dns: ['localhost', 'pc.office.lan'], ips: ['127.0.0.1', '192.168.1.20'] });
  });
});

describe('the office’s own certificate (TLS_CERT / TLS_KEY) and the environment', () => {
  it('serves the given files, and the new ones after they change, without a restart', async () => {
    const { loadOrCreateCa } = await import('../../sync-server/tls/ca');
    const { issueServerCert } = await import('../../sync-server/tls/certs');
    const { writeFile, utimes } = await import('node:fs/promises');
    const dir = await tempDir('linli-owncert-');
    cleanups.push(() => removeDir(dir));
    const ca = await loadOrCreateCa(join(dir, 'their-ca'), 'their company');
    const write = async (n: number) => {
      const pair = await issueServerCert(ca, { addresses: [] });
      await writeFile(join(dir, 'cert.pem'), pair.cert);
      await writeFile(join(dir, 'key.pem'), pair.key);
      const t = new Date(Date.now() + n * 1000); // a visibly newer mtime
      await utimes(join(dir, 'cert.pem'), t, t);
      return new X509Certificate(pair.cert);
    };
    const first = await write(0);
    const relay = await relayIn(join(dir, 'data'), { https: { port: 0, host: '127.0.0.1', certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem'), cert: { checkEveryMs: 100 } } });
    cleanups.push(() => relay.close());
    expect(relay.https!.ca).toBeUndefined(); // no relay CA made or offered
    expect((await handshake(relay.https!.port, ca.certPem)).fingerprint256).toBe(first.fingerprint256);
    const changed = new Promise<void>((resolve) => relay.https!.certs.onChange(() => resolve()));
    const second = await write(5);
    await changed;
    expect((await handshake(relay.https!.port, ca.certPem)).fingerprint256).toBe(second.fingerprint256);
    // Nothing to install: the setup page sends the tablet to the HTTPS address.
    const setup = await fetch(`${relay.url}/setup`, { redirect: 'manual' });
    expect(setup.status).toBe(302);
    expect(setup.headers.get('location')).toBe(`https://127.0.0.1:${relay.https!.port}/`);
  });

  it('reads TLS, HTTPS_PORT, TLS_CERT/TLS_KEY and TLS_EXTRA_NAMES', async () => {
    const { httpsFromEnv } = await import('../../sync-server/https-env');
    expect(httpsFromEnv({ TLS: 'off' })).toBeUndefined();
    expect(httpsFromEnv({})).toMatchObject({ port: 8443, certFile: undefined, cert: { extraAddresses: [] } });
    expect(httpsFromEnv({ HTTPS_PORT: '0', TLS_EXTRA_NAMES: '127.0.0.2, pc.office.lan' })).toMatchObject({ port: 0, cert: { extraAddresses: ['127.0.0.2', 'pc.office.lan'] } });
    expect(httpsFromEnv({ TLS_CERT: '/a.pem', TLS_KEY: '/b.pem' })).toMatchObject({ certFile: '/a.pem', keyFile: '/b.pem' });
    expect(() => httpsFromEnv({ TLS_CERT: '/a.pem' })).toThrow(/go together/);
    expect(() => httpsFromEnv({ TLS_EXTRA_NAMES: 'a b' })).toThrow(/TLS_EXTRA_NAMES/);
  });
});
