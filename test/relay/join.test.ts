/**
 * A new tablet joining an office whose ledger is large: the relay sends the ledger in bounded
 * pieces with progress, the tablet fetches office and directory first, and a join cut off half
 * way resumes from what the tablet stored — against the real relay, with the real store and
 * its IndexedDB (fake-indexeddb), the socket dropped mid-way.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { OfficeStore } from '../../src/store/office-store';
import type { SyncStatus } from '../../src/store/sync';
import type { DeviceConfig } from '../../src/store/device';
import { whenSynced, yClient } from '../helpers/client';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import { directoryDoc, ledgerDoc, officeDoc } from '../bench/seed';

const CHUNK = 64 * 1024;
/** A piece stops at the first struct past the bound: one struct (a request's text) over at most. */
const SLACK = 4 * 1024;
const REQUESTS = 1500;

let dir: string;
let relay: Relay;
const stores: OfficeStore[] = [];

beforeEach(async () => {
  dir = await tempDir();
  relay = await relayIn(dir, { syncChunkBytes: CHUNK });
});

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await relay.close();
  await removeDir(dir);
});

/** Puts a document into a room through a bare client, then leaves (the room unloads to disk). */
async function seedRoom(room: string, token: string, doc: Y.Doc) {
  const c = yClient(wsUrl(relay), room, token, doc);
  await whenSynced(c.provider);
  c.provider.destroy();
}

interface Wire {
  /** Every binary message the tablet received, per room, per connection. */
  received: Map<string, number[][]>;
  impl: typeof globalThis.WebSocket;
}

/** A ws client that records what it receives and, for `cut.room`, drops its first socket after `cut.after` pieces. */
function wire(cut?: { room: string; after: number; then: () => void }): Wire {
  const received = new Map<string, number[][]>();
  let dropped = false;
  let pieces = 0;
  class Recording extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      const room = new URL(url).pathname.split('/')[2];
      const sizes: number[] = [];
      received.set(room, [...(received.get(room) ?? []), sizes]);
      if (cut?.room === room && dropped) {
        // Gone for good on this run: the app is closed while the Wi-Fi is down.
        this.on('error', () => undefined);
        this.terminate();
        return;
      }
      this.on('message', (raw: ArrayBuffer | Buffer) => {
        // y-websocket asks for ArrayBuffers.
        const data = raw instanceof ArrayBuffer ? new Uint8Array(raw) : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
        sizes.push(data.byteLength);
        // Type 0 / 2: a sync update — a piece of the relay's answer.
        if (cut?.room === room && !dropped && data[0] === 0 && data[1] === 2 && ++pieces >= cut.after) {
          dropped = true;
          this.terminate();
          cut.then();
        }
      });
    }
  }
  return { received, impl: Recording as unknown as typeof globalThis.WebSocket };
}

function tablet(config: DeviceConfig, disk: IDBFactory, impl: typeof globalThis.WebSocket, online = true): { store: OfficeStore; statuses: SyncStatus[] } {
  const store = new OfficeStore({ ...config }, { dexie: { indexedDB: disk, IDBKeyRange }, WebSocketImpl: impl, disableBc: true, online });
  stores.push(store);
  const statuses: SyncStatus[] = [];
  store.sync.subscribe((s) => statuses.push(s));
  return { store, statuses };
}

function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      if (await check()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    void tick();
  });
}

describe('a new tablet joining a large office', () => {
  it('fetches office and directory first, shows its progress, and resumes an interrupted join from what it stored', async () => {
    const office = await relay.offices.add('翠湖花园');
    // A month room, as a tablet of this build keeps its ledgers (a year room would be split into
    // months by the tablet on its next open); a whole year's records in it make it big enough.
    const ledger = ledgerDoc(REQUESTS, 2025);
    const whole = Y.encodeStateAsUpdate(ledger).length;
    expect(whole).toBeGreaterThan(8 * CHUNK);
    await seedRoom(`${office.id}/office`, office.token, officeDoc('翠湖花园'));
    await seedRoom(`${office.id}/directory`, office.token, directoryDoc(300, 150).doc);
    await seedRoom(`${office.id}/ledger-2025-06`, office.token, ledger);

    const config: DeviceConfig = { officeId: office.id, officeName: '翠湖花园', relayUrl: wsUrl(relay), token: office.token, deviceCode: 'B', staffId: 'bench-staff', staffName: '王丽' };
    const disk = new IDBFactory();

    // First run: the ledger's socket drops after two thirds of its pieces; the app is then closed.
    let cutOff!: () => void;
    const cut = new Promise<void>((r) => (cutOff = r));

    const pieces = Math.ceil(whole / CHUNK);
    const first = wire({ room: 'ledger-2025-06', after: Math.floor((pieces * 2) / 3), then: () => cutOff() });
    // Every shard asked for before the network is up, in the worst order (the ledger first), so
    // that the order of the first syncs is the hub's alone.
    const a = tablet(config, disk, first.impl, false);
    await a.store.load('ledger-2025-06');
    await a.store.load('directory');
    await a.store.load('office');
    a.store.sync.setOnline(true);
    await cut;
    await a.store.close();
    stores.splice(stores.indexOf(a.store), 1);

    // Office and directory were whole (今日, customers, search usable) before any of the ledger came.
    const usableAt = a.statuses.findIndex((s) => s.usable);
    const ledgerAt = a.statuses.findIndex((s) => s.fetching?.shard === 'ledger-2025-06');
    expect(usableAt).toBeGreaterThanOrEqual(0);
    expect(ledgerAt).toBeGreaterThan(usableAt);
    const before = a.statuses.filter((s) => s.fetching?.shard === 'ledger-2025-06').map((s) => s.fetching!.percent);
    expect(Math.max(...before)).toBeGreaterThan(20);
    expect(Math.max(...before)).toBeLessThan(100);

    // What came before the drop is on the tablet's disk.
    const probe = new OfficeStore({ ...config }, { offline: true, dexie: { indexedDB: disk, IDBKeyRange } });
    const heldRows = await probe.db.requests.count();
    await probe.close();
    expect(heldRows).toBeGreaterThan(REQUESTS / 5);
    expect(heldRows).toBeLessThan(REQUESTS);

    // Second run: the app reopened on the same disk, the network back.
    const second = wire();
    const b = tablet(config, disk, second.impl);
    await b.store.load('office');
    await b.store.load('directory');
    const shard = await b.store.shard('ledger-2025-06');
    await until(() => !!b.statuses.at(-1)?.complete, 'the join to complete');
    expect(shard.doc.getMap('requests').size).toBe(REQUESTS);
    await shard.flushed();
    expect(await b.store.db.requests.count()).toBe(REQUESTS);
    expect(Y.encodeStateVector(shard.doc)).toEqual(Y.encodeStateVector(ledger));

    // It asked only for the rest: far less than the whole ledger came the second time.
    const again = second.received.get('ledger-2025-06')!.flat().reduce((x, y) => x + y, 0);
    expect(again).toBeLessThan(whole * 0.75);
    // ...and its progress went on from where it was, not from 0.
    const after = b.statuses.filter((s) => s.fetching?.shard === 'ledger-2025-06').map((s) => s.fetching!.percent);
    expect(after[0]).toBeGreaterThanOrEqual(Math.floor(100 * heldRows / REQUESTS) - 15);

    // Never one message over the bound, on either run.
    for (const w of [first, second]) for (const sizes of w.received.values()) for (const size of sizes.flat()) expect(size).toBeLessThan(CHUNK + SLACK);
  });
});

describe('relay memory follows the connected rooms', () => {
  const rooms = async () => ((await (await fetch(`${relay.url}/healthz`)).json()) as { rooms: number }).rooms;

  it('gives a room back when its last client leaves, and a returning client gets everything (in pieces)', async () => {
    const office = await relay.offices.add('翠湖花园');
    const room = `${office.id}/ledger-2025`;
    const ledger = ledgerDoc(600, 2025);
    const a = yClient(wsUrl(relay), room, office.token, ledger);
    await whenSynced(a.provider);
    const b = yClient(wsUrl(relay), room, office.token);
    await whenSynced(b.provider);
    b.doc.getMap<Y.Map<unknown>>('requests').forEach((r, id) => id.endsWith('7') && r.set('status', 'closed'));
    await until(() => rooms().then((n) => n === 1), 'the room to be held');
    a.provider.destroy();
    expect(await rooms()).toBe(1); // b is still there
    await new Promise((r) => setTimeout(r, 200));
    b.provider.destroy();
    await until(() => rooms().then((n) => n === 0), 'the room to be given back');

    // A tablet coming back later gets the whole room from disk, in bounded pieces.
    const sizes: number[] = [];
    class Counting extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        this.on('message', (raw: ArrayBuffer | Buffer) => sizes.push(raw instanceof ArrayBuffer ? raw.byteLength : raw.length));
      }
    }
    const c = new Y.Doc();
    const { WebsocketProvider } = await import('y-websocket');
    const provider = new WebsocketProvider(wsUrl(relay), room, c, { params: { token: office.token }, WebSocketPolyfill: Counting as unknown as typeof globalThis.WebSocket, disableBc: true });
    await whenSynced(provider);
    expect(await rooms()).toBe(1);
    expect(c.getMap('requests').toJSON()).toEqual(b.doc.getMap('requests').toJSON());
    expect([...c.getMap<Y.Map<unknown>>('requests').values()].filter((r) => r.get('status') === 'closed').length).toBeGreaterThan(0);
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) expect(size).toBeLessThan(CHUNK + SLACK);
    provider.destroy();
    await until(() => rooms().then((n) => n === 0), 'the room to be given back again');
  });
});
