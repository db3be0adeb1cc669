import type { WorkCalendar } from './settings';

/**
 * Time limits count the office's working time: its working days and hours, minus holidays,
 * plus make-up working days (调休). All arithmetic is in the office's clock (utcOffset), so a
 * tablet set to another time zone computes the same deadlines.
 */
const MINUTE = 60_000;
const DAY_MIN = 24 * 60;

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + (m || 0);
};

/** Minutes since the epoch in the office's clock. */
const localMinutes = (date: Date, cal: WorkCalendar) => Math.floor(date.getTime() / MINUTE) + cal.utcOffset;
const fromLocalMinutes = (m: number, cal: WorkCalendar) => new Date((m - cal.utcOffset) * MINUTE);

function dayKey(dayIndex: number): string {
  return new Date(dayIndex * DAY_MIN * MINUTE).toISOString().slice(0, 10);
}

export function isWorkingDay(dayIndex: number, cal: WorkCalendar): boolean {
  const key = dayKey(dayIndex);
  if (cal.holidays.includes(key)) return false;
  if (cal.workdays.includes(key)) return true;
  return cal.days.includes(new Date(dayIndex * DAY_MIN * MINUTE).getUTCDay());
}

/** The working window of a day, in local minutes since the epoch, or null on a day off. */
function windowOf(dayIndex: number, cal: WorkCalendar): [number, number] | null {
  if (!isWorkingDay(dayIndex, cal)) return null;
  const base = dayIndex * DAY_MIN;
  return [base + toMinutes(cal.start), base + toMinutes(cal.end)];
}

/** The moment `hours` of working time after `start` (round the clock when asked). */
export function addWorkingHours(start: Date, hours: number, cal: WorkCalendar, roundTheClock = false): Date {
  let remaining = Math.round(hours * 60);
  if (roundTheClock) return new Date(start.getTime() + remaining * MINUTE);
  let now = localMinutes(start, cal);
  for (let guard = 0; guard < 3660; guard++) {
    const day = Math.floor(now / DAY_MIN);
    const w = windowOf(day, cal);
    if (w) {
      const from = Math.max(now, w[0]);
      if (from < w[1]) {
        const available = w[1] - from;
        if (remaining <= available) return fromLocalMinutes(from + remaining, cal);
        remaining -= available;
      }
    }
    now = (day + 1) * DAY_MIN;
  }
  throw new Error('work calendar has no working time');
}

/** Working minutes between two moments (0 if `to` is before `from`). */
export function workingMinutesBetween(from: Date, to: Date, cal: WorkCalendar, roundTheClock = false): number {
  if (to <= from) return 0;
  if (roundTheClock) return Math.round((to.getTime() - from.getTime()) / MINUTE);
  const a = localMinutes(from, cal);
  const b = localMinutes(to, cal);
  let total = 0;
  for (let day = Math.floor(a / DAY_MIN); day <= Math.floor(b / DAY_MIN); day++) {
    const w = windowOf(day, cal);
    if (!w) continue;
    total += Math.max(0, Math.min(b, w[1]) - Math.max(a, w[0]));
  }
  return total;
}

/** Moves a deadline on by the working time spent waiting on the resident. */
export function extendByWait(deadline: Date, waitFrom: Date, waitTo: Date, cal: WorkCalendar, roundTheClock = false): Date {
  const waited = workingMinutesBetween(waitFrom, waitTo, cal, roundTheClock);
  return addWorkingHours(deadline, waited / 60, cal, roundTheClock);
}

/** The office's calendar day (YYYY-MM-DD) of a moment. */
export function officeDay(date: Date, cal: WorkCalendar): string {
  return dayKey(Math.floor(localMinutes(date, cal) / DAY_MIN));
}

/**
 * The moments office days `from` … `to` (YYYY-MM-DD, inclusive) begin and end, as ISO times: the
 * one way to ask an ISO-indexed field (createdAt, at) for "these days" — the office's days, not
 * UTC's, which begin at 08:00 in China.
 */
export function officeDaysRange(from: string, to: string, cal: Pick<WorkCalendar, 'utcOffset'>): { start: string; end: string } {
  const offset = cal.utcOffset * MINUTE;
  return {
    start: new Date(Date.parse(`${from}T00:00:00.000Z`) - offset).toISOString(),
    end: new Date(Date.parse(`${to}T23:59:59.999Z`) - offset).toISOString(),
  };
}

/** The last millisecond of the office's day that `date` falls in, as an ISO time (for "due today"). */
export function officeDayEnd(date: Date, cal: WorkCalendar): string {
  const day = officeDay(date, cal);
  return officeDaysRange(day, day, cal).end;
}
