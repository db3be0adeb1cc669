import type { CommandContext } from '../actor';
import type { Day } from '../days';
import type { Command } from '../ops';
import { fail, ok, type Result } from '../result';
import { responseId } from '../surveys/response';
import type { Survey } from '../surveys/survey';
import { taskId, upsertTasks, type Task, type TaskRow } from './task';

/**
 * 问卷回访: the households that did not answer a survey wave become tasks on 今日. One task per
 * household (unit), id `survey:<survey>.<wave>:<unit>:<due>`, so two tablets pressing the button
 * on the same day, offline, write ONE record per household.
 *
 * Due day: the office day the button is pressed. A wave has a start but no planned end — the
 * office presses the button when its paper round is over, and the follow-ups are due from then.
 *
 * A household that answers later (by phone, at the door) has its follow-up closed by the
 * existence of its response (`surveyId~wave~unit`), derived on every view: nothing is written
 * into the task (a concurrent creation could win the merge and drop that edit), and what staff
 * did with it stays in `taskResults` as for any task.
 */
export const surveyTaskRef = (surveyId: string, wave: number) => `${surveyId}.${wave}`;

/** The survey and wave a survey task follows up (survey ids are letters and digits: the wave is after the last dot). */
export function surveyOfTask(task: Pick<Task, 'ref'>): { surveyId: string; wave: number } {
  const dot = task.ref.lastIndexOf('.');
  return { surveyId: task.ref.slice(0, dot), wave: Number(task.ref.slice(dot + 1)) };
}

/** The response that closes a survey task: the household's answers of that wave. */
export function responseOfTask(task: Pick<Task, 'ref' | 'unitCode'>): string {
  const { surveyId, wave } = surveyOfTask(task);
  return responseId(surveyId, wave, task.unitCode);
}

/** A targeted household as the follow-up needs it: its unit and the customer named for it (none: '' and the door). */
export interface SurveyHousehold {
  unitCode: string;
  customerId: string;
  name: string;
  /** false when that customer declined to be contacted: no task, as for care and plan tasks. */
  consent: boolean;
}

/**
 * The follow-up tasks of one wave, in the order of `households` (building and unit): one for
 * each household without a response and without a follow-up task of this wave already held
 * (`held`: unit codes), so pressing the button again makes nothing new.
 */
export function surveyFollowUpTasks(
  survey: Pick<Survey, 'id' | 'waves'>,
  wave: number,
  households: readonly SurveyHousehold[],
  answered: readonly { unitCode: string }[],
  held: ReadonlySet<string>,
  due: Day,
): Task[] {
  if (!survey.waves.some((w) => w.n === wave)) return [];
  const done = new Set(answered.map((r) => r.unitCode));
  const ref = surveyTaskRef(survey.id, wave);
  return households
    .filter((h) => h.unitCode && h.consent && !done.has(h.unitCode) && !held.has(h.unitCode))
    .map((h) => ({
      id: taskId('survey', ref, h.unitCode, due), source: 'survey', ref, customerId: h.customerId, customerName: h.name, unitCode: h.unitCode,
      due, occursOn: due, dateKind: '', templateId: '', ownerId: '', teamId: '', basis: '', resets: 0,
    }));
}

/** Who may turn the non-respondents into tasks: the manager and the front desk (as for 统计). */
export const mayMakeSurveyTasks = (role: string) => role === 'manager' || role === 'reception';

/** The commands writing them (one per ledger year, as `upsertTasks`); refused for other roles. */
export function makeSurveyTasks(tasks: Task[], role: string, ctx: CommandContext): Result<Command[]> {
  if (!mayMakeSurveyTasks(role)) return fail({ code: 'survey.error.followUpRole' });
  return ok(upsertTasks(tasks, ctx));
}

/**
 * The survey follow-ups still to do, from what the projection holds: a household that has
 * answered the wave since has none; and since two tablets pressing the button offline on
 * different days make a task each for one household, the household shows once (the earliest),
 * and a result on any of them (done, skipped) closes it.
 */
export function openSurveyTasks(tasks: readonly TaskRow[], finished: ReadonlySet<string>, responses: ReadonlySet<string>): TaskRow[] {
  const key = (t: TaskRow) => `${t.ref}:${t.unitCode}`;
  const survey = tasks.filter((t) => t.source === 'survey');
  const closed = new Set(survey.filter((t) => finished.has(t.id) || responses.has(responseOfTask(t))).map(key));
  const first = new Map<string, TaskRow>();
  for (const t of survey) {
    if (closed.has(key(t))) continue;
    const seen = first.get(key(t));
    if (!seen || t.due < seen.due) first.set(key(t), t);
  }
  return [...first.values()];
}
