import { addDays, type Day } from '../../domain/days';
import { needsReview, type AnswerRow } from '../../domain/answers/answer';
import { officeDay, officeDayEnd } from '../../domain/requests/work-time';
import type { RequestRow } from '../../domain/requests/types';
import type { WorkCalendar } from '../../domain/requests/settings';
import type { TemplateKind } from '../../domain/templates/template';
import { isSuperseded, type TaskRow } from '../../domain/tasks/task';
import { careSettingsFrom } from '../../domain/tasks/care-settings';
import type { DateKind } from '../../domain/dates';
import { openSurveyTasks, responseOfTask, surveyOfTask } from '../../domain/tasks/survey-tasks';
import { unitSortKey } from '../../domain/units/unit';
import type { ReadonlyDB } from '../readonly-db';
import { serviceSettings } from './settings';
import { lastContacts } from './tasks';

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
  /** The templates chosen now (care settings, plans): a task prints with these (`templateOfTask`). */
  templatesNow: { care: Partial<Record<DateKind, string>>; plans: Record<string, string> };
}

/** The survey follow-ups still open (no answer from the household since, no result), in building and unit order, and their surveys' names. */
async function surveyFollowUps(db: ReadonlyDB, tasks: TaskRow[], finished: ReadonlySet<string>): Promise<{ tasks: TaskRow[]; names: TodayView['surveyNames'] }> {
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

/** Who is looking and which day it is: what every section of 今日 is read for (two small reads). */
export interface TodayBasis {
  me: string;
  team: string;
  today: Day;
  /** The end of the office day (requests due until then are today's). */
  end: string;
  calendar: WorkCalendar;
}

export async function todayBasis(db: ReadonlyDB, me: string, now: Date): Promise<TodayBasis> {
  const [settings, myself] = await Promise.all([serviceSettings(db), db.staff.get(me)]);
  return { me, team: myself?.teamId ?? '', today: officeDay(now, settings.calendar), end: officeDayEnd(now, settings.calendar), calendar: settings.calendar };
}

/** Requests due today or overdue, mine (assigned or first contact) then my team's, by deadline: three index ranges. */
export async function todayRequests(db: ReadonlyDB, b: TodayBasis): Promise<RequestRow[]> {
  const until = (index: string, key: string) => db.requests.where(index).between([1, key, ''], [1, key, b.end], true, true).toArray();
  const [assigned, owned, ofTeam] = await Promise.all([
    until('[open+assigneeId+dueFinish]', b.me),
    until('[open+ownerId+dueFinish]', b.me),
    b.team ? until('[open+teamId+dueFinish]', b.team) : Promise.resolve([] as RequestRow[]),
  ]);
  const seen = new Set<string>();
  const requests = [...assigned, ...owned, ...ofTeam].filter((r) => running(r) && !seen.has(r.id) && !!seen.add(r.id));
  return requests.sort((a, b) => a.dueFinish.localeCompare(b.dueFinish));
}

/**
 * Done and waiting for the follow-up visit, mine or my team's (the first 50). Read in one go and
 * sifted here: a filtered cursor costs a round trip to the page's thread for every row, and those
 * wait behind whatever the page is drawing.
 */
export async function todayFollowUps(db: ReadonlyDB, b: TodayBasis): Promise<RequestRow[]> {
  const { me, team } = b;
  const rows = await db.requests.where('followUpDue').equals(1).toArray();
  return rows.filter((r) => r.open === 1 && (r.ownerId === me || r.assigneeId === me || (!!team && r.teamId === team))).slice(0, 50);
}

/** The ids of the finished tasks of one source (task ids begin with their source): keys only, one read. */
async function finishedOf(db: ReadonlyDB, source: TaskRow['source']): Promise<Set<string>> {
  return new Set((await db.taskResults.where(':id').between(`${source}:`, `${source};`, true, false).primaryKeys()) as string[]);
}

/**
 * The tasks of one source due until `until` that nobody finished and that are mine, my team's or
 * nobody's. Finished tasks stay in the index range for ever, so the range is read as keys first.
 */
async function openTasks(db: ReadonlyDB, b: TodayBasis, source: TaskRow['source'], until: Day): Promise<TaskRow[]> {
  const [ids, finished] = await Promise.all([
    db.tasks.where('[source+due]').between([source, ''], [source, until], true, true).primaryKeys() as Promise<string[]>,
    finishedOf(db, source),
  ]);
  const wanted = ids.filter((id) => !finished.has(id));
  if (!wanted.length) return [];
  // Mostly open: the range in one read (a read by id is an event on this thread per task);
  // mostly finished (a long history): only the open ones, by id.
  const rows = wanted.length >= ids.length - wanted.length
    ? (await db.tasks.where('[source+due]').between([source, ''], [source, until], true, true).toArray()).filter((t) => !finished.has(t.id))
    : await db.tasks.bulkGet(wanted);
  const { me, team } = b;
  const open = rows.filter((t): t is TaskRow => !!t && ((!t.ownerId && !t.teamId) || t.ownerId === me || (!!team && t.teamId === team)));
  const resets = [...new Set(open.filter((t) => t.resets).map((t) => t.customerId))];
  if (!resets.length) return open;
  const contacts = await lastContacts(db, resets, b.calendar);
  return open.filter((t) => !isSuperseded(t, contacts));
}

/** Greetings for dates in the next days, and greetings already due, by the day. */
export async function todayCare(db: ReadonlyDB, b: TodayBasis): Promise<TaskRow[]> {
  const week = addDays(b.today, CARE_WINDOW_DAYS);
  const care = await openTasks(db, b, 'care', week);
  return care.filter((t) => t.due <= b.today || t.occursOn <= week).sort((a, z) => a.occursOn.localeCompare(z.occursOn));
}

const zh = new Intl.Collator('zh-CN');
const byDue = (a: TaskRow, b: TaskRow) => a.due.localeCompare(b.due) || zh.compare(a.customerName, b.customerName);

/** Communication-plan tasks due today or earlier. */
export async function todayPlanTasks(db: ReadonlyDB, b: TodayBasis): Promise<TaskRow[]> {
  return (await openTasks(db, b, 'plan', b.today)).sort(byDue);
}

/** The open survey follow-ups due today or earlier, and their surveys' names. */
export async function todaySurveyTasks(db: ReadonlyDB, b: TodayBasis): Promise<{ tasks: TaskRow[]; names: TodayView['surveyNames'] }> {
  const [tasks, finished] = await Promise.all([db.tasks.where('[source+due]').between(['survey', ''], ['survey', b.today], true, true).toArray(), finishedOf(db, 'survey')]);
  return surveyFollowUps(db, tasks, finished);
}

/** Standard answers I keep whose review date has come. */
export async function todayAnswers(db: ReadonlyDB, b: TodayBasis): Promise<AnswerRow[]> {
  return (await db.answers.where('review').between('0', b.today, true, true).toArray()).filter((a) => a.keeperId === b.me && needsReview(a, b.today));
}

/** What a task's title and buttons need: the plans' names and the templates' kinds (a few rows each). */
export async function taskLabels(db: ReadonlyDB): Promise<Pick<TodayView, 'planNames' | 'templateKinds' | 'templatesNow'>> {
  const [plans, templates, care] = await Promise.all([db.plans.toArray(), db.templates.toArray(), db.settings.get('care')]);
  return {
    planNames: Object.fromEntries(plans.map((p) => [p.id, p.name])),
    templateKinds: Object.fromEntries(templates.map((x) => [x.id, x.kind])),
    templatesNow: { care: careSettingsFrom(care?.data).templates, plans: Object.fromEntries(plans.map((p) => [p.id, p.templateId])) },
  };
}

/**
 * Everything 今日 shows for one staff member at once (the printed worksheet). The page itself
 * reads each section on its own, and draws each as soon as its rows are there.
 */
export async function todayView(db: ReadonlyDB, me: string, now: Date): Promise<TodayView> {
  const b = await todayBasis(db, me, now);
  const [requests, followUps, care, planTasks, survey, answersToReview, labels] = await Promise.all([
    todayRequests(db, b), todayFollowUps(db, b), todayCare(db, b), todayPlanTasks(db, b), todaySurveyTasks(db, b), todayAnswers(db, b), taskLabels(db),
  ]);
  return { today: b.today, requests, followUps, care, planTasks, surveyTasks: survey.tasks, surveyNames: survey.names, answersToReview, ...labels };
}
