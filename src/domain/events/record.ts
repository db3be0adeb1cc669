import type { HistoryEntry } from '../history';
import { shardOfRecord, type ShardName } from '../shards';
import {
  EVENT_KINDS, EVENT_STATUSES, INVITE_STATUSES, PRESENCES, REMARK_KINDS,
  type AttendanceRow, type CommunityEvent, type EventItem, type EventItemRow, type EventRow, type InviteGroups, type RemarkRow,
} from './types';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const oneOf = <T extends string>(list: readonly T[], v: unknown, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

/** An event and everything hanging off it (items, attendance, remarks) live in the ledger of the month it was created. */
export function eventShard(e: { createdAt: string }): ShardName {
  return shardOfRecord('events', { record: e });
}

export function eventFromRecord(id: string, r: Record<string, unknown>): CommunityEvent {
  const g = (r.groups ?? {}) as Partial<InviteGroups>;
  return {
    id,
    kind: oneOf(EVENT_KINDS, r.kind, 'seminar'),
    status: oneOf(EVENT_STATUSES, r.status, 'plan'),
    title: str(r.title),
    purpose: str(r.purpose),
    scope: r.scope === 'topic' ? 'topic' : 'comprehensive',
    topic: str(r.topic),
    startsAt: str(r.startsAt),
    place: str(r.place),
    form: str(r.form),
    groups: { buildings: strs(g.buildings), kinds: strs(g.kinds), tags: strs(g.tags) },
    budget: str(r.budget),
    hostId: str(r.hostId),
    recorderId: str(r.recorderId),
    attendanceClosed: r.attendanceClosed === true,
    photos: str(r.photos),
    approvalComment: str(r.approvalComment),
    decidedByName: str(r.decidedByName),
    createdAt: str(r.createdAt),
    notes: str(r.notes),
    decisions: str(r.decisions),
    evaluation: str(r.evaluation),
    happened: str(r.happened),
    improvement: str(r.improvement),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectEvent(e: CommunityEvent): EventRow {
  return { id: e.id, kind: e.kind, title: e.title, status: e.status, startsAt: e.startsAt, place: e.place, topic: e.topic, createdAt: e.createdAt, open: e.status === 'closed' ? 0 : 1 };
}

export function itemFromRecord(id: string, r: Record<string, unknown>): EventItem {
  return {
    id,
    eventId: str(r.eventId),
    kind: r.kind === 'task' ? 'task' : 'agenda',
    order: typeof r.order === 'number' ? r.order : 0,
    title: str(r.title),
    ownerId: str(r.ownerId),
    done: r.done === true,
    minutes: str(r.minutes),
    history: Array.isArray(r.history) ? (r.history as HistoryEntry[]) : [],
  };
}

export function projectItem(id: string, r: Record<string, unknown>): EventItemRow {
  const { minutes: _m, history: _h, ...row } = itemFromRecord(id, r);
  return row;
}

export function projectAttendance(id: string, r: Record<string, unknown>): AttendanceRow {
  return {
    id,
    eventId: str(r.eventId),
    customerId: str(r.customerId),
    name: str(r.name),
    unitCode: str(r.unitCode),
    invite: oneOf(INVITE_STATUSES, r.invite, 'invited'),
    presence: r.presence === '' ? '' : oneOf(PRESENCES, r.presence, '' as never),
    walkIn: r.walkIn === 1 || r.walkIn === true ? 1 : 0,
    proxyName: str(r.proxyName),
  };
}

export function projectRemark(id: string, r: Record<string, unknown>): RemarkRow {
  return {
    id,
    eventId: str(r.eventId),
    customerId: str(r.customerId),
    customerName: str(r.customerName),
    unitCode: str(r.unitCode),
    topic: str(r.topic),
    kind: oneOf(REMARK_KINDS, r.kind, 'suggestion'),
    text: str(r.text),
    status: r.status === 'handled' || r.status === 'setAside' ? r.status : 'open',
    reason: str(r.reason),
    requestId: str(r.requestId),
    requestNumber: str(r.requestNumber),
    createdAt: str(r.createdAt),
  };
}

/** Remarks in the order they were raised; their number on paper is their place in it (1, 2, 3…). */
export function orderRemarks(rows: RemarkRow[]): RemarkRow[] {
  return [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}
