/**
 * The setup page tablets open on plain HTTP, and the rule that plain HTTP from another machine
 * reaches nothing else. "Another machine" is played by a front server on loopback that hands each
 * request to the relay's own handler with a LAN remote address on the socket: everything below
 * the socket (headers, redirects, bodies, upgrades) is the real relay.
 */
import { X509Certificate } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Relay } from '../../sync-server/relay';
import { detectPlatform, pickLanguage } from '../../sync-server/setup/platform';
import { parsePlist } from '../helpers/plist';
import { relayIn, removeDir, tempDir } from '../helpers/relay';

const UA = {
  android: 'Mozilla/5.0 (Linux; Android 14; SM-X210) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  ipadOld: 'Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1',
  ipados: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

let dir: string;
let relay: Relay;
let lan: Server;
let lanBase: string;

/** Hands a request to the relay as if it came from 192.168.1.23. */
const fromLan = (req: IncomingMessage) => Object.defineProperty(req.socket, 'remoteAddress', { value: '192.168.1.23', configurable: true });

beforeAll(async () => {
  dir = await tempDir('linli-setup-');
  const dist = join(dir, 'dist');
  await mkdir(dist);
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>邻里 app</title>');
  relay = await relayIn(join(dir, 'data'), {
    staticDir: dist,
    https: { port: 0, host: '127.0.0.1', caLabel: '<script>alert(1)</script>&"', cert: { addresses: () => ['192.168.1.5'] } },
  });
  lan = createServer((req, res) => {
    fromLan(req);
    relay.server.emit('request', req, res);
  });
  lan.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    fromLan(req);
    relay.server.emit('upgrade', req, socket, head);
  });
  await new Promise<void>((r) => lan.listen(0, '127.0.0.1', r));
  lanBase = `http://127.0.0.1:${(lan.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => lan.close(r));
  await relay.close();
  await removeDir(dir);
});

const get = (base: string, path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers, redirect: 'manual' });

/** node:http, for a Host header of our choosing (fetch sets its own). */
function getPage(path: string, headers: Record<string, string>): Promise<{ type: string; html: string }> {
  const url = new URL(lanBase);
  return new Promise((resolve, reject) => {
    httpRequest({ host: url.hostname, port: url.port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ type: String(res.headers['content-type']), html: body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('plain HTTP while the relay serves HTTPS', () => {
  it('gives a LAN client only the setup page, its downloads and /healthz', async () => {
    for (const path of ['/', '/customers/abc', '/index.html', '/api/offices/x/devices']) {
      const res = await get(lanBase, path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get('location')).toBe('/setup');
    }
    const create = await fetch(`${lanBase}/api/offices`, { method: 'POST', body: JSON.stringify({ name: 'x' }), redirect: 'manual' });
    expect(create.status).toBe(302);
    expect((await get(lanBase, '/setup')).status).toBe(200);
    expect((await get(lanBase, '/setup/linli-ca.crt')).status).toBe(200);
    expect((await get(lanBase, '/healthz')).status).toBe(200);
  });

  it('refuses a plain websocket from the LAN, keeps it for the PC itself', async () => {
    const office = await relay.offices.add('翠湖花园');
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${lanBase.replace('http', 'ws')}/${office.id}/office?token=${office.token}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(403);
    const local = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${relay.url.replace('http', 'ws')}/${office.id}/office?token=${office.token}`);
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    expect(local).toBe(101);
  });

  it('keeps the whole app on http://localhost for the PC', async () => {
    const res = await get(relay.url, '/customers/abc');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('邻里 app');
  });

  it('lets the setup page on http ask https://…/healthz (CORS)', async () => {
    const ca = relay.https!.ca!.certPem;
    const { request } = await import('node:https');
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      request({ host: '127.0.0.1', port: relay.https!.port, path: '/healthz', ca, headers: { origin: 'http://192.168.1.5:8787' } }, (res) => {
        res.resume();
        resolve(res.headers);
      })
        .on('error', reject)
        .end();
    });
    expect(headers['access-control-allow-origin']).toBe('*');
  });
});

describe('setup page', () => {
  it('detects the platform from the user agent', () => {
    expect(detectPlatform(UA.android)).toBe('android');
    expect(detectPlatform(UA.ipadOld)).toBe('ios');
    expect(detectPlatform(UA.ipados)).toBe('ios');
    expect(detectPlatform(UA.windows)).toBe('windows');
    expect(detectPlatform(UA.linux)).toBe('other');
    expect(detectPlatform(undefined)).toBe('other');
    expect(pickLanguage('zh-TW,zh;q=0.9')).toBe('zh-TW');
    expect(pickLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(pickLanguage('en;q=0.5,zh-CN')).toBe('zh-CN');
    expect(pickLanguage(undefined)).toBe('zh-CN');
  });

  it('shows the steps of the detected platform first and open, in zh-CN by default', async () => {
    const open = async (ua: string, lang?: string) => {
      const { type, html } = await getPage('/setup', { 'user-agent': ua, ...(lang ? { 'accept-language': lang } : {}), host: '192.168.1.5:8787' });
      expect(type).toBe('text/html; charset=utf-8');
      return { html, open: [...html.matchAll(/<details id="p-(\w+)"[^>]*\bopen>/g)].map((m) => m[1]), first: html.match(/<details id="p-(\w+)"/)![1] };
    };
    const android = await open(UA.android);
    expect(android).toMatchObject({ open: ['android'], first: 'android' });
    expect(android.html).toContain('<html lang="zh-CN">');
    expect(android.html).toContain('加密与凭据');
    expect(android.html).toContain('data-https="https://192.168.1.5:' + relay.https!.port + '"');
    expect(android.html).toContain(relay.https!.ca!.fingerprint256);
    expect(android.html).toMatch(/<svg class="pic" role="img" aria-label="[^"]+"/);
    expect(await open(UA.ipados)).toMatchObject({ open: ['ios'], first: 'ios' });
    const windows = await open(UA.windows);
    expect(windows).toMatchObject({ open: ['windows'], first: 'windows' });
    expect(windows.html).toContain('受信任的根证书颁发机构');
    expect((await open(UA.linux)).open).toEqual(['other']);
    expect((await open(UA.android, 'zh-TW')).html).toContain('加密和憑證');
    expect((await open(UA.android, 'en-GB')).html).toContain('Encryption &#38; credentials');
  });

  it('escapes what it puts into HTML: the CA name and the Host header', async () => {
    const { html } = await getPage('/setup', { host: '"><script>alert(2)</script>' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#38;&#34;');
    expect(html).toContain('data-https="https://192.168.1.5:'); // a Host that is no host name falls back to the LAN address
    expect(html.match(/<script>/g)).toHaveLength(1); // only the page's own check script
  });

  it('downloads the CA as DER .crt with the CA content type', async () => {
    const res = await get(lanBase, '/setup/linli-ca.crt');
    expect(res.headers.get('content-type')).toBe('application/x-x509-ca-cert');
    expect(res.headers.get('content-disposition')).toContain('linli-ca.crt');
    const der = Buffer.from(await res.arrayBuffer());
    expect(der[0]).toBe(0x30); // DER SEQUENCE, not "-----BEGIN"
    const cert = new X509Certificate(der);
    expect(cert.ca).toBe(true);
    expect(cert.fingerprint256).toBe(relay.https!.ca!.fingerprint256);
    expect(der.equals(new X509Certificate(relay.https!.ca!.certPem).raw)).toBe(true);
  });

  it('downloads an iOS profile: a valid plist with one com.apple.security.root payload holding the DER', async () => {
    const res = await get(lanBase, '/setup/linli-ca.mobileconfig');
    expect(res.headers.get('content-type')).toBe('application/x-apple-aspen-config');
    const plist = parsePlist(await res.text()) as Record<string, any>;
    expect(plist.PayloadType).toBe('Configuration');
    expect(plist.PayloadVersion).toBe(1);
    expect(plist.PayloadUUID).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-A[0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(plist.PayloadDisplayName).toBe(relay.https!.ca!.name);
    expect(plist.PayloadContent).toHaveLength(1);
    const payload = plist.PayloadContent[0];
    expect(payload.PayloadType).toBe('com.apple.security.root');
    expect(payload.PayloadUUID).not.toBe(plist.PayloadUUID);
    expect(Buffer.isBuffer(payload.PayloadContent)).toBe(true);
    expect((payload.PayloadContent as Buffer).equals(relay.https!.ca!.der)).toBe(true);
  });

  it('reports the setup URLs and the CA at /api/setup-info', async () => {
    const info = await (await get(relay.url, '/api/setup-info')).json();
    expect(info).toEqual({
      tls: true,
      caName: relay.https!.ca!.name,
      fingerprint256: relay.https!.ca!.fingerprint256,
      httpsPort: relay.https!.port,
      setupUrls: [`http://192.168.1.5:${relay.port}/setup`],
      appUrls: [`https://192.168.1.5:${relay.https!.port}/`],
      listensOnLan: false,
    });
  });
});
