import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../actor';
import { applyToPlain } from '../plain.fixture';
import { inPeriod, markPrinted, normalPaperNumber, paperHref, paperNumber, periodOf, printRef, projectPaper } from './paper';

const ctx: CommandContext = { actor: { staffId: 's1', name: '陈晨', deviceCode: 'A' }, now: '2026-12-01T02:00:00.000Z' };

describe('every paper filed: the paper number and period', () => {
  it('numbers a paper from what it is, the same on every tablet and reprint, different for another range', () => {
    const ref = printRef('service-register', { to: '2026-11-30', from: '2026-11-01', team: '' });
    expect(ref).toBe('print/service-register?from=2026-11-01&to=2026-11-30');
    const n = paperNumber('service-register', ref);
    expect(n).toMatch(/^ZJ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(paperNumber('service-register', ref)).toBe(n);
    expect(paperNumber('service-register', printRef('service-register', { from: '2026-12-01', to: '2026-12-31' }))).not.toBe(n);
    expect(paperNumber('followup-register', ref)).not.toBe(n);
    const many = new Set(Array.from({ length: 5000 }, (_, i) => paperNumber('request', `requests/r${i}`)));
    expect(many.size).toBe(5000);
    expect(normalPaperNumber(` ${n.toLowerCase()} `)).toBe(n);
    expect(normalPaperNumber('TS-2611-A-017')).toBe('');
  });

  it('records the number and the period covered when printed, and opens a register on its own page', () => {
    const ref = printRef('monthly-report', { month: '2026-11' });
    const cmd = markPrinted(null, { form: 'monthly-report', ref, title: '月度服务报告 · 2026-11', period: '2026-11' }, ctx);
    const rec = applyToPlain(new Map(), cmd).get(`papers/monthly-report~${ref}`)!;
    const row = projectPaper('x', rec);
    expect(row).toMatchObject({ number: paperNumber('monthly-report', ref), period: '2026-11', state: 'printed' });
    expect(paperHref(row)).toBe(`/papers/${row.number}`);
    // A record's form without a period is filed under the month it was printed, and opens its record.
    const req = projectPaper('y', applyToPlain(new Map(), markPrinted(null, { form: 'request', ref: 'requests/r1', title: 'TS' }, ctx)).get('papers/request~requests/r1')!);
    expect(req.period).toBe('2026-12');
    expect(paperHref(req)).toBe('/requests/r1?paper=request');
  });

  it('finds a month in its year, not the other way round', () => {
    expect(periodOf('2026-11-05')).toBe('2026-11');
    expect(periodOf('2026')).toBe('2026');
    expect(inPeriod('2026-11', '2026')).toBe(true);
    expect(inPeriod('2026-11', '2026-11')).toBe(true);
    expect(inPeriod('2026-10', '2026-11')).toBe(false);
    expect(inPeriod('2026', '2026-11')).toBe(false);
    expect(inPeriod('2026-11', '')).toBe(true);
  });
});
