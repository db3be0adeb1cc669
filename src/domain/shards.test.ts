import { describe, expect, it } from 'vitest';
import { hotLedgers, legacyYearOf, monthOf, SHARD_NAME, shardOfRecord } from './shards';

describe('a record has one shard', () => {
  it('ledger records live in the month of their anchor, the same from any device clock', () => {
    expect(shardOfRecord('requests', { record: { createdAt: '2026-03-31T23:59:59.000Z' } })).toBe('ledger-2026-03');
    expect(shardOfRecord('requests', { record: { createdAt: '2026-04-01T07:30:00+08:00' } })).toBe('ledger-2026-03');
    expect(shardOfRecord('contacts', { record: { createdAt: '2026-05-02T00:00:00.000Z', at: '2025-12-01T00:00:00.000Z' } })).toBe('ledger-2026-05');
    expect(shardOfRecord('tasks', { record: { due: '2026-07-09' } })).toBe('ledger-2026-07');
    expect(shardOfRecord('taskResults', { record: {}, id: 'care:x:c1:2026-08-01' })).toBe('ledger-2026-08');
    expect(shardOfRecord('reports', { record: { period: '2026-02' } })).toBe('ledger-2026-02');
    expect(shardOfRecord('papers', { record: { year: 2025 } })).toBe('ledger-2025-01');
    expect(shardOfRecord('customers', { record: {} })).toBe('directory');
    expect(shardOfRecord('staff', { record: {} })).toBe('office');
  });

  it('children live with the record they belong to', () => {
    const events = { e1: { createdAt: '2026-01-20T00:00:00.000Z' } } as Record<string, object>;
    const parent = (_c: string, id: string) => events[id];
    expect(shardOfRecord('eventItems', { record: { eventId: 'e1', createdAt: '2026-02-03T00:00:00.000Z' }, parent })).toBe('ledger-2026-01');
    expect(shardOfRecord('responses', { record: {}, legacyYear: 2025 })).toBe('ledger-2025-01');
  });

  it('names: months, legacy years, hot set across a new year', () => {
    expect(monthOf('garbage')).toBe('1970-01');
    expect(legacyYearOf('ledger-2025')).toBe(2025);
    expect(legacyYearOf('ledger-2025-01')).toBeNull();
    expect(SHARD_NAME.test('ledger-2025-12') && SHARD_NAME.test('ledger-2025') && !SHARD_NAME.test('ledger-2025-13')).toBe(true);
    expect(hotLedgers('2026-01-05T00:00:00.000Z')).toEqual(['ledger-2026-01', 'ledger-2025-12']);
  });
});
