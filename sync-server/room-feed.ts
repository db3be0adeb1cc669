import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { monthOfShard } from '../src/domain/shards';
import { encodeRoomStates, type RoomState } from '../src/store/room-feed';
import type { Room } from './room';
import type { Store } from './store';

/** How long changes to an office's rooms are gathered before the feed speaks (one message per burst). */
const GATHER_MS = 100;

/**
 * The office's change feed, relay side (the wire format and why: src/store/room-feed.ts). Only
 * ledger month rooms are named: the office and directory shards are always loaded on a tablet.
 */
export class RoomFeed {
  private listeners = new Map<string, Set<WebSocket>>();
  private pending = new Map<string, Map<string, Uint8Array>>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly store: Store, private readonly liveRoom: (name: string) => Room | undefined) {}

  /** A tablet subscribes: it hears every month room of its office now, then each change. */
  async add(officeId: string, conn: WebSocket): Promise<void> {
    const set = this.listeners.get(officeId) ?? new Set<WebSocket>();
    this.listeners.set(officeId, set.add(conn));
    conn.on('close', () => {
      set.delete(conn);
      if (!set.size && this.listeners.get(officeId) === set) this.listeners.delete(officeId);
    });
    const rooms: RoomState[] = [];
    for (const name of await this.store.rooms()) {
      if (!name.startsWith(`${officeId}/`)) continue;
      const shard = name.slice(officeId.length + 1);
      if (!monthOfShard(shard)) continue;
      const live = this.liveRoom(name);
      rooms.push({ shard, stateVector: live ? Y.encodeStateVector(live.doc) : await this.store.stateVector(name) });
    }
    send(conn, encodeRoomStates(rooms));
  }

  /** A month room changed: tell the office's tablets shortly (gathered per office). */
  changed(room: Room): void {
    const slash = room.name.indexOf('/');
    const officeId = room.name.slice(0, slash);
    const shard = room.name.slice(slash + 1);
    if (!monthOfShard(shard) || !this.listeners.has(officeId)) return;
    const batch = this.pending.get(officeId) ?? new Map<string, Uint8Array>();
    this.pending.set(officeId, batch.set(shard, Y.encodeStateVector(room.doc)));
    if (this.timers.has(officeId)) return;
    this.timers.set(officeId, setTimeout(() => {
      this.timers.delete(officeId);
      const rooms = [...(this.pending.get(officeId) ?? [])].map(([s, stateVector]) => ({ shard: s, stateVector }));
      this.pending.delete(officeId);
      const message = encodeRoomStates(rooms);
      for (const conn of this.listeners.get(officeId) ?? []) send(conn, message);
    }, GATHER_MS));
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

function send(conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== conn.OPEN) return;
  conn.send(message, (err) => {
    if (err) conn.terminate();
  });
}
