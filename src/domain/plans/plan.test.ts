import { describe, expect, it } from 'vitest';
import { dueAfterContact, dueDays, inGroup, savePlan, type CustomerGroup } from './plan';

const ctx = { actor: { staffId: 's1', name: '王丽', deviceCode: 'A' }, now: '2026-11-23T08:00:00.000Z' };

describe('recurring plans', () => {
  it('monthly on the 31st: kept on the last day of shorter months, over a month end and a year end', () => {
    expect(dueDays({ every: 'month', day: 31 }, '2026-01-01', '2026-11-20', '2027-03-05')).toEqual(['2026-11-30', '2026-12-31', '2027-01-31', '2027-02-28']);
  });

  it('on 29 February in a leap year and on the 28th otherwise', () => {
    expect(dueDays({ every: 'month', day: 29 }, '2027-01-01', '2028-02-01', '2028-03-01')).toEqual(['2028-02-29']);
    expect(dueDays({ every: 'year', month: 2, day: 29 }, '2026-01-01', '2026-01-01', '2029-01-01')).toEqual(['2026-02-28', '2027-02-28', '2028-02-29']);
  });

  it('weekly on a weekday across the year end', () => {
    // 2026-12-28 is a Monday.
    expect(dueDays({ every: 'week', weekday: 1 }, '2026-01-01', '2026-12-24', '2027-01-12')).toEqual(['2026-12-28', '2027-01-04', '2027-01-11']);
  });

  it('quarterly from the start month, never before the start', () => {
    expect(dueDays({ every: 'quarter', day: 15 }, '2026-11-01', '2026-01-01', '2027-06-30')).toEqual(['2026-11-15', '2027-02-15', '2027-05-15']);
  });

  it('after the last contact: N days on, and a new contact moves it', () => {
    expect(dueAfterContact(30, '2026-01-01', '')).toBe('2026-01-01');
    expect(dueAfterContact(30, '2026-01-01', '2026-11-10')).toBe('2026-12-10');
    expect(dueAfterContact(30, '2026-01-01', '2026-11-20')).toBe('2026-12-20');
  });

  it('matches a customer group on every given part', () => {
    const g: CustomerGroup = { kinds: ['owner'], buildings: ['3'], tags: ['独居老人'], grades: [], complaintSince: '2026-01-01' };
    const c = { id: 'c1', kind: 'owner' as const, unitCodes: ['3-2-1101'], tags: ['独居老人'], grade: 'normal' as const };
    expect(inGroup(c, g, new Set(['c1']))).toBe(true);
    expect(inGroup(c, g, new Set())).toBe(false);
    expect(inGroup({ ...c, unitCodes: ['13-2-1101'] }, g, new Set(['c1']))).toBe(false);
  });

  it('refuses a plan without a name or with a bad recurrence', () => {
    const r = savePlan(null, { name: ' ', group: { kinds: [], buildings: [], tags: [], grades: [], complaintSince: '' }, recurrence: { every: 'month', day: 32 }, start: '2026-11-01', ownerId: '', teamId: '', templateId: '', active: true }, ctx);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['plan.error.nameRequired', 'plan.error.recurrence']);
  });
});
