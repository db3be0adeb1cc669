import { describe, expect, it } from 'vitest';
import { Lunar } from 'lunar-javascript';
import { lunarOf } from '../dates';
import { dateOfDay } from '../days';
import { planTasks } from '../tasks/task';
import { FESTIVAL_DATES, FESTIVALS, festivalDays } from './festivals';
import { checkRecurrence, dueDays, type PlanRow } from './plan';

/** The official solar day of a lunar date (紫金山天文台, through lunar-javascript). */
const official = (year: number, month: number, day: number) => Lunar.fromYmd(year, month, day).getSolar().toYmd();

const midAutumn: PlanRow = {
  id: 'p-zq', name: '中秋问候', group: { kinds: [], buildings: [], tags: [], grades: [], complaintSince: '' }, recurrence: { every: 'festival', festival: 'midAutumn' },
  start: '2026-01-01', ownerId: 's1', teamId: '', templateId: 't-zq', active: true,
};
const customers = [{ id: 'c1', name: '张伟', unitCode: '3-2-1101', unitCodes: ['3-2-1101'], kind: 'owner' as const, grade: 'normal' as const, tags: [], consent: true }];

describe('festival greetings on the lunar calendar', () => {
  it('中秋 of 2027, 2028 and 2029 fall on their lunar dates (八月十五) in the plan\'s tasks', () => {
    const want = { 2027: '2027-09-15', 2028: '2028-10-03', 2029: '2029-09-22' } as const;
    for (const [year, day] of Object.entries(want)) {
      expect(official(Number(year), 8, 15), year).toBe(day);
      // A week ahead, the plan's tasks (14 days) hold the greeting on that day, and no other.
      const weekBefore = new Date(dateOfDay(day).getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
      const tasks = planTasks(midAutumn, customers, new Set(), new Map(), weekBefore);
      expect(tasks.map((t) => t.due), year).toEqual([day]);
      expect(tasks[0]).toMatchObject({ id: `plan:p-zq:c1:${day}`, templateId: 't-zq', customerId: 'c1' });
      expect(lunarOf(dateOfDay(tasks[0].due))).toEqual({ month: 8, day: 15, leap: false });
    }
    // Over three years at once: three different solar days, none of them the solar "15 September" drift.
    expect(dueDays(midAutumn.recurrence, midAutumn.start, '2027-01-01', '2029-12-31')).toEqual(['2027-09-15', '2028-10-03', '2029-09-22']);
  });

  it('every festival of every year 2015–2045 falls on the official lunar date', () => {
    const wrong: string[] = [];
    for (const f of FESTIVALS) {
      const { month, day } = FESTIVAL_DATES[f];
      const got = festivalDays(f, '2015-01-01', '2045-12-31');
      const want: string[] = [];
      for (let y = 2015; y <= 2045; y++) want.push(official(y, month, day));
      // 春节 2015 is 19 February; every year has each festival once.
      if (JSON.stringify(got) !== JSON.stringify(want.filter((d) => d >= '2015-01-01' && d <= '2045-12-31'))) wrong.push(`${f}: ${got.join(',')}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('a leap month of the same number does not bring the festival twice: 2025 has 闰六月, 2028 闰五月 (端午 once, in the ordinary 五月)', () => {
    expect(festivalDays('dragonBoat', '2028-01-01', '2028-12-31')).toEqual([official(2028, 5, 5)]);
    expect(festivalDays('doubleNinth', '2025-01-01', '2025-12-31')).toEqual([official(2025, 9, 9)]);
  });

  it('a plan refuses a festival it does not know', () => {
    expect(checkRecurrence({ every: 'festival', festival: 'midAutumn' })).toBeNull();
    expect(checkRecurrence({ every: 'festival', festival: 'qixi' as never })).toMatchObject({ code: 'plan.error.recurrence' });
  });
});
