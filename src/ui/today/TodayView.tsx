import { A } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { DateKind } from '../../domain/dates';
import type { Problem, Result } from '../../domain/result';
import type { TemplateKind } from '../../domain/templates/template';
import { logTemplateUse, mergeFor } from '../../store/templates';
import type { TaskRow } from '../../domain/tasks/task';
import { surveyOfTask } from '../../domain/tasks/survey-tasks';
import { t } from '../../i18n';
import { logContact } from '../../store/contacts';
import type { Office } from '../../store/office-api';
import type { TodayView as View } from '../../store/queries/today';
import { finishTask } from '../../store/tasks';
import { todayPrintLinks } from '../../print/links';
import { Problems } from '../common/Problems';
import { RequestRowView } from '../requests/RequestRowView';
import { TODAY_SLOTS } from './slots';
import './today.css';

function Section(props: { id: string; title: string; count: number; children: JSX.Element }) {
  return (
    <section class="card today-section" aria-labelledby={`today-${props.id}`} data-testid={`today-${props.id}`}>
      <h2 id={`today-${props.id}`}>{props.title} <span class="count">{props.count}</span></h2>
      <Show when={props.count} fallback={<p class="muted">{t('today.nothing')}</p>}>{props.children}</Show>
    </section>
  );
}

/** What a task is about, in words: 生日（农历）11月28日, the plan's name, 问卷回访：年度满意度调查 · 第一轮. */
function taskTitle(task: TaskRow, v: View): string {
  if (task.source === 'care') return t('today.careTitle', { kind: t(`date.${task.dateKind as DateKind}`), date: task.occursOn });
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
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const title = () => props.title;
  /** Who the task is for, in the buttons' names: the customer, or the unit of a household without one. */
  const who = () => props.task.customerName || props.task.unitCode;
  const markDone = async () => {
    setBusy(true);
    const done = await finishTask(props.office, props.task, 'done', '');
    setBusy(false);
    setProblems(done.ok ? [] : done.problems);
  };
  const logCall = async () => {
    setBusy(true);
    const logged = await logContact(props.office, { customerId: props.task.customerId, unitCode: props.task.unitCode, channel: 'phone', summary: title() });
    const done = logged.ok ? await finishTask(props.office, props.task, 'done', '') : logged;
    setBusy(false);
    setProblems(done.ok ? [] : done.problems);
  };
  // A message is copied for WeChat or SMS (nothing is sent from here) and logged as a contact.
  const [copied, setCopied] = createSignal(false);
  const copyMessage = async () => {
    setBusy(true);
    const merged = await mergeFor(props.office, props.task.templateId, [props.task.customerId]);
    let r: Result<unknown> = merged;
    if (merged.ok && merged.value.letters[0]) {
      const letter = merged.value.letters[0];
      await navigator.clipboard.writeText(letter.text).catch(() => undefined);
      setCopied(true);
      r = await logTemplateUse(props.office, merged.value.template, letter, t('today.messageLogged', { name: merged.value.template.name, version: merged.value.template.version }));
      if (r.ok) r = await finishTask(props.office, props.task, 'done', '');
    }
    setBusy(false);
    setProblems(r.ok ? [] : r.problems);
  };
  const skip = async (e: Event) => {
    e.preventDefault();
    const r = await finishTask(props.office, props.task, 'skipped', reason());
    setProblems(r.ok ? [] : r.problems);
  };
  return (
    <li class="task" data-task={props.task.id} classList={{ late: props.task.due < props.today }}>
      <div class="task-what">
        <Show when={props.task.customerId}><A href={`/customers/${props.task.customerId}`} class="name">{props.task.customerName}</A></Show>
        <span class="unit">{props.task.unitCode}</span>
        <span>{title()}</span>
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
        <form class="skip" onSubmit={skip} aria-label={t('today.skipFor', { name: who() })}>
          <label>
            {t('today.skipReason')}
            <input value={reason()} maxLength={2000} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit">{t('today.skipConfirm')}</button>
        </form>
      </Show>
      <Problems problems={problems()} />
    </li>
  );
}

/** Care tasks that print the same letter, two or more: printed in one go (each letter on its own page). */
function letterBatches(v: View): { templateId: string; tasks: TaskRow[] }[] {
  const byTemplate = new Map<string, TaskRow[]>();
  for (const task of v.care) {
    if (!task.templateId || v.templateKinds[task.templateId] === 'message' || !v.templateKinds[task.templateId]) continue;
    byTemplate.set(task.templateId, [...(byTemplate.get(task.templateId) ?? []), task]);
  }
  return [...byTemplate].filter(([, tasks]) => tasks.length > 1).map(([templateId, tasks]) => ({ templateId, tasks }));
}

/** 今日: the view. Each list says how many; each item is one tap from done. */
export function TodayView(props: { office: Office; view: View | null; generating: boolean; title: string }) {
  const now = () => new Date();
  return (
    <main class="page wide today">
      <div class="page-head">
        <h1>{props.title}</h1>
        <div class="head-actions">
          <A href={todayPrintLinks.worksheet()} class="button">{t('today.printSheet')}</A>
          <A href="/requests/new" class="button primary">{t('requests.new')}</A>
        </div>
      </div>
      <Show when={props.view} fallback={<p>{t('common.loading')}</p>}>
        {(v) => (
          <>
            <p class="muted" aria-live="polite">{t('today.date', { date: v().today })}{props.generating ? ` · ${t('today.generating')}` : ''}</p>
            <div class="today-grid" data-testid="today" data-today={v().today}>
              <Section id="requests" title={t('today.requests')} count={v().requests.length}>
                <ul class="rows">
                  <For each={v().requests}>{(row) => <li><RequestRowView row={row} now={now()} /></li>}</For>
                </ul>
              </Section>
              <Section id="care" title={t('today.care')} count={v().care.length}>
                <For each={letterBatches(v())}>
                  {(batch) => (
                    <A class="button" href={todayPrintLinks.letter(batch.templateId, batch.tasks.map((k) => k.customerId), batch.tasks.map((k) => k.id))}>
                      {t('today.printBatch', { n: batch.tasks.length })}
                    </A>
                  )}
                </For>
                <ul class="tasks">
                  <For each={v().care}>{(task) => <TaskItem office={props.office} task={task} today={v().today} title={taskTitle(task, v())} templateKind={v().templateKinds[task.templateId]} />}</For>
                </ul>
              </Section>
              <Section id="plans" title={t('today.plans')} count={v().planTasks.length}>
                <ul class="tasks">
                  <For each={v().planTasks}>{(task) => <TaskItem office={props.office} task={task} today={v().today} title={taskTitle(task, v())} templateKind={v().templateKinds[task.templateId]} />}</For>
                </ul>
              </Section>
              <Show when={v().surveyTasks.length}>
                <Section id="surveys" title={t('today.surveys')} count={v().surveyTasks.length}>
                  <ul class="tasks">
                    <For each={v().surveyTasks}>{(task) => <TaskItem office={props.office} task={task} today={v().today} title={taskTitle(task, v())} templateKind={undefined} />}</For>
                  </ul>
                </Section>
              </Show>
              <Section id="followups" title={t('today.followUps')} count={v().followUps.length}>
                <ul class="rows">
                  <For each={v().followUps}>{(row) => <li><RequestRowView row={row} now={now()} /></li>}</For>
                </ul>
              </Section>
              <Show when={v().answersToReview.length}>
                <Section id="answers" title={t('today.answersToReview')} count={v().answersToReview.length}>
                  <ul class="plain">
                    <For each={v().answersToReview}>{(a) => <li><A href={`/answers?edit=${a.id}`}>{a.title}</A> <span class="muted">{t('today.reviewSince', { date: a.review })}</span></li>}</For>
                  </ul>
                </Section>
              </Show>
              {/* SLOT: papers printed and not back, seminars needing minutes — see ./slots.ts */}
              <For each={TODAY_SLOTS}>{(slot) => <slot.section office={props.office} today={v().today} />}</For>
            </div>
          </>
        )}
      </Show>
    </main>
  );
}
