import { isDay } from './days';
/**
 * Dates, times and months as staff type them, made into the one form the app stores
 * (2026-12-05, 08:30, 2026-12, 2026-12-12T09:30). The app shows its own text fields for these
 * instead of the browser's date pickers: those speak the tablet's locale (mm/dd/yyyy, 08:30 AM,
 * "December 2026" on an English tablet), not the office's language. Text that cannot be read
 * is returned as typed, so the command refuses it with a message.
 */
export type DateTextKind = 'date' | 'time' | 'month' | 'datetime';

const pad = (n: string) => n.padStart(2, '0');
const ymd = (y: string, m: string, d: string) => (Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${y}-${pad(m)}-${pad(d)}` : null);
const hm = (h: string, m: string) => (Number(h) <= 23 && Number(m) <= 59 ? `${pad(h)}:${pad(m)}` : null);

function clean(raw: string): string {
  return raw.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[：]/g, ':').replace(/[－／．]/g, (c) => ({ '－': '-', '／': '/', '．': '.' })[c] ?? c);
}

function parseDate(s: string): string | null {
  let m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/);
  if (m) return ymd(m[1], m[2], m[3]);
  m = s.match(/^(\d{4})(\d{2})(\d{2})$/);
  return m ? ymd(m[1], m[2], m[3]) : null;
}

function parseTime(s: string): string | null {
  let m = s.match(/^(\d{1,2})\s*[:点時时]\s*(\d{1,2})?\s*分?$/);
  if (m) return hm(m[1], m[2] ?? '0');
  m = s.match(/^(\d{2})(\d{2})$/);
  return m ? hm(m[1], m[2]) : null;
}

function parseMonth(s: string): string | null {
  const m = s.match(/^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*月?$/);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${pad(m[2])}` : null;
}

/** The stored form of `raw`, or `raw` itself when it cannot be read. */
export function normalizeDateText(kind: DateTextKind, raw: string): string {
  const s = clean(raw);
  if (!s) return '';
  if (kind === 'date') return parseDate(s) ?? raw;
  if (kind === 'time') return parseTime(s) ?? raw;
  if (kind === 'month') return parseMonth(s) ?? raw;
  const m = s.match(/^(.+?)(?:\s+|T)(\d{1,2}\s*[:点时]\s*\d{0,2}\s*分?|\d{4})$/);
  const day = m ? parseDate(m[1]) : null;
  const time = m ? parseTime(m[2]) : null;
  return day && time ? `${day}T${time}` : raw;
}

/** A stored date-time as it is shown (2026-12-12 09:30): the T is for machines. */
export const showDateTime = (value: string) => (isDay(value.slice(0, 10)) && value[10] === 'T' ? `${value.slice(0, 10)} ${value.slice(11)}` : value);
