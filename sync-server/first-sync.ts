import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

/**
 * A room's answer to a client's sync step 1, cut into bounded pieces.
 *
 * The stock answer is ONE sync step 2 holding everything the client lacks: for a new tablet and a
 * year's ledger that is tens of MB in one websocket message, which a tablet on Wi-Fi may take more
 * than y-websocket's 30 s to receive (it then drops the socket and starts over, for ever), and which
 * the tablet's worker must integrate in one long task. Here the missing structs go out as several
 * plain sync updates of at most about `CHUNK_BYTES` each, then one small sync step 2 with the rest
 * (normally only the delete set). y-websocket marks the provider synced on the step 2, i.e. when
 * everything has arrived, so `synced` keeps its meaning.
 *
 * Each piece is a valid Yjs update the tablet stores in IndexedDB as it arrives. A join that drops
 * half way therefore resumes: the tablet's next sync step 1 names what it holds, and only the rest
 * is sent. Pieces follow the clocks of every client in step (a proportional slice of each client's
 * range per round), which follows the order in which the edits were made well enough that most
 * structs integrate at once instead of waiting in Yjs's pending set for a struct they refer to.
 *
 * Before each piece a progress message (`MESSAGE_SYNC_PROGRESS`: clocks the tablet holds or was
 * sent so far, clocks in all) lets the tablet show a percent. Old clients ignore that message type.
 */
export const CHUNK_BYTES = 1024 * 1024;
/** Our own message type (y-websocket uses 0–3): progress of a chunked first sync. */
export const MESSAGE_SYNC_PROGRESS = 4;
/** Rounds over which each client's range is spread: finer keeps clients in step, coarser is cheaper. */
const ROUNDS = 64;

export interface Piece {
  /** A whole websocket message (message type 0, then a sync update or the final step 2). */
  message: Uint8Array;
  /** A progress message to send before it, or null for the final step 2. */
  progress: Uint8Array | null;
  /**
   * On the first piece of an answer in pieces: a progress message saying what the tablet already
   * holds (done = its share, before anything is sent), sent before the first piece's own, so a
   * resumed join shows where it stands at once, even before the first piece is stored.
   */
  start?: Uint8Array;
}

/**
 * The pieces of the answer to a client whose state vector is `remoteSv`, produced one at a time,
 * so only one piece is held in memory and the document may change between pieces (the cursors
 * are clocks, which no later edit moves). Yields a single ordinary step 2 when the answer is small.
 */
export function* firstSyncPieces(doc: Y.Doc, remoteSv: Uint8Array, chunkBytes = CHUNK_BYTES): Generator<Piece> {
  const remote = Y.decodeStateVector(remoteSv);
  // Where each client's missing range starts (the tablet's clock) and ends (ours, now).
  const cursor = new Map<number, number>();
  const end = new Map<number, number>();
  let total = 0;
  // What the tablet already holds counts as done: a resumed join goes on from its percent.
  let held = 0;
  for (const [client, structs] of doc.store.clients) {
    const last = structs[structs.length - 1];
    const ours = last.id.clock + last.length;
    const theirs = remote.get(client) ?? 0;
    held += Math.min(ours, theirs);
    if (ours > theirs) {
      cursor.set(client, theirs);
      end.set(client, ours);
      total += ours - theirs;
    }
  }
  // Every client advances by the same fraction of its own range per round.
  const step = new Map<number, number>();
  for (const [client, from] of cursor) step.set(client, Math.max(1, Math.ceil((end.get(client)! - from) / ROUNDS)));
  let sent = 0;
  let first = true;
  while (true) {
    const piece = nextPiece(doc, cursor, end, step, chunkBytes);
    if (!piece) break;
    if (first && !piece.full) {
      // Everything fits in one piece: the ordinary answer, exactly as before.
      yield { message: step2(doc, remoteSv), progress: null };
      return;
    }
    const start = first ? progressMessage(held, held + total) : undefined;
    first = false;
    sent += piece.clocks;
    yield { message: syncUpdate(piece.update), progress: progressMessage(held + Math.min(sent, total), held + total), ...(start ? { start } : {}) };
  }
  // The rest: anything added since the cursors passed it (normally nothing) and the delete set.
  const cursors = encoding.createEncoder();
  const sv = new Map(remote);
  for (const [client, clock] of cursor) sv.set(client, clock);
  writeStateVector(cursors, sv);
  yield { message: step2(doc, encoding.toUint8Array(cursors)), progress: null };
}

/** Clocks sent so far and in all, as a `MESSAGE_SYNC_PROGRESS` message. */
export function progressMessage(done: number, total: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC_PROGRESS);
  encoding.writeVarUint(encoder, done);
  encoding.writeVarUint(encoder, total);
  return encoding.toUint8Array(encoder);
}

interface Segment {
  client: number;
  clock: number;
  count: number;
  body: Y.UpdateEncoderV1;
}

/**
 * Advances the cursors round by round, a proportional slice of each client's remaining range per
 * round, until the piece holds `chunkBytes` or nothing is left. `full` says the budget was reached
 * (more may follow); null when nothing was left at all.
 */
function nextPiece(doc: Y.Doc, cursor: Map<number, number>, end: Map<number, number>, step: Map<number, number>, chunkBytes: number): { update: Uint8Array; clocks: number; full: boolean } | null {
  const segments = new Map<number, Segment>();
  const left = () => [...cursor].filter(([client, clock]) => clock < end.get(client)!);
  let bytes = 0;
  let clocks = 0;
  let full = false;
  while (!full && left().length) {
    for (const [client, from] of left()) {
      const structs = doc.store.clients.get(client)!;
      const until = Math.min(end.get(client)!, from + step.get(client)!);
      let segment = segments.get(client);
      if (!segment) segments.set(client, (segment = { client, clock: from, count: 0, body: new Y.UpdateEncoderV1() }));
      let clock = from;
      let i = Y.findIndexSS(structs, clock);
      // Whole structs only (a struct is never cut at its end); the first may start inside one.
      while (clock < until && i < structs.length && bytes < chunkBytes) {
        const struct = structs[i++];
        const before = encoding.length(segment.body.restEncoder);
        struct.write(segment.body, clock - struct.id.clock);
        bytes += encoding.length(segment.body.restEncoder) - before;
        segment.count++;
        clock = struct.id.clock + struct.length;
      }
      clocks += clock - from;
      cursor.set(client, clock);
      if (bytes >= chunkBytes) {
        full = true;
        break;
      }
    }
  }
  if (!clocks) return null;
  const encoder = encoding.createEncoder();
  const used = [...segments.values()].filter((s) => s.count > 0);
  encoding.writeVarUint(encoder, used.length);
  for (const s of used) {
    encoding.writeVarUint(encoder, s.count);
    encoding.writeVarUint(encoder, s.client);
    encoding.writeVarUint(encoder, s.clock);
    encoding.writeUint8Array(encoder, s.body.toUint8Array());
  }
  encoding.writeVarUint(encoder, 0); // no delete set: the final step 2 carries it
  return { update: encoding.toUint8Array(encoder), clocks, full: full && left().length > 0 };
}

function writeStateVector(encoder: encoding.Encoder, sv: Map<number, number>): void {
  encoding.writeVarUint(encoder, sv.size);
  for (const [client, clock] of sv) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // MESSAGE_SYNC
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function step2(doc: Y.Doc, sv: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // MESSAGE_SYNC
  syncProtocol.writeSyncStep2(encoder, doc, sv);
  return encoding.toUint8Array(encoder);
}

/** What `answerSyncStep1` needs of a socket (ws's WebSocket). */
export interface PieceSocket {
  readonly readyState: number;
  readonly OPEN: number;
  send(data: Uint8Array, cb: (err?: Error) => void): void;
  terminate(): void;
}

/**
 * How a tablet that acknowledges pieces (it connected with `acks=1`) tells the relay what it has
 * stored: `stored(done)` resolves once the tablet acked a piece whose progress said at least
 * `done` clocks, or the connection went.
 */
export interface AckGate {
  stored(done: number): Promise<void>;
}

/**
 * Sends the pieces one after another, each once the previous one has been handed to the
 * network, so a big answer never sits in memory whole and other rooms' traffic goes on between
 * pieces. Stops when the socket goes; the tablet's next handshake picks up from what it stored.
 *
 * With `gate` (a tablet that acks), a piece goes out only once the one before the previous is
 * stored on the tablet: the relay runs at most one piece ahead of the tablet's disk while the
 * tablet writes the other, so a join cut off (a reload, a lost connection) loses at most two
 * pieces, and the percent the tablet shows is what it holds. Old tablets do not ack and are sent
 * everything at once, as before.
 */
export function answerSyncStep1(conn: PieceSocket, doc: Y.Doc, remoteSv: Uint8Array, chunkBytes = CHUNK_BYTES, gate?: AckGate): Promise<void> {
  const pieces = firstSyncPieces(doc, remoteSv, chunkBytes);
  /** The `done` figure of each piece sent with a progress message, in order. */
  const sent: number[] = [];
  return new Promise((resolve) => {
    const next = async () => {
      if (gate && sent.length >= 2) await gate.stored(sent[sent.length - 2]);
      if (conn.readyState !== conn.OPEN || doc.isDestroyed) return resolve();
      const { value, done } = pieces.next();
      if (done) return resolve();
      if (value.start) conn.send(value.start, () => undefined);
      if (value.progress) {
        sent.push(progressDone(value.progress));
        conn.send(value.progress, () => undefined);
      }
      conn.send(value.message, (err) => {
        if (err) {
          conn.terminate();
          return resolve();
        }
        void next();
      });
    };
    void next();
  });
}

/** The `done` clocks of a progress message. */
function progressDone(progress: Uint8Array): number {
  const decoder = decoding.createDecoder(progress);
  decoding.readVarUint(decoder); // MESSAGE_SYNC_PROGRESS
  return decoding.readVarUint(decoder);
}
