import { A } from '@solidjs/router';
import { LIMITS } from '../../domain/limits';
import { createEffect, createMemo, createSignal, For, onCleanup, Show, type Accessor, type JSX } from 'solid-js';
import type { DateKind } from '../../domain/dates';
import type { Result } from '../../domain/result';
import type { TemplateKind } from '../../domain/templates/template';
import { logTemplateUse, mergeFor } from '../../store/templates';
import { templateOfTask, type TaskRow } from '../../domain/tasks/task';
import { surveyOfTask } from '../../domain/tasks/survey-tasks';
import { t } from '../../i18n';
import { logContact } from '../../store/contacts';
import type { Office } from '../../store/office-api';
import type { TodayView as View } from '../../store/queries/today';
import type { AnswerRow } from '../../domain/answers/answer';
import type { RequestRow } from '../../domain/requests/types';
import { finishTask } from '../../store/tasks';
import { todayPrintLinks } from '../../print/links';
import { Problems } from '../common/Problems';
import { createAction, FormShell, saveWith } from '../common/FormShell';
import { RequestRowView } from '../requests/RequestRowView';
import { TODAY_SLOTS } from './slots';
import { daysFromToday } from '../customers/UpcomingDates';
import { lunarText } from '../../shared/date-text';
import './today.css';
// Notices in force and open incidents (issue 20)
import { TodayBoard } from '../notices/TodayBoard';

/**
 * One list of 今日. `count` null: its rows are still being read — the heading is drawn, with a
 * quiet line in the room the list will take, and no test id yet (the list is not there).
 */
function Section(props: { id: string; title: string; count: number | null; children: JSX.Element }) {
  const loading = () => props.count === null;
  return (
    <section class="card today-section" classList={{ 'today-loading': loading() }} aria-labelledby={`today-${props.id}`} aria-busy={loading()}
      data-testid={loading() ? undefined : `today-${props.id}`}>
      <h2 id={`today-${props.id}`}>{props.title} <span class="count">{props.count ?? ''}</span></h2>
      <Show when={!loading()} fallback={<p class="muted">{t('common.loading')}</p>}>
        <Show when={props.count} fallback={<p class="muted">{t('today.nothing')}</p>}>{props.children}</Show>
      </Show>
    </section>
  );
}

/** The day of a care task: 农历冬月初五（12月13日） for a lunar date (its key in the task's ref), else 12月13日. */
function careDate(task: TaskRow): string {
  const [, month, day] = task.occursOn.split('-').map(Number);
  const solar = t('date.monthDay', { month, day });
  const lunar = task.ref.match(/\.L:(\d+)-(\d+)(\+)?$/);
  if (!lunar) return solar;
  const text = t('date.lunarMonthDay', { month: Number(lunar[1]), day: Number(lunar[2]), leap: lunar[3] ? t('date.leap') : '', text: lunarText(Number(lunar[1]), Number(lunar[2]), !!lunar[3]) });
  return t('today.lunarSolar', { lunar: text, solar });
}

/** What a task is about, in words (also the summary of the call it logs): 生日 农历冬月初五（12月13日）, the plan's name, 问卷回访：年度满意度调查 · 第一轮. */
function taskTitle(task: TaskRow, v: Pick<View, 'surveyNames' | 'planNames'>): string {
  if (task.source === 'care') return t('today.careTitle', { kind: t(`date.${task.dateKind as DateKind}`), date: careDate(task) });
  if (task.source === 'survey') return t('today.surveyTitle', v.surveyNames[task.ref] ?? { survey: '', wave: '' });
  return v.planNames[task.ref] ?? t('today.planTask');
}

/** A survey follow-up is done by keying the household's answers: the entry grid at that household, by phone unless changed. */
function surveyEntryHref(task: TaskRow): string {
  const { surveyId, wave } = surveyOfTask(task);
  return `/surveys/${encodeURIComponent(surveyId)}/entry?wave=${wave}&unit=${encodeURIComponent(task.unitCode)}&channel=phone`;
}

/**
 * One task, one tap from done: print the letter (care with a template), log the call, key the
 * survey answers (survey follow-ups), or skip with a reason.
 */
function TaskItem(props: { office: Office; task: TaskRow; today: string; title: string; templateKind: TemplateKind | undefined }) {
  const [skipping, setSkipping] = createSignal(false);
  const [reason, setReason] = createSignal('');
  // One action at a time on a task: a double tap on 完成 or 记一次电话 finishes it once.
  const action = createAction();
  const busy = action.busy;
  const title = () => props.title;
  /** Who the task is for, in the buttons' names: the customer, or the unit of a household without one. */
  const who = () => props.task.customerName || props.task.unitCode;
  const markDone = () => action.run(() => finishTask(props.office, props.task, 'done', ''));
  const logCall = () => action.run(async () => {
    const logged = await logContact(props.office, { customerId: props.task.customerId, unitCode: props.task.unitCode, channel: 'phone', summary: title() });
    return logged.ok ? finishTask(props.office, props.task, 'done', '') : logged;
  });
  // A message is copied for WeChat or SMS (nothing is sent from here) and logged as a contact.
  const [copied, setCopied] = createSignal(false);
  const copyMessage = () => action.run(async () => {
    const merged = await mergeFor(props.office, props.task.templateId, [props.task.customerId]);
    let r: Result<unknown> = merged;
    if (merged.ok && merged.value.letters[0]) {
      const letter = merged.value.letters[0];
      await navigator.clipboard.writeText(letter.text).catch(() => undefined);
      setCopied(true);
      r = await logTemplateUse(props.office, merged.value.template, letter, t('today.messageLogged', { name: merged.value.template.name, version: merged.value.template.version }));
      if (r.ok) r = await finishTask(props.office, props.task, 'done', '');
    }
    return r;
  });
  const skip = saveWith(action, () => finishTask(props.office, props.task, 'skipped', reason()));
  return (
    <li class="task" data-task={props.task.id} classList={{ late: props.task.due < props.today }}>
      <div class="task-what">
        <Show when={props.task.customerId}><A href={`/customers/${props.task.customerId}`} class="name">{props.task.customerName}</A></Show>
        <span class="unit">{props.task.unitCode}</span>
        <span>{title()}</span>
        {/* How far off the day is (生日 in 6 天后): not part of the title, which is logged with the call. */}
        <Show when={props.task.source === 'care'}><span class={props.task.occursOn <= props.today ? 'soon' : 'muted'} data-testid="care-when">{daysFromToday(props.task.occursOn, props.today)}</span></Show>
        <Show when={props.task.due < props.today}><span class="chip urgent">{t('today.late')}</span></Show>
      </div>
      <div class="task-actions">
        <Show when={props.task.templateId && props.templateKind === 'message'}>
          <button type="button" class="primary" disabled={busy()} onClick={copyMessage} aria-label={t('today.copyMessageFor', { name: props.task.customerName })}>{copied() ? t('today.copied') : t('today.copyMessage')}</button>
        </Show>
        <Show when={props.task.templateId && props.templateKind && props.templateKind !== 'message'}>
          <A class="button primary" href={todayPrintLinks.letter(props.task.templateId, [props.task.customerId], [props.task.id])}
            aria-label={t('today.printLetterFor', { name: props.task.customerName })}>{t('today.printLetter')}</A>
        </Show>
        <Show when={props.task.source === 'survey'} fallback={
          <button type="button" disabled={busy()} onClick={logCall} aria-label={t('today.logCallFor', { name: props.task.customerName })}>{t('today.logCall')}</button>
        }>
          <A class="button primary" href={surveyEntryHref(props.task)} aria-label={t('today.surveyAnswerFor', { name: who() })}>{t('today.surveyAnswer')}</A>
          <button type="button" disabled={busy()} onClick={markDone} aria-label={t('today.doneFor', { name: who() })}>{t('today.done')}</button>
        </Show>
        <button type="button" class="link" onClick={() => setSkipping(!skipping())} aria-expanded={skipping()} aria-label={t('today.skipFor', { name: who() })}>{t('today.skip')}</button>
      </div>
      <Show when={skipping()}>
        <FormShell save={skip} class="skip" aria-label={t('today.skipFor', { name: who() })} submit={t('today.skipConfirm')} tone="plain" actionsClass="inline-actions" problemsAt="none">
          <label>
            {t('today.skipReason')}
            <input value={reason()} maxLength={LIMITS.longText} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
        </FormShell>
      </Show>
      <Problems problems={action.problems()} />
    </li>
  );
}

/** Care tasks that print the same letter, two or more: printed in one go (each letter on its own page). */
function letterBatches(v: Pick<View, 'care' | 'templateKinds'>): { templateId: string; tasks: TaskRow[] }[] {
  const byTemplate = new Map<string, TaskRow[]>();
  for (const task of v.care) {
    if (!task.templateId || v.templateKinds[task.templateId] === 'message' || !v.templateKinds[task.templateId]) continue;
    byTemplate.set(task.templateId, [...(byTemplate.get(task.templateId) ?? []), task]);
  }
  return [...byTemplate].filter(([, tasks]) => tasks.length > 1).map(([templateId, tasks]) => ({ templateId, tasks }));
}

/** Rows drawn at first, then a chunk more in each following task until all are drawn. */
const FIRST_ROWS = 24;
const MORE_ROWS = 100;

/**
 * A long list drawn a screenful first and the rest in chunks right after, each in a task of its
 * own (1,200 plan tasks are some 10,000 elements: drawn in one go they hold the screen back and
 * any tap with it). The rest waits until every section has its first rows on screen. The list is
 * the same once drawn; a live update keeps what is drawn.
 */
function progressive<T>(rows: Accessor<T[] | null>, ready: Accessor<boolean>): Accessor<T[]> {
  const [shown, setShown] = createSignal(FIRST_ROWS);
  createEffect(() => {
    const all = rows();
    const n = shown();
    if (!all || !ready() || all.length <= n) return;
    const timer = setTimeout(() => setShown(n + MORE_ROWS), 0);
    onCleanup(() => clearTimeout(timer));
  });
  return () => {
    const all = rows() ?? [];
    const n = shown();
    return all.length <= n ? all : all.slice(0, n);
  };
}

/** Each section's rows as they arrive (null while still being read). */
export interface TodaySections {
  requests: Accessor<RequestRow[] | null>;
  care: Accessor<TaskRow[] | null>;
  plans: Accessor<TaskRow[] | null>;
  surveys: Accessor<{ tasks: TaskRow[]; names: View['surveyNames'] } | null>;
  followUps: Accessor<RequestRow[] | null>;
  answers: Accessor<AnswerRow[] | null>;
  labels: Accessor<Pick<View, 'planNames' | 'templateKinds' | 'templatesNow'> | null>;
}

/**
 * 今日: the view. Each list says how many; each item is one tap from done. The frame and every
 * heading draw at once; a list draws when its own rows are read. The lists that show only when
 * they hold something (surveys, answers, the slots) hold back what follows them until they know,
 * so that no card moves under a finger.
 */
export function TodayView(props: { office: Office; today: string | null; sections: TodaySections; generating: boolean; title: string }) {
  const now = () => new Date();
  const s = props.sections;
  const today = () => props.today ?? '';
  /**
   * A task list needs the plans' names and the templates' kinds too (a few rows, read at once),
   * and each task shows the template chosen now; a row keeps its object when that is the one it
   * holds, so that one list drawn keeps its items.
   */
  const tasksOf = (rows: Accessor<TaskRow[] | null>) => createMemo(() => {
    const labels = s.labels();
    if (!labels) return null;
    return rows()?.map((task) => {
      const templateId = templateOfTask(task, labels.templatesNow);
      return templateId === task.templateId ? task : { ...task, templateId };
    }) ?? null;
  });
  const care = tasksOf(s.care);
  const plans = tasksOf(s.plans);
  const surveys = () => (s.labels() ? s.surveys() : null);
  const names = () => ({ surveyNames: s.surveys()?.names ?? {}, planNames: s.labels()?.planNames ?? {} });
  const kinds = () => s.labels()?.templateKinds ?? {};
  const followUps = () => (s.surveys() === null ? null : s.followUps());
  const count = (rows: Accessor<unknown[] | null>) => rows()?.length ?? null;
  const allIn = () => Object.values(s).every((rows) => rows() !== null);
  const shownRequests = progressive(s.requests, allIn);
  const shownCare = progressive(care, allIn);
  const shownPlans = progressive(plans, allIn);
  const shownSurveys = progressive(() => surveys()?.tasks ?? null, allIn);
  return (
    <main class="page wide today">
      <div class="page-head">
        <h1>{props.title}</h1>
        <div class="head-actions">
          <A href={todayPrintLinks.worksheet()} class="button">{t('today.printSheet')}</A>
          <A href="/requests/new" class="button primary">{t('requests.new')}</A>
        </div>
      </div>
      <p class="muted today-date" aria-live="polite">{props.today ? t('today.date', { date: props.today }) : '\u00a0'}{props.today && props.generating ? ` · ${t('today.generating')}` : ''}</p>
      <TodayBoard office={props.office} today={props.today} />
      <div class="today-grid" data-testid="today" data-today={props.today ?? undefined}>
        <Section id="requests" title={t('today.requests')} count={count(s.requests)}>
          <ul class="rows">
            <For each={shownRequests()}>{(row) => <li><RequestRowView row={row} now={now()} /></li>}</For>
          </ul>
        </Section>
        <Section id="care" title={t('today.care')} count={count(care)}>
          <For each={letterBatches({ care: care() ?? [], templateKinds: kinds() })}>
            {(batch) => (
              <A class="button" href={todayPrintLinks.letter(batch.templateId, batch.tasks.map((k) => k.customerId), batch.tasks.map((k) => k.id))}>
                {t('today.printBatch', { n: batch.tasks.length })}
              </A>
            )}
          </For>
          <ul class="tasks">
            <For each={shownCare()}>{(task) => <TaskItem office={props.office} task={task} today={today()} title={taskTitle(task, names())} templateKind={kinds()[task.templateId]} />}</For>
          </ul>
        </Section>
        <Section id="plans" title={t('today.plans')} count={count(plans)}>
          <ul class="tasks">
            <For each={shownPlans()}>{(task) => <TaskItem office={props.office} task={task} today={today()} title={taskTitle(task, names())} templateKind={kinds()[task.templateId]} />}</For>
          </ul>
        </Section>
        <Show when={surveys()?.tasks.length}>
          {(n) => (
            <Section id="surveys" title={t('today.surveys')} count={n()}>
              <ul class="tasks">
                <For each={shownSurveys()}>{(task) => <TaskItem office={props.office} task={task} today={today()} title={taskTitle(task, names())} templateKind={undefined} />}</For>
              </ul>
            </Section>
          )}
        </Show>
        <Section id="followups" title={t('today.followUps')} count={count(followUps)}>
          <ul class="rows">
            <For each={followUps()}>{(row) => <li><RequestRowView row={row} now={now()} /></li>}</For>
          </ul>
        </Section>
        <Show when={s.answers()?.length ? s.answers() : undefined}>
          {(answers) => (
            <Section id="answers" title={t('today.answersToReview')} count={answers().length}>
              <ul class="plain">
                <For each={answers()}>{(a) => <li><A href={`/answers?edit=${a.id}`}>{a.title}</A> <span class="muted">{t('today.reviewSince', { date: a.review })}</span></li>}</For>
              </ul>
            </Section>
          )}
        </Show>
        {/* SLOT: papers printed and not back, seminars needing minutes — see ./slots.ts */}
        <Show when={props.today && s.answers() !== null}>
          <For each={TODAY_SLOTS}>{(slot) => <slot.section office={props.office} today={today()} />}</For>
        </Show>
      </div>
    </main>
  );
}
