import { describe, expect, it } from 'vitest';
import { Lunar, LunarYear, Solar } from 'lunar-javascript';
import { daysUntil, isCelebratedOn, isValidImportantDate, keysCelebratedOn, lunarOf, nextOccurrence, type ImportantDate } from './dates';

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

  it('keeps 29 February on 28 February in common years', () => {
    expect(iso(nextOccurrence({ kind: 'birthday', calendar: 'solar', month: 2, day: 29 }, day('2026-03-01')))).toBe('2027-02-28');
    expect(iso(nextOccurrence({ kind: 'birthday', calendar: 'solar', month: 2, day: 29 }, day('2027-03-01')))).toBe('2028-02-29');
  });

  it('validates dates', () => {
    expect(isValidImportantDate({ kind: 'birthday', calendar: 'solar', month: 2, day: 30 })).toBe(false);
    expect(isValidImportantDate({ kind: 'birthday', calendar: 'lunar', month: 12, day: 30 })).toBe(true);
    expect(isValidImportantDate({ kind: 'birthday', calendar: 'solar', month: 13, day: 1 })).toBe(false);
  });
});

/** Hand-computed expectations from lunar-javascript's tables (a negative month is a leap month). */
const solarOfLunar = (y: number, m: number, d: number) => Lunar.fromYmd(y, m, d).getSolar().toYmd();
const lunar = (month: number, d: number, leap = false): ImportantDate => ({ kind: 'birthday', calendar: 'lunar', month, day: d, leap });

describe('lunar birthdays to solar dates over several years', () => {
  it('2023 has 闰二月: a 闰二月 birthday falls in it; in 2024 (none) on the ordinary 二月', () => {
    const b = lunar(2, 15, true);
    expect(iso(nextOccurrence(b, day(solarOfLunar(2023, 2, 1))))).toBe(solarOfLunar(2023, -2, 15));
    expect(iso(nextOccurrence(b, day('2024-01-01')))).toBe(solarOfLunar(2024, 2, 15));
    // The ordinary 二月十五 of 2023 is not the leap birthday's day, and is an ordinary birthday's.
    expect(isCelebratedOn(b, day(solarOfLunar(2023, 2, 15)))).toBe(false);
    expect(iso(nextOccurrence(lunar(2, 15), day(solarOfLunar(2023, 1, 20))))).toBe(solarOfLunar(2023, 2, 15));
  });

  it('2028 has 闰五月; 2027 does not', () => {
    const b = lunar(5, 3, true);
    expect(iso(nextOccurrence(b, day('2027-01-01')))).toBe(solarOfLunar(2027, 5, 3));
    expect(iso(nextOccurrence(b, day(solarOfLunar(2027, 6, 1))))).toBe(solarOfLunar(2028, -5, 3));
  });

  it('a 30th in a month of 29 days falls on the 29th', () => {
    // 2025's 二月 has 29 days, 2023's 30.
    expect(iso(nextOccurrence(lunar(2, 30), day('2025-01-01')))).toBe(solarOfLunar(2025, 2, 29));
    expect(iso(nextOccurrence(lunar(2, 30), day('2023-01-01')))).toBe(solarOfLunar(2023, 2, 30));
    // 2023's 闰二月 has 29 days.
    expect(iso(nextOccurrence(lunar(2, 30, true), day('2023-03-01')))).toBe(solarOfLunar(2023, -2, 29));
  });

  it('agrees with lunar-javascript for every month of 2023–2028, on the 1st, the 15th and the 30th', () => {
    for (let y = 2023; y <= 2028; y++) {
      for (const m of LunarYear.fromYear(y).getMonths().filter((mm) => mm.getYear() === y)) {
        const month = Math.abs(m.getMonth());
        const leap = m.getMonth() < 0;
        const from = day(solarOfLunar(y, m.getMonth(), 1));
        for (const d of [1, 15, 30]) {
          const want = solarOfLunar(y, m.getMonth(), Math.min(d, m.getDayCount()));
          expect(iso(nextOccurrence(lunar(month, d, leap), from)), `${y} ${leap ? '闰' : ''}${month}/${d}`).toBe(want);
        }
      }
    }
  });

  it('each day names exactly the dates celebrated on it', () => {
    // 2026-02-28 (common year): solar 2/28 and 2/29; it is 正月十二 of 2026 (no 闰正月).
    expect(keysCelebratedOn(day('2026-02-28'))).toEqual(['S:2-28', 'S:2-29', 'L:1-12', 'L:1-12+']);
  });
});

describe('the Chinese calendar of Intl, corrected', () => {
  // Every day of 2015–2045 (1950–2100 was checked once when the table was made; too slow to repeat on every run).
  it('matches the official calendar every day from 2015 to 2045', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(2015, 0, 1); t < Date.UTC(2046, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const official = Solar.fromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()).getLunar();
      const want = { month: Math.abs(official.getMonth()), day: official.getDay(), leap: official.getMonth() < 0 };
      const got = lunarOf(d);
      if (got.month !== want.month || got.day !== want.day || got.leap !== want.leap) wrong.push(d.toISOString().slice(0, 10));
    }
    expect(wrong).toEqual([]);
    // The corrected days really were wrong in ICU: 春节 2027.
    expect(lunarOf(day('2027-02-06'))).toEqual({ month: 1, day: 1, leap: false });
  }, 30_000);
});
