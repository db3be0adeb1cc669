import type { CommandContext } from '../actor';
import type { Command, Op } from '../ops';
import { dateKey, nextOccurrence, type DateKind, type ImportantDate } from '../dates';
import { addDays, dayOf, dateOfDay, type Day } from '../days';
import { historyEntry } from '../history';
import { LIMITS } from '../limits';
import { dueAfterContact, dueDays, inGroup, type GroupMember, type PlanRow } from '../plans/plan';
import { fail, ok, type Result } from '../result';
import { shardOfRecord, type ShardName } from '../shards';
import type { CareSettings } from './care-settings';

/** How far ahead each device makes tasks: a plan's tasks appear two weeks before they are due, no sooner. */
export const TASK_HORIZON_DAYS = 14;

/**
 * A task on the 今日 page: a care greeting before an important date, a contact a
 * communication plan asks for, or a household that did not answer a survey wave (see
 * `survey-tasks.ts`). Its id is a function of what it is — `care:<date>:<customer>:<day>`,
 * `plan:<plan>:<customer>:<day>` or `survey:<survey>.<wave>:<unit>:<day>` — so every device that generates it (offline, at the same
 * time) writes the SAME record: the documents merge them into one. Its fields are also a
 * function of the same inputs, so whichever copy a merge keeps holds the same values. What staff
 * do with it (done / skipped) is NOT written into it — a concurrent creation elsewhere could win
 * the merge and drop that edit — but into a record of its own, `taskResults/<task id>`.
 */
export interface Task {
  id: string;
  source: 'care' | 'plan' | 'survey';
  /** The plan's id, the important date (`birthday.L:8-15`), or the survey and wave (`<survey>.<wave>`). */
  ref: string;
  customerId: string;
  customerName: string;
  unitCode: string;
  /** When to act (the greeting: the set number of days before the date). */
  due: Day;
  /** The day itself (care), or the due day (plans). */
  occursOn: Day;
  dateKind: DateKind | '';
  templateId: string;
  ownerId: string;
  teamId: string;
  /** after-last-contact plans: the last contact the due day was counted from ('' when none). */
  basis: Day | '';
  /** after-last-contact plans only; such a task is replaced when a newer contact resets the plan. */
  resets: 0 | 1;
}

export type TaskRow = Task;

export interface TaskResultRow {
  id: string;
  outcome: 'done' | 'skipped';
  reason: string;
  at: string;
  by: string;
  byName: string;
}

/** `who` is the customer, or for a survey follow-up the household (its unit code). */
export const taskId = (source: Task['source'], ref: string, who: string, due: Day) => `${source}:${ref}:${who}:${due}`;

const SOURCES: readonly Task['source'][] = ['care', 'plan', 'survey'];

/** Tasks (and their outcomes) live in the ledger of their due day's month. */
export const taskShard = (t: Pick<Task, 'due'>): ShardName => shardOfRecord('tasks', { record: t });

export interface CareCandidate {
  id: string;
  name: string;
  unitCode: string;
  dates: ImportantDate[];
  consent: boolean;
}

/** Greetings due within the horizon for customers who agreed to be contacted. */
export function careTasks(customers: Iterable<CareCandidate>, settings: CareSettings, today: Day, horizon = TASK_HORIZON_DAYS): Task[] {
  const tasks: Task[] = [];
  const last = addDays(today, horizon);
  for (const c of customers) {
    if (!c.consent) continue;
    for (const date of c.dates) {
      const before = settings.daysBefore[date.kind] ?? 0;
      const next = nextOccurrence(date, dateOfDay(today));
      if (!next) continue;
      const occursOn = dayOf(next);
      const due = addDays(occursOn, -before);
      if (due > last) continue;
      const ref = `${date.kind}.${dateKey(date)}`;
      tasks.push({
        id: taskId('care', ref, c.id, occursOn), source: 'care', ref, customerId: c.id, customerName: c.name, unitCode: c.unitCode,
        due, occursOn, dateKind: date.kind, templateId: settings.templates[date.kind] ?? '', ownerId: '', teamId: '', basis: '', resets: 0,
      });
    }
  }
  return tasks;
}

export interface PlanCandidate extends GroupMember {
  name: string;
  unitCode: string;
  consent: boolean;
}

/**
 * A plan's tasks due from today to the horizon, for every customer of its group who agreed to
 * be contacted. `lastContact` is each customer's last logged contact day (after-contact plans).
 */
export function planTasks(plan: PlanRow, customers: Iterable<PlanCandidate>, complainedSince: ReadonlySet<string>, lastContact: ReadonlyMap<string, Day>, today: Day, horizon = TASK_HORIZON_DAYS): Task[] {
  if (!plan.active) return [];
  const last = addDays(today, horizon);
  const r = plan.recurrence;
  const calendarDays = r.every === 'afterContact' ? [] : dueDays(r, plan.start, today, last);
  const tasks: Task[] = [];
  for (const c of customers) {
    if (!c.consent || !inGroup(c, plan.group, complainedSince)) continue;
    const make = (due: Day, basis: Day | '', resets: 0 | 1): Task => ({
      id: taskId('plan', plan.id, c.id, due), source: 'plan', ref: plan.id, customerId: c.id, customerName: c.name, unitCode: c.unitCode,
      due, occursOn: due, dateKind: '', templateId: plan.templateId, ownerId: plan.ownerId, teamId: plan.teamId, basis, resets,
    });
    if (r.every === 'afterContact') {
      const basis = lastContact.get(c.id) ?? '';
      const due = dueAfterContact(r.days, plan.start, basis);
      if (due <= last) tasks.push(make(due, basis, 1));
    } else for (const due of calendarDays) tasks.push(make(due, '', 0));
  }
  return tasks;
}

/** An after-contact task counted from an older contact than the customer's last one was reset by that contact. */
export function isSuperseded(task: Pick<Task, 'resets' | 'basis' | 'customerId'>, lastContact: ReadonlyMap<string, Day>): boolean {
  if (!task.resets) return false;
  const latest = lastContact.get(task.customerId) ?? '';
  return latest > task.basis;
}

/**
 * Writes the tasks this device does not hold yet, one command per ledger year. Each is an
 * upsert of the same id with the same fields, so a copy made meanwhile on another tablet merges
 * with it into one record.
 */
export function upsertTasks(tasks: Task[], ctx: CommandContext): Command[] {
  const byShard = new Map<ShardName, Op[]>();
  for (const t of tasks) {
    const shard = taskShard(t);
    const { id, ...fields } = t;
    const ops = byShard.get(shard) ?? [];
    ops.push({ kind: 'set', collection: 'tasks', id, upsert: true, fields });
    ops.push({ kind: 'log', collection: 'tasks', id, entry: historyEntry(ctx, 'task.generated') });
    byShard.set(shard, ops);
  }
  return [...byShard].map(([shard, ops]) => ({ shard, ops }));
}

/** Done or skipped (a skip needs its reason), recorded once per task. */
export function finishTask(task: Pick<Task, 'id' | 'due'>, outcome: TaskResultRow['outcome'], reason: string, ctx: CommandContext): Result<Command> {
  const why = reason.trim();
  if (outcome === 'skipped' && !why) return fail({ code: 'task.error.reasonRequired', field: 'reason' });
  if (why.length > LIMITS.note) return fail({ code: 'error.tooLong', field: 'reason', params: { max: LIMITS.note } });
  return ok({
    shard: taskShard(task),
    ops: [
      { kind: 'set', collection: 'taskResults', id: task.id, upsert: true, fields: { outcome, reason: why, at: ctx.now, by: ctx.actor.staffId, byName: ctx.actor.name } },
      { kind: 'log', collection: 'taskResults', id: task.id, entry: historyEntry(ctx, outcome === 'done' ? 'task.done' : 'task.skipped', undefined, why ? { reason: why } : undefined) },
    ],
  });
}

export function projectTask(id: string, r: Record<string, unknown>): TaskRow {
  const s = (k: string) => String(r[k] ?? '');
  return {
    id, source: SOURCES.includes(r.source as Task['source']) ? (r.source as Task['source']) : 'care', ref: s('ref'), customerId: s('customerId'), customerName: s('customerName'), unitCode: s('unitCode'),
    due: s('due'), occursOn: s('occursOn') || s('due'), dateKind: (s('dateKind') as DateKind) || '', templateId: s('templateId'), ownerId: s('ownerId'), teamId: s('teamId'),
    basis: s('basis'), resets: r.resets === 1 ? 1 : 0,
  };
}

export function projectTaskResult(id: string, r: Record<string, unknown>): TaskResultRow {
  return { id, outcome: r.outcome === 'skipped' ? 'skipped' : 'done', reason: String(r.reason ?? ''), at: String(r.at ?? ''), by: String(r.by ?? ''), byName: String(r.byName ?? '') };
}

/**
 * The template a task prints or copies now: the office's current choice (care settings for a
 * date kind, the plan's template), falling back to the one recorded when the task was made. A
 * task made before the office set its birthday template must still offer 打印贺信 once it is set,
 * and a changed choice applies to tasks already on 今日.
 */
export function templateOfTask(task: Pick<Task, 'source' | 'ref' | 'dateKind' | 'templateId'>, now: { care: Partial<Record<DateKind, string>>; plans: Record<string, string> }): string {
  if (task.source === 'care' && task.dateKind) return now.care[task.dateKind] || task.templateId;
  if (task.source === 'plan' && task.ref in now.plans) return now.plans[task.ref] || task.templateId;
  return task.templateId;
}
