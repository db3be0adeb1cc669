import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../id-number';
import { plainAfter } from '../plain.fixture';
import { createUnit, projectUnit, unitParts, unitSortKey, updateUnit } from './unit';

const ctx = { actor: { staffId: 's', name: '王丽', deviceCode: 'A' }, now: '2026-11-23T09:00:00Z' };

describe('units', () => {
  it('stores the canonical code whatever form was typed, with its parts', () => {
    const made = plainAfter(createUnit({ code: '3栋2单元1101', area: '89.5', use: 'residential', status: 'rented' }, ctx, new Set(), 'u1'), 'units', 'u1');
    expect(projectUnit('u1', made)).toMatchObject({ code: '3-2-1101', area: 89.5, status: 'rented', building: '3', entrance: '2', floor: 11, room: '1101' });
    expect(made.history).toEqual([expect.objectContaining({ action: 'history.created', by: 's', at: ctx.now })]);
    expect(unitParts('3-2-1101')).toEqual({ building: '3', entrance: '2', floor: 11, room: '1101' });
    expect(projectUnit('u', { code: '5-0302' })).toMatchObject({ building: '5', entrance: '', floor: 3, room: '0302' });
  });

  it('an edit changes only what changed, and says from what to what in the history', () => {
    const made = plainAfter(createUnit({ code: '3-2-1101', area: '89.5', use: 'residential', status: 'owner' }, ctx, new Set(), 'u1'), 'units', 'u1');
    const later = { ...ctx, now: '2026-11-24T09:00:00Z' };
    const edited = plainAfter(updateUnit(projectUnit('u1', made), { area: '90', use: 'residential', status: 'owner' }, later), 'units', 'u1', made);
    expect(projectUnit('u1', edited)).toMatchObject({ code: '3-2-1101', area: 90, status: 'owner' });
    expect(edited.updatedAt).toBe(later.now);
    expect(edited.history).toEqual([
      expect.objectContaining({ action: 'history.created' }),
      expect.objectContaining({ action: 'history.updated', at: later.now, changes: [{ field: 'unit.area', from: '89.5', to: '90' }] }),
    ]);
    expect(updateUnit(projectUnit('u1', edited), { area: '90', use: 'residential', status: 'owner' }, later)).toEqual({ ok: true, value: null });
  });

  it('refuses a code already registered, an unreadable code and a bad area', () => {
    const dup = createUnit({ code: '3#2-1101', area: '', use: 'residential', status: 'owner' }, ctx, new Set(['3-2-1101']));
    expect(!dup.ok && dup.problems[0].code).toBe('unit.error.duplicate');
    const bad = createUnit({ code: '东门', area: '-3', use: 'residential', status: 'owner' }, ctx, new Set());
    expect(!bad.ok && bad.problems.map((p) => p.code)).toEqual(['unit.error.badCode', 'unit.error.badArea']);
  });

  it('sorts rooms and buildings in natural order', () => {
    const codes = ['10-1-101', '3-2-1101', '3-2-901', '9-1-101'];
    expect([...codes].sort((a, b) => unitSortKey(a).localeCompare(unitSortKey(b)))).toEqual(['3-2-901', '3-2-1101', '9-1-101', '10-1-101']);
  });
});

describe('ID numbers', () => {
  it('checks the date and the check digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105194902300025')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });
});
