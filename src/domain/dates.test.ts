import { describe, expect, it } from 'vitest';
import { daysUntil, isValidImportantDate, lunarOf, nextOccurrence } from './dates';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date | null) => d?.toISOString().slice(0, 10);

describe('lunar calendar', () => {
  it('reads lunar dates, leap months included', () => {
    expect(lunarOf(day('2026-02-17'))).toEqual({ month: 1, day: 1, leap: false }); // 春节 2026
    expect(lunarOf(day('2025-07-25'))).toEqual({ month: 6, day: 1, leap: true }); // 闰六月初一
  });

  it('finds the next lunar birthday: 中秋 (8/15) after 2026-11-23 is 2027-09-15', () => {
    expect(iso(nextOccurrence({ kind: 'birthday', calendar: 'lunar', month: 8, day: 15 }, day('2026-11-23')))).toBe('2027-09-15');
  });

  it('keeps a leap-month birthday in the leap month when the year has one, else the ordinary month', () => {
    // 2025 has 闰六月: 闰六月初八 is 2025-08-01.
    expect(iso(nextOccurrence({ kind: 'birthday', calendar: 'lunar', month: 6, day: 8, leap: true }, day('2025-07-01')))).toBe('2025-08-01');
    // 2026 has no 闰六月: celebrated on 六月初八.
    const next = nextOccurrence({ kind: 'birthday', calendar: 'lunar', month: 6, day: 8, leap: true }, day('2026-01-01'));
    expect(lunarOf(next!)).toEqual({ month: 6, day: 8, leap: false });
  });

  it('counts today as today', () => {
    const today = day('2026-11-23');
    const next = nextOccurrence({ kind: 'moveIn', calendar: 'solar', month: 11, day: 23 }, today);
    expect(daysUntil(next!, today)).toBe(0);
  });

  it('keeps 29 February for leap years only', () => {
    expect(iso(nextOccurrence({ kind: 'birthday', calendar: 'solar', month: 2, day: 29 }, day('2026-03-01')))).toBe('2028-02-29');
  });

  it('validates dates', () => {
    expect(isValidImportantDate({ kind: 'birthday', calendar: 'solar', month: 2, day: 30 })).toBe(false);
    expect(isValidImportantDate({ kind: 'birthday', calendar: 'lunar', month: 12, day: 30 })).toBe(true);
    expect(isValidImportantDate({ kind: 'birthday', calendar: 'solar', month: 13, day: 1 })).toBe(false);
  });
});
