import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { OfficeCa } from '../tls/ca';
import { isIPv4 } from '../tls/addresses';
import { renderSetupPage } from './page';
import { detectPlatform, pickLanguage, PLATFORMS, type Platform } from './platform';
import { mobileconfig } from './profile';

export interface SetupContext {
  /** The relay's CA; absent when TLS is off or the office brings its own certificate. */
  ca?: OfficeCa;
  httpPort: number;
  httpsPort?: number;
  /** The LAN addresses the certificate names (no localhost / 127.0.0.1). */
  lanAddresses(): string[];
  /** False when the plain listener is bound to loopback only (tablets cannot reach it). */
  listensOnLan: boolean;
}

const isLoopback = (addr: string | undefined) => !!addr && (addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.'));

/** What plain HTTP from another machine may reach while the relay serves HTTPS itself. */
const LAN_PLAIN = /^\/(setup(\/.*)?|healthz|api\/setup-info)$/;

/**
 * The setup page and its downloads, GET /api/setup-info, and the rule for plain HTTP: with the
 * relay's HTTPS on, a tablet on plain HTTP gets only the setup page (everything else redirects
 * there), while the PC itself keeps the whole app on http://localhost. Returns true if it answered.
 */
export function routeSetup(req: IncomingMessage, res: ServerResponse, ctx: SetupContext): boolean {
  const url = new URL(req.url ?? '/', 'http://relay');
  const path = url.pathname;
  const encrypted = !!(req.socket as TLSSocket).encrypted;
  if (ctx.httpsPort && !encrypted && !isLoopback(req.socket.remoteAddress) && !LAN_PLAIN.test(path)) {
    res.writeHead(302, { location: '/setup', 'cache-control': 'no-store' }).end();
    return true;
  }
  if (path === '/api/setup-info' && req.method === 'GET') {
    // No secret in it (addresses, the CA's public fingerprint): any origin of the office may ask.
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(setupInfo(ctx)));
    return true;
  }
  if (!/^\/setup(\/.*)?$/.test(path)) return false;
  const ca = ctx.ca;
  if (!ca && ctx.httpsPort) {
    // The office's own certificate (TLS_CERT): nothing to install, go straight to the app.
    res.writeHead(302, { location: `https://${hostOf(req.headers.host, ctx)}:${ctx.httpsPort}/`, 'cache-control': 'no-store' }).end();
    return true;
  }
  if (!ca || !ctx.httpsPort) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('这台邻里服务器没有启用自带的 HTTPS / this relay does not run its own HTTPS');
    return true;
  }
  if (path === '/setup/linli-ca.crt') {
    res.writeHead(200, {
      'content-type': 'application/x-x509-ca-cert',
      'content-disposition': 'attachment; filename="linli-ca.crt"',
      'content-length': ca.der.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : ca.der);
    return true;
  }
  if (path === '/setup/linli-ca.mobileconfig') {
    const body = Buffer.from(mobileconfig(ca), 'utf8');
    res.writeHead(200, {
      'content-type': 'application/x-apple-aspen-config',
      'content-disposition': 'attachment; filename="linli-ca.mobileconfig"',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  if (path !== '/setup' && path !== '/setup/') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return true;
  }
  const asked = url.searchParams.get('platform') as Platform | null;
  const lang = url.searchParams.get('lang');
  const language = lang === 'zh-CN' || lang === 'zh-TW' || lang === 'en' ? lang : pickLanguage(req.headers['accept-language']);
  const html = renderSetupPage({
    lang: language,
    platform: asked && PLATFORMS.includes(asked) ? asked : detectPlatform(req.headers['user-agent']),
    host: hostOf(req.headers.host, ctx),
    httpsPort: ctx.httpsPort,
    ca: { name: ca.name, fingerprint256: ca.fingerprint256, validTo: ca.cert.notAfter.toISOString().slice(0, 10) },
  });
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-language': language,
    vary: 'user-agent, accept-language',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
  return true;
}

/** The host the tablet typed, when it is a plain IPv4 or host name; else the first LAN address. */
function hostOf(header: string | undefined, ctx: SetupContext): string {
  const name = (header ?? '').replace(/:\d+$/, '').toLowerCase();
  if (isIPv4(name) || /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(name)) return name;
  return ctx.lanAddresses()[0] ?? 'localhost';
}

export interface SetupInfo {
  tls: boolean;
  caName?: string;
  fingerprint256?: string;
  httpsPort?: number;
  /** http://<lan-ip>:<port>/setup for each LAN address. */
  setupUrls: string[];
  /** https://<lan-ip>:<https-port>/ for each LAN address. */
  appUrls: string[];
  listensOnLan: boolean;
}

export function setupInfo(ctx: SetupContext): SetupInfo {
  if (!ctx.ca || !ctx.httpsPort) return { tls: false, setupUrls: [], appUrls: [], listensOnLan: ctx.listensOnLan };
  const lan = ctx.lanAddresses();
  return {
    tls: true,
    caName: ctx.ca.name,
    fingerprint256: ctx.ca.fingerprint256,
    httpsPort: ctx.httpsPort,
    setupUrls: lan.map((ip) => `http://${ip}:${ctx.httpPort}/setup`),
    appUrls: lan.map((ip) => `https://${ip}:${ctx.httpsPort}/`),
    listensOnLan: ctx.listensOnLan,
  };
}
