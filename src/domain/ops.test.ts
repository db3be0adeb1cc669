import { describe, expect, it } from 'vitest';
import { combine, type Command } from './ops';

const op = (id: string) => ({ kind: 'set' as const, collection: 'requests' as const, id, fields: { n: id } });

describe('combine', () => {
  it('keeps what shares a shard in one command, in order, and other shards after, in the order they first appear', () => {
    const a: Command = { shard: 'ledger-2026', ops: [op('a1'), op('a2')] };
    const b: Command = { shard: 'directory', ops: [op('b1')] };
    const c: Command = { shard: 'ledger-2026', ops: [op('c1')] };
    expect(combine(a, null, b, undefined, c)).toEqual([
      { shard: 'ledger-2026', ops: [op('a1'), op('a2'), op('c1')] },
      { shard: 'directory', ops: [op('b1')] },
    ]);
  });

  it('leaves the commands it was given as they were', () => {
    const a: Command = { shard: 'office', ops: [op('a1')] };
    combine(a, { shard: 'office', ops: [op('b1')] });
    expect(a.ops).toEqual([op('a1')]);
    expect(combine()).toEqual([]);
  });
});
