import { eventTodo, type EventTodo } from '../../domain/events/today';
import type { CustomerRow } from '../../domain/customers/customer';
import { inGroups } from '../../domain/events/attendance';
import { orderRemarks } from '../../domain/events/record';
import type { AttendanceRow, CommunityEvent, EventItemRow, EventKind, EventRow, InviteGroups, RemarkRow } from '../../domain/events/types';
import type { ReadonlyDB } from '../readonly-db';

/** Events for the 活动 list: open ones by date, then closed ones, newest first. */
export async function listEvents(db: ReadonlyDB, kind?: EventKind): Promise<EventRow[]> {
  const rows = kind ? await db.events.where('kind').equals(kind).toArray() : await db.events.toArray();
  return rows.sort((a, b) => b.open - a.open || (a.open ? a.startsAt.localeCompare(b.startsAt) : b.startsAt.localeCompare(a.startsAt)));
}

export async function itemsOf(db: ReadonlyDB, eventId: string): Promise<EventItemRow[]> {
  const rows = await db.eventItems.where('eventId').equals(eventId).toArray();
  return rows.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The invitation list in the order of the sign-in sheet: by unit, walk-ins last. */
export async function attendanceOf(db: ReadonlyDB, eventId: string): Promise<AttendanceRow[]> {
  const rows = await db.attendance.where('eventId').equals(eventId).toArray();
  return rows.sort((a, b) => a.walkIn - b.walkIn || a.unitCode.localeCompare(b.unitCode, 'zh-CN', { numeric: true }) || a.name.localeCompare(b.name, 'zh-CN'));
}

export async function remarksOf(db: ReadonlyDB, eventId: string): Promise<RemarkRow[]> {
  return orderRemarks(await db.remarks.where('eventId').equals(eventId).toArray());
}

/** Status of each linked request, from the requests projection. */
export async function requestStatuses(db: ReadonlyDB, remarks: RemarkRow[]): Promise<Map<string, { status: string; number: string }>> {
  const ids = remarks.map((r) => r.requestId).filter(Boolean);
  const rows = await db.requests.bulkGet(ids);
  return new Map(rows.filter((r) => !!r).map((r) => [r!.id, { status: r!.status, number: r!.number }]));
}

/**
 * One invitee per household of the invited groups: heads of household (and customers living on
 * their own), one per unit.
 */
export async function candidatesFor(db: ReadonlyDB, groups: InviteGroups): Promise<CustomerRow[]> {
  const all = await db.customers.toArray();
  const byUnit = new Map<string, CustomerRow>();
  for (const c of all.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
    if (c.householdOf || !c.unitCode) continue;
    if (!inGroups({ customerId: c.id, name: c.name, unitCode: c.unitCode, kind: c.kind, tags: c.tags }, groups)) continue;
    if (!byUnit.has(c.unitCode)) byUnit.set(c.unitCode, c);
  }
  return [...byUnit.values()];
}

/**
 * What became of the remarks of the last earlier event on the same topic (or, for a
 * comprehensive seminar, the last comprehensive one): the loop reported at the next seminar.
 */
export async function previousOnTopic(db: ReadonlyDB, e: CommunityEvent): Promise<{ event: EventRow; remarks: RemarkRow[] } | null> {
  const earlier = (await db.events.where('kind').equals(e.kind).toArray())
    .filter((x) => x.id !== e.id && x.startsAt < e.startsAt && (e.topic ? x.topic === e.topic : !x.topic))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
  if (!earlier) return null;
  return { event: earlier, remarks: await remarksOf(db, earlier.id) };
}

/** Open events that need their sign-in or their minutes today (今日), soonest first. */
export async function eventsToDo(db: ReadonlyDB, today: string): Promise<{ event: EventRow; todo: EventTodo }[]> {
  const open = await db.events.where('status').anyOf('approved', 'held', 'minutes').toArray();
  return open
    .map((event) => ({ event, todo: eventTodo(event, today) }))
    .filter((x): x is { event: EventRow; todo: EventTodo } => x.todo !== null)
    .sort((a, b) => a.event.startsAt.localeCompare(b.event.startsAt));
}

/** Plans submitted for approval (座谈会、客户会、活动 方案 待审批), oldest first: the manager's 今日. */
export async function plansAwaitingApproval(db: ReadonlyDB): Promise<EventRow[]> {
  const rows = await db.events.where('status').equals('submitted').toArray();
  return rows.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** One event's row, or null once looked up and not on this device (Dexie's undefined would read as still loading). */
export async function eventRow(db: ReadonlyDB, id: string): Promise<EventRow | null> {
  return (await db.events.get(id)) ?? null;
}
