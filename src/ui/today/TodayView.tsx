import { A } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { DateKind } from '../../domain/dates';
import type { Problem } from '../../domain/result';
import type { TaskRow } from '../../domain/tasks/task';
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

/** What a task is about, in words: 生日（农历）11月28日 · 3-2-1101 张伟. */
function taskTitle(task: TaskRow, planName: (id: string) => string): string {
  return task.source === 'care' ? t('today.careTitle', { kind: t(`date.${task.dateKind as DateKind}`), date: task.occursOn }) : planName(task.ref);
}

/** One task, one tap from done: print the letter (care with a template), log the call, or skip with a reason. */
function TaskItem(props: { office: Office; task: TaskRow; today: string; planName: (id: string) => string }) {
  const [skipping, setSkipping] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [problems, setProblems] = createSignal<Problem[]>([]);
  const [busy, setBusy] = createSignal(false);
  const title = () => taskTitle(props.task, props.planName);
  const logCall = async () => {
    setBusy(true);
    const logged = await logContact(props.office, { customerId: props.task.customerId, unitCode: props.task.unitCode, channel: 'phone', summary: title() });
    const done = logged.ok ? await finishTask(props.office, props.task, 'done', '') : logged;
    setBusy(false);
    setProblems(done.ok ? [] : done.problems);
  };
  const skip = async (e: Event) => {
    e.preventDefault();
    const r = await finishTask(props.office, props.task, 'skipped', reason());
    setProblems(r.ok ? [] : r.problems);
  };
  return (
    <li class="task" data-task={props.task.id} classList={{ late: props.task.due < props.today }}>
      <div class="task-what">
        <A href={`/customers/${props.task.customerId}`} class="name">{props.task.customerName}</A>
        <span class="unit">{props.task.unitCode}</span>
        <span>{title()}</span>
        <Show when={props.task.due < props.today}><span class="chip urgent">{t('today.late')}</span></Show>
      </div>
      <div class="task-actions">
        <Show when={props.task.templateId}>
          <A class="button primary" href={todayPrintLinks.letter(props.task.templateId, [props.task.customerId], [props.task.id])}
            aria-label={t('today.printLetterFor', { name: props.task.customerName })}>{t('today.printLetter')}</A>
        </Show>
        <button type="button" disabled={busy()} onClick={logCall} aria-label={t('today.logCallFor', { name: props.task.customerName })}>{t('today.logCall')}</button>
        <button type="button" class="link" onClick={() => setSkipping(!skipping())} aria-expanded={skipping()} aria-label={t('today.skipFor', { name: props.task.customerName })}>{t('today.skip')}</button>
      </div>
      <Show when={skipping()}>
        <form class="skip" onSubmit={skip} aria-label={t('today.skipFor', { name: props.task.customerName })}>
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

/** 今日: the view. Each list says how many; each item is one tap from done. */
export function TodayView(props: { office: Office; view: View | null; generating: boolean; title: string }) {
  const now = () => new Date();
  const planName = (id: string) => props.view?.planNames[id] ?? t('today.planTask');
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
                <ul class="tasks">
                  <For each={v().care}>{(task) => <TaskItem office={props.office} task={task} today={v().today} planName={planName} />}</For>
                </ul>
              </Section>
              <Section id="plans" title={t('today.plans')} count={v().planTasks.length}>
                <ul class="tasks">
                  <For each={v().planTasks}>{(task) => <TaskItem office={props.office} task={task} today={v().today} planName={planName} />}</For>
                </ul>
              </Section>
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
