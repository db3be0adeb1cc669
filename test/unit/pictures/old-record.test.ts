/**
 * A record made before pictures existed has no `attachments` map. Two tablets each adding the
 * first photo to it offline must both keep theirs after merging: the entries go beside the
 * record's fields (`attachments:<sha>`, domain/map-entries.ts), not into a map each tablet makes
 * (one map would win whole and the other tablet's photo would vanish). The relay's and the
 * transfer's reading of references (refsOfRecord) sees them too.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommandContext } from '../../../src/domain/actor';
import { attachPicture, picturesOf } from '../../../src/domain/attachments/picture';
import { refsOfRecord } from '../../../src/domain/blob-refs';
import { applyCommand, readRecord } from '../../../src/store/apply';

const ctx = (staffId: string, name: string, now: string): CommandContext => ({ actor: { staffId, name, deviceCode: staffId.toUpperCase() }, now });
const sha = (c: string) => c.repeat(64);
const photo = (c: string) => ({ sha256: sha(c), mime: 'image/jpeg', bytes: 180_000, width: 1600, height: 1200, thumb: sha(c === 'a' ? 'b' : 'd'), kind: 'photo' as const, stage: 'intake' as const });
const target = { collection: 'requests' as const, id: 'r1', shard: 'ledger-2026-11' as const };

describe('pictures on a record older than its map', () => {
  it('two tablets adding the first photo offline both keep theirs', () => {
    // The request as an older build made it: fields and history, no attachments map.
    const a = new Y.Doc();
    const old = new Y.Map<unknown>();
    a.getMap<Y.Map<unknown>>('requests').set('r1', old);
    old.set('number', 'BX-2611-A-001');
    old.set('status', 'accepted');
    old.set('history', new Y.Array());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    for (const [doc, c, who] of [[a, 'a', 's1'], [b, 'c', 's2']] as const) {
      const made = attachPicture(target, readRecord(doc, 'requests', 'r1'), photo(c), ctx(who, who === 's1' ? '王丽' : '李师傅', '2026-12-07T02:00:00.000Z'));
      if (!made.ok || !made.value) throw new Error('refused');
      applyCommand(doc, made.value, 'local');
    }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));

    for (const doc of [a, b]) {
      const record = readRecord(doc, 'requests', 'r1');
      expect(picturesOf(record).map((p) => p.sha256).sort()).toEqual([sha('a'), sha('c')]);
      expect(refsOfRecord(record).map((r) => r.sha256).sort()).toEqual([sha('a'), sha('c')]);
    }
  });
});
