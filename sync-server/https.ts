import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { loadOrCreateCa, type OfficeCa } from './tls/ca';
import { FileCert, ManagedCert, type CertSource, type ManagedCertOptions } from './tls/certs';

/**
 * HTTPS for the office LAN: the same app, API and websocket as the plain listener, on a TLS
 * listener whose certificate the relay makes with its own CA (or the office's own files). A
 * renewed certificate is swapped in with setSecureContext: open sockets stay, new handshakes
 * get the new certificate.
 */
export interface HttpsOptions {
  /** 8443 by default; 0 picks a free port (tests). */
  port?: number;
  /** Interface to listen on; the relay's HOST by default. */
  host?: string;
  /** The office's own certificate instead of the relay's CA (TLS_CERT / TLS_KEY). */
  certFile?: string;
  keyFile?: string;
  /** Names the CA on first start ("Linli <label> CA"); the machine's host name by default. */
  caLabel?: string;
  /** Validity, renewal and addresses of the relay-made certificate. */
  cert?: ManagedCertOptions;
}

export interface HttpsSide {
  server: Server;
  url: string;
  port: number;
  certs: CertSource;
  /** The relay's CA; absent when the office brings its own certificate. */
  ca?: OfficeCa;
  /** The addresses the certificate names (relay-made certificates only). */
  addresses(): string[];
  close(): Promise<void>;
}

export interface HttpsWiring {
  dataDir: string;
  host: string;
  handle(req: IncomingMessage, res: ServerResponse): void;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  log(line: string): void;
}

export async function startHttps(options: HttpsOptions, wiring: HttpsWiring): Promise<HttpsSide> {
  let ca: OfficeCa | undefined;
  let certs: CertSource;
  let managed: ManagedCert | undefined;
  if (options.certFile && options.keyFile) {
    certs = await FileCert.start(options.certFile, options.keyFile, options.cert?.checkEveryMs, wiring.log);
  } else {
    const made = await loadOrCreateCa(wiring.dataDir, options.caLabel ?? hostname());
    ca = made;
    if (made.created) wiring.log(`tls: created the office CA "${made.name}" (SHA-256 ${made.fingerprint256})`);
    managed = await ManagedCert.start(made, wiring.dataDir, { log: wiring.log, ...options.cert });
    certs = managed;
  }
  const server = createServer({ ...certs.current(), minVersion: 'TLSv1.2' }, wiring.handle);
  certs.onChange((next) => server.setSecureContext({ ...next, minVersion: 'TLSv1.2' }));
  server.on('upgrade', wiring.upgrade);
  // A client that does not trust the CA aborts the handshake: an event, not a failure.
  server.on('tlsClientError', () => undefined);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8443, options.host ?? wiring.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    certs.close();
    throw err;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `https://${host}:${address.port}`,
    port: address.port,
    certs,
    ca,
    addresses: () => managed?.wanted() ?? [],
    async close() {
      certs.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
