import { X509Certificate } from 'node:crypto';
import { connect } from 'node:tls';
import WebSocket from 'ws';

/** The certificate a fresh TLS handshake gets, verified against `ca` (rejects if not trusted). */
export function handshake(port: number, ca: string, host = '127.0.0.1'): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, ca, servername: host === '127.0.0.1' || /^\d/.test(host) ? undefined : host }, () => {
      const cert = socket.getPeerX509Certificate();
      socket.end();
      if (!cert) reject(new Error('no peer certificate'));
      else resolve(cert);
    });
    socket.once('error', reject);
  });
}

/** A `ws` WebSocket that trusts only `ca`: what a tablet that installed the office CA does. */
export function trustingWebSocket(ca: string): typeof globalThis.WebSocket {
  class TrustingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  }
  return TrustingWebSocket as unknown as typeof globalThis.WebSocket;
}
