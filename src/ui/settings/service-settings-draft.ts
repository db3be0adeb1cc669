import { isDay } from '../../domain/days';
import type { ServiceSettings, Team, TimeLimits } from '../../domain/requests/settings';
import type { RequestKind } from '../../domain/requests/types';

/**
 * The 服务设置 form's draft: the office's service settings as the form edits them (numbers as
 * typed, date lists as text), and the conversions both ways.
 */
/** Time limits as typed (strings), so "0." can be on its way to "0.5". */
export type LimitsDraft = Record<keyof TimeLimits, string>;
export interface CategoryDraft {
  id: string;
  name: string;
  kinds: RequestKind[];
  teamId: string;
  normal: LimitsDraft;
  urgent: LimitsDraft;
}
export interface Draft {
  teams: Team[];
  categories: CategoryDraft[];
  start: string;
  end: string;
  days: number[];
  holidays: string;
  workdays: string;
  urgentRoundTheClock: boolean;
  utcOffset: number;
}

export const LIMITS: (keyof TimeLimits)[] = ['respond', 'finish', 'reportBack'];
export const URGENCIES = ['normal', 'urgent'] as const;
/** Monday first, as a Chinese calendar shows the week. */
export const WEEK = [1, 2, 3, 4, 5, 6, 0];

const limitsDraft = (l: TimeLimits): LimitsDraft => ({ respond: String(l.respond), finish: String(l.finish), reportBack: String(l.reportBack) });
const hours = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

export function toDraft(s: ServiceSettings): Draft {
  return {
    teams: s.teams.map((tm) => ({ ...tm })),
    categories: s.categories.map((c) => ({ id: c.id, name: c.name, kinds: [...c.kinds], teamId: c.teamId, normal: limitsDraft(c.normal), urgent: limitsDraft(c.urgent) })),
    start: s.calendar.start,
    end: s.calendar.end,
    days: [...s.calendar.days],
    holidays: s.calendar.holidays.join('\n'),
    workdays: s.calendar.workdays.join('\n'),
    urgentRoundTheClock: s.calendar.urgentRoundTheClock,
    utcOffset: s.calendar.utcOffset,
  };
}

/**
 * The dates of a textarea, one a line (commas and spaces also separate). 2025/10/1 and
 * 2025年10月1日 are read as 2025-10-01; what is not a date is kept, and listed in `bad`.
 */
export function readDates(text: string): { dates: string[]; bad: string[] } {
  const dates: string[] = [];
  const bad: string[] = [];
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(token);
    const date = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : token;
    if (isDay(date)) dates.push(date);
    else bad.push(token);
  }
  return { dates, bad };
}

export function fromDraft(d: Draft): ServiceSettings {
  const dates = (text: string) => {
    const read = readDates(text);
    return [...read.dates, ...read.bad];
  };
  return {
    teams: d.teams.map((tm) => ({ ...tm })),
    categories: d.categories.map((c) => ({
      id: c.id,
      name: c.name,
      kinds: [...c.kinds],
      teamId: c.teamId,
      normal: { respond: hours(c.normal.respond), finish: hours(c.normal.finish), reportBack: hours(c.normal.reportBack) },
      urgent: { respond: hours(c.urgent.respond), finish: hours(c.urgent.finish), reportBack: hours(c.urgent.reportBack) },
    })),
    calendar: { utcOffset: d.utcOffset, days: [...d.days], start: d.start, end: d.end, holidays: dates(d.holidays), workdays: dates(d.workdays), urgentRoundTheClock: d.urgentRoundTheClock },
  };
}

