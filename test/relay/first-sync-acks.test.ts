/**
 * A first sync paced by the tablet's disk: a tablet that connects with `acks=1` acknowledges each
 * piece once stored, and the relay sends a piece only once the one before the previous is acked —
 * it never runs more than one piece ahead of what the tablet holds, so a join cut off (a reload)
 * loses at most two pieces. A tablet that does not ack (an old build) gets every piece at once.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Relay } from '../../sync-server/relay';
import { ackMessage, MESSAGE_SYNC_PROGRESS } from '../../src/store/sync';
import { whenSynced, yClient } from '../helpers/client';
import { relayIn, removeDir, tempDir, wsUrl } from '../helpers/relay';
import { ledgerDoc } from '../bench/seed';

const CHUNK = 16 * 1024;
const room = `ledger-${new Date().toISOString().slice(0, 7)}`;

let dir: string;
let relay: Relay;
let office: { id: string; token: string };
let source: Y.Doc;

beforeEach(async () => {
  dir = await tempDir();
  relay = await relayIn(dir, { syncChunkBytes: CHUNK });
  office = await relay.offices.add('翠湖花园管理处');
  source = ledgerDoc(600, new Date().getFullYear());
  const c = yClient(wsUrl(relay), `${office.id}/${room}`, office.token, source);
  await whenSynced(c.provider);
  c.provider.destroy();
});

afterEach(async () => {
  await relay.close();
  await removeDir(dir);
});

/** A bare tablet socket: asks for everything, and keeps what it hears in order. */
async function tablet(acks: boolean) {
  const sock = new WebSocket(`${wsUrl(relay)}/${office.id}/${room}?token=${encodeURIComponent(office.token)}${acks ? '&acks=1' : ''}`);
  const doc = new Y.Doc();
  /** For each piece received: the `done` of the progress message just before it (what its ack says). */
  const pieces: number[] = [];
  let lastProgress = -1;
  let finished = false;
  let awarenessAnswers = 0;
  const listeners = new Set<() => void>();
  sock.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC_PROGRESS) lastProgress = decoding.readVarUint(decoder);
    else if (type === 0) {
      const sub = decoding.readVarUint(decoder);
      // A piece comes right after its progress (an update without one is the seeding client's edit forwarded late).
      if (sub === syncProtocol.messageYjsUpdate && lastProgress >= 0) pieces.push(lastProgress);
      lastProgress = -1;
      if (sub === syncProtocol.messageYjsUpdate || sub === syncProtocol.messageYjsSyncStep2) Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      if (sub === syncProtocol.messageYjsSyncStep2) finished = true;
    } else if (type === 1) awarenessAnswers++;
    for (const l of [...listeners]) l();
  });
  await new Promise((resolve, reject) => (sock.once('open', resolve), sock.once('error', reject)));
  const until = (check: () => boolean) =>
    new Promise<void>((resolve) => {
      const l = () => check() && (listeners.delete(l), resolve());
      listeners.add(l);
      l();
    });
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  syncProtocol.writeSyncStep1(enc, new Y.Doc());
  sock.send(encoding.toUint8Array(enc));
  return {
    sock,
    doc,
    pieces,
    finished: () => finished,
    until,
    /** Round trips through the relay (awareness queries): time for any piece the relay would send to arrive. */
    async roundTrips(n: number) {
      for (let i = 0; i < n; i++) {
        const before = awarenessAnswers;
        const q = encoding.createEncoder();
        encoding.writeVarUint(q, 3); // messageQueryAwareness
        sock.send(encoding.toUint8Array(q));
        await until(() => awarenessAnswers > before);
      }
    },
  };
}

describe('a first sync paced by the tablet', () => {
  it('sends an acking tablet one piece ahead of what it stored, and everything once it acks', async () => {
    const t = await tablet(true);
    await t.until(() => t.pieces.length >= 2);
    await t.roundTrips(8);
    // Nothing acked: two pieces (one being stored, one ahead), no more.
    expect(t.pieces.length).toBe(2);
    expect(t.finished()).toBe(false);
    t.sock.send(ackMessage(t.pieces[0]));
    await t.until(() => t.pieces.length >= 3);
    await t.roundTrips(8);
    expect(t.pieces.length).toBe(3);
    // Acking each piece as it comes: the rest arrives and rebuilds the room.
    let acked = 1;
    const ackAll = () => {
      while (acked < t.pieces.length) t.sock.send(ackMessage(t.pieces[acked++]));
    };
    ackAll();
    await t.until(() => (ackAll(), t.finished()));
    expect(t.pieces.length).toBeGreaterThan(4);
    expect(t.doc.getMap('requests').size).toBe(source.getMap('requests').size);
    t.sock.close();
  });

  it('sends a tablet that does not ack (an old build) every piece without waiting', async () => {
    const t = await tablet(false);
    await t.until(() => t.finished());
    expect(t.pieces.length).toBeGreaterThan(4);
    expect(t.doc.getMap('requests').size).toBe(source.getMap('requests').size);
    t.sock.close();
  });
});
