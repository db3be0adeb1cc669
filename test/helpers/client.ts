import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/** A bare Yjs client in Node speaking the y-websocket protocol to the relay. */
export function yClient(wsBase: string, room: string, token: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(wsBase, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  // The relay's progress of a first sync in pieces (sync-server/first-sync.ts): the app shows it; here it is only heard.
  provider.messageHandlers[4] = () => undefined;
  return { doc, provider };
}

export function whenSynced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) return resolve();
    const on = (s: boolean) => {
      if (s) {
        provider.off('sync', on);
        resolve();
      }
    };
    provider.on('sync', on);
  });
}

/** Resolves when `check` holds, re-checking on every update of the given docs. */
export function until(check: () => boolean, docs: Y.Doc[], timeoutMs = 15_000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const on = () => {
      if (check()) {
        cleanup();
        resolve();
      }
    };
    const cleanup = () => {
      clearTimeout(timer);
      for (const d of docs) d.off('update', on);
    };
    for (const d of docs) d.on('update', on);
  });
}

export function closeEvent(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => provider.on('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? -1)));
}
