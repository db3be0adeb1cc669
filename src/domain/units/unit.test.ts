import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../id-number';
import { createUnit, projectUnit, unitParts, unitSortKey } from './unit';

const ctx = { actor: { staffId: 's', name: '王丽', deviceCode: 'A' }, now: '2026-11-23T09:00:00Z' };

describe('units', () => {
  it('stores the canonical code whatever form was typed, with its parts', () => {
    const r = createUnit({ code: '3栋2单元1101', area: '89.5', use: 'residential', status: 'rented' }, ctx, new Set());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const create = r.value.command.ops[0];
    expect(create.kind === 'create' && create.fields).toMatchObject({ code: '3-2-1101', area: 89.5, status: 'rented' });
    expect(unitParts('3-2-1101')).toEqual({ building: '3', entrance: '2', floor: 11, room: '1101' });
    expect(projectUnit('u', { code: '5-0302' })).toMatchObject({ building: '5', entrance: '', floor: 3, room: '0302' });
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
