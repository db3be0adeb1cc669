import { describe, expect, it } from 'vitest';
import { shardLabel } from '../../src/ui/shell/shard-label';
import { syncPriority } from '../../src/store/sync';
import type { ShardName } from '../../src/domain/shards';

describe('shard names as people say them, and the order of a first join', () => {
  it('reads year and month ledgers generically', () => {
    expect(shardLabel('ledger-2026')).toBe('2026年的记录');
    expect(shardLabel('ledger-2026-03')).toBe('2026年3月的记录');
    expect(shardLabel('directory')).toBe('客户和房屋资料');
    expect(shardLabel('office')).toBe('办公室设置');
  });

  it('fetches office, directory, then ledgers newest first, month shards included', () => {
    const names = ['ledger-2025', 'ledger-2026-01', 'directory', 'ledger-2025-12', 'office', 'ledger-2026', 'ledger-2026-03'] as ShardName[];
    expect([...names].sort(syncPriority)).toEqual(['office', 'directory', 'ledger-2026-03', 'ledger-2026-01', 'ledger-2026', 'ledger-2025-12', 'ledger-2025']);
  });
});
