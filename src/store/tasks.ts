import Dexie from 'dexie';
import type { Day } from '../domain/days';
import { officeDay } from '../domain/requests/work-time';
import { ok, type Result } from '../domain/result';
import { saveCareSettings as saveCareCommand, type CareSettings } from '../domain/tasks/care-settings';
import { finishTask as finishCommand, upsertTasks, type TaskRow } from '../domain/tasks/task';
import type { Office } from './office-api';
import { myRole } from './requests';
import { serviceSettings } from './queries/settings';
import { careSettings, dueTasks } from './queries/tasks';

export async function saveCareSettings(office: Office, next: CareSettings): Promise<Result<boolean>> {
  await office.load('office');
  const made = saveCareCommand(next, await careSettings(office.db), office.context(), await myRole(office));
  if (!made.ok) return made;
  if (!made.value) return ok(false);
  const saved = await office.run(made.value);
  return saved.ok ? ok(true) : saved;
}

const TASKS_PER_COMMAND = 250;

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
const TASK_INPUTS = new Set(['settings', 'plans', 'customers', 'requests', 'contacts', 'tenures']);
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
