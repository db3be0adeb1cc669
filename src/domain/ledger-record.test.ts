import { describe, expect, it } from 'vitest';
import { newLedgerRecord, registerLine } from './ledger-record';
import { plainAfter } from './plain.fixture';

const ctx = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-12-15T02:00:00.000Z' };

describe('a record raised in the month ledger', () => {
  it('lands in the month of now, stamped with its maker, with its first history line', () => {
    const made = newLedgerRecord('notices', 'n1', { title: '停水' }, ctx);
    expect(made.command.shard).toBe('ledger-2026-12');
    const notice = plainAfter(made.command, 'notices', 'n1');
    expect(notice).toMatchObject({ title: '停水', createdAt: ctx.now, createdBy: 's1', createdByName: '王丽' });
    expect(notice.history).toEqual([{ at: ctx.now, by: 's1', byName: '王丽', device: 'A', action: 'history.created' }]);
    const action = plainAfter(newLedgerRecord('actions', 'a1', { due: '2027-01-10' }, ctx, { action: 'action.created', data: { due: '2027-01-10' } }).command, 'actions', 'a1');
    expect(action.history).toEqual([expect.objectContaining({ action: 'action.created', data: { due: '2027-01-10' } })]);
  });

  it('a register line lands beside its parent, says when and who, and has no history of its own', () => {
    const line = registerLine('ledger-2026-11', 'incidentCalls', 'c1', { incidentId: 'i1' }, ctx);
    expect(line.command.shard).toBe('ledger-2026-11');
    expect(plainAfter(line.command, 'incidentCalls', 'c1')).toMatchObject({ incidentId: 'i1', at: ctx.now, by: 's1', byName: '王丽', history: [] });
  });
});
