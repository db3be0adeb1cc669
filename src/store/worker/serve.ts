import type { ShardName } from '../../domain/shards';
import type { DeviceConfig } from '../device';
import type { OfficeStore } from '../office-store';
import type { CallMessage, FromWorker, ToWorker } from './protocol';

/** The two ends of a message channel: a worker's global scope, a Worker, or a MessagePort. */
export interface Port {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export type OpenStore = (config: DeviceConfig, online: boolean) => OfficeStore;

/**
 * Serves one office over a port: the sync worker's whole job (see `office-worker.ts`), kept
 * apart from the worker's global scope so that Node tests drive the same code through a
 * MessageChannel, structured cloning included.
 */
export function serveOffice(port: Port, open: OpenStore): void {
  let store: OfficeStore | null = null;
  const watches = new Map<number, () => void>();

  function post(message: FromWorker, transfer: Transferable[] = []): void {
    port.postMessage(message, transfer);
  }

  async function call(message: CallMessage): Promise<unknown> {
    if (!store) throw new Error('office not open');
    switch (message.name) {
      case 'run':
        return store.run(message.args.command);
      case 'read':
        return store.read(message.args.shard, message.args.collection, message.args.id);
      case 'readAll':
        return store.readAll(message.args.shard, message.args.collection);
      case 'load':
        return store.load(message.args.shard);
      case 'encodeShards':
        return store.encodeShards();
      case 'readSheets':
        return store.readSheets(message.args.source);
      case 'close': {
        for (const stop of watches.values()) stop();
        watches.clear();
        await store.close();
        store = null;
        return undefined;
      }
    }
  }

  /** Loads the shards the first screens need, one after another, after the office shard. */
  async function preload(office: OfficeStore, shards: ShardName[]): Promise<void> {
    for (const shard of shards) {
      if (store !== office) return;
      await office.load(shard);
    }
  }

  port.onmessage = (event: MessageEvent<ToWorker>) => {
    const message = event.data;
    switch (message.type) {
      case 'open': {
        if (store) return;
        const office = open(message.config, message.online);
        store = office;
        office.sync.subscribe((status) => post({ type: 'status', status }));
        office.presence.subscribe((peers) => post({ type: 'peers', peers }));
        void preload(office, message.preload).catch((err) => console.error('Linli: could not load the office', err));
        return;
      }
      case 'config':
        if (store) Object.assign(store.config, message.config);
        return;
      case 'online':
        store?.sync.setOnline(message.online);
        return;
      case 'presence':
        if ('user' in message) store?.presence.setUser(message.user ?? null);
        if ('viewing' in message) store?.presence.setViewing(message.viewing ?? null);
        return;
      case 'watch':
        watches.set(message.watchId, store!.watch(message.shard, message.collection, message.id, (record) => post({ type: 'record', watchId: message.watchId, record })));
        return;
      case 'unwatch':
        watches.get(message.watchId)?.();
        watches.delete(message.watchId);
        return;
      case 'call':
        call(message).then(
          (value) => post({ type: 'reply', callId: message.callId, ok: true, value }, transferables(value)),
          (err: unknown) => post({ type: 'reply', callId: message.callId, ok: false, error: err instanceof Error ? err.message : String(err) }),
        );
        return;
    }
  };
}

/** Large binary results (backups) move to the page instead of being copied. */
function transferables(value: unknown): Transferable[] {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return [];
  return Object.values(value).flatMap((v) => (v instanceof Uint8Array ? [v.buffer] : []));
}
