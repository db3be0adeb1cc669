import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import type { Store } from './store';
import { answerSyncStep1, CHUNK_BYTES, MESSAGE_SYNC_PROGRESS, type AckGate } from './first-sync';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Close code for a message the relay cannot read: the client is broken, retrying won't help. */
export const CLOSE_MALFORMED = 4400;

/**
 * One office shard held in memory while anyone is connected: the merged document, the
 * awareness of the people in it, and their sockets.
 *
 * The room loads its state from disk BEFORE it speaks to anyone: a client that completes the
 * sync handshake has then really received the office's state, not an empty document that
 * fills in later (the trap of the stock y-websocket server).
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Map<WebSocket, Set<number>>();
  /** Connections accepted but still waiting for `ready`: the room must not be dropped under them. */
  waiting = 0;
  readonly ready: Promise<void>;
  private lastWrite: Promise<unknown> = Promise.resolve();
  /** Bound of one piece of a first sync (sync-server/first-sync.ts); tests make it small. */
  chunkBytes = CHUNK_BYTES;
  /**
   * Connections of tablets that ack the pieces of a first sync once stored (`acks=1`), with the
   * highest `done` each acked and who waits for more (first-sync.ts `answerSyncStep1`).
   */
  private readonly acking = new Map<WebSocket, { done: number; waiting: Set<() => void> }>();

  /** `onChange`: told of every update after it is handed to the store (the office's change feed, year-ledger forwarding). */
  constructor(readonly name: string, private readonly store: Store, onError: (msg: string) => void, onChange?: (room: Room, update: Uint8Array, origin: unknown) => void) {
    this.awareness.setLocalState(null);
    this.ready = store.load(name).then((state) => {
      if (state) Y.applyUpdate(this.doc, state, 'disk');
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Persist, then forward: a peer never holds an update the relay's disk does not, so a
        // crash right after it received one loses nothing even when that peer and the sender
        // are gone. Appends are serialised by y-leveldb, so forwards keep their order.
        const written = store.append(name, update).catch((err) => onError(`could not store an update of ${name}: ${err}`));
        this.lastWrite = written;
        void written.then(() => {
          const message = encodeMessage(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
          for (const conn of this.conns.keys()) if (conn !== origin) send(conn, message);
        });
        onChange?.(this, update, origin);
      });
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = added.concat(updated, removed);
      const ids = this.conns.get(origin as WebSocket);
      if (ids) {
        for (const id of added) ids.add(id);
        for (const id of removed) ids.delete(id);
      }
      const message = encodeMessage(MESSAGE_AWARENESS, (e) =>
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
      );
      for (const conn of this.conns.keys()) send(conn, message);
    });
  }

  /**
   * Resolves once every update applied so far is on disk (and forwarded): a sync answer given
   * after it holds nothing the disk lacks.
   */
  async written(): Promise<void> {
    for (let last = this.lastWrite; ; last = this.lastWrite) {
      await last;
      if (last === this.lastWrite) return;
    }
  }

  /** Greets a new connection: our state vector (sync step 1) and who is here. `acks`: it acks first-sync pieces. */
  join(conn: WebSocket, acks = false): void {
    this.conns.set(conn, new Set());
    if (acks) this.acking.set(conn, { done: 0, waiting: new Set() });
    send(conn, encodeMessage(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, this.doc)));
    const states = this.awareness.getStates();
    if (states.size) {
      send(conn, encodeMessage(MESSAGE_AWARENESS, (e) =>
        encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])),
      ));
    }
  }

  /** Handles one binary message; throws on anything malformed (the caller closes the socket). */
  receive(conn: WebSocket, data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          // A big answer (a new tablet's first sync of a ledger) goes out in bounded pieces.
          void answerSyncStep1(conn, this.doc, decoding.readVarUint8Array(decoder), this.chunkBytes, this.gateOf(conn));
          return;
        }
        if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
          throw new Error(`unknown sync message ${syncType}`);
        }
        // y-protocols swallows a broken update with a console line; we want to know, refuse
        // the sender, and never let half a garbage update near the office's document.
        const update = decoding.readVarUint8Array(decoder);
        Y.decodeUpdate(update);
        Y.applyUpdate(this.doc, update, conn);
        return;
      }
      case MESSAGE_AWARENESS:
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), conn);
        return;
      case MESSAGE_QUERY_AWARENESS:
        send(conn, encodeMessage(MESSAGE_AWARENESS, (e) =>
          encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])),
        ));
        return;
      case MESSAGE_AUTH:
        return;
      case MESSAGE_SYNC_PROGRESS: {
        // A tablet's ack: the piece whose progress said `done` is stored there.
        const done = decoding.readVarUint(decoder);
        const ack = this.acking.get(conn);
        if (ack && done > ack.done) {
          ack.done = done;
          for (const wake of [...ack.waiting]) wake();
        }
        return;
      }
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  /** What `answerSyncStep1` waits on for a connection that acks (undefined for one that does not). */
  private gateOf(conn: WebSocket): AckGate | undefined {
    const ack = this.acking.get(conn);
    if (!ack) return undefined;
    return {
      stored: (done) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (ack.done >= done || !this.acking.has(conn) || conn.readyState !== conn.OPEN) {
              ack.waiting.delete(check);
              resolve();
            }
          };
          ack.waiting.add(check);
          check();
        }),
    };
  }

  leave(conn: WebSocket): void {
    const ack = this.acking.get(conn);
    this.acking.delete(conn);
    // Whoever waits for this connection's acks stops (the socket is gone).
    if (ack) for (const wake of [...ack.waiting]) wake();
    const ids = this.conns.get(conn);
    if (!ids) return;
    this.conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

function encodeMessage(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function send(conn: WebSocket, message: Uint8Array): void {
  if (conn.readyState !== conn.OPEN) return;
  conn.send(message, (err) => {
    if (err) conn.terminate();
  });
}
