import type { DexieOptions } from 'dexie';
import type { Actor, CommandContext } from '../domain/actor';
import type { Command } from '../domain/ops';
import { fail, ok, type Result } from '../domain/result';
import { hotLedgers, monthOfShard, type CollectionName, type ShardName } from '../domain/shards';
import { applyCommand, MissingRecordError, readRecord } from './apply';
import { LinliDB } from './db';
import { holdDeviceTables } from './device-tables';
import { contextFor, type DeviceConfig } from './device';
import { Presence } from './presence';
import { pendingCount, splitLegacyLedgers } from './ledger-migration';
import { isBehind, type RoomState } from './room-feed';
import { RoomWatch } from './room-watch';
import { LOCAL_ORIGIN, ShardDoc } from './shard-doc';
import { SyncHub } from './sync';
import type { Office, PlainRecord, SheetSource } from './office-api';
import type { RawSheet } from './spreadsheet';
import * as Y from 'yjs';
// Attachments (issue 19): pictures' bytes move beside the documents' sync
import { BlobTransfer } from './blobs/transfer';

export interface OpenOptions {
  /** Start without talking to the relay (tests, or a device told to stay offline). */
  offline?: boolean;
  /** Whether the network is up now (the worker is told by its page). */
  online?: boolean;
  WebSocketImpl?: typeof WebSocket;
  /**
   * Do not share updates with other tabs over BroadcastChannel (y-websocket does by default):
   * Node tests simulate several tablets in one process, which must meet only through the relay.
   */
  disableBc?: boolean;
  /** This device's own IndexedDB (tests: a fake-indexeddb factory per simulated device). */
  dexie?: DexieOptions;
  /** Told how long each shard took to load from IndexedDB (the worker reports it to the page; the bench reads it). */
  onLoaded?: (shard: ShardName, ms: number) => void;
  /** Told when a shard is unloaded (tests await it). */
  onUnloaded?: (shard: ShardName) => void;
  /** Told when the change feed made this device load and sync a month (its rows are on disk). */
  onRefreshed?: (shard: ShardName) => void;
  /**
   * How long a ledger month outside the hot set (this and last month) stays loaded after its
   * last use, in ms (default 2 minutes; tests shorten it).
   */
  idleUnloadMs?: number;
  /** REFRESH_WAIT_MS, shorter in tests. */
  refreshWaitMs?: number;
  /** The clock that says which months are hot (tests move it). */
  now?: () => Date;
  /** Attachments' transfer: sweep period, how many days of originals are fetched eagerly, its clock. */
  blobs?: { sweepMs?: number; eagerDays?: number; now?: () => number };
}

/** Default of `idleUnloadMs`. */
export const IDLE_UNLOAD_MS = 120_000;
/** How long a month named by the change feed may take to sync before it goes back in the queue. */
export const REFRESH_WAIT_MS = 30_000;

/**
 * Everything this device holds of one office: the database, the loaded shards, their sync and
 * the presence of colleagues. The only way to change a record is `run(command)`.
 */
export class OfficeStore implements Office {
  readonly db: LinliDB;
  readonly sync: SyncHub;
  readonly presence: Presence;
  private shards = new Map<ShardName, ShardDoc>();
  private loading = new Map<ShardName, Promise<ShardDoc>>();
  /** Shards being unloaded: loading one again waits until it is gone. */
  private unloading = new Map<ShardName, Promise<void>>();
  /** When each shard was last used, and how many users (commands, watches, refreshes) hold it now. */
  private lastUse = new Map<ShardName, number>();
  private holds = new Map<ShardName, number>();
  /** Months the change feed says a colleague changed, not yet looked at. */
  private changed = new Map<ShardName, Uint8Array>();
  private draining: Promise<void> | null = null;
  private readonly migrated: Promise<unknown>;
  private readonly sweeper: ReturnType<typeof setInterval>;
  private readonly feed: RoomWatch | null = null;
  /** Attachments: the blob outbox and fetches (store/blobs/transfer.ts); none offline. */
  readonly blobs: BlobTransfer | null = null;
  private closed = false;

  constructor(readonly config: DeviceConfig, private readonly options: OpenOptions = {}) {
    this.db = new LinliDB(config.officeId, options.dexie);
    holdDeviceTables(this, this.db);
    this.sync = new SyncHub({ relayUrl: config.relayUrl, officeId: config.officeId, token: config.token, disableBc: options.disableBc }, options.WebSocketImpl);
    this.presence = new Presence();
    if (options.online === false) this.sync.setOnline(false);
    if (config.staffId && config.staffName) this.presence.setUser({ staffId: config.staffId, name: config.staffName, device: config.deviceCode });
    // Year ledgers of the builds before months are split once, before any ledger loads; then the
    // months holding edits not yet sent (offline through the upgrade) are loaded so they go out.
    this.migrated = splitLegacyLedgers(this.db);
    this.migrated.then(
      () => this.sendPending().catch((err) => console.error('Linli: could not send pending months', err)),
      (err) => console.error('Linli: could not split the year ledgers', err),
    );
    const idle = options.idleUnloadMs ?? IDLE_UNLOAD_MS;
    this.sweeper = setInterval(() => this.sweep(), Math.max(10, Math.min(idle / 2, 30_000)));
    (this.sweeper as { unref?: () => void }).unref?.();
    if (!options.offline) this.feed = new RoomWatch(this.sync, (rooms) => this.onRooms(rooms), options.WebSocketImpl);
    if (!options.offline) this.blobs = new BlobTransfer(this.db, this.config, this.sync, options.blobs);
  }

  /**
   * Loads a shard from IndexedDB (once) and starts syncing it. Ledger months outside the hot
   * set are unloaded again after `idleUnloadMs` unused (`sweep`), so the worker's memory follows
   * what is open, not the years the office holds.
   */
  shard(name: ShardName): Promise<ShardDoc> {
    this.lastUse.set(name, Date.now());
    let promise = this.loading.get(name);
    if (!promise) {
      promise = (async () => {
        if (name.startsWith('ledger-')) await this.migrated.catch(() => undefined);
        await this.unloading.get(name);
        if (this.closed) throw new Error('office closed');
        const shard = new ShardDoc(this.db, name);
        const started = performance.now();
        await shard.load();
        this.options.onLoaded?.(name, performance.now() - started);
        this.shards.set(name, shard);
        if (!this.options.offline) {
          // Presence rides on the office shard's connection only.
          const awareness = name === 'office' ? this.presence.bind(shard.doc) : undefined;
          await this.sync.attach(shard, awareness);
          this.blobs?.watch(shard);
        }
        return shard;
      })();
      this.loading.set(name, promise);
      promise.catch(() => {
        if (this.loading.get(name) === promise) this.loading.delete(name);
      });
    }
    return promise;
  }

  /** Holds a shard loaded while `use` runs (a command, a read), then notes the time of use. */
  private async use<T>(name: ShardName, use: (shard: ShardDoc) => T | Promise<T>): Promise<T> {
    this.hold(name, 1);
    try {
      return await use(await this.shard(name));
    } finally {
      this.hold(name, -1);
    }
  }

  private hold(name: ShardName, by: 1 | -1): void {
    this.holds.set(name, (this.holds.get(name) ?? 0) + by);
    this.lastUse.set(name, Date.now());
  }

  private isHot(name: ShardName): boolean {
    return (hotLedgers((this.options.now?.() ?? new Date()).toISOString()) as string[]).includes(name);
  }

  /** A ledger month nobody holds, outside the hot set, with nothing waiting to be sent. */
  private unloadable(name: ShardName, idleMs: number): boolean {
    const shard = this.shards.get(name);
    if (!shard || !monthOfShard(name) || this.isHot(name)) return false;
    if ((this.holds.get(name) ?? 0) > 0) return false;
    if (Date.now() - (this.lastUse.get(name) ?? 0) < idleMs) return false;
    return this.sync.pendingOf(shard) === 0;
  }

  private sweep(): void {
    const idle = this.options.idleUnloadMs ?? IDLE_UNLOAD_MS;
    for (const name of [...this.shards.keys()]) if (this.unloadable(name, idle)) void this.unload(name);
  }

  /**
   * Stops syncing a shard and drops its document. What it holds is on disk already (the
   * projection stays complete); its state vector is kept so that the change feed can tell
   * whether a colleague's later edit is news to this device.
   */
  private unload(name: ShardName): Promise<void> {
    const shard = this.shards.get(name);
    if (!shard) return this.unloading.get(name) ?? Promise.resolve();
    this.shards.delete(name);
    this.loading.delete(name);
    const gone = (async () => {
      this.sync.detach(shard);
      this.blobs?.unwatch(shard);
      await shard.flushed().catch(() => undefined);
      await this.db.meta.put({ key: `sv:${name}`, value: Y.encodeStateVector(shard.doc) }).catch(() => undefined);
      shard.destroy();
    })();
    this.unloading.set(name, gone);
    return gone.finally(() => {
      if (this.unloading.get(name) === gone) this.unloading.delete(name);
      this.options.onUnloaded?.(name);
    });
  }

  /** Loads the months that hold edits not yet sent (e.g. made offline, then the app closed). */
  private async sendPending(): Promise<void> {
    if (this.options.offline) return;
    const rows = await this.db.meta.where('key').startsWith('pending:').toArray();
    for (const row of rows) {
      const name = row.key.slice('pending:'.length) as ShardName;
      if (pendingCount(row.value) > 0 && monthOfShard(name) && !this.closed) await this.shard(name);
    }
  }

  /** The change feed named rooms and their state: look at the months this device lacks something of. */
  private onRooms(rooms: RoomState[]): void {
    for (const room of rooms) if (monthOfShard(room.shard)) this.changed.set(room.shard as ShardName, room.stateVector);
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
      if (this.changed.size && !this.closed) this.onRooms([]);
    });
  }

  /** One month at a time (memory stays small): load, sync, unload what the feed named. */
  private async drain(): Promise<void> {
    await this.migrated.catch(() => undefined);
    for (const [name, theirs] of this.changed) {
      this.changed.delete(name);
      if (this.closed) return;
      if (this.loading.has(name)) continue; // loaded: its own provider syncs it
      const mine = (await this.db.meta.get(`sv:${name}`))?.value as Uint8Array | undefined;
      if (!isBehind(mine, theirs)) continue;
      // A month whose sync did not complete in time goes back in the queue, after the others:
      // one stuck month (its socket dropped mid-way, its first sync stalled) must not hold every
      // other month of a join back. What it received is stored, so the retry goes on from there.
      if ((await this.refresh(name)) === 'late' && !this.closed && !this.changed.has(name)) this.changed.set(name, theirs);
    }
  }

  /** Loads, syncs and unloads one month; 'late' if it was not in sync within REFRESH_WAIT_MS. */
  private async refresh(name: ShardName): Promise<'done' | 'late'> {
    let outcome: 'done' | 'late' = 'done';
    this.hold(name, 1);
    try {
      const shard = await this.shard(name);
      let stop = () => {};
      let timer: ReturnType<typeof setTimeout> | undefined;
      const unreachable = new Promise<void>((resolve) => {
        stop = this.sync.onReachable((reachable) => reachable || resolve());
      });
      const late = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), this.options.refreshWaitMs ?? REFRESH_WAIT_MS);
      });
      // (Unreachable: the feed names the month again once the relay is back.)
      if ((await Promise.race([this.sync.whenSynced(shard), unreachable.then(() => true), late])) === false) outcome = 'late';
      stop();
      clearTimeout(timer);
      await shard.flushed().catch(() => undefined);
    } catch {
      // closed meanwhile, or the shard could not load: the feed names it again next time
    } finally {
      this.hold(name, -1);
    }
    this.options.onRefreshed?.(name);
    if (this.unloadable(name, 0)) await this.unload(name);
    return outcome;
  }

  /** Resolves once this device's year ledgers (old build) are split into months. */
  async migration(): Promise<void> {
    await this.migrated;
  }

  /** The shards loaded now (tests, and the bench's memory figure). */
  loaded(): ShardName[] {
    return [...this.shards.keys()];
  }

  context(actor?: Actor): CommandContext {
    return contextFor(this.config, actor, this.presence.me()?.name);
  }

  /**
   * The one write path: a domain command becomes one Yjs transaction; the promise resolves
   * when that transaction, and the projection rows it changed, are committed to IndexedDB.
   */
  async run(command: Command): Promise<Result<void>> {
    return this.use(command.shard, async (shard) => {
      try {
        applyCommand(shard.doc, command, LOCAL_ORIGIN);
      } catch (err) {
        if (err instanceof MissingRecordError) return fail({ code: 'error.notFound' });
        throw err;
      }
      try {
        await shard.flushed();
      } catch {
        return fail({ code: 'error.saveFailed' });
      }
      return ok(undefined);
    });
  }

  async load(shard: ShardName): Promise<void> {
    await this.shard(shard);
  }

  /** A record as plain JSON from its shard (loaded for this if it was not). */
  async read(shard: ShardName, collection: CollectionName, id: string): Promise<PlainRecord | null> {
    return this.use(shard, (loaded) => readRecord(loaded.doc, collection, id));
  }

  /**
   * The record's snapshot now and after each change that touches it. Bound to its Y.Map (found
   * again if the record appears later, or is replaced by a merge).
   */
  watch(shard: ShardName, collection: CollectionName, id: string, onChange: (record: PlainRecord | null) => void): () => void {
    let stopped = false;
    let stop = () => {};
    // A watched record's shard stays loaded while someone looks at it.
    this.hold(shard, 1);
    void this.shard(shard).then((loaded) => {
      if (stopped) return;
      const map = loaded.doc.getMap<Y.Map<unknown>>(collection);
      let record: Y.Map<unknown> | undefined;
      const emit = () => onChange(record ? (record.toJSON() as PlainRecord) : null);
      const bind = () => {
        const next = map.get(id);
        const found = next instanceof Y.Map ? next : undefined;
        if (found !== record) {
          record?.unobserveDeep(emit);
          record = found;
          record?.observeDeep(emit);
        }
        emit();
      };
      const onCollection = (event: Y.YMapEvent<Y.Map<unknown>>) => {
        if (event.keysChanged.has(id)) bind();
      };
      map.observe(onCollection);
      bind();
      stop = () => {
        map.unobserve(onCollection);
        record?.unobserveDeep(emit);
      };
    });
    return () => {
      if (stopped) return;
      stopped = true;
      stop();
      this.hold(shard, -1);
    };
  }

  /** Parses here (in the worker, when this store is the worker's); exceljs and papaparse load on first use. */
  async readSheets(source: SheetSource): Promise<Result<RawSheet[]>> {
    const { readPasted, readSpreadsheet } = await import('./spreadsheet');
    return 'pasted' in source ? readPasted(source.pasted) : readSpreadsheet(source.fileName, source.data);
  }

  /** Every shard this device holds (loaded or only stored), each as one update of its whole state. */
  async encodeShards(): Promise<Record<string, Uint8Array>> {
    await this.migrated.catch(() => undefined);
    const stored = new Set((await this.db.updates.orderBy('shard').uniqueKeys()) as string[]);
    for (const name of this.shards.keys()) stored.add(name);
    const out: Record<string, Uint8Array> = {};
    for (const name of [...stored].sort()) {
      out[name] = await this.use(name as ShardName, (shard) => Y.encodeStateAsUpdate(shard.doc));
      // One month at a time: a backup of years must not hold them all in memory at once.
      if (this.unloadable(name as ShardName, 0)) await this.unload(name as ShardName);
    }
    return out;
  }

  /** Every record of a collection as plain JSON (exports). */
  async readAll(shard: ShardName, collection: CollectionName): Promise<[string, PlainRecord][]> {
    return this.use(shard, ({ doc }) => {
      const out: [string, Record<string, unknown>][] = [];
      doc.getMap<unknown>(collection).forEach((_, id) => {
        const record = readRecord(doc, collection, id);
        if (record) out.push([id, record]);
      });
      return out;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    this.feed?.destroy();
    this.blobs?.destroy();
    await this.migrated.catch(() => undefined);
    await Promise.all([...this.unloading.values()]);
    this.sync.destroy();
    for (const shard of this.shards.values()) {
      await shard.flushed().catch(() => undefined);
      shard.destroy();
    }
    this.presence.destroy();
    this.db.close();
  }
}

