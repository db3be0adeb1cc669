import { addDays, type Day } from '../../domain/days';
import { needsReview, type AnswerRow } from '../../domain/answers/answer';
import { officeDay, officeDayEnd } from '../../domain/requests/work-time';
import type { RequestRow } from '../../domain/requests/types';
import type { TemplateKind } from '../../domain/templates/template';
import { isSuperseded, type TaskRow } from '../../domain/tasks/task';
import { openSurveyTasks, responseOfTask, surveyOfTask } from '../../domain/tasks/survey-tasks';
import { unitSortKey } from '../../domain/unit';
import type { LinliDB } from '../db';
import { serviceSettings } from './settings';
import { lastContacts } from '../tasks';

/** How far ahead 今日 shows birthdays and anniversaries. */
export const CARE_WINDOW_DAYS = 7;

export interface TodayView {
  today: Day;
  /** Requests due today or overdue: mine (assigned or first contact), then my team's. */
  requests: RequestRow[];
  /** Done and waiting for the follow-up visit (回访), mine or my team's. */
  followUps: RequestRow[];
  /** Greetings for dates in the next days, and greetings already due. */
  care: TaskRow[];
  /** Communication-plan tasks due today or earlier. */
  planTasks: TaskRow[];
  /** Households that did not answer a survey wave, until they answer or the task is done or skipped. */
  surveyTasks: TaskRow[];
  /** Each survey task's survey and wave, by the task's ref: `{ survey, wave }` titles. */
  surveyNames: Record<string, { survey: string; wave: string }>;
  /** Standard answers I keep whose review date has come. */
  answersToReview: AnswerRow[];
  planNames: Record<string, string>;
  /** Each template's kind: a letter prints, a message is copied. */
  templateKinds: Record<string, TemplateKind>;
}

/** The survey follow-ups still open (no answer from the household since, no result), in building and unit order, and their surveys' names. */
async function surveyFollowUps(db: LinliDB, tasks: TaskRow[], finished: ReadonlySet<string>): Promise<{ tasks: TaskRow[]; names: TodayView['surveyNames'] }> {
  if (!tasks.length) return { tasks: [], names: {} };
  const responses = await db.responses.bulkGet([...new Set(tasks.map(responseOfTask))]);
  const open = openSurveyTasks(tasks, finished, new Set(responses.flatMap((r) => (r ? [r.id] : []))));
  const refs = [...new Set(open.map((t) => t.ref))];
  const surveys = await db.surveys.bulkGet([...new Set(refs.map((ref) => surveyOfTask({ ref }).surveyId))]);
  const names: TodayView['surveyNames'] = {};
  for (const ref of refs) {
    const { surveyId, wave } = surveyOfTask({ ref });
    const s = surveys.find((x) => x?.id === surveyId);
    names[ref] = { survey: s?.title ?? '', wave: s?.waves.find((w) => w.n === wave)?.label ?? String(wave) };
  }
  open.sort((a, b) => a.ref.localeCompare(b.ref) || unitSortKey(a.unitCode).localeCompare(unitSortKey(b.unitCode)));
  return { tasks: open, names };
}

const running = (r: RequestRow) => !r.waiting && r.status !== 'done' && r.status !== 'followUp';

/**
 * Everything 今日 shows for one staff member, from the projection in one pass (indexes in
 * deadline order; tasks of the next week with their outcomes).
 */
export async function todayView(db: LinliDB, me: string, now: Date): Promise<TodayView> {
  const [settings, myself] = await Promise.all([serviceSettings(db), db.staff.get(me)]);
  const team = myself?.teamId ?? '';
  const today = officeDay(now, settings.calendar);
  const end = officeDayEnd(now, settings.calendar);
  const until = (index: string, key: string) => db.requests.where(index).between([1, key, ''], [1, key, end], true, true).toArray();
  const [assigned, owned, ofTeam, followUps, tasks, review, plans, templates] = await Promise.all([
    until('[open+assigneeId+dueFinish]', me),
    until('[open+ownerId+dueFinish]', me),
    team ? until('[open+teamId+dueFinish]', team) : Promise.resolve([] as RequestRow[]),
    db.requests.where('followUpDue').equals(1).filter((r) => r.open === 1 && (r.ownerId === me || r.assigneeId === me || (!!team && r.teamId === team))).limit(50).toArray(),
    db.tasks.where('due').belowOrEqual(addDays(today, CARE_WINDOW_DAYS)).toArray(),
    db.answers.where('review').between('0', today, true, true).filter((a) => a.keeperId === me && needsReview(a, today)).toArray(),
    db.plans.toArray(),
    db.templates.toArray(),
  ]);
  const seen = new Set<string>();
  const requests = [...assigned, ...owned, ...ofTeam].filter((r) => running(r) && !seen.has(r.id) && !!seen.add(r.id));
  requests.sort((a, b) => a.dueFinish.localeCompare(b.dueFinish));
  const results = await db.taskResults.bulkGet(tasks.map((t) => t.id));
  const open = tasks.filter((t, i) => !results[i] && ((!t.ownerId && !t.teamId) || t.ownerId === me || (!!team && t.teamId === team)));
  const contacts = await lastContacts(db, [...new Set(open.filter((t) => t.resets).map((t) => t.customerId))], settings.calendar);
  const current = open.filter((t) => !isSuperseded(t, contacts));
  const survey = await surveyFollowUps(db, tasks.filter((t) => t.source === 'survey' && t.due <= today), new Set(tasks.filter((_, i) => results[i]).map((t) => t.id)));
  const byDue = (a: TaskRow, b: TaskRow) => a.due.localeCompare(b.due) || a.customerName.localeCompare(b.customerName, 'zh-CN');
  return {
    today,
    requests,
    followUps,
    care: current.filter((t) => t.source === 'care' && (t.due <= today || t.occursOn <= addDays(today, CARE_WINDOW_DAYS))).sort((a, b) => a.occursOn.localeCompare(b.occursOn)),
    planTasks: current.filter((t) => t.source === 'plan' && t.due <= today).sort(byDue),
    surveyTasks: survey.tasks,
    surveyNames: survey.names,
    answersToReview: review,
    planNames: Object.fromEntries(plans.map((p) => [p.id, p.name])),
    templateKinds: Object.fromEntries(templates.map((x) => [x.id, x.kind])),
  };
}
