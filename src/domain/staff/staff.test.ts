import { describe, expect, it } from 'vitest';
import { plainAfter } from '../plain.fixture';
import type { CommandContext } from '../actor';
import { sampleHash } from './pin.fixture';
import { createStaff, staffFromRecord, updateStaff, type StaffRow } from './staff';

const ctx: CommandContext = { actor: { staffId: 'm1', name: '陈经理', deviceCode: 'A' }, now: '2025-03-03T02:00:00.000Z' };
const row = (id: string, role: StaffRow['role'], teamId = ''): StaffRow => ({ id, name: id, role, teamId, createdAt: '' });
const teams = [{ id: 'engineering', name: '工程组' }, { id: 'environment', name: '环境组' }];
const staff = [row('m1', 'manager'), row('r1', 'reception'), row('t1', 'team', 'engineering')];

describe('createStaff', () => {
  it('records the team of a team member, and no team for other roles', () => {
    const fields = (role: StaffRow['role'], team: string) => {
      const r = createStaff('李师傅', role, { now: ctx.now }, 'x', team);
      return staffFromRecord('x', plainAfter(r, 'staff', 'x'));
    };
    expect(fields('team', 'engineering')).toMatchObject({ role: 'team', teamId: 'engineering' });
    expect(fields('reception', 'engineering')).toMatchObject({ role: 'reception', teamId: '' });
    expect(createStaff('王丽', 'reception', { now: ctx.now }).ok).toBe(true);
  });

  it('a newcomer or a non-manager cannot create a manager; a manager and the office’s founder can', () => {
    const refused = { ok: false, problems: [{ code: 'staff.error.managerGrant', field: 'role' }] };
    expect(createStaff('王丽', 'manager', { now: ctx.now })).toEqual(refused);
    expect(createStaff('王丽', 'manager', { now: ctx.now }, 'x', '', { creator: null })).toEqual(refused);
    expect(createStaff('王丽', 'manager', { now: ctx.now }, 'x', '', { creator: 'reception' })).toEqual(refused);
    expect(createStaff('王丽', 'manager', { now: ctx.now }, 'x', '', { creator: 'team' })).toEqual(refused);
    expect(createStaff('王丽', 'manager', ctx, 'x', '', { creator: 'manager' }).ok).toBe(true);
    expect(createStaff('陈经理', 'manager', { now: ctx.now }, 'x', '', { creator: 'founder' }).ok).toBe(true);
    expect(createStaff('李师傅', 'team', { now: ctx.now }, 'x', 'engineering', { creator: null }).ok).toBe(true);
  });

  it('keeps the PIN as the hash it is given, never in the history; refuses a plain PIN', () => {
    const made = plainAfter(createStaff('王丽', 'reception', { now: ctx.now }, 'x', '', { creator: null, pin: sampleHash }), 'staff', 'x');
    expect(staffFromRecord('x', made).pin).toEqual(sampleHash);
    expect((made.history as unknown[]).length).toBe(1);
    expect(JSON.stringify(made.history)).not.toContain(sampleHash.hash);
    expect(createStaff('王丽', 'reception', { now: ctx.now }, 'x', '', { creator: null, pin: '1234' as never })).toEqual({ ok: false, problems: [{ code: 'pin.error.badHash', field: 'pin' }] });
  });
});

describe('updateStaff', () => {
  it('only a manager grants 管理处经理', () => {
    expect(updateStaff(staff[1], { role: 'manager' }, ctx, { role: 'reception', staff, teams })).toEqual({ ok: false, problems: [{ code: 'staff.error.managerOnly' }] });
    expect(updateStaff(staff[1], { role: 'manager' }, ctx, { role: 'manager', staff, teams }).ok).toBe(true);
  });

  it('the history keeps the name as it was when the step was taken', () => {
    const after = plainAfter(updateStaff(staff[1], { role: 'team' }, ctx, { role: 'manager', staff, teams }), 'staff', 'r1', { ...staff[1], history: [] });
    // The entry carries the actor's name itself, not a reference looked up later.
    expect(after.history).toEqual([expect.objectContaining({ by: 'm1', byName: '陈经理', device: 'A' })]);
  });

  it('lets a manager change a colleague’s role and team, with team names in the history', () => {
    const after = plainAfter(updateStaff(staff[1], { role: 'team', teamId: 'environment' }, ctx, { role: 'manager', staff, teams }), 'staff', 'r1', { ...staff[1], history: [] });
    expect(staffFromRecord('r1', after)).toMatchObject({ name: 'r1', role: 'team', teamId: 'environment' });
    expect(after.updatedBy).toBe('m1');
    expect((after.history as { changes: unknown }[])[0].changes).toEqual([
      { field: 'role', from: 'reception', to: 'team' },
      { field: 'team', from: '', to: '环境组' },
    ]);
  });

  it('refuses anyone but a manager', () => {
    expect(updateStaff(staff[2], { teamId: 'environment' }, ctx, { role: 'reception', staff, teams })).toEqual({ ok: false, problems: [{ code: 'staff.error.managerOnly' }] });
  });

  it('keeps at least one manager', () => {
    const r = updateStaff(staff[0], { role: 'reception' }, ctx, { role: 'manager', staff, teams });
    expect(r).toEqual({ ok: false, problems: [{ code: 'staff.error.lastManager', field: 'role' }] });
    const two = [...staff, row('m2', 'manager')];
    expect(updateStaff(staff[0], { role: 'reception' }, ctx, { role: 'manager', staff: two, teams }).ok).toBe(true);
  });

  it('accepts only a team of the settings, or none; nothing changed is null', () => {
    expect(updateStaff(staff[2], { teamId: 'nope' }, ctx, { role: 'manager', staff, teams })).toEqual({ ok: false, problems: [{ code: 'staff.error.badTeam', field: 'team' }] });
    expect(updateStaff(staff[2], { teamId: '' }, ctx, { role: 'manager', staff, teams }).ok).toBe(true);
    expect(updateStaff(staff[2], { role: 'team', teamId: 'engineering' }, ctx, { role: 'manager', staff, teams })).toEqual({ ok: true, value: null });
  });
});

describe('a newcomer registering themself', () => {
  it('is named in the history with the device they registered on', () => {
    const made = plainAfter(createStaff('李娜', 'reception', { now: '2026-12-01T08:00:00.000Z', deviceCode: 'C' }, 's9'), 'staff', 's9');
    expect(made.history).toEqual([expect.objectContaining({ by: 's9', byName: '李娜', device: 'C' })]);
  });
});
