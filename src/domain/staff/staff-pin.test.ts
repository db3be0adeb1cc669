import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import type { Op } from '../ops';
import { sampleHash } from './pin.fixture';
import { resetStaffPin, setOwnPin } from './staff-pin';
import { setIdleLock, idleLockMinutesOf } from './idle-lock';

const manager: CommandContext = { actor: { staffId: 'm1', name: '陈经理', deviceCode: 'A' }, now: '2025-03-03T02:00:00.000Z' };
const wang: CommandContext = { actor: { staffId: 'r1', name: '王丽', deviceCode: 'B' }, now: '2025-03-03T02:00:00.000Z' };
const logs = (ops: readonly Op[]) => ops.filter((o): o is Extract<Op, { kind: 'log' }> => o.kind === 'log');

describe('setOwnPin', () => {
  it('sets one’s own PIN hash and clears a reset; the history says only that it was set', () => {
    const r = setOwnPin({ id: 'r1' }, sampleHash, wang);
    if (!r.ok) throw new Error('refused');
    expect(r.value.ops[0]).toMatchObject({ kind: 'set', collection: 'staff', id: 'r1', fields: { pin: sampleHash, pinMustChange: false } });
    const [log] = logs(r.value.ops);
    expect(log.entry).toEqual({ at: wang.now, by: 'r1', byName: '王丽', device: 'B', action: 'history.pinSet' });
    expect(JSON.stringify(log)).not.toContain(sampleHash.hash);
    expect(JSON.stringify(log)).not.toContain(sampleHash.salt);
  });

  it('refuses someone else’s profile, and anything not a hash', () => {
    expect(setOwnPin({ id: 'r1' }, sampleHash, manager)).toEqual({ ok: false, problems: [{ code: 'pin.error.ownOnly' }] });
    expect(setOwnPin({ id: 'r1' }, '1234' as never, wang)).toEqual({ ok: false, problems: [{ code: 'pin.error.badHash', field: 'pin' }] });
  });
});

describe('resetStaffPin', () => {
  it('a manager sets a temporary PIN the colleague must replace; the history names the manager, no PIN', () => {
    const r = resetStaffPin({ id: 'r1' }, sampleHash, manager, { role: 'manager' });
    if (!r.ok) throw new Error('refused');
    expect(r.value.ops[0]).toMatchObject({ kind: 'set', id: 'r1', fields: { pin: sampleHash, pinMustChange: true, updatedBy: 'm1' } });
    const [log] = logs(r.value.ops);
    expect(log.entry).toMatchObject({ action: 'history.pinReset', by: 'm1', byName: '陈经理' });
    expect(log.entry.changes).toBeUndefined();
    expect(JSON.stringify(log)).not.toMatch(/PBKDF2|AAAAAAAA/);
  });

  it('refuses anyone but a manager', () => {
    expect(resetStaffPin({ id: 'm1' }, sampleHash, wang, { role: 'reception' })).toEqual({ ok: false, problems: [{ code: 'pin.error.resetManagerOnly' }] });
  });
});

describe('idle lock setting', () => {
  it('defaults to 10 minutes; a manager sets 1–240 whole minutes, with a history line', () => {
    expect(idleLockMinutesOf(undefined)).toBe(10);
    expect(idleLockMinutesOf({ idleLockMinutes: 3 })).toBe(3);
    expect(idleLockMinutesOf({ idleLockMinutes: 0 })).toBe(10);
    const r = setIdleLock('3', 10, manager, { role: 'manager' });
    if (!r.ok || !r.value) throw new Error('expected a command');
    expect(r.value.ops[0]).toMatchObject({ kind: 'set', collection: 'settings', id: 'office', upsert: true, fields: { idleLockMinutes: 3 } });
    expect(logs(r.value.ops)[0].entry.changes).toEqual([{ field: 'idleLock', from: '10', to: '3' }]);
    expect(setIdleLock(3, 3, manager, { role: 'manager' })).toEqual({ ok: true, value: null });
  });

  it('refuses non-managers and bad numbers', () => {
    expect(setIdleLock(5, 10, wang, { role: 'reception' })).toEqual({ ok: false, problems: [{ code: 'lock.error.managerOnly' }] });
    for (const bad of ['0', '241', '2.5', 'abc', '']) {
      expect(setIdleLock(bad, 10, manager, { role: 'manager' })).toEqual({ ok: false, problems: [{ code: 'lock.error.minutes', field: 'idleLock', params: { min: 1, max: 240 } }] });
    }
  });
});
