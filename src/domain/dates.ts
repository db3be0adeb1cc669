/**
 * Important dates (生日 — often lunar 农历 — move-in day, anniversaries) and when they next
 * come round. Lunar dates are matched with the Chinese calendar of Intl, so no table ships:
 * the next solar day whose lunar month and day match, leap months (闰月) included.
 */
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

export function lunarOf(date: Date): { month: number; day: number; leap: boolean } {
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

/** The next day (today included) on which `date` falls, as a UTC-midnight Date; null if invalid. */
export function nextOccurrence(date: ImportantDate, today: Date): Date | null {
  const start = utcDay(today);
  if (date.calendar === 'solar') {
    for (let y = today.getUTCFullYear(); y <= today.getUTCFullYear() + 4; y++) {
      const t = Date.UTC(y, date.month - 1, date.day);
      const d = new Date(t);
      if (d.getUTCMonth() !== date.month - 1) continue; // 29 February in a common year
      if (t >= start) return d;
    }
    return null;
  }
  // Lunar: walk forward at most ~13 lunar months. A leap-month date is kept in the leap month
  // when the year has it, otherwise in the ordinary month of the same number.
  let fallback: Date | null = null;
  for (let t = start; t < start + 400 * DAY; t += DAY) {
    const l = lunarOf(new Date(t));
    if (l.month !== date.month) continue;
    if (l.day === date.day && l.leap === !!date.leap) return new Date(t);
    if (l.day === date.day && date.leap && !l.leap && !fallback) fallback = new Date(t);
    // A lunar 30th in a 29-day month is kept on the 29th.
    if (date.day === 30 && l.day === 29 && l.leap === !!date.leap && lunarOf(new Date(t + DAY)).day === 1) return new Date(t);
  }
  return fallback;
}

export function daysUntil(date: Date, today: Date): number {
  return Math.round((utcDay(date) - utcDay(today)) / DAY);
}

export function isValidImportantDate(d: ImportantDate): boolean {
  if (!DATE_KINDS.includes(d.kind) || (d.calendar !== 'solar' && d.calendar !== 'lunar')) return false;
  if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) return false;
  if (!Number.isInteger(d.day) || d.day < 1 || d.day > (d.calendar === 'lunar' ? 30 : 31)) return false;
  if (d.calendar === 'solar' && new Date(Date.UTC(2000, d.month - 1, d.day)).getUTCMonth() !== d.month - 1) return false;
  return d.year === undefined || (Number.isInteger(d.year) && d.year > 1900 && d.year < 2200);
}
