import type { DexieOptions } from 'dexie';
import type { Actor, CommandContext } from '../domain/actor';
import type { Command } from '../domain/ops';
import { fail, ok, type Result } from '../domain/result';
import type { CollectionName, ShardName } from '../domain/shards';
import { applyCommand, MissingRecordError, readRecord } from './apply';
import { LinliDB } from './db';
import { holdDeviceTables } from './device-tables';
import { contextFor, type DeviceConfig } from './device';
import { Presence } from './presence';
import { LOCAL_ORIGIN, ShardDoc } from './shard-doc';
import { SyncHub } from './sync';
import type { Office, PlainRecord, SheetSource } from './office-api';
import type { RawSheet } from './spreadsheet';
import * as Y from 'yjs';

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
}

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

  constructor(readonly config: DeviceConfig, private readonly options: OpenOptions = {}) {
    this.db = new LinliDB(config.officeId, options.dexie);
    holdDeviceTables(this, this.db);
    this.sync = new SyncHub({ relayUrl: config.relayUrl, officeId: config.officeId, token: config.token, disableBc: options.disableBc }, options.WebSocketImpl);
    this.presence = new Presence();
    if (options.online === false) this.sync.setOnline(false);
    if (config.staffId && config.staffName) this.presence.setUser({ staffId: config.staffId, name: config.staffName, device: config.deviceCode });
  }

  /** Loads a shard from IndexedDB (once) and starts syncing it. */
  shard(name: ShardName): Promise<ShardDoc> {
    let promise = this.loading.get(name);
    if (!promise) {
      promise = (async () => {
        const shard = new ShardDoc(this.db, name);
        const started = performance.now();
        await shard.load();
        this.options.onLoaded?.(name, performance.now() - started);
        this.shards.set(name, shard);
        if (!this.options.offline) {
          // Presence rides on the office shard's connection only.
          const awareness = name === 'office' ? this.presence.bind(shard.doc) : undefined;
          await this.sync.attach(shard, awareness);
        }
        return shard;
      })();
      this.loading.set(name, promise);
    }
    return promise;
  }

  context(actor?: Actor): CommandContext {
    return contextFor(this.config, actor, this.presence.me()?.name);
  }

  /**
   * The one write path: a domain command becomes one Yjs transaction; the promise resolves
   * when that transaction, and the projection rows it changed, are committed to IndexedDB.
   */
  async run(command: Command): Promise<Result<void>> {
    const shard = await this.shard(command.shard);
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
  }

  async load(shard: ShardName): Promise<void> {
    await this.shard(shard);
  }

  /** A record as plain JSON from its (loaded) shard. */
  async read(shard: ShardName, collection: CollectionName, id: string): Promise<PlainRecord | null> {
    return readRecord((await this.shard(shard)).doc, collection, id);
  }

  /**
   * The record's snapshot now and after each change that touches it. Bound to its Y.Map (found
   * again if the record appears later, or is replaced by a merge).
   */
  watch(shard: ShardName, collection: CollectionName, id: string, onChange: (record: PlainRecord | null) => void): () => void {
    let stopped = false;
    let stop = () => {};
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
      stopped = true;
      stop();
    };
  }

  /** Parses here (in the worker, when this store is the worker's); exceljs and papaparse load on first use. */
  async readSheets(source: SheetSource): Promise<Result<RawSheet[]>> {
    const { readPasted, readSpreadsheet } = await import('./spreadsheet');
    return 'pasted' in source ? readPasted(source.pasted) : readSpreadsheet(source.fileName, source.data);
  }

  /** Every shard this device holds (loaded or only stored), each as one update of its whole state. */
  async encodeShards(): Promise<Record<string, Uint8Array>> {
    const stored = new Set((await this.db.updates.orderBy('shard').uniqueKeys()) as string[]);
    for (const name of this.shards.keys()) stored.add(name);
    const out: Record<string, Uint8Array> = {};
    for (const name of [...stored].sort()) out[name] = Y.encodeStateAsUpdate((await this.shard(name as ShardName)).doc);
    return out;
  }

  /** Every record of a collection as plain JSON (exports). */
  async readAll(shard: ShardName, collection: CollectionName): Promise<[string, PlainRecord][]> {
    const { doc } = await this.shard(shard);
    const out: [string, Record<string, unknown>][] = [];
    doc.getMap<unknown>(collection).forEach((_, id) => {
      const record = readRecord(doc, collection, id);
      if (record) out.push([id, record]);
    });
    return out;
  }

  async close(): Promise<void> {
    this.sync.destroy();
    for (const shard of this.shards.values()) {
      await shard.flushed().catch(() => undefined);
      shard.destroy();
    }
    this.presence.destroy();
    this.db.close();
  }
}

