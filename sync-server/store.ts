import { LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';

/** A room LevelDB cannot give back (a damaged table file): see README § Storage faults. */
export class UnreadableRoom extends Error {
  constructor(readonly room: string) {
    super(`${room} cannot be read from LevelDB (damaged storage; LevelDB's own error is on stderr)`);
  }
}

/**
 * The relay's disk: LevelDB through y-leveldb, one log of updates per room. Every append is
 * tracked so that a graceful shutdown can wait for the last one to reach disk. y-leveldb
 * swallows LevelDB's errors and answers null; here a null is an error again.
 */
export class Store {
  private readonly ldb: LeveldbPersistence;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(dir: string) {
    this.ldb = new LeveldbPersistence(dir);
  }

  async load(room: string): Promise<Uint8Array | null> {
    const doc = await this.ldb.getYDoc(room);
    if (!doc) throw new UnreadableRoom(room);
    const state = Y.encodeStateAsUpdate(doc);
    const empty = doc.store.clients.size === 0;
    doc.destroy();
    return empty ? null : state;
  }

  /** Every room on disk (`<officeId>/<shard>`), for backups. */
  async rooms(): Promise<string[]> {
    const names = await this.ldb.getAllDocNames();
    if (!names) throw new Error('LevelDB could not list its rooms (damaged storage)');
    return names;
  }

  /** A room's state vector from disk (what the change feed announces for a room not in memory). */
  stateVector(room: string): Promise<Uint8Array> {
    return this.ldb.getStateVector(room);
  }

  getMeta(room: string, key: string): Promise<unknown> {
    return this.ldb.getMeta(room, key);
  }

  setMeta(room: string, key: string, value: unknown): Promise<unknown> {
    const write = this.ldb.setMeta(room, key, value);
    this.inflight.add(write);
    void write.finally(() => this.inflight.delete(write)).catch(() => undefined);
    return write;
  }

  append(room: string, update: Uint8Array): Promise<unknown> {
    const write = this.ldb.storeUpdate(room, update).then((clock) => {
      if (clock === null) throw new Error(`LevelDB could not store an update of ${room}`);
      return clock;
    });
    this.inflight.add(write);
    void write.finally(() => this.inflight.delete(write)).catch(() => undefined);
    return write;
  }

  /** Folds a room's log into one entry (when the last person leaves). */
  compact(room: string): Promise<unknown> {
    return this.ldb.flushDocument(room);
  }

  async flush(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.ldb.destroy();
  }
}
