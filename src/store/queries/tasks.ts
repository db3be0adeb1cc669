import { keysCelebratedOn } from '../../domain/dates';
import { addDays, dateOfDay, type Day } from '../../domain/days';
import { officeDay, officeDaysRange } from '../../domain/requests/work-time';
import { careSettingsFrom, type CareSettings } from '../../domain/tasks/care-settings';
import { careTasks, planTasks, TASK_HORIZON_DAYS, type PlanCandidate, type Task, type TaskRow } from '../../domain/tasks/task';
import type { CustomerRow } from '../../domain/customers/types';
import type { WorkCalendar } from '../../domain/requests/settings';
import type { ReadonlyDB } from '../readonly-db';
import { formerResidentIds } from './moves';
import { membersOfList } from '../../domain/residents/saved-list';
import { listFilter } from './residents';

/** The office's care on important dates (days before, template per kind of date). */
export async function careSettings(db: ReadonlyDB): Promise<CareSettings> {
  return careSettingsFrom((await db.settings.get('care'))?.data);
}

/** Each customer's last logged contact, as the office's day. */
export async function lastContacts(db: ReadonlyDB, customerIds: string[], cal: WorkCalendar): Promise<Map<string, Day>> {
  const last = new Map<string, Day>();
  if (!customerIds.length) return last;
  for (const c of await db.contacts.where('customerId').anyOf(customerIds).toArray()) {
    const day = officeDay(new Date(c.at), cal);
    if (day > (last.get(c.customerId) ?? '')) last.set(c.customerId, day);
  }
  return last;
}

const toCandidate = (c: CustomerRow): PlanCandidate & { dates: CustomerRow['dates'] } => ({
  id: c.id, name: c.name, unitCode: c.unitCode, unitCodes: c.unitCodes, kind: c.kind, tags: c.tags, grade: c.grade, consent: c.consent !== false, dates: c.dates ?? [],
});

/**
 * The care and plan tasks due from today to the horizon, computed from the projection (plans,
 * care settings, customers, complaints, contacts) — the same on every device.
 */
export async function dueTasks(db: ReadonlyDB, today: Day, cal: WorkCalendar, horizon = TASK_HORIZON_DAYS): Promise<Task[]> {
  const [care, plans] = await Promise.all([careSettings(db), db.plans.toArray()]);
  // Care: only customers with a date celebrated in the window (the dateKeys index), not all of them.
  const reach = horizon + Math.max(0, ...Object.values(care.daysBefore));
  const keys = new Set<string>();
  for (let i = 0; i <= reach; i++) for (const k of keysCelebratedOn(dateOfDay(addDays(today, i)))) keys.add(k);
  // Moves (issue 20): people whose every relation to a unit has ended get no care or plan tasks.
  const former = await formerResidentIds(db);
  const current = (rows: CustomerRow[]) => (former.size ? rows.filter((c) => !former.has(c.id)) : rows);
  const celebrating = current(await db.customers.where('dateKeys').anyOf([...keys]).distinct().toArray());
  const tasks = careTasks(celebrating.map(toCandidate), care, today, horizon);
  let everyone: CustomerRow[] | null = null;
  for (const plan of plans.filter((p) => p.active)) {
    // A plan aimed at a saved list (issue 20): the list's members today, resolved as notices resolve it.
    const rows = current(plan.group.listId
      ? membersOfList(await listFilter(db, plan.group.listId), everyone ??= await db.customers.toArray(), Number(today.slice(0, 4)))
      : plan.group.tags.length ? await db.customers.where('tags').anyOf(plan.group.tags).distinct().toArray() : (everyone ??= await db.customers.toArray()));
    const candidates = rows.map(toCandidate);
    let complained = new Set<string>();
    if (plan.group.complaintSince) {
      // From the start of that office day (midnight in the office, not in UTC).
      const since = officeDaysRange(plan.group.complaintSince, plan.group.complaintSince, cal).start;
      const found = await db.requests.where('createdAt').aboveOrEqual(since).filter((r) => r.kind === 'complaint' || r.kind === 'dispute').toArray();
      complained = new Set(found.map((r) => r.customerId));
    }
    const contacts = plan.recurrence.every === 'afterContact' ? await lastContacts(db, candidates.map((c) => c.id), cal) : new Map<string, Day>();
    tasks.push(...planTasks(plan, candidates, complained, contacts, today, horizon));
  }
  return tasks;
}

/** These tasks, in the order asked; ids not (yet) on this device are left out. */
export async function tasksByIds(db: ReadonlyDB, ids: string[]): Promise<TaskRow[]> {
  return (await db.tasks.bulkGet(ids)).filter((r): r is TaskRow => !!r);
}
