import type { DexieOptions } from 'dexie';
import { createSignal } from 'solid-js';
import type { Actor, CommandContext } from '../domain/actor';
import type { Command } from '../domain/ops';
import { fail, type Result } from '../domain/result';
import type { CollectionName, ShardName } from '../domain/shards';
import { LinliDB } from './db';
import { holdDeviceTables } from './device-tables';
import { contextFor, type DeviceConfig } from './device';
import type { Office, PlainRecord, SheetSource } from './office-api';
import type { RawSheet } from './spreadsheet';
import type { PeerState, PresenceUser } from './presence';
import type { SyncStatus } from './sync';
import type { CallName, Calls, FromWorker, ToWorker } from './worker/protocol';
import type { Port } from './worker/serve';

/**
 * The page's side of the office: reads the projection with its own Dexie connection and hands
 * everything else — commands, record snapshots, sync, presence — to the sync worker. A
 * command's promise resolves when the worker reports it on disk, as `OfficeStore.run` does.
 */
export class OfficeClient implements Office {
  readonly db: LinliDB;
  private port: Port | null = null;
  private worker: Worker | null = null;
  private readonly givenPort: Port | undefined;
  /** Messages sent before the worker started, delivered in order when it does. */
  private queued: ToWorker[] = [];
  private nextId = 1;
  private readonly calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly watchers = new Map<number, (record: PlainRecord | null) => void>();
  private readonly statusSignal = createSignal<SyncStatus>({ state: 'offline', pending: 0 });
  private readonly peersSignal = createSignal<PeerState[]>([]);
  private user: PresenceUser | null = null;
  private closed = false;
  private markedUsable = false;
  private wrote: () => void = () => {};
  /**
   * Resolves once a command of this tab is on disk: the session holds the directory's load back
   * until then on a tab opened on a form (src/ui/session.ts), so the first save does not queue
   * behind it in the worker.
   */
  readonly firstSave = new Promise<void>((resolve) => (this.wrote = resolve));

  readonly sync = { status: this.statusSignal[0] };
  readonly presence = {
    peers: this.peersSignal[0],
    me: () => this.user,
    setUser: (user: PresenceUser | null) => {
      this.user = user;
      this.send({ type: 'presence', user });
    },
    setViewing: (viewing: string | null) => this.send({ type: 'presence', viewing }),
  };

  /** `port`: where the office is served; by default a new sync worker (tests pass a MessagePort, and their device's IndexedDB). */
  constructor(readonly config: DeviceConfig, preload: ShardName[], { port, dexie }: { port?: Port; dexie?: DexieOptions } = {}) {
    this.db = new LinliDB(config.officeId, dexie);
    holdDeviceTables(this, this.db);
    this.givenPort = port;
    this.send({ type: 'open', config: { ...config }, online: typeof navigator === 'undefined' || navigator.onLine !== false, preload });
    if (port) this.start();
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onNetwork);
      window.addEventListener('offline', this.onNetwork);
    }
  }

  private readonly onNetwork = () => this.setOnline(navigator.onLine);

  /** Tells the worker the network came or went (the page's window hears it for certain). */
  setOnline(online: boolean): void {
    this.send({ type: 'online', online });
  }

  /**
   * Starts the sync worker. The session does so once the first screen shows (lists read the
   * projection and need no worker, so the first screen neither waits for the worker's script nor
   * shares the CPU with its start); anything that needs the documents sooner — a command, a
   * record's page — starts it at once.
   */
  start(): void {
    if (this.port || this.closed) return;
    if (this.givenPort) this.port = this.givenPort;
    else {
      // `npm run bench` reads this mark to tell whether the worker's script is part of the first load.
      performance.mark('linli:worker-start');
      this.worker = new Worker(new URL('./worker/office-worker.ts', import.meta.url), { type: 'module', name: 'linli-sync' });
      this.worker.onerror = (event) => {
        console.error('Linli: sync worker failed', event.message);
        for (const pending of this.calls.values()) pending.reject(new Error(event.message || 'worker failed'));
        this.calls.clear();
      };
      this.port = this.worker;
    }
    this.port.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    for (const message of this.queued.splice(0)) this.port.postMessage(message);
  }

  private send(message: ToWorker): void {
    if (this.closed) return;
    if (this.port) this.port.postMessage(message);
    else this.queued.push(message);
  }

  private call<K extends CallName>(name: K, args: Calls[K]['args']): Promise<Calls[K]['result']> {
    if (this.closed) return Promise.reject(new Error('office closed'));
    const callId = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(callId, { resolve: resolve as (v: unknown) => void, reject });
      this.start();
      this.send({ type: 'call', callId, name, args } as ToWorker);
    });
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'reply': {
        const pending = this.calls.get(message.callId);
        this.calls.delete(message.callId);
        if (message.ok) pending?.resolve(message.value);
        else pending?.reject(new Error(message.error));
        return;
      }
      case 'status': {
        // Marks for the bench (join.usable_ms / join.complete_ms): the first time office and
        // directory are in, and every time every shard asked for so far has synced.
        const before = this.statusSignal[0]();
        if (message.status.usable && !this.markedUsable) {
          this.markedUsable = true;
          mark('linli:join-usable');
        }
        if (message.status.complete && !before.complete) mark('linli:sync-complete');
        this.statusSignal[1](message.status);
        return;
      }
      case 'peers':
        this.peersSignal[1](message.peers);
        return;
      case 'record':
        this.watchers.get(message.watchId)?.(message.record);
        return;
      case 'loaded': {
        // On the page's timeline, so that the bench can set it beside the page's long tasks.
        const end = performance.now();
        performance.measure(`linli:load ${message.shard}`, { start: Math.max(0, end - message.ms), end });
        return;
      }
    }
  }

  /** Tells the worker what changed in this device's config (the chosen staff, a new token). */
  configChanged(): void {
    this.send({ type: 'config', config: { ...this.config } });
  }

  context(actor?: Actor): CommandContext {
    return contextFor(this.config, actor, this.presence.me()?.name);
  }

  async run(command: Command): Promise<Result<void>> {
    try {
      const start = performance.now();
      const result = await this.call('run', { command });
      // The bench (open.to_editable) shows where a save fell beside the worker's loads.
      performance.measure('linli:save', { start, end: performance.now() });
      if (result.ok) this.wrote();
      return result;
    } catch {
      return fail({ code: 'error.saveFailed' });
    }
  }

  read(shard: ShardName, collection: CollectionName, id: string): Promise<PlainRecord | null> {
    return this.call('read', { shard, collection, id });
  }

  readAll(shard: ShardName, collection: CollectionName): Promise<[string, PlainRecord][]> {
    return this.call('readAll', { shard, collection });
  }

  load(shard: ShardName): Promise<void> {
    return this.call('load', { shard });
  }

  readSheets(source: SheetSource): Promise<Result<RawSheet[]>> {
    return this.call('readSheets', { source });
  }

  encodeShards(): Promise<Record<string, Uint8Array>> {
    return this.call('encodeShards', {});
  }

  watch(shard: ShardName, collection: CollectionName, id: string, onChange: (record: PlainRecord | null) => void): () => void {
    const watchId = this.nextId++;
    this.watchers.set(watchId, onChange);
    this.start();
    this.send({ type: 'watch', watchId, shard, collection, id });
    return () => {
      this.watchers.delete(watchId);
      this.send({ type: 'unwatch', watchId });
    };
  }

  async close(): Promise<void> {
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onNetwork);
      window.removeEventListener('offline', this.onNetwork);
    }
    if (this.port) await this.call('close', {}).catch(() => undefined);
    this.closed = true;
    this.worker?.terminate();
    this.db.close();
  }
}

function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}
