import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ShardName } from '../domain/shards';
import type { ShardDoc } from './shard-doc';
import { LOCAL_ORIGIN } from './shard-doc';
import type { AbstractType, Doc, Transaction } from 'yjs';

/**
 * The records (`collection/id`) a transaction changed: a shard holds one top-level map per
 * collection and one map per record under it (with its texts and logs inside), so each changed
 * type is followed up to the record it belongs to.
 */
export function changedRecords(doc: Doc, tr: Transaction): Set<string> {
  const names = new Map<AbstractType<any>, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  const out = new Set<string>();
  for (const [type, keys] of tr.changed) {
    const top = names.get(type);
    if (top !== undefined) {
      for (const key of keys) if (key !== null) out.add(`${top}/${key}`);
      continue;
    }
    let t: AbstractType<any> = type;
    while (t._item) {
      const parent = t._item.parent as AbstractType<any>;
      const collection = names.get(parent);
      if (collection !== undefined) {
        out.add(`${collection}/${t._item.parentSub ?? ''}`);
        break;
      }
      t = parent;
    }
  }
  return out;
}

/** Close code the relay uses for a wrong or unknown office token (y-websocket stops retrying on 44xx). */
export const CLOSE_UNAUTHORIZED = 4401;

export type SyncState = 'offline' | 'connecting' | 'synced' | 'unauthorized';

export interface SyncStatus {
  state: SyncState;
  /** Local edits made since the last complete exchange with the relay. */
  pending: number;
  /**
   * A shard whose first sync the relay is sending in pieces (a new tablet's join, or a long
   * absence): which one, how far (0–100), and how many shards still wait their turn after it.
   */
  fetching?: { shard: ShardName; percent: number; waiting: number };
  /** `office` and `directory` have each completed a sync since the worker started: 今日, customers and search are whole. */
  usable?: boolean;
  /** Every shard attached so far has completed a sync since the worker started. */
  complete?: boolean;
}

/**
 * Our own message type (sync-server/first-sync.ts). From the relay: clocks sent so far, clocks
 * in all. From a tablet (only ever in answer to one): the clocks so far of a piece now stored.
 */
export const MESSAGE_SYNC_PROGRESS = 4;
const MESSAGE_SYNC = 0;

/** A tablet's ack of the first-sync piece whose progress said `done`. */
export function ackMessage(done: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC_PROGRESS);
  encoding.writeVarUint(encoder, done);
  return encoding.toUint8Array(encoder);
}

/**
 * The order in which shards make their first sync: the office (staff, settings) and the directory
 * (customers: 今日, the lists and search) first, then the ledgers newest first, so a new tablet is
 * usable long before the history has arrived. Ledger names compare as text, which sorts
 * `ledger-YYYY` and `ledger-YYYY-MM` by date whatever the shard size.
 */
export function syncPriority(a: ShardName, b: ShardName): number {
  const rank = (s: ShardName) => (s === 'office' ? 0 : s === 'directory' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? 1 : a > b ? -1 : 0);
}

interface ShardLink {
  provider: WebsocketProvider;
  shard: ShardDoc;
  synced: boolean;
  connected: boolean;
  /** A connection attempt failed or dropped since the last good connection. */
  lost: boolean;
  /** Allowed to connect: its turn in the first-sync order has come (see `pump`). */
  released: boolean;
  /** Completed a sync since it was attached. */
  fetched: boolean;
  /** The relay's progress of a first sync in pieces: [clocks done, clocks in all]. */
  progress: [number, number] | null;
  /** Its first sync broke off once: it no longer holds the queue. */
  stalled?: boolean;
  /** Local edits of this shard not yet known to have reached the relay. */
  pending: number;
  /** Called on every status or sync change of this link (whenSynced waits on it). */
  changed: Set<() => void>;
  stop: () => void;
}

export interface SyncOptions {
  relayUrl: string;
  officeId: string;
  token: string;
  disableBc?: boolean;
}

/**
 * One y-websocket provider per shard; the room is `<officeId>/<shard>`, so the socket URL is
 * `<relay>/<officeId>/<shard>?token=…` (the wire contract other clients rely on).
 *
 * "Pending" counts local commands made while the shard was not in sync, and is kept in the
 * `meta` table so a reopened, still-offline tablet shows it. It drops to 0 when the provider
 * completes a sync handshake: by then this device has answered the relay's sync step 1 with
 * everything the relay lacked. The relay loads a room's state from disk before it speaks, so
 * its handshake also means "up to date with the office" (see sync-server/relay.ts).
 */
export class SyncHub {
  private links: ShardLink[] = [];
  // Plain state and listeners, no Solid: this runs in the sync worker, whose script every tablet
  // fetches at start (the page turns the pushed statuses into a signal, office-client.ts).
  private current: SyncStatus = { state: 'offline', pending: 0 };
  readonly status = (): SyncStatus => this.current;
  private pending = 0;
  private unauthorized = false;
  private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  private listeners = new Set<(status: SyncStatus) => void>();
  private reachableListeners = new Set<(reachable: boolean) => void>();

  /**
   * In a worker the page tells the hub about the network (`setOnline`), because the page's
   * window is where the browser's online/offline events are certain to fire.
   */
  constructor(private readonly opts: SyncOptions, private readonly WebSocketImpl?: typeof WebSocket) {
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.onOffline);
      window.addEventListener('online', this.onOnline);
    }
  }

  /** Called with every new status (the worker forwards them to the page). */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status());
    return () => this.listeners.delete(listener);
  }

  /**
   * The browser knows when the network is gone: stop knocking (no retry storm on a dead
   * Wi-Fi), and when it is back, connect at once instead of waiting out the backoff.
   */
  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) {
      if (!this.unauthorized) for (const link of this.links) if (link.released) link.provider.connect();
    } else {
      for (const link of this.links) link.provider.disconnect();
    }
    this.publish();
    for (const listener of this.reachableListeners) listener(this.reachable);
  }

  private readonly onOffline = () => this.setOnline(false);
  private readonly onOnline = () => this.setOnline(true);

  async attach(shard: ShardDoc, awareness?: Awareness): Promise<WebsocketProvider> {
    const stored = await shard.db.meta.get(`pending:${shard.name}`);
    const provider = new WebsocketProvider(this.opts.relayUrl, `${this.opts.officeId}/${shard.name}`, shard.doc, {
      // acks: this device acknowledges the pieces of a first sync once stored (see below).
      params: { token: this.opts.token, acks: '1' },
      awareness,
      // Connects when its turn in the first-sync order comes (`pump`).
      connect: false,
      maxBackoffTime: 5000,
      disableBc: this.opts.disableBc,
      ...(this.WebSocketImpl ? { WebSocketPolyfill: this.WebSocketImpl } : {}),
    });
    const link: ShardLink = { provider, shard, synced: false, connected: false, lost: false, released: false, fetched: false, progress: null, pending: 0, changed: new Set(), stop: () => {} };
    this.links.push(link);
    // A first sync in pieces (sync-server/first-sync.ts): the relay says how far it is before
    // each piece. The band shows that figure only once the piece is on disk here, and the relay
    // hears it (an ack), so it never runs more than a piece ahead of this device's disk: a reload
    // or a dropped connection then resumes from what the band last showed (the tablet's next
    // sync step 1 names what it stored), instead of from what had merely been received.
    let announced: [number, number] | null = null;
    provider.messageHandlers[MESSAGE_SYNC_PROGRESS] = (_encoder, decoder) => {
      // Two in a row: the first named what this device already holds (the start of an answer in
      // pieces), shown at once.
      if (announced && !link.fetched) {
        link.progress = announced;
        this.publish();
      }
      announced = [decoding.readVarUint(decoder), decoding.readVarUint(decoder)];
    };
    const syncMessage = provider.messageHandlers[MESSAGE_SYNC];
    provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
      syncMessage(encoder, decoder, p, emitSynced, type);
      if (!announced) return;
      const piece = announced;
      const ws = provider.ws;
      announced = null;
      shard.flushed().then(
        () => {
          if (!link.fetched) {
            link.progress = piece;
            this.publish();
          }
          if (ws && ws === provider.ws && ws.readyState === ws.OPEN) ws.send(ackMessage(piece[0]));
        },
        () => undefined,
      );
    };
    // Pending is counted in RECORDS changed here and not yet sent, not in Yjs updates: typing one
    // sentence into a note is dozens of updates and one record ("1 项待同步", not "32 项").
    // Kept per shard in meta as the records' keys; an older device stored a bare count.
    const kept = stored?.value;
    const pendingKeys = new Set<string>(Array.isArray(kept) ? kept.map(String) : Array.from({ length: Number(kept ?? 0) }, (_, i) => `earlier:${i}`));
    link.pending = pendingKeys.size;
    this.pending += link.pending;
    const setShardPending = () => {
      const n = pendingKeys.size;
      if (n === link.pending) return;
      this.pending += n - link.pending;
      link.pending = n;
      void shard.db.meta.put({ key: `pending:${shard.name}`, value: [...pendingKeys] });
      this.publish();
    };
    const onTransaction = (tr: Transaction) => {
      if (tr.origin !== LOCAL_ORIGIN || (link.connected && link.synced)) return;
      for (const key of changedRecords(shard.doc, tr)) pendingKeys.add(key);
      setShardPending();
    };
    shard.doc.on('afterTransaction', onTransaction);
    link.stop = () => shard.doc.off('afterTransaction', onTransaction);
    const tell = () => {
      for (const listener of [...link.changed]) listener();
    };
    provider.on('status', ({ status }: { status: string }) => {
      link.connected = status === 'connected';
      if (link.connected) link.lost = false;
      if (status === 'disconnected') link.lost = true;
      if (!link.connected) link.synced = false;
      // A shard whose first sync broke off (a dropped Wi-Fi, a room the relay cannot load) must
      // not hold the others back: the next one starts while this one retries by itself.
      if (status === 'disconnected' && link.released && !link.fetched) this.pump(link);
      this.publish();
      tell();
    });
    provider.on('sync', (synced: boolean) => {
      link.synced = synced;
      if (synced && link.connected) {
        pendingKeys.clear();
        setShardPending();
      }
      if (synced && !link.fetched) {
        link.fetched = true;
        link.progress = null;
        this.pump();
      }
      this.publish();
      tell();
    });
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event?.code === CLOSE_UNAUTHORIZED) this.stopUnauthorized();
    });
    this.pump();
    this.publish();
    return provider;
  }

  /**
   * One shard at a time makes its first sync, in `syncPriority` order: the relay then sends one
   * shard's history at full speed instead of all of them interleaved, so the office and the
   * directory arrive first however large the ledgers are, and the ledgers newest first. A shard
   * that comes before the one in flight (the directory, asked for while a big ledger arrives)
   * pauses it: the ledger's socket is closed and reopened after; what it had received is stored,
   * and the relay's answer then holds only the rest (sync-server/first-sync.ts). A shard that has
   * synced once keeps its connection (y-websocket reconnects it by itself); a reopened tablet
   * passes through the queue in one round trip per shard.
   */
  private pump(broken?: ShardLink): void {
    if (broken) broken.stalled = true;
    for (const next of this.links.filter((l) => !l.released).sort((a, b) => syncPriority(a.shard.name, b.shard.name))) {
      const busy = this.links.filter((l) => l.released && !l.fetched && !l.stalled);
      if (busy.length && !busy.every((l) => syncPriority(next.shard.name, l.shard.name) < 0)) return;
      for (const l of busy) {
        l.released = false;
        l.provider.disconnect();
      }
      next.released = true;
      next.stalled = false;
      if (!this.unauthorized && this.online) next.provider.connect();
    }
  }

  /**
   * Stops syncing a shard (the store unloads it). Its pending count stays in `meta`: a shard
   * is only unloaded with nothing pending, and one reopened later picks the count up again.
   */
  detach(shard: ShardDoc): void {
    const link = this.links.find((l) => l.shard === shard);
    if (!link) return;
    this.links = this.links.filter((l) => l !== link);
    this.pending -= link.pending;
    link.stop();
    link.provider.destroy();
    link.changed.clear();
    // It may have been the shard making its first sync: the next one in the queue goes on.
    this.pump();
    this.publish();
  }

  /** Local edits of this shard not yet known to be at the relay (0 for a shard not attached). */
  pendingOf(shard: ShardDoc): number {
    return this.links.find((l) => l.shard === shard)?.pending ?? 0;
  }

  /** True while this shard is connected and has completed a sync handshake. */
  isSynced(shard: ShardDoc): boolean {
    const link = this.links.find((l) => l.shard === shard);
    return !!link && link.connected && link.synced;
  }

  /** Resolves once the shard has completed a handshake with the relay (or false if it was detached first). */
  whenSynced(shard: ShardDoc): Promise<boolean> {
    const link = this.links.find((l) => l.shard === shard);
    if (!link) return Promise.resolve(false);
    if (link.connected && link.synced) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!this.links.includes(link)) return done(false);
        if (link.connected && link.synced) done(true);
      };
      const done = (v: boolean) => {
        link.changed.delete(check);
        resolve(v);
      };
      link.changed.add(check);
    });
  }

  /** The relay's address, office and token, for the office's change feed (room-watch.ts). */
  get options(): SyncOptions {
    return this.opts;
  }

  /** Told when the relay becomes reachable or unreachable (the change feed connects or stops). */
  onReachable(listener: (reachable: boolean) => void): () => void {
    this.reachableListeners.add(listener);
    return () => this.reachableListeners.delete(listener);
  }

  /** Whether the hub may talk to the relay now (online and not refused). */
  get reachable(): boolean {
    return this.online && !this.unauthorized;
  }

  /** A wrong token will not become right by retrying: stop every shard and say so. */
  private stopUnauthorized(): void {
    this.unauthorized = true;
    for (const link of this.links) link.provider.disconnect();
    this.publish();
    for (const listener of this.reachableListeners) listener(false);
  }

  private publish(): void {
    let state: SyncState;
    if (this.unauthorized) state = 'unauthorized';
    else if (this.links.length && this.links.every((l) => l.connected && l.synced)) state = 'synced';
    else if (this.links.some((l) => l.connected)) state = 'connecting';
    else if (this.online && this.links.some((l) => !l.lost && l.provider.shouldConnect)) state = 'connecting';
    else state = 'offline';
    const status: SyncStatus = { state, pending: this.pending, ...this.joinProgress() };
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }

  private joinProgress(): Pick<SyncStatus, 'fetching' | 'usable' | 'complete'> {
    const fetched = (name: ShardName) => this.links.some((l) => l.shard.name === name && l.fetched);
    const current = this.links.find((l) => l.released && !l.fetched && l.progress);
    const waiting = this.links.filter((l) => !l.released).length;
    return {
      usable: fetched('office') && fetched('directory'),
      complete: this.links.length > 0 && this.links.every((l) => l.fetched),
      ...(current?.progress
        ? { fetching: { shard: current.shard.name, percent: Math.floor((100 * current.progress[0]) / Math.max(1, current.progress[1])), waiting } }
        : {}),
    };
  }

  destroy(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.onOffline);
      window.removeEventListener('online', this.onOnline);
    }
    const links = this.links;
    this.links = [];
    for (const link of links) {
      link.stop();
      link.provider.destroy();
      for (const listener of [...link.changed]) listener();
    }
    this.reachableListeners.clear();
    this.listeners.clear();
  }
}
