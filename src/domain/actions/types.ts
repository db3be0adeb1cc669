import type { HistoryEntry } from '../history';

/**
 * 纠正和预防措施 (corrective and preventive actions), carried to the end: raised from a complaint
 * or from the monthly major-case review, sent to the department responsible (by a 工作联系函 or at
 * the meeting), done by a due date, and checked by a manager — 有效 closes it, 需再整改 reopens it.
 */
export type ActionKind = 'corrective' | 'preventive';
export const ACTION_KINDS: ActionKind[] = ['corrective', 'preventive'];
/** A manager's check of the done action. */
export type ActionVerdict = 'effective' | 'redo';
/** open: to be done (again); done: waiting for the manager's check; closed: checked 有效. */
export type ActionStatus = 'open' | 'done' | 'closed';
export const ACTION_STATUSES: ActionStatus[] = ['open', 'done', 'closed'];

export interface ActionSource {
  /** `requests/<id>` (a complaint) or `reviews/<id>` (a case review). */
  ref: string;
  /** As printed: the complaint's number or the review's month. */
  label: string;
}

export interface CorrectiveAction {
  id: string;
  kind: ActionKind;
  sourceRef: string;
  sourceLabel: string;
  /** The cause found (from the investigation or the meeting). */
  cause: string;
  /** What the department is to do. */
  action: string;
  teamId: string;
  teamName: string;
  ownerId: string;
  ownerName: string;
  /** YYYY-MM-DD, the office's day. */
  due: string;
  doneAt: string;
  doneNote: string;
  doneByName: string;
  /** The last check: '' (none since last done), 有效, or 需再整改. */
  verdict: ActionVerdict | '';
  checkNote: string;
  checkedAt: string;
  checkedByName: string;
  redoCount: number;
  createdAt: string;
  createdByName: string;
  history: HistoryEntry[];
}

export interface ActionInput {
  kind: ActionKind;
  source: ActionSource;
  cause: string;
  action: string;
  teamId: string;
  teamName: string;
  ownerId: string;
  ownerName: string;
  due: string;
}

/** The projection row: what 今日, 统计 and the lists filter on. */
export interface ActionRow {
  id: string;
  kind: ActionKind;
  status: ActionStatus;
  due: string;
  teamId: string;
  teamName: string;
  ownerId: string;
  ownerName: string;
  sourceRef: string;
  sourceLabel: string;
  action: string;
  verdict: ActionVerdict | '';
  redoCount: number;
  /** YYYY-MM of creation (the ledger month it lives in). */
  month: string;
  createdAt: string;
  doneAt: string;
  checkedAt: string;
}
