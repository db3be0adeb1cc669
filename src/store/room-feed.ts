import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/**
 * The office's change feed: one small socket per tablet (`<relay>/<officeId>/rooms`) on which
 * the relay names the ledger rooms of the office and the state vector of each — all of them
 * when the tablet connects, then each one again shortly after it changes. A tablet keeps only a
 * few months loaded (a y-websocket room each); this feed is how it learns that a colleague
 * edited a month it has not loaded, so it can load, sync and unload that month (office-store.ts).
 * The state vector (a few bytes per writer) tells it whether it already has everything.
 * Encoded with lib0 like the y-protocols messages; shared by the relay and the tablets.
 */
export const FEED_PATH = 'rooms';

export interface RoomState {
  shard: string;
  stateVector: Uint8Array;
}

export function encodeRoomStates(rooms: readonly RoomState[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, rooms.length);
  for (const room of rooms) {
    encoding.writeVarString(encoder, room.shard);
    encoding.writeVarUint8Array(encoder, room.stateVector);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeRoomStates(data: Uint8Array): RoomState[] {
  const decoder = decoding.createDecoder(data);
  const n = decoding.readVarUint(decoder);
  const out: RoomState[] = [];
  for (let i = 0; i < n; i++) out.push({ shard: decoding.readVarString(decoder), stateVector: decoding.readVarUint8Array(decoder) });
  return out;
}

/** True if `theirs` has an update `mine` lacks (a writer whose clock is further on). */
export function isBehind(mine: Uint8Array | undefined, theirs: Uint8Array): boolean {
  const have = mine ? Y.decodeStateVector(mine) : new Map<number, number>();
  for (const [client, clock] of Y.decodeStateVector(theirs)) if ((have.get(client) ?? 0) < clock) return true;
  return false;
}
