import type { CommunityEvent, EventStatus } from './types';

/**
 * Which steps an event allows in which state — the one home of these rules, for the commands
 * (lifecycle.ts, remarks.ts) and for the page that shows or hides the buttons alike.
 */

/** The plan and its agenda are edited before submission, or after a rejection; an approved plan stays as approved. */
export const PLAN_EDITABLE: readonly EventStatus[] = ['plan', 'rejected'];
export const isPlanEditable = (e: Pick<CommunityEvent, 'status'>) => PLAN_EDITABLE.includes(e.status);

/** The workflow buttons of the event page, one at a time. */
export type EventStep = 'held' | 'minutes' | 'analysis' | 'close';
const NEXT_STEP: Partial<Record<EventStatus, EventStep>> = { approved: 'held', held: 'minutes', minutes: 'analysis', analysed: 'close' };
/** The step a person may take next from this state, or null (awaiting approval, or closed). */
export const nextEventStep = (e: Pick<CommunityEvent, 'status'>): EventStep | null => NEXT_STEP[e.status] ?? null;

/** From held on the states follow one another: held → minutes → analysed → closed. */
const AFTER_HELD: readonly EventStatus[] = ['held', 'minutes', 'analysed', 'closed'];
/** Whether the event is in `status` or past it (the minutes exist once it was held, the analysis once the minutes are done). */
export const hasReached = (e: Pick<CommunityEvent, 'status'>, status: 'held' | 'minutes' | 'analysed' | 'closed') =>
  AFTER_HELD.indexOf(e.status) >= AFTER_HELD.indexOf(status);

/** Remarks are taken from the meeting on until the event closes. */
export const takesRemarks = (e: Pick<CommunityEvent, 'status'>) => hasReached(e, 'held') && e.status !== 'closed';
