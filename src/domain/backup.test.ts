import { describe, expect, it } from 'vitest';
import { backupOf, base64ToBytes, bytesToBase64, parseBackup } from './backup';

describe('backup file', () => {
  it('round-trips shard bytes through base64, large ones included', () => {
    const big = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const same = (a: Uint8Array) => a.length === big.length && a.every((v, i) => v === big[i]);
    expect(same(base64ToBytes(bytesToBase64(big)))).toBe(true);
    const file = backupOf('tablet', '2026-12-01T08:00:00.000Z', [{ id: 'abc123def456', name: '翠湖花园', shards: { directory: big }, deviceCode: 'B' }]);
    const parsed = parseBackup(JSON.parse(JSON.stringify(file)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(same(base64ToBytes(parsed.value.offices[0].shards.directory))).toBe(true);
  });

  it('refuses what is not a usable backup, before anything is applied', () => {
    expect(parseBackup({ hello: 1 })).toEqual({ ok: false, problems: [{ code: 'backup.error.notBackup' }] });
    expect(parseBackup({ format: 'linli-backup', version: 2, offices: [] })).toMatchObject({ ok: false, problems: [{ code: 'backup.error.newerVersion' }] });
    expect(parseBackup({ format: 'linli-backup', version: 1, offices: [{ id: '../etc', shards: {} }] }).ok).toBe(false);
    expect(parseBackup({ format: 'linli-backup', version: 1, offices: [{ id: 'abc123def456', shards: { secrets: 'AA==' } }] })).toMatchObject({ ok: false, problems: [{ code: 'backup.error.badShard' }] });
    expect(parseBackup({ format: 'linli-backup', version: 1, offices: [{ id: 'abc123def456', shards: { office: 'not base64!' } }] }).ok).toBe(false);
  });
});
