/**
 * Important dates (生日 — often lunar 农历 — move-in day, anniversaries) and when they next
 * come round. Lunar dates are matched with the Chinese calendar of Intl, so no table ships:
 * the next solar day whose lunar month and day match, leap months (闰月) included.
 */
import { isMonthDay } from './days';
export type DateKind = 'birthday' | 'moveIn' | 'anniversary';
export const DATE_KINDS: DateKind[] = ['birthday', 'moveIn', 'anniversary'];

export interface ImportantDate {
  kind: DateKind;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  year?: number;
  /** Lunar only: the date falls in a leap month. Celebrated in the ordinary month in years without that leap month. */
  leap?: boolean;
  label?: string;
}

const lunarFormat = new Intl.DateTimeFormat('en-u-ca-chinese', { month: 'numeric', day: 'numeric', timeZone: 'UTC' });

/**
 * Where ICU's Chinese calendar (computed astronomically, a new moon near midnight can land on
 * the other day) differs from the official calendar (紫金山天文台, as in lunar-javascript's
 * tables) between 1950 and 2100: runs of days given as [first solar day, official lunar month,
 * its day on the first solar day, leap, number of days]. Checked day by day against
 * lunar-javascript for 1950–2100 (`dates.test.ts`); e.g. 春节 2027 is 6 February, ICU says the 7th.
 */
const ICU_CORRECTIONS: [string, number, number, boolean, number][] = [
  ['1954-02-03', 1, 1, false, 30], ['1955-02-22', 2, 1, false, 30], ['1987-07-26', 6, 1, true, 29], ['1987-08-24', 7, 1, false, 30],
  ['1999-01-17', 12, 1, false, 30], ['2012-08-17', 7, 1, false, 30], ['2018-11-07', 9, 30, false, 1], ['2018-11-08', 10, 1, false, 29],
  ['2027-02-06', 1, 1, false, 30], ['2030-02-02', 12, 30, false, 1], ['2030-02-03', 1, 1, false, 29], ['2070-03-12', 2, 1, false, 30],
];
const CORRECTION_STARTS = ICU_CORRECTIONS.map(([start]) => Date.parse(`${start}T00:00:00Z`));

/** The Chinese-calendar month and day of a (UTC) day; `leap` for a leap month (闰月). */
export function lunarOf(date: Date): { month: number; day: number; leap: boolean } {
  const t = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  for (let i = 0; i < ICU_CORRECTIONS.length; i++) {
    const [, month, day, leap, days] = ICU_CORRECTIONS[i];
    const offset = Math.round((t - CORRECTION_STARTS[i]) / 86_400_000);
    if (offset >= 0 && offset < days) return { month, day: day + offset, leap };
  }
  let month = 0;
  let day = 0;
  let leap = false;
  for (const part of lunarFormat.formatToParts(date)) {
    if (part.type === 'month') {
      leap = part.value.endsWith('bis');
      month = parseInt(part.value, 10);
    } else if (part.type === 'day') day = parseInt(part.value, 10);
  }
  return { month, day, leap };
}

const DAY = 86_400_000;
const utcDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

/**
 * The key of an important date for matching: `S:m-d` (solar), `L:m-d` (lunar), `L:m-d+` (a lunar
 * date in a leap month). Customers' rows carry these keys in an index, so the days ahead can be
 * asked "whose dates fall on me?" without computing every customer's next occurrence.
 */
export function dateKey(d: Pick<ImportantDate, 'calendar' | 'month' | 'day' | 'leap'>): string {
  return d.calendar === 'solar' ? `S:${d.month}-${d.day}` : `L:${d.month}-${d.day}${d.leap ? '+' : ''}`;
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The keys of every important date celebrated on `day` (any time of that UTC day). The rules,
 * one home for them (README § Care on important dates):
 * - solar 29 February is kept on 28 February in common years;
 * - a lunar 30th is kept on the 29th when that month has only 29 days;
 * - a leap-month date (闰月) is kept in the leap month when the lunar year has it, otherwise on
 *   the same day of the ordinary month of that number.
 */
export function keysCelebratedOn(day: Date): string[] {
  const t = utcDay(day);
  const d = new Date(t);
  const keys = [`S:${d.getUTCMonth() + 1}-${d.getUTCDate()}`];
  if (d.getUTCMonth() === 1 && d.getUTCDate() === 28 && !isLeapYear(d.getUTCFullYear())) keys.push('S:2-29');
  const l = lunarOf(d);
  const lastOfShortMonth = l.day === 29 && lunarOf(new Date(t + DAY)).day === 1;
  const mark = l.leap ? '+' : '';
  keys.push(`L:${l.month}-${l.day}${mark}`);
  if (lastOfShortMonth) keys.push(`L:${l.month}-30${mark}`);
  if (!l.leap) {
    // Does this lunar year have a leap month of this number? It would follow the ordinary month.
    const after = lunarOf(new Date(t + (31 - l.day) * DAY));
    if (!(after.leap && after.month === l.month)) {
      keys.push(`L:${l.month}-${l.day}+`);
      if (lastOfShortMonth) keys.push(`L:${l.month}-30+`);
    }
  }
  return keys;
}

/** Whether `date` is celebrated on `day` (see `keysCelebratedOn` for the rules). */
export function isCelebratedOn(date: ImportantDate, day: Date): boolean {
  return keysCelebratedOn(day).includes(dateKey(date));
}

/**
 * The next day (`from` included) on which `date` is celebrated, as a UTC-midnight Date; null if
 * the date is invalid. Lunar dates are found by walking the days with Intl's Chinese calendar.
 */
export function nextOccurrence(date: ImportantDate, from: Date): Date | null {
  const start = utcDay(from);
  if (!isValidImportantDate({ ...date, year: undefined })) return null;
  if (date.calendar === 'solar') {
    for (let y = from.getUTCFullYear(); y <= from.getUTCFullYear() + 1; y++) {
      const feb29 = date.month === 2 && date.day === 29 && !isLeapYear(y);
      const t = Date.UTC(y, date.month - 1, feb29 ? 28 : date.day);
      if (t >= start) return new Date(t);
    }
    return null;
  }
  const key = dateKey(date);
  for (let t = start; t < start + 400 * DAY; t += DAY) {
    // Cheap test first: only days of the right lunar month need the full rules.
    const l = lunarOf(new Date(t));
    if (l.month !== date.month) {
      // A lunar month has at least 29 days: jump to its 29th at most, never past the next month's 1st.
      if (l.day < 28) t += (28 - l.day) * DAY;
      continue;
    }
    if (keysCelebratedOn(new Date(t)).includes(key)) return new Date(t);
  }
  return null;
}

export function daysUntil(date: Date, today: Date): number {
  return Math.round((utcDay(date) - utcDay(today)) / DAY);
}

export function isValidImportantDate(d: ImportantDate): boolean {
  if (!DATE_KINDS.includes(d.kind) || (d.calendar !== 'solar' && d.calendar !== 'lunar')) return false;
  if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) return false;
  if (!Number.isInteger(d.day) || d.day < 1 || d.day > (d.calendar === 'lunar' ? 30 : 31)) return false;
  if (d.calendar === 'solar' && !isMonthDay(d.month, d.day)) return false;
  return d.year === undefined || (Number.isInteger(d.year) && d.year > 1900 && d.year < 2200);
}
