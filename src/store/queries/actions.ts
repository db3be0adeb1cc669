import { isActionOverdue, type ActionRow } from '../../domain/actions/action';
import type { ReviewRow } from '../../domain/reviews/review';
import type { RequestRow } from '../../domain/requests/types';
import type { ReadonlyDB } from '../readonly-db';

// Corrective and preventive actions and the monthly major-case review (issue 21).

/** Still to be done after their due day (`today`: the office's day), most overdue first. */
export async function overdueActions(db: ReadonlyDB, today: string): Promise<ActionRow[]> {
  const rows = await db.actions.where('due').below(today).toArray();
  return rows.filter((a) => isActionOverdue(a, today)).sort((a, b) => a.due.localeCompare(b.due));
}

/** Every action of one state ('open', 'done' = waiting for the check, 'closed'), by due day. */
export function actionsIn(db: ReadonlyDB, status: ActionRow['status']): Promise<ActionRow[]> {
  return db.actions.where('status').equals(status).sortBy('due');
}

/** The actions raised from one complaint (`requests/<id>`) or review (`reviews/<id>`). */
export function actionsFrom(db: ReadonlyDB, sourceRef: string): Promise<ActionRow[]> {
  return db.actions.where('sourceRef').equals(sourceRef).sortBy('createdAt');
}

/** Actions raised from any of these sources (a review's complaints), in one read. */
export function actionsFromAny(db: ReadonlyDB, sourceRefs: string[]): Promise<ActionRow[]> {
  return db.actions.where('sourceRef').anyOf(sourceRefs).toArray();
}

export interface ActionCounts {
  overdue: number;
  open: number;
  /** Done, waiting for a manager's check. */
  done: number;
  closed: number;
}

/** For 统计: how many are overdue, to do, waiting for the check, closed. */
export async function actionCounts(db: ReadonlyDB, today: string): Promise<ActionCounts> {
  const [open, done, closed, overdue] = await Promise.all([
    db.actions.where('status').equals('open').count(),
    db.actions.where('status').equals('done').count(),
    db.actions.where('status').equals('closed').count(),
    overdueActions(db, today).then((r) => r.length),
  ]);
  return { overdue, open, done, closed };
}

export async function reviewOf(db: ReadonlyDB, month: string): Promise<ReviewRow | null> {
  return (await db.reviews.where('month').equals(month).first()) ?? null;
}

/** The requests taken in an office month (the review picks its complaints from them). */
export function requestsOfMonth(db: ReadonlyDB, bounds: { start: string; end: string }): Promise<RequestRow[]> {
  return db.requests.where('createdAt').between(bounds.start, bounds.end, true, false).toArray();
}
