/**
 * One harness for simulated devices in Node, as Yjs's own tests have `init`/`compare`: open N
 * devices of one office (each with its own IndexedDB), work on them through the same `Office`
 * interface the app uses, merge them as the relay would, and check they agree.
 *
 * `via: 'worker'` serves each device's store over a MessageChannel with the sync worker's own
 * code (`serveOffice`) and talks to it through `OfficeClient`, structured cloning included — the
 * path the app takes in the browser, minus the Worker constructor.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, expect } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import type { CollectionName, ShardName } from '../../src/domain/shards';
import { collectionsOf } from '../../src/domain/shards';
import { LinliDB } from '../../src/store/db';
import type { DeviceConfig } from '../../src/store/device';
import { OfficeClient } from '../../src/store/office-client';
import type { Office } from '../../src/store/office-api';
import { OfficeStore, type OpenOptions } from '../../src/store/office-store';
import { serveOffice, type Port } from '../../src/store/worker/serve';

export type Via = 'store' | 'worker';

export interface Device {
  /** What the app's code gets: the store itself, or the page's client of a served store. */
  office: Office;
  /** The store holding the documents (inside the "worker" when via = 'worker'). */
  store: OfficeStore;
  config: DeviceConfig;
  /** A second connection to this device's IndexedDB: what a reopened app or another tab sees. */
  openDb(): LinliDB;
  /** The same device opened again from its disk (as after closing the app). */
  reopen(): Promise<Device>;
  close(): Promise<void>;
}

export interface DeviceOptions {
  officeId?: string;
  deviceCode?: string;
  /** The profile chosen on it; `null`: a fresh tablet where nobody has chosen one yet. */
  staffId?: string | null;
  staffName?: string;
  via?: Via;
  /** Share another device's IndexedDB (a second tab of the same tablet). */
  sameDiskAs?: Device;
  /** Closed after the file's last test instead of after the current test (devices opened in beforeAll). */
  forFile?: boolean;
  /** Sync with this relay (ws URL and a device token) instead of staying offline. */
  relay?: { url: string; token: string };
  /** More store options (a short `idleUnloadMs`, a clock for the hot months, `onUnloaded`). */
  store?: Pick<OpenOptions, 'idleUnloadMs' | 'now' | 'onUnloaded' | 'onLoaded' | 'onRefreshed' | 'blobs' | 'online' | 'WebSocketImpl' | 'refreshWaitMs'>;
}

const open = new Set<Device>();
const forFile = new Set<Device>();
afterEach(async () => {
  for (const d of [...open]) if (!forFile.has(d)) await d.close();
});
afterAll(async () => {
  for (const d of [...open]) await d.close();
  forFile.clear();
});

const dexieOfStore = new WeakMap<OfficeStore, { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }>();

/** Another connection to the IndexedDB of the device whose store this is (another tab, the app after a restart). */
export function secondConnection(store: OfficeStore): LinliDB {
  return new LinliDB(store.config.officeId, dexieOfStore.get(store));
}

let offices = 0;

export function openDevice(opts: DeviceOptions = {}): Device {
  const config: DeviceConfig = {
    officeId: opts.officeId ?? `office-${Date.now()}-${++offices}`,
    officeName: '翠湖花园',
    relayUrl: opts.relay?.url ?? 'ws://unused',
    token: opts.relay?.token ?? 't',
    deviceCode: opts.deviceCode ?? 'A',
    ...(opts.staffId === null ? {} : {
      staffId: opts.staffId ?? 's1',
      staffName: opts.staffName ?? (opts.staffId && opts.staffId !== 's1' ? opts.staffId : '王丽'),
    }),
  };
  const factory = opts.sameDiskAs ? diskOf.get(opts.sameDiskAs)! : new IDBFactory();
  const device = build(config, factory, opts.via ?? 'store', !!opts.relay, opts.store);
  if (opts.forFile) forFile.add(device);
  return device;
}

const diskOf = new WeakMap<Device, IDBFactory>();

function build(config: DeviceConfig, factory: IDBFactory, via: Via, online = false, extra: DeviceOptions['store'] = {}): Device {
  const dexie = { indexedDB: factory, IDBKeyRange };
  const storeOptions: OpenOptions = online ? { ...extra, dexie, WebSocketImpl: extra.WebSocketImpl ?? (WebSocket as unknown as typeof globalThis.WebSocket), disableBc: true } : { ...extra, offline: true, dexie };
  let store!: OfficeStore;
  let office: Office;
  let ports: MessagePort[] = [];
  if (via === 'store') {
    store = new OfficeStore({ ...config }, storeOptions);
    dexieOfStore.set(store, dexie);
    office = store;
  } else {
    const channel = new MessageChannel();
    ports = [channel.port1, channel.port2];
    serveOffice(channel.port2 as unknown as Port, (c) => {
      store = new OfficeStore(c, storeOptions);
      dexieOfStore.set(store, dexie);
      return store;
    });
    office = new OfficeClient({ ...config }, [], { port: channel.port1 as unknown as Port, dexie });
  }
  if (config.staffId) office.presence.setUser({ staffId: config.staffId, name: config.staffName!, device: config.deviceCode });
  const device: Device = {
    office,
    get store() {
      return store;
    },
    config,
    openDb: () => new LinliDB(config.officeId, dexie),
    reopen: async () => {
      await device.close();
      const again = build(config, factory, via, online, extra);
      return again;
    },
    close: async () => {
      if (!open.has(device)) return;
      open.delete(device);
      await office.close();
      if (via === 'worker') await store.close();
      for (const port of ports) port.close();
    },
  };
  diskOf.set(device, factory);
  open.add(device);
  return device;
}

/** `n` devices of one office, codes A, B, C…, staff s1, s2…, each with its own disk. */
export function openDevices(n: number, opts: Omit<DeviceOptions, 'deviceCode' | 'staffId' | 'sameDiskAs'> = {}): Device[] {
  const officeId = opts.officeId ?? `office-${Date.now()}-${++offices}`;
  return Array.from({ length: n }, (_, i) => openDevice({ ...opts, officeId, deviceCode: String.fromCharCode(65 + i), staffId: `s${i + 1}`, staffName: opts.staffName ?? `员工${i + 1}` }));
}

/** What the relay does: every device receives every other's updates of these shards; then all are on disk. */
export async function merge(devices: Device[], shards: ShardName[]): Promise<void> {
  for (const shard of shards) {
    const docs = await Promise.all(devices.map(async (d) => (await d.store.shard(shard)).doc));
    for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'relay');
    await Promise.all(devices.map(async (d) => (await d.store.shard(shard)).flushed()));
  }
}

/** Every device holds the same documents and the same projection rows for these shards. */
export async function compare(devices: Device[], shards: ShardName[]): Promise<void> {
  for (const shard of shards) {
    const states = await Promise.all(devices.map(async (d) => (await d.store.shard(shard)).doc.toJSON()));
    for (const state of states.slice(1)) expect(state).toEqual(states[0]);
    for (const collection of collectionsOf(shard) as CollectionName[]) {
      const rows = await Promise.all(devices.map((d) => d.store.db.table(collection).orderBy('id').toArray()));
      for (const r of rows.slice(1)) expect(r).toEqual(rows[0]);
    }
  }
}

/** Waits until every device holds the same state of these shards (as the relay delivers it), then until all of it is on disk. */
export async function converged(devices: Device[], shards: ShardName[], timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (const shard of shards) {
    const docs = async () => Promise.all(devices.map(async (d) => (await d.store.shard(shard)).doc));
    const vectors = async () => (await docs()).map((doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64'));
    for (;;) {
      const v = await vectors();
      if (v.every((x) => x === v[0])) break;
      if (Date.now() > deadline) throw new Error(`${shard} did not converge: ${v.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(devices.map(async (d) => (await d.store.shard(shard)).flushed()));
  }
}
