/** Calendar days as `YYYY-MM-DD` strings (the office's day), with UTC arithmetic so no time zone shifts them. */
export type Day = string;

const DAY_MS = 86_400_000;

export const dayOf = (d: Date): Day => d.toISOString().slice(0, 10);
export const dateOfDay = (day: Day): Date => new Date(`${day}T00:00:00Z`);
export const addDays = (day: Day, n: number): Day => dayOf(new Date(dateOfDay(day).getTime() + n * DAY_MS));
export const daysBetween = (from: Day, to: Day): number => Math.round((dateOfDay(to).getTime() - dateOfDay(from).getTime()) / DAY_MS);
/** The one test of a date typed or stored as YYYY-MM-DD: a real calendar day (2025-02-29 and 2025-13-01 are not). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const time = dateOfDay(s).getTime();
  return !Number.isNaN(time) && dayOf(new Date(time)) === s;
}

/** A month and day that some year has (29 February counts: a leap year has it). */
export const isMonthDay = (month: number, day: number): boolean =>
  Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(2000, month);

/** Days in a month (month 1–12). */
export const monthLength = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The given day of a month, kept on the month's last day when the month is shorter (31 → 30 April, 29 February → 28). */
export function clampedDay(year: number, month: number, day: number): Day {
  const d = Math.min(day, monthLength(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The device's own calendar day (its time zone), for a form's default date. */
export const localDay = (d: Date = new Date()): Day => dayOf(new Date(d.getTime() - d.getTimezoneOffset() * 60_000));
