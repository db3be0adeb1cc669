import type { FollowUpRow } from '../../domain/requests/followup';
import type { RequestRow } from '../../domain/requests/types';
import { officeDayEnd } from '../../domain/requests/work-time';
import type { LinliDB } from '../db';
import { serviceSettings } from './settings';

export type QueueName = 'mine' | 'dueToday' | 'overdue' | 'team' | 'followUp' | 'approval' | 'attention' | 'open' | 'all';

/** Rows a queue shows at first; 显示更多 asks for more. */
export const QUEUE_PAGE = 50;

/**
 * The queues the desk works from, read from the projection with its indexes; the day is the
 * office's day. Open requests first by deadline.
 */
export async function queue(db: LinliDB, name: QueueName, opts: { me: string; teamId?: string; now: Date; todayEnd: string; limit?: number }): Promise<{ rows: RequestRow[]; total: number }> {
  const limit = opts.limit ?? QUEUE_PAGE;
  const now = opts.now.toISOString();
  const running = (r: RequestRow) => !r.waiting && r.status !== 'done' && r.status !== 'followUp';
  // Each queue reads an index in deadline order and stops at the page size; the total is a count.
  const page = async (collection: ReturnType<typeof db.requests.where>, filter?: (r: RequestRow) => boolean) => {
    const filtered = filter ? collection.filter(filter) : collection;
    const [rows, total] = await Promise.all([filtered.clone().limit(limit).toArray(), filtered.clone().count()]);
    return { rows, total };
  };
  switch (name) {
    case 'mine': {
      // Assigned to me, or mine as first contact: both read in deadline order, a page of each.
      const assigned = db.requests.where('[open+assigneeId+dueFinish]').between([1, opts.me, ''], [1, opts.me, '\uffff']);
      const owned = db.requests.where('[open+ownerId+dueFinish]').between([1, opts.me, ''], [1, opts.me, '\uffff']).filter((r) => r.assigneeId !== opts.me);
      const [a, o, na, no] = await Promise.all([assigned.clone().limit(limit).toArray(), owned.clone().limit(limit).toArray(), assigned.clone().count(), owned.clone().count()]);
      const rows = a.concat(o).sort((x, y) => (x.dueFinish || '9').localeCompare(y.dueFinish || '9'));
      return { rows: rows.slice(0, limit), total: na + no };
    }
    case 'team':
      return page(db.requests.where('[open+teamId+dueFinish]').between([1, opts.teamId ?? '', ''], [1, opts.teamId ?? '', '\uffff']));
    case 'dueToday':
      return page(db.requests.where('[open+dueFinish]').between([1, now], [1, opts.todayEnd], true, true), running);
    case 'overdue':
      return page(db.requests.where('[open+dueFinish]').between([1, '0'], [1, now]), running);
    case 'followUp':
      return page(db.requests.where('followUpDue').equals(1), (r) => r.open === 1);
    case 'approval':
      return page(db.requests.where('awaitingApproval').equals(1), (r) => r.open === 1);
    case 'attention':
      return page(db.requests.where('reopenCount').aboveOrEqual(2), (r) => r.open === 1);
    case 'open':
      return page(db.requests.where('[open+dueFinish]').between([1, ''], [1, '\uffff']));
    case 'all': {
      const [rows, total] = await Promise.all([db.requests.orderBy('createdAt').reverse().limit(limit).toArray(), db.requests.count()]);
      return { rows, total };
    }
  }
}

export const QUEUES: QueueName[] = ['mine', 'dueToday', 'overdue', 'team', 'followUp', 'approval', 'attention', 'open', 'all'];

/**
 * One queue as the page shows it: its rows and total, the team it is for (the chosen one, or
 * the first), the office's teams and staff for names. The office's day (for 今日到期) comes
 * from the working calendar here, not in the page.
 */
export async function queueView(db: LinliDB, q: { name: QueueName; team?: string; me: string; now: Date; limit?: number }) {
  const [settings, staff] = await Promise.all([serviceSettings(db), db.staff.toArray()]);
  const teamId = q.team || settings.teams[0]?.id || '';
  const found = await queue(db, q.name, { me: q.me, teamId, now: q.now, todayEnd: officeDayEnd(q.now, settings.calendar), limit: q.limit });
  return { q: q.name, teamId, teams: settings.teams, staff: Object.fromEntries(staff.map((m) => [m.id, m.name])) as Record<string, string>, ...found };
}

/** How many requests each queue holds (the numbers on its tab). */
export async function queueCounts(db: LinliDB, q: { team?: string; me: string; now: Date }): Promise<Record<QueueName, number>> {
  const settings = await serviceSettings(db);
  const teamId = q.team || settings.teams[0]?.id || '';
  const todayEnd = officeDayEnd(q.now, settings.calendar);
  const totals = await Promise.all(QUEUES.map((name) => queue(db, name, { me: q.me, teamId, now: q.now, todayEnd, limit: 0 }).then((r) => r.total)));
  return Object.fromEntries(QUEUES.map((name, i) => [name, totals[i]])) as Record<QueueName, number>;
}

/** Open requests per staff member, for the workload-based suggestion. */
export async function openLoad(db: LinliDB, staffIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await Promise.all(staffIds.map(async (id) => counts.set(id, await db.requests.where('[open+assigneeId]').equals([1, id]).count())));
  return counts;
}

export function requestsOfCustomer(db: LinliDB, customerId: string): Promise<RequestRow[]> {
  return db.requests.where('customerId').equals(customerId).reverse().sortBy('createdAt');
}


/** One request's projection row, or null. */
export async function requestRow(db: LinliDB, id: string): Promise<RequestRow | null> {
  return (await db.requests.get(id)) ?? null;
}

export function followUpsOfRequest(db: LinliDB, requestId: string): Promise<FollowUpRow[]> {
  return db.followups.where('requestId').equals(requestId).sortBy('at');
}

/** A customer's follow-up visits, newest first. */
export async function followUpsOfCustomer(db: LinliDB, customerId: string): Promise<FollowUpRow[]> {
  return (await db.followups.where('customerId').equals(customerId).sortBy('at')).reverse();
}
