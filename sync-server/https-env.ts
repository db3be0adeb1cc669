import { renderUnicodeCompact } from 'uqr';
import type { HttpsOptions } from './https';
import type { Relay } from './relay';
import { setupInfo } from './setup/routes';
import { isIPv4 } from './tls/addresses';

/**
 * LAN HTTPS from the environment:
 * - TLS=off: no HTTPS listener (a hosted relay behind Caddy/nginx, or plain localhost use);
 * - TLS_CERT + TLS_KEY: serve the office's own certificate files (re-read when they change);
 * - otherwise the relay's own CA in DATA_DIR/tls, named TLS_CA_NAME (default: the host name).
 * HTTPS_PORT (8443), HTTPS_HOST (default: HOST), TLS_EXTRA_NAMES: more names/IPs for the
 * certificate, comma-separated (tests add 127.0.0.2).
 */
export function httpsFromEnv(env: NodeJS.ProcessEnv): HttpsOptions | undefined {
  if (/^(off|0|false|no)$/i.test(env.TLS ?? '')) return undefined;
  if (!!env.TLS_CERT !== !!env.TLS_KEY) throw new Error('TLS_CERT and TLS_KEY go together');
  const extra = (env.TLS_EXTRA_NAMES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = extra.find((n) => !isIPv4(n) && !/^[a-z0-9.-]+$/i.test(n));
  if (bad) throw new Error(`TLS_EXTRA_NAMES: "${bad}" is neither an IPv4 address nor a host name`);
  return {
    port: Number(env.HTTPS_PORT ?? 8443),
    host: env.HTTPS_HOST || undefined,
    certFile: env.TLS_CERT || undefined,
    keyFile: env.TLS_KEY || undefined,
    caLabel: env.TLS_CA_NAME || undefined,
    cert: { extraAddresses: extra },
  };
}

/** At start: where tablets go (the setup page of each LAN address) and its QR code. */
export function printSetup(relay: Relay, host: string): void {
  const side = relay.https!;
  console.log(`Linli relay HTTPS on ${side.url}${side.ca ? ` (office CA "${side.ca.name}", SHA-256 ${side.ca.fingerprint256})` : ''}`);
  if (!side.ca) return;
  const info = setupInfo({
    ca: side.ca,
    httpPort: relay.port,
    httpsPort: side.port,
    lanAddresses: () => side.addresses().filter((a) => a !== 'localhost' && a !== '127.0.0.1'),
    listensOnLan: host !== '127.0.0.1' && host !== 'localhost',
  });
  if (!info.listensOnLan) {
    console.log(`Listening on ${host} only: tablets cannot reach it. Set HOST=0.0.0.0 to serve the office network.`);
    return;
  }
  if (info.setupUrls.length === 0) {
    console.log('No private network address found: connect this PC to the office network (the certificate follows within a minute).');
    return;
  }
  console.log('Tablets: open the setup page and follow it / 平板请打开设置页，按提示操作:');
  for (const url of info.setupUrls) console.log(`  ${url}`);
  console.log(renderUnicodeCompact(info.setupUrls[0], { border: 1 }));
}
