import type { WorkCalendar } from '../requests/settings';
import type { IndicatorRequest } from './compute';

/** Shared by the indicator tests (not used by the app). */

// Office time is UTC+8; every working day 08:00–18:00, so hand-counted hours are plain.
export const calendar: WorkCalendar = { utcOffset: 480, days: [0, 1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00', holidays: [], workdays: [], urgentRoundTheClock: true };
/** An office-local time "2026-11-03 09:00" as the ISO instant the store keeps. */
export const at = (local: string) => new Date(Date.parse(local.replace(' ', 'T') + ':00Z') - 8 * 3600_000).toISOString();

let seq = 0;
/** A request with every field empty but those given (ids r1, r2, … unless given). */
export function req(p: Partial<IndicatorRequest>): IndicatorRequest {
  return {
    id: `r${++seq}`, kind: 'repair', category: 'water-electric', teamId: 'engineering', unitCode: '1-1-101', customerId: '', urgency: 'normal',
    createdAt: '', respondedAt: '', dueRespond: '', doneAt: '', firstDoneAt: '', dueFinish: '', closedAt: '', reopenCount: 0, ...p,
  };
}
export const nextSeq = () => ++seq;
