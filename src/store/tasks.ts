import Dexie from 'dexie';
import { keysCelebratedOn } from '../domain/dates';
import { addDays, dateOfDay, type Day } from '../domain/days';
import { officeDay, officeDaysRange } from '../domain/requests/work-time';
import { ok, type Result } from '../domain/result';
import { careSettingsFrom, saveCareSettings as saveCareCommand, type CareSettings } from '../domain/tasks/care-settings';
import { careTasks, finishTask as finishCommand, planTasks, TASK_HORIZON_DAYS, upsertTasks, type PlanCandidate, type Task, type TaskRow } from '../domain/tasks/task';
import type { CustomerRow } from '../domain/customers/types';
import type { WorkCalendar } from '../domain/requests/settings';
import type { LinliDB } from './db';
import type { Office } from './office-api';
import { myRole } from './requests';
import { serviceSettings } from './queries/settings';

export async function careSettings(db: LinliDB): Promise<CareSettings> {
  return careSettingsFrom((await db.settings.get('care'))?.data);
}

export async function saveCareSettings(office: Office, next: CareSettings): Promise<Result<boolean>> {
  await office.load('office');
  const made = saveCareCommand(next, await careSettings(office.db), office.context(), await myRole(office));
  if (!made.ok) return made;
  if (!made.value) return ok(false);
  const saved = await office.run(made.value);
  return saved.ok ? ok(true) : saved;
}

const TASKS_PER_COMMAND = 250;

/** Each customer's last logged contact, as the office's day. */
export async function lastContacts(db: LinliDB, customerIds: string[], cal: WorkCalendar): Promise<Map<string, Day>> {
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
export async function dueTasks(db: LinliDB, today: Day, cal: WorkCalendar, horizon = TASK_HORIZON_DAYS): Promise<Task[]> {
  const [care, plans] = await Promise.all([careSettings(db), db.plans.toArray()]);
  // Care: only customers with a date celebrated in the window (the dateKeys index), not all of them.
  const reach = horizon + Math.max(0, ...Object.values(care.daysBefore));
  const keys = new Set<string>();
  for (let i = 0; i <= reach; i++) for (const k of keysCelebratedOn(dateOfDay(addDays(today, i)))) keys.add(k);
  const celebrating = await db.customers.where('dateKeys').anyOf([...keys]).distinct().toArray();
  const tasks = careTasks(celebrating.map(toCandidate), care, today, horizon);
  let everyone: CustomerRow[] | null = null;
  for (const plan of plans.filter((p) => p.active)) {
    const rows = plan.group.tags.length ? await db.customers.where('tags').anyOf(plan.group.tags).distinct().toArray() : (everyone ??= await db.customers.toArray());
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

/**
 * Makes the tasks this device does not hold yet. Run when 今日 opens, on every device: the ids
 * are deterministic, so two tablets doing this offline write the same records, merged into one.
 * Resolves with the number of tasks written.
 */
export async function generateTasks(office: Office, now = new Date()): Promise<number> {
  const settings = await serviceSettings(office.db);
  const today = officeDay(now, settings.calendar);
  const tasks = await dueTasks(office.db, today, settings.calendar);
  if (!tasks.length) return 0;
  const held = await office.db.tasks.bulkGet(tasks.map((t) => t.id));
  const missing = tasks.filter((_, i) => !held[i]);
  // A yearly greeting to every owner is thousands of tasks: written in commands of a few hundred,
  // with a pause between, so the page stays responsive (each task stands alone; no command needs
  // another to be all-or-nothing with it).
  for (let i = 0; i < missing.length; i += TASKS_PER_COMMAND) {
    for (const command of upsertTasks(missing.slice(i, i + TASKS_PER_COMMAND), office.context())) {
      const saved = await office.run(command);
      if (!saved.ok) throw new Error(saved.problems.map((p) => p.code).join(', '));
    }
    if (i + TASKS_PER_COMMAND < missing.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return missing.length;
}

/** The tables `dueTasks` reads: while none of them changed, the same day makes the same tasks. */
const TASK_INPUTS = new Set(['settings', 'plans', 'customers', 'requests', 'contacts']);
/** Per database: the day tasks were made for, while none of their inputs changed since. */
const madeFor = new Map<string, Day>();
let listening = false;

/**
 * `generateTasks` when it can make something: the first time in this page, on a new day, or after
 * a change (here, by another tab, or through sync — Dexie tells every context) to a table the
 * tasks are computed from. Otherwise nothing is missing that the last run did not write, and
 * reading 8,000 customers again on every visit to 今日 would only hold the page back. Resolves
 * with the number written, null when skipped.
 */
export async function generateTasksIfChanged(office: Office, now = new Date()): Promise<number | null> {
  if (!listening) {
    listening = true;
    Dexie.on('storagemutated', (parts) => {
      for (const key of Object.keys(parts)) {
        // idb://<database>/<table>/<index>
        const [, , db, table] = key.split('/');
        if (db && TASK_INPUTS.has(table)) madeFor.delete(db);
      }
    });
  }
  const name = office.db.name;
  const today = officeDay(now, (await serviceSettings(office.db)).calendar);
  if (madeFor.get(name) === today) return null;
  madeFor.set(name, today);
  try {
    return await generateTasks(office, now);
  } catch (err) {
    madeFor.delete(name);
    throw err;
  }
}

export async function finishTask(office: Office, task: Pick<TaskRow, 'id' | 'due'>, outcome: 'done' | 'skipped', reason: string): Promise<Result<void>> {
  const made = finishCommand(task, outcome, reason, office.context());
  if (!made.ok) return made;
  return office.run(made.value);
}
