import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { firstSyncPieces, MESSAGE_SYNC_PROGRESS } from '../../sync-server/first-sync';

/** A shard written by three devices in turns: records, edits of each other's records, deletions. */
function busyDoc(): Y.Doc {
  const devices = [1, 2, 3].map((id) => {
    const d = new Y.Doc();
    d.clientID = id * 1000;
    return d;
  });
  for (let round = 0; round < 30; round++) {
    for (const [n, d] of devices.entries()) {
      d.transact(() => {
        const requests = d.getMap<Y.Map<unknown>>('requests');
        for (let i = 0; i < 40; i++) {
          const r = new Y.Map<unknown>();
          r.set('title', `报修 ${round}-${n}-${i} ${'水管漏水'.repeat(8)}`);
          r.set('note', new Y.Text('楼上渗水'));
          requests.set(`r${round}-${n}-${i}`, r);
        }
        // Edit and delete what others wrote earlier: structs that refer to other clients.
        for (const [id, r] of [...requests.entries()].slice(0, 20)) {
          r.set('status', `done by ${n} in ${round}`);
          (r.get('note') as Y.Text).insert(0, '更新');
          if (round % 5 === 0 && id.endsWith('-7')) requests.delete(id);
        }
      });
    }
    // Each device hears the others before the next round, as on a shared relay.
    for (const a of devices) for (const b of devices) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  }
  return devices[0];
}

function apply(target: Y.Doc, pieces: Iterable<{ message: Uint8Array; progress: Uint8Array | null }>, max = Infinity) {
  const sizes: number[] = [];
  const progress: [number, number][] = [];
  let n = 0;
  for (const piece of pieces) {
    if (n++ >= max) break;
    sizes.push(piece.message.length);
    if (piece.progress) {
      const d = decoding.createDecoder(piece.progress);
      expect(decoding.readVarUint(d)).toBe(MESSAGE_SYNC_PROGRESS);
      progress.push([decoding.readVarUint(d), decoding.readVarUint(d)]);
    }
    const d = decoding.createDecoder(piece.message);
    expect(decoding.readVarUint(d)).toBe(0);
    decoding.readVarUint(d); // step 2 or update
    Y.applyUpdate(target, decoding.readVarUint8Array(d));
  }
  return { sizes, progress };
}

describe('first sync in pieces', () => {
  it('sends a big state as several bounded updates that rebuild the same document', () => {
    const source = busyDoc();
    const whole = Y.encodeStateAsUpdate(source).length;
    const bound = 32 * 1024;
    expect(whole).toBeGreaterThan(4 * bound);
    const target = new Y.Doc();
    const { sizes, progress } = apply(target, firstSyncPieces(source, Y.encodeStateVector(target), bound));
    expect(sizes.length).toBeGreaterThan(4);
    // A piece stops at the first struct past the bound: one record's worth over it at most.
    for (const size of sizes) expect(size).toBeLessThan(bound + 2048);
    expect(target.getMap('requests').toJSON()).toEqual(source.getMap('requests').toJSON());
    expect(Y.encodeStateVector(target)).toEqual(Y.encodeStateVector(source));
    expect(target.store.pendingStructs).toBeNull();
    // Progress counts up to the whole.
    const total = progress[0][1];
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toEqual([total, total]);
  });

  it('resumes from what a tablet stored: the second answer holds only the rest', () => {
    const source = busyDoc();
    const bound = 32 * 1024;
    const target = new Y.Doc();
    const first = apply(target, firstSyncPieces(source, Y.encodeStateVector(target), bound));
    const half = new Y.Doc();
    apply(half, firstSyncPieces(source, Y.encodeStateVector(half), bound), Math.floor(first.sizes.length / 2));
    const held = Y.encodeStateAsUpdate(half).length;
    expect(held).toBeGreaterThan(Y.encodeStateAsUpdate(source).length / 3);
    const rest = apply(half, firstSyncPieces(source, Y.encodeStateVector(half), bound));
    const restBytes = rest.sizes.reduce((a, b) => a + b, 0);
    const allBytes = first.sizes.reduce((a, b) => a + b, 0);
    expect(restBytes).toBeLessThan(allBytes * 0.7);
    expect(half.getMap('requests').toJSON()).toEqual(source.getMap('requests').toJSON());
    expect(half.store.pendingStructs).toBeNull();
  });

  it('answers a small difference with one ordinary sync step 2', () => {
    const source = busyDoc();
    const target = new Y.Doc();
    Y.applyUpdate(target, Y.encodeStateAsUpdate(source));
    source.getMap<Y.Map<unknown>>('requests').get('r0-0-0')!.set('status', 'closed');
    const pieces = [...firstSyncPieces(source, Y.encodeStateVector(target))];
    expect(pieces).toHaveLength(1);
    expect(pieces[0].progress).toBeNull();
    apply(target, pieces);
    expect(target.getMap('requests').toJSON()).toEqual(source.getMap('requests').toJSON());
  });
});
