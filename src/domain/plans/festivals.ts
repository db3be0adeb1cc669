import { nextOccurrence } from '../dates';
import { addDays, dateOfDay, dayOf, type Day } from '../days';

/**
 * The traditional festivals offices send greetings on (issue 21): 春节 (正月初一), 元宵 (正月十五),
 * 端午 (五月初五), 中秋 (八月十五), 重阳 (九月初九). They are lunar dates, so a plan on them falls on a
 * different solar day every year; a solar "every year on 15 September" drifts by up to a month.
 * Always in the ordinary month: a leap month (闰月) of the same number comes after the festival.
 */
export type Festival = 'springFestival' | 'lantern' | 'dragonBoat' | 'midAutumn' | 'doubleNinth';
export const FESTIVALS: Festival[] = ['springFestival', 'lantern', 'dragonBoat', 'midAutumn', 'doubleNinth'];
export const FESTIVAL_DATES: Record<Festival, { month: number; day: number }> = {
  springFestival: { month: 1, day: 1 },
  lantern: { month: 1, day: 15 },
  dragonBoat: { month: 5, day: 5 },
  midAutumn: { month: 8, day: 15 },
  doubleNinth: { month: 9, day: 9 },
};

/** The solar days of [from, to] (both included) on which the festival falls, by the lunar calendar of `domain/dates`. */
export function festivalDays(festival: Festival, from: Day, to: Day): Day[] {
  const { month, day } = FESTIVAL_DATES[festival];
  const days: Day[] = [];
  for (let d = from; d <= to; ) {
    const next = nextOccurrence({ kind: 'anniversary', calendar: 'lunar', month, day, leap: false }, dateOfDay(d));
    if (!next) break;
    const found = dayOf(next);
    if (found > to) break;
    days.push(found);
    d = addDays(found, 1);
  }
  return days;
}
