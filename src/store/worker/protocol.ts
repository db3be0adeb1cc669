import type { Command } from '../../domain/ops';
import type { Result } from '../../domain/result';
import type { CollectionName, ShardName } from '../../domain/shards';
import type { DeviceConfig } from '../device';
import type { PlainRecord, SheetSource } from '../office-api';
import type { RawSheet } from '../spreadsheet';
import type { PeerState, PresenceUser } from '../presence';
import type { SyncStatus } from '../sync';

/**
 * The messages between the page and the sync worker. Calls carry an id and get exactly one
 * reply with it; the worker also pushes events (sync status, colleagues online, a watched
 * record's new snapshot). Plain structured-clone data only: nothing of Yjs crosses.
 */
export interface Calls {
  run: { args: { command: Command }; result: Result<void> };
  read: { args: { shard: ShardName; collection: CollectionName; id: string }; result: PlainRecord | null };
  readAll: { args: { shard: ShardName; collection: CollectionName }; result: [string, PlainRecord][] };
  load: { args: { shard: ShardName }; result: void };
  encodeShards: { args: Record<string, never>; result: Record<string, Uint8Array> };
  readSheets: { args: { source: SheetSource }; result: Result<RawSheet[]> };
  close: { args: Record<string, never>; result: void };
}

export type CallName = keyof Calls;

/** Messages that need no reply. */
export type Notice =
  | { type: 'open'; config: DeviceConfig; online: boolean; preload: ShardName[] }
  | { type: 'config'; config: DeviceConfig }
  | { type: 'online'; online: boolean }
  | { type: 'presence'; user?: PresenceUser | null; viewing?: string | null }
  | { type: 'watch'; watchId: number; shard: ShardName; collection: CollectionName; id: string }
  | { type: 'unwatch'; watchId: number };

export type CallMessage = { [K in CallName]: { type: 'call'; callId: number; name: K; args: Calls[K]['args'] } }[CallName];

export type ToWorker = Notice | CallMessage;

export type FromWorker =
  | { type: 'reply'; callId: number; ok: true; value: unknown }
  | { type: 'reply'; callId: number; ok: false; error: string }
  | { type: 'status'; status: SyncStatus }
  | { type: 'peers'; peers: PeerState[] }
  | { type: 'record'; watchId: number; record: PlainRecord | null }
  | { type: 'loaded'; shard: ShardName; ms: number };
