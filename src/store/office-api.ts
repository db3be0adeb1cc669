import type { Accessor } from 'solid-js';
import type { Actor, CommandContext } from '../domain/actor';
import type { Command } from '../domain/ops';
import type { Result } from '../domain/result';
import type { CollectionName, ShardName } from '../domain/shards';
import type { ReadonlyDB } from './readonly-db';
import type { DeviceConfig } from './device';
import type { PeerState, PresenceUser } from './presence';
import type { SyncStatus } from './sync';
import type { RawSheet } from './spreadsheet';

export type PlainRecord = Record<string, unknown>;

export type SheetSource = { fileName: string; data: ArrayBuffer | Uint8Array } | { pasted: string };

/**
 * What the rest of the app may do with an open office — the same on the page (where the
 * documents live in a worker: `OfficeClient`) and in Node tests or the worker itself (where they
 * live in this thread: `OfficeStore`). Store actions and queries take an `Office`; nothing
 * outside `src/store` ever sees a Y.Doc.
 */
export interface Office {
  readonly config: DeviceConfig;
  /**
   * The projection tables, read-only by type (see readonly-db.ts): handed to the queries of
   * `store/queries/`, which are the only readers. Nothing writes to them but the store.
   */
  readonly db: ReadonlyDB;
  context(actor?: Actor): CommandContext;
  /** The one write path: resolves when the command's Yjs transaction and its projection rows are on disk. */
  run(command: Command): Promise<Result<void>>;
  /** A record as plain JSON from its shard (loading the shard if needed), or null. */
  read(shard: ShardName, collection: CollectionName, id: string): Promise<PlainRecord | null>;
  /** Every record of a collection as plain JSON (exports). */
  readAll(shard: ShardName, collection: CollectionName): Promise<[string, PlainRecord][]>;
  /** Calls `onChange` with the record's snapshot now and after every change to it (local or a colleague's); returns the unsubscribe. */
  watch(shard: ShardName, collection: CollectionName, id: string, onChange: (record: PlainRecord | null) => void): () => void;
  /** Makes sure a shard is loaded and syncing (e.g. an old year's ledger opened from a list). */
  load(shard: ShardName): Promise<void>;
  /**
   * Reads a spreadsheet file (xlsx, CSV in UTF-8 or GB18030) or pasted cells into raw sheets — in
   * the sync worker on the page, so that parsing a large roster never holds the main thread.
   */
  readSheets(source: SheetSource): Promise<Result<RawSheet[]>>;
  /** Each shard this device holds, as one Yjs update of its whole state (backups). */
  encodeShards(): Promise<Record<string, Uint8Array>>;
  readonly sync: { status: Accessor<SyncStatus> };
  readonly presence: {
    peers: Accessor<PeerState[]>;
    me(): PresenceUser | null;
    setUser(user: PresenceUser | null): void;
    setViewing(key: string | null): void;
  };
  close(): Promise<void>;
}
