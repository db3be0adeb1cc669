import { describe, expect, it } from 'vitest';
import { matchesRenovation, renovationFlags, renovationOrder, stageOf } from './renovation-list';
import type { RenovationRow } from './types';

const row = (over: Partial<RenovationRow>): RenovationRow => ({
  id: 'r', number: 'ZH-2612-A-001', unitCode: '3-2-1101', customerName: '张伟', contractor: '好家装饰', status: 'approved', start: '2026-12-01', end: '2026-12-20',
  inspectionDue: '', deposit: 3000, refunded: 0, createdAt: '2026-12-01T00:00:00.000Z', ...over,
});

describe('装修一览', () => {
  it('names the stage as the domain does, with 押金已退 after acceptance once the refund is noted', () => {
    expect(stageOf(row({ status: 'submitted' }))).toBe('submitted');
    expect(stageOf(row({ status: 'accepted' }))).toBe('accepted');
    expect(stageOf(row({ status: 'accepted', refunded: 1 }))).toBe('refunded');
  });

  it('filters by stage and building together', () => {
    const rows = [row({ id: 'a', unitCode: '3-2-1101' }), row({ id: 'b', unitCode: '5-1-302', status: 'plan' }), row({ id: 'c', unitCode: '3-1-101', status: 'accepted', refunded: 1 })];
    const ids = (stage: Parameters<typeof matchesRenovation>[1]['stage'], building: string) => rows.filter((r) => matchesRenovation(r, { stage, building })).map((r) => r.id);
    expect(ids('', '')).toEqual(['a', 'b', 'c']);
    expect(ids('', '3')).toEqual(['a', 'c']);
    expect(ids('refunded', '')).toEqual(['c']);
    expect(ids('approved', '3')).toEqual(['a']);
    expect(ids('approved', '5')).toEqual([]);
  });

  it('marks an inspection due and works ending by the rule 今日 uses, only while the works run', () => {
    expect(renovationFlags(row({ inspectionDue: '2026-12-07', end: '2026-12-09' }), '2026-12-07')).toEqual({ inspectionDue: true, endingSoon: true });
    expect(renovationFlags(row({ inspectionDue: '2026-12-08', end: '2026-12-20' }), '2026-12-07')).toEqual({ inspectionDue: false, endingSoon: false });
    expect(renovationFlags(row({ status: 'accepted', inspectionDue: '', end: '2026-12-08' }), '2026-12-07')).toEqual({ inspectionDue: false, endingSoon: false });
  });

  it('lists what waits for approval first, then the works running, then the rest', () => {
    const rows = [row({ id: 'done', status: 'accepted', refunded: 1 }), row({ id: 'run' }), row({ id: 'wait', status: 'submitted' }), row({ id: 'plan', status: 'plan' })];
    expect(rows.sort(renovationOrder).map((r) => r.id)).toEqual(['wait', 'run', 'plan', 'done']);
  });
});
