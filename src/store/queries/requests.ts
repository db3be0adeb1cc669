import type { FollowUpRow } from '../../domain/requests/followup';
import { REQUEST_STATUSES, type RequestRow, type RequestStatus } from '../../domain/requests/types';
import { officeDayEnd, officeDaysRange } from '../../domain/requests/work-time';
import type { WorkCalendar } from '../../domain/requests/settings';
import { readTogether, type ReadonlyDB } from '../readonly-db';
import { serviceSettings } from './settings';

export type QueueName = 'mine' | 'dueToday' | 'overdue' | 'team' | 'followUp' | 'approval' | 'attention' | 'open' | 'all';

/** Rows a queue shows at first; 显示更多 asks for more. */
export const QUEUE_PAGE = 50;

interface QueueScope {
  me: string;
  teamId?: string;
  now: Date;
  /** End of the office's day (今日到期 only). */
  todayEnd: string;
}

/** Being worked on: open, not waiting, neither done nor in follow-up (今日到期 and 已超时 hold only these). */
const RUNNING: RequestStatus[] = REQUEST_STATUSES.filter((s) => s !== 'done' && s !== 'followUp' && s !== 'closed');
const running = (r: RequestRow) => !r.waiting && r.status !== 'done' && r.status !== 'followUp';

/** Running requests due between `from` and `to` (bounds as Dexie's between), counted on the index: one range per running status. */
async function runningDue(db: ReadonlyDB, from: string, to: string, includeFrom: boolean, includeTo: boolean): Promise<number> {
  const counts = await Promise.all(RUNNING.map((s) => db.requests.where('[open+waiting+status+dueFinish]').between([1, 0, s, from], [1, 0, s, to], includeFrom, includeTo).count()));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * How many requests queue `name` holds, from index counts only (no row is read): the figure on
 * its tab and under its rows.
 */
export async function queueTotal(db: ReadonlyDB, name: QueueName, q: QueueScope): Promise<number> {
  const now = q.now.toISOString();
  switch (name) {
    case 'mine': {
      // Assigned to me, plus mine as first contact and assigned to someone else (or nobody).
      const [assigned, owned, both] = await Promise.all([
        db.requests.where('[open+assigneeId+dueFinish]').between([1, q.me, ''], [1, q.me, '\uffff']).count(),
        db.requests.where('[open+ownerId+dueFinish]').between([1, q.me, ''], [1, q.me, '\uffff']).count(),
        db.requests.where('[open+assigneeId+ownerId]').equals([1, q.me, q.me]).count(),
      ]);
      return assigned + owned - both;
    }
    case 'team':
      return db.requests.where('[open+teamId+dueFinish]').between([1, q.teamId ?? '', ''], [1, q.teamId ?? '', '\uffff']).count();
    case 'dueToday':
      return runningDue(db, now, q.todayEnd, true, true);
    case 'overdue':
      return runningDue(db, '0', now, true, false);
    case 'followUp':
      return db.requests.where('[open+followUpDue]').equals([1, 1]).count();
    case 'approval':
      return db.requests.where('[open+awaitingApproval]').equals([1, 1]).count();
    case 'attention':
      return db.requests.where('[open+reopenCount]').between([1, 2], [1, Infinity], true, true).count();
    case 'open':
      return db.requests.where('[open+dueFinish]').between([1, ''], [1, '\uffff']).count();
    case 'all':
      return db.requests.count();
  }
}

/** The first `limit` rows of queue `name`, read on an index in its order; stops at the page size. */
async function queueRows(db: ReadonlyDB, name: QueueName, q: QueueScope, limit: number): Promise<RequestRow[]> {
  const now = q.now.toISOString();
  switch (name) {
    case 'mine': {
      // Assigned to me, or mine as first contact: both read in deadline order, a page of each.
      const [a, o] = await Promise.all([
        db.requests.where('[open+assigneeId+dueFinish]').between([1, q.me, ''], [1, q.me, '\uffff']).limit(limit).toArray(),
        db.requests.where('[open+ownerId+dueFinish]').between([1, q.me, ''], [1, q.me, '\uffff']).filter((r) => r.assigneeId !== q.me).limit(limit).toArray(),
      ]);
      return a.concat(o).sort((x, y) => (x.dueFinish || '9').localeCompare(y.dueFinish || '9')).slice(0, limit);
    }
    case 'team':
      return db.requests.where('[open+teamId+dueFinish]').between([1, q.teamId ?? '', ''], [1, q.teamId ?? '', '\uffff']).limit(limit).toArray();
    case 'dueToday':
      return db.requests.where('[open+dueFinish]').between([1, now], [1, q.todayEnd], true, true).filter(running).limit(limit).toArray();
    case 'overdue':
      return db.requests.where('[open+dueFinish]').between([1, '0'], [1, now]).filter(running).limit(limit).toArray();
    case 'followUp':
      return db.requests.where('[open+followUpDue]').equals([1, 1]).limit(limit).toArray();
    case 'approval':
      return db.requests.where('[open+awaitingApproval]').equals([1, 1]).limit(limit).toArray();
    case 'attention':
      return db.requests.where('[open+reopenCount]').between([1, 2], [1, Infinity], true, true).limit(limit).toArray();
    case 'open':
      return db.requests.where('[open+dueFinish]').between([1, ''], [1, '\uffff']).limit(limit).toArray();
    case 'all':
      return db.requests.orderBy('createdAt').reverse().limit(limit).toArray();
  }
}

/**
 * The queues the desk works from, read from the projection with its indexes; the day is the
 * office's day. Open requests first by deadline. Rows: a page read on the queue's index; total:
 * index counts (queueTotal).
 */
export async function queue(db: ReadonlyDB, name: QueueName, opts: QueueScope & { limit?: number }): Promise<{ rows: RequestRow[]; total: number }> {
  const limit = opts.limit ?? QUEUE_PAGE;
  const [rows, total] = await Promise.all([limit > 0 ? queueRows(db, name, opts, limit) : [], queueTotal(db, name, opts)]);
  return { rows, total };
}

export const QUEUES: QueueName[] = ['mine', 'dueToday', 'overdue', 'team', 'followUp', 'approval', 'attention', 'open', 'all'];

/** Queues that cannot be read before the settings: 今日到期 (the office's day) and 班组 with no team chosen (the first). */
const needsSettings = (name: QueueName, team?: string) => name === 'dueToday' || (name === 'team' && !team);

/**
 * One queue as the page shows it: its rows and total, the team it is for (the chosen one, or
 * the first), the office's teams and staff for names. The office's day (for 今日到期) comes
 * from the working calendar here, not in the page. The settings and staff are read alongside
 * the queue, unless the queue needs the settings first.
 */
export function queueView(db: ReadonlyDB, q: { name: QueueName; team?: string; me: string; now: Date; limit?: number }) {
  // One read transaction for all of it: opening one per read costs more than the reads.
  return readTogether(db, ['requests', 'settings', 'staff'], () => readQueueView(db, q));
}

async function readQueueView(db: ReadonlyDB, q: { name: QueueName; team?: string; me: string; now: Date; limit?: number }) {
  const settingsRead = serviceSettings(db);
  const staffRead = db.staff.toArray();
  const read = (teamId: string, todayEnd: string) => queue(db, q.name, { me: q.me, teamId, now: q.now, todayEnd, limit: q.limit });
  const found = needsSettings(q.name, q.team)
    ? settingsRead.then((settings) => read(q.team || settings.teams[0]?.id || '', officeDayEnd(q.now, settings.calendar)))
    : read(q.team ?? '', '');
  const [settings, staff, rows] = await Promise.all([settingsRead, staffRead, found]);
  const teamId = q.team || settings.teams[0]?.id || '';
  return { q: q.name, teamId, teams: settings.teams, staff: Object.fromEntries(staff.map((m) => [m.id, m.name])) as Record<string, string>, ...rows };
}

/** How many requests each queue holds (the numbers on its tabs): index counts, no row read. */
export function queueCounts(db: ReadonlyDB, q: { team?: string; me: string; now: Date }): Promise<Record<QueueName, number>> {
  return readTogether(db, ['requests', 'settings'], () => countQueues(db, q));
}

async function countQueues(db: ReadonlyDB, q: { team?: string; me: string; now: Date }): Promise<Record<QueueName, number>> {
  const settings = await serviceSettings(db);
  const scope: QueueScope = { me: q.me, teamId: q.team || settings.teams[0]?.id || '', now: q.now, todayEnd: officeDayEnd(q.now, settings.calendar) };
  const totals = await Promise.all(QUEUES.map((name) => queueTotal(db, name, scope)));
  return Object.fromEntries(QUEUES.map((name, i) => [name, totals[i]])) as Record<QueueName, number>;
}

/** Open requests per staff member, for the workload-based suggestion. */
export async function openLoad(db: ReadonlyDB, staffIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await Promise.all(staffIds.map(async (id) => counts.set(id, await db.requests.where('[open+assigneeId]').equals([1, id]).count())));
  return counts;
}

export function requestsOfCustomer(db: ReadonlyDB, customerId: string): Promise<RequestRow[]> {
  return db.requests.where('customerId').equals(customerId).reverse().sortBy('createdAt');
}


/** One request's projection row, or null. */
export async function requestRow(db: ReadonlyDB, id: string): Promise<RequestRow | null> {
  return (await db.requests.get(id)) ?? null;
}

export function followUpsOfRequest(db: ReadonlyDB, requestId: string): Promise<FollowUpRow[]> {
  return db.followups.where('requestId').equals(requestId).sortBy('at');
}

/** A customer's follow-up visits, newest first. */
export async function followUpsOfCustomer(db: ReadonlyDB, customerId: string): Promise<FollowUpRow[]> {
  return (await db.followups.where('customerId').equals(customerId).sortBy('at')).reverse();
}

/** Complaints whose settlement waits for a manager's approval (the manager's 今日), oldest first. */
export async function settlementsAwaitingApproval(db: ReadonlyDB, limit = 20): Promise<RequestRow[]> {
  const rows = await db.requests.where('[open+awaitingApproval]').equals([1, 1]).limit(limit).toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** These requests, in the order asked; ids not (yet) on this device are left out. */
export async function requestsByIds(db: ReadonlyDB, ids: string[]): Promise<RequestRow[]> {
  return (await db.requests.bulkGet(ids)).filter((r): r is RequestRow => !!r);
}

/** Requests taken between two office days (inclusive), in creation order. */
export function requestsTakenBetween(db: ReadonlyDB, from: string, to: string, cal: WorkCalendar): Promise<RequestRow[]> {
  const { start, end } = officeDaysRange(from, to, cal);
  return db.requests.where('createdAt').between(start, end, true, true).toArray();
}

/** Follow-ups made between two office days (inclusive), oldest first. */
export function followUpsBetween(db: ReadonlyDB, from: string, to: string, cal: WorkCalendar): Promise<FollowUpRow[]> {
  const { start, end } = officeDaysRange(from, to, cal);
  return db.followups.where('at').between(start, end, true, true).sortBy('at');
}
