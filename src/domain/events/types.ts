import type { HistoryEntry } from '../history';

/** 客户座谈会, the customer club's founding (客户会成立), a community activity (社区文化活动). */
export type EventKind = 'seminar' | 'clubFounding' | 'activity';
export const EVENT_KINDS: EventKind[] = ['seminar', 'clubFounding', 'activity'];

/** plan → submitted → approved / rejected (revise, submit again) → held → minutes → analysed → closed */
export type EventStatus = 'plan' | 'submitted' | 'approved' | 'rejected' | 'held' | 'minutes' | 'analysed' | 'closed';
export const EVENT_STATUSES: EventStatus[] = ['plan', 'submitted', 'approved', 'rejected', 'held', 'minutes', 'analysed', 'closed'];

/** 综合座谈会 or on one topic (专题). */
export type EventScope = 'comprehensive' | 'topic';

/** Who is invited: by building, customer type, tag (any of them). */
export interface InviteGroups {
  buildings: string[];
  kinds: string[];
  tags: string[];
}

export interface EventPlanInput {
  title: string;
  purpose: string;
  scope: EventScope;
  topic: string;
  /** YYYY-MM-DDTHH:mm, the office's local time as typed. */
  startsAt: string;
  place: string;
  form: string;
  groups: InviteGroups;
  budget: string;
  hostId: string;
  recorderId: string;
}

export interface CommunityEvent extends EventPlanInput {
  id: string;
  kind: EventKind;
  status: EventStatus;
  attendanceClosed: boolean;
  /** Photos' file names (or none), for the activity record. */
  photos: string;
  approvalComment: string;
  decidedByName: string;
  createdAt: string;
  /** Collaborative texts: free minutes, what was decided, the manager's evaluation, what happened, improvement. */
  notes: string;
  decisions: string;
  evaluation: string;
  happened: string;
  improvement: string;
  history: HistoryEntry[];
}

export interface EventRow {
  id: string;
  kind: EventKind;
  title: string;
  status: EventStatus;
  startsAt: string;
  place: string;
  topic: string;
  createdAt: string;
  open: 0 | 1;
}

/** An agenda item (议程, with its minutes) or a preparation task (筹备事项, with its owner). */
export type ItemKind = 'agenda' | 'task';

export interface EventItem {
  id: string;
  eventId: string;
  kind: ItemKind;
  order: number;
  title: string;
  ownerId: string;
  done: boolean;
  minutes: string;
  history: HistoryEntry[];
}

export type EventItemRow = Omit<EventItem, 'minutes' | 'history'>;

export type InviteStatus = 'invited' | 'confirmed' | 'declined';
export const INVITE_STATUSES: InviteStatus[] = ['invited', 'confirmed', 'declined'];
/** 出席 / 缺席 / 代签 (someone signs for the household); '' = not ticked yet. */
export type Presence = '' | 'present' | 'absent' | 'proxy';
export const PRESENCES: Exclude<Presence, ''>[] = ['present', 'absent', 'proxy'];

/** One invited (or walk-in) household: its own record, so two staff ticking offline both keep their ticks. */
export interface AttendanceRow {
  id: string;
  eventId: string;
  customerId: string;
  name: string;
  unitCode: string;
  invite: InviteStatus;
  presence: Presence;
  walkIn: 0 | 1;
  proxyName: string;
}

export type RemarkKind = 'repair' | 'complaint' | 'suggestion' | 'inquiry' | 'praise';
export const REMARK_KINDS: RemarkKind[] = ['repair', 'complaint', 'suggestion', 'inquiry', 'praise'];
export type RemarkStatus = 'open' | 'handled' | 'setAside';

/** A remark raised at the event (意见): who said it, on what, and what became of it. */
export interface RemarkRow {
  id: string;
  eventId: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  topic: string;
  kind: RemarkKind;
  text: string;
  status: RemarkStatus;
  reason: string;
  requestId: string;
  requestNumber: string;
  createdAt: string;
}
