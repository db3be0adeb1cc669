/**
 * Months of the office's own calendar. A month is "YYYY-MM"; its bounds are instants (ISO,
 * UTC) computed with the office's UTC offset, so a request taken at 23:30 on the 31st in
 * Beijing belongs to that month even though its UTC time is already the 31st 15:30 — and one
 * taken at 00:30 on the 1st belongs to the next.
 */
export interface MonthBounds {
  month: string;
  /** First instant of the month (inclusive), ISO. */
  start: string;
  /** First instant of the next month (exclusive), ISO. */
  end: string;
}

export function monthBounds(month: string, utcOffsetMinutes: number): MonthBounds {
  const [y, m] = month.split('-').map(Number);
  const offset = utcOffsetMinutes * 60_000;
  const start = new Date(Date.UTC(y, m - 1, 1) - offset).toISOString();
  const end = new Date(Date.UTC(y, m, 1) - offset).toISOString();
  return { month, start, end };
}

/** The office month ("YYYY-MM") of an instant; '' for an empty or invalid time. */
export function monthOf(iso: string, utcOffsetMinutes: number): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + utcOffsetMinutes * 60_000).toISOString().slice(0, 7);
}

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The 12 months ending with `month`, oldest first. */
export function trailingMonths(month: string, count = 12): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

export const isMonth = (s: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
