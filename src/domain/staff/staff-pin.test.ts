import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { plainAfter, type Plain } from '../plain.fixture';
import { sampleHash } from './pin.fixture';
import { resetStaffPin, setOwnPin } from './staff-pin';
import { setIdleLock, idleLockMinutesOf } from './idle-lock';

const manager: CommandContext = { actor: { staffId: 'm1', name: '陈经理', deviceCode: 'A' }, now: '2025-03-03T02:00:00.000Z' };
const wang: CommandContext = { actor: { staffId: 'r1', name: '王丽', deviceCode: 'B' }, now: '2025-03-03T02:00:00.000Z' };
// Wang's profile as stored, with a PIN a manager had reset.
const stored = (): Plain => ({ name: '王丽', role: 'reception', pin: { ...sampleHash, hash: 'old' }, pinMustChange: true, history: [] });
type Line = { action: string; changes?: unknown };

describe('setOwnPin', () => {
  it('sets one’s own PIN hash and clears a reset; the history says only that it was set', () => {
    const after = plainAfter(setOwnPin({ id: 'r1' }, sampleHash, wang), 'staff', 'r1', stored());
    expect(after).toMatchObject({ name: '王丽', pin: sampleHash, pinMustChange: false });
    expect(after.history).toEqual([{ at: wang.now, by: 'r1', byName: '王丽', device: 'B', action: 'history.pinSet' }]);
    expect(JSON.stringify(after.history)).not.toContain(sampleHash.hash);
    expect(JSON.stringify(after.history)).not.toContain(sampleHash.salt);
  });

  it('refuses someone else’s profile, and anything not a hash', () => {
    expect(setOwnPin({ id: 'r1' }, sampleHash, manager)).toEqual({ ok: false, problems: [{ code: 'pin.error.ownOnly' }] });
    expect(setOwnPin({ id: 'r1' }, '1234' as never, wang)).toEqual({ ok: false, problems: [{ code: 'pin.error.badHash', field: 'pin' }] });
  });
});

describe('resetStaffPin', () => {
  it('a manager sets a temporary PIN the colleague must replace; the history names the manager, no PIN', () => {
    const after = plainAfter(resetStaffPin({ id: 'r1' }, sampleHash, manager, { role: 'manager' }), 'staff', 'r1', { ...stored(), pinMustChange: false });
    expect(after).toMatchObject({ name: '王丽', pin: sampleHash, pinMustChange: true, updatedBy: 'm1' });
    const [log] = after.history as Line[];
    expect(log).toMatchObject({ action: 'history.pinReset', by: 'm1', byName: '陈经理' });
    expect(log.changes).toBeUndefined();
    expect(JSON.stringify(after.history)).not.toMatch(/PBKDF2|AAAAAAAA/);
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
    // The office's settings record need not exist yet: the first setting makes it.
    const office = plainAfter(setIdleLock('3', 10, manager, { role: 'manager' }), 'settings', 'office');
    expect(idleLockMinutesOf(office)).toBe(3);
    expect(office.history).toEqual([expect.objectContaining({ by: 'm1', changes: [{ field: 'idleLock', from: '10', to: '3' }] })]);
    expect(setIdleLock(3, 3, manager, { role: 'manager' })).toEqual({ ok: true, value: null });
  });

  it('refuses non-managers and bad numbers', () => {
    expect(setIdleLock(5, 10, wang, { role: 'reception' })).toEqual({ ok: false, problems: [{ code: 'lock.error.managerOnly' }] });
    for (const bad of ['0', '241', '2.5', 'abc', '']) {
      expect(setIdleLock(bad, 10, manager, { role: 'manager' })).toEqual({ ok: false, problems: [{ code: 'lock.error.minutes', field: 'idleLock', params: { min: 1, max: 240 } }] });
    }
  });
});
